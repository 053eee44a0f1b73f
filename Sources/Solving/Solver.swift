import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat

/// Solves a problem with a model, under one of two protocols.
///
/// As a contestant (the default, `Solver+Contestant.swift`), the contestant ``Strategy`` works on the statement and
/// the samples only: candidates in parallel, the sample filter, generated inputs, the choice by execution, repairs
/// on evidence; the hidden tests judge the one submitted program, once, after every request.
///
/// With the oracle (`Solver+Oracle.swift`), the loop of before: generate → extract → judge (samples first, then
/// hidden tests) → feedback or resample, until accepted or out of attempts. After a fresh attempt fails, the next one
/// gets feedback (multi-turn: the previous answer without its reasoning, then what went wrong). A program seen before
/// (same normalized code) is not judged again, and the next attempt is a fresh resample with a new seed and a higher
/// temperature, in the other language when none was pinned. A feedback attempt that fails the same way is also
/// followed by a resample: small models mostly resend their program.
public final class Solver: Sendable {
    public let config: SolveConfig
    public let prompts: PromptLibrary
    let judge: any SubmissionJudge
    let endpoints: EndpointPool

    /// - Parameters:
    ///   - requestLimit: model requests in flight at once over every solve of this solver (nil: no limit); solves
    ///     past the limit wait for a request slot, while their judging never holds one.
    ///   - connect: the client for a model's endpoint (default: libcurl's `ModelClient` with the configured timeouts
    ///     and retries).
    public init(
        config: SolveConfig, prompts: PromptLibrary, judge: any SubmissionJudge, requestLimit: Int? = nil,
        connect: ChatModelFactory? = nil
    ) {
        self.config = config
        self.prompts = prompts
        self.judge = judge
        self.endpoints = EndpointPool(
            timeouts: config.timeouts, retry: config.retry, requestLimit: requestLimit, connect: connect)
    }

    /// Picks the model for `problem`: `--model`, else the router's role.
    public func plan(_ problem: Problem, options: SolveOptions) throws -> (RouteDecision, ModelConfig, [String]) {
        let decision = Router.route(problem)
        var notes: [String] = []
        var model: ModelConfig
        if let name = options.model {
            if let configured = config.model(named: name) {
                model = configured
            } else {
                guard let base = config.model(for: decision.role) else {
                    throw SolveError.configuration("no models configured")
                }
                model = base
                model.alias = name
                model.served = name
                notes.append(
                    "\(name) is not configured; using it as a served id with the \(base.role.rawValue) model's settings"
                )
            }
            if model.role != decision.role {
                notes.append("--model \(name) overrides the route (\(decision.role.rawValue))")
            }
        } else {
            guard let routed = config.model(for: decision.role) else {
                throw SolveError.configuration("no models configured in \(config.source)")
            }
            model = routed
            if routed.role != decision.role {
                notes.append("no \(decision.role.rawValue) model configured; using \(routed.alias)")
            }
        }
        if let endpoint = options.endpoint { model.endpoints = [endpoint] }
        return (decision, model, notes)
    }

    /// Solves `problem` under `options.protocol`. A server failure ends the run with an `error` attempt; an
    /// unreachable server before the first request throws `ModelFleetError.serverUnavailable`.
    /// - Throws: `SolveError`, `ModelFleetError`, `JudgingError` when the judge itself fails, `CancellationError`.
    public func solve(
        _ problem: Problem, options: SolveOptions, transcript: TranscriptWriter? = nil, notes extraNotes: [String] = [],
        onEvent: @escaping @Sendable (SolveEvent) -> Void = { _ in }
    ) async throws -> SolveOutcome {
        let languages = try languageChoices(for: problem, options: options)
        var (decision, model, notes) = try plan(problem, options: options)
        notes = extraNotes + notes
        onEvent(.routed(decision, model: model, notes: notes))
        try await endpoints.check(model)
        var models = [model]
        if options.escalate, options.model == nil,
            let other = config.models.first(where: { $0.role != model.role && $0.served != model.served })
        {
            var other = other
            if let endpoint = options.endpoint { other.endpoints = [endpoint] }
            models.append(other)
        }
        let outcome: SolveOutcome
        switch options.protocol {
        case .oracle:
            let attempts = try await solveAsOracle(
                problem, models: models, options: options, languages: languages, notes: &notes,
                transcript: transcript, onEvent: onEvent)
            let final = attempts.last { $0.accepted } ?? attempts.last
            let lastProgram = attempts.last { $0.program != nil }
            let shown = final?.accepted == true ? final : lastProgram
            outcome = SolveOutcome(
                problem: problem.slug, route: decision, model: final?.model ?? model.served,
                language: shown?.program?.language ?? languages[0], code: shown?.program?.code, attempts: attempts,
                usage: Self.totalUsage(of: attempts), promptsHash: prompts.hash, transcript: transcript?.folder.path,
                notes: notes, protocol: .oracle)
        case .contestant:
            let (state, selection, finalReport) = try await solveAsContestant(
                problem, models: models, options: options, languages: languages, notes: &notes,
                transcript: transcript, onEvent: onEvent)
            let submitted = selection.submitted.flatMap { state.candidate($0) }
            let record = selection.submitted.flatMap { number in state.attempts.first { $0.number == number } }
            outcome = SolveOutcome(
                problem: problem.slug, route: decision, model: record?.model ?? model.served,
                language: submitted?.program.language ?? languages[0], code: submitted?.program.code,
                attempts: state.attempts, usage: Self.totalUsage(of: state.attempts), promptsHash: prompts.hash,
                transcript: transcript?.folder.path, notes: notes, protocol: .contestant, selection: selection,
                finalReport: finalReport)
        }
        try transcript?.finish(outcome)
        return outcome
    }

    /// The tokens of every request.
    static func totalUsage(of attempts: [AttemptRecord]) -> Usage {
        attempts.compactMap(\.usage).reduce(Usage(promptTokens: 0, completionTokens: 0, totalTokens: 0)) {
            Usage(
                promptTokens: $0.promptTokens + $1.promptTokens,
                completionTokens: $0.completionTokens + $1.completionTokens,
                totalTokens: $0.totalTokens + $1.totalTokens)
        }
    }

    /// The languages to ask for, in turn: Python alone for a function problem, else the pinned one, else the
    /// configured language and then the others.
    ///
    /// - Throws: ``SolveError/configuration(_:)`` when `--language` pins another language for a function problem.
    func languageChoices(for problem: Problem, options: SolveOptions) throws -> [String] {
        if problem.interface.function != nil {
            if let pinned = options.language, (try? Language.named(pinned))?.id != Language.python.id {
                throw SolveError.configuration(
                    "\(problem.slug) is a Python function problem: the judge calls the function, so --language \(pinned) "
                        + "cannot solve it; leave --language out or pass python")
            }
            return [Language.python.id]
        }
        return options.language.map { [$0] } ?? Self.languageRotation(startingWith: config.language)
    }

    /// Sends attempt `number`'s request to the least-loaded replica of `model`: that replica's endpoint, and what came
    /// back or why the request failed.
    /// - Throws: `CancellationError` when the task was cancelled.
    static func generate(
        _ request: ChatRequest, number: Int, model: ModelConfig, strategy: AttemptStrategy, endpoints: EndpointPool,
        onEvent: @escaping @Sendable (SolveEvent) -> Void
    ) async throws -> (endpoint: String, reply: Result<ChatResult, any Error>) {
        let (endpoint, reply) = try await endpoints.withEndpoint(of: model) { replica in
            onEvent(.attemptStarted(number: number, model: model, endpoint: replica.endpoint, strategy: strategy))
            var capped = request
            capped.sampling.maxTokens = replica.cappedMaxTokens(request.sampling.maxTokens, messages: request.messages)
            do {
                let result = try await replica.client.complete(capped, reasoningModel: model.role == .reasoning) {
                    onEvent(.chat($0))
                }
                return (replica.endpoint, Result<ChatResult, any Error>.success(result))
            } catch {
                return (replica.endpoint, .failure(error))
            }
        }
        if case .failure(let error) = reply, error is CancellationError || (error as? ModelServerError) == .cancelled {
            throw CancellationError()
        }
        return (endpoint, reply)
    }

    /// `message`, or what replaces it when the answer passed solve's answer limit and was cut there.
    static func noteAnswerLimit(_ generation: Generation, program: ExtractedProgram?, message: String) -> String {
        guard generation.choice.finishReason == ChatStreamAccumulator.answerLimitReason else { return message }
        let limit = ChatStreamAccumulator.defaultAnswerLimit >> 20
        return "the answer passed solve's \(limit) MiB limit and was cut there; "
            + (program == nil ? "no program in what was kept" : message)
    }

    /// Why the judge cannot judge `program` on `problem` (a language this machine does not run, or not Python for a
    /// function problem), or nil when it can.
    static func unjudgeableReason(_ program: ExtractedProgram, on problem: Problem) -> String? {
        guard let language = try? Language.named(program.language) else {
            return "the answer is in \(program.language), which this machine cannot judge"
        }
        if problem.interface.function != nil, language.id != Language.python.id {
            return "the answer is in \(language.id), but the judge calls a Python function"
        }
        return nil
    }

    /// The previous answer as the feedback turn's assistant message: its end (where the program is) when it is long,
    /// such as an answer cut at the 4 MiB limit, whose whole text would overflow any context; the end of the
    /// reasoning when the answer is empty.
    static func resentAnswer(of record: AttemptRecord) -> String {
        guard !record.answer.isEmpty else { return record.reasoning.suffix(4000).description }
        guard record.answer.count > resentAnswerLimit else { return record.answer }
        return "…" + record.answer.suffix(resentAnswerLimit)
    }

    /// The most characters of a previous answer sent back with feedback.
    static let resentAnswerLimit = 16_000

    /// The configured language first, then the others worth switching to.
    static func languageRotation(startingWith first: String) -> [String] {
        [first] + Language.rotation.map(\.id).filter { $0 != first && (try? Language.named($0)) != nil }
    }
}
