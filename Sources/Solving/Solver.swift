import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat

/// The loop: generate → extract → judge (samples first, then hidden tests) → feedback or resample, until accepted
/// or out of attempts.
///
/// After a fresh attempt fails, the next one gets feedback (multi-turn: the previous answer without its reasoning,
/// then what went wrong). A program seen before (same normalized code) is not judged again, and the next attempt is
/// a fresh resample with a new seed and a higher temperature, in the other language when none was pinned. A
/// feedback attempt that fails the same way is also followed by a resample: small models mostly resend their program.
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

    /// Solves `problem`. Server failures end the run with an `error` attempt; an unreachable server before the first
    /// attempt throws `ModelFleetError.serverUnavailable`.
    public func solve(
        _ problem: Problem, options: SolveOptions, transcript: TranscriptWriter? = nil, notes extraNotes: [String] = [],
        onEvent: @escaping @Sendable (SolveEvent) -> Void = { _ in }
    ) async throws -> SolveOutcome {
        let languages = try languageChoices(for: problem, options: options)
        var (decision, model, notes) = try plan(problem, options: options)
        notes = extraNotes + notes
        onEvent(.routed(decision, model: model, notes: notes))
        try await endpoints.check(model)
        var attempts: [AttemptRecord] = []
        var models = [model]
        if options.escalate, options.model == nil,
            let other = config.models.first(where: { $0.role != model.role && $0.served != model.served })
        {
            var other = other
            if let endpoint = options.endpoint { other.endpoints = [endpoint] }
            models.append(other)
        }
        for (round, current) in models.enumerated() {
            if round > 0 {
                notes.append("escalated to \(current.alias) after \(options.maxAttempts) failed attempts")
                try await endpoints.check(current)
            }
            try await run(
                problem, model: current, options: options, languages: languages, attempts: &attempts,
                transcript: transcript,
                onEvent: onEvent)
            if let last = attempts.last, last.accepted || last.outcome.isServerFailure { break }
        }
        let final = attempts.last { $0.accepted } ?? attempts.last
        let usage = attempts.compactMap(\.usage).reduce(Usage(promptTokens: 0, completionTokens: 0, totalTokens: 0)) {
            Usage(
                promptTokens: $0.promptTokens + $1.promptTokens,
                completionTokens: $0.completionTokens + $1.completionTokens,
                totalTokens: $0.totalTokens + $1.totalTokens)
        }
        let lastProgram = attempts.last { $0.program != nil }
        let outcome = SolveOutcome(
            problem: problem.slug, route: decision, model: final?.model ?? model.served,
            language: (final?.accepted == true ? final?.program?.language : lastProgram?.program?.language)
                ?? languages[0],
            code: final?.accepted == true ? final?.program?.code : lastProgram?.program?.code, attempts: attempts,
            usage: usage,
            promptsHash: prompts.hash, transcript: transcript?.folder.path, notes: notes)
        try transcript?.finish(outcome)
        return outcome
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

    /// Up to `options.maxAttempts` generations with one model, asking for `languages` in turn.
    private func run(
        _ problem: Problem, model: ModelConfig, options: SolveOptions, languages languageChoices: [String],
        attempts: inout [AttemptRecord], transcript: TranscriptWriter?,
        onEvent: @escaping @Sendable (SolveEvent) -> Void
    ) async throws {
        var languageIndex = 0
        var strategy = AttemptStrategy.first
        var resamples = 0
        var previous: AttemptRecord?
        /// Judged programs of this model by normalized code.
        var seen: [String: AttemptRecord] = [:]
        for _ in 0..<options.maxAttempts {
            let language = try Language.named(languageChoices[languageIndex % languageChoices.count])
            var messages = prompts.firstAttempt(problem, language: language, model: model)
            if strategy == .feedback, let previous {
                messages.append(ChatMessage(.assistant, Self.resentAnswer(of: previous)))
                messages.append(
                    ChatMessage(
                        .user,
                        prompts.feedback(
                            Self.feedback(for: previous, problem: problem), problem: problem, language: language)))
            }
            var sampling = model.sampling
            if strategy == .resample, let temperature = sampling.temperature {
                sampling.temperature = min(1.0, temperature + 0.15 * Double(resamples))
            }
            sampling.seed =
                sampling.seed.map { $0 + options.seedOffset + attempts.count } ?? Int.random(in: 1...2_000_000_000)
            let number = attempts.count + 1
            let (endpoint, reply) = try await generate(
                ChatRequest(model: model.served, messages: messages, sampling: sampling), number: number, model: model,
                strategy: strategy, onEvent: onEvent)
            let generation: Generation
            switch reply {
            case .success(let result):
                generation = Generation(result)
            case .failure(let error):
                let record = AttemptRecord(
                    number: number, model: model, endpoint: endpoint, strategy: strategy, sampling: sampling,
                    messages: messages, generation: .none, outcome: .serverFailure(error), message: "\(error)")
                attempts.append(record)
                try transcript?.save(record)
                onEvent(.attemptFinished(record))
                return
            }
            let choice = generation.choice
            let program = CodeExtractor.extract(
                answer: choice.answer, reasoning: choice.reasoning, truncated: choice.truncated,
                preferredLanguage: language.id)
            let normalized = program.map { CodeExtractor.normalized($0.code, language: $0.language) }
            var outcome: AttemptOutcome
            var message: String
            if let program, let normalized {
                if let earlier = seen[normalized] {
                    outcome = .repeated(of: earlier.number, earlier.outcome)
                    message = "same program as attempt \(earlier.number) (not judged again)"
                } else {
                    (outcome, message) = try await judge(program, number: number, problem: problem)
                }
            } else {
                outcome = .noProgram(truncated: choice.truncated)
                message =
                    choice.truncated ? "no program: the answer was cut off by max_tokens" : "no program in the answer"
            }
            if choice.finishReason == ChatStreamAccumulator.answerLimitReason {
                let limit = ChatStreamAccumulator.defaultAnswerLimit >> 20
                message =
                    "the answer passed solve's \(limit) MiB limit and was cut there; "
                    + (program == nil ? "no program in what was kept" : message)
            }
            let record = AttemptRecord(
                number: number, model: model, endpoint: endpoint, strategy: strategy, sampling: sampling,
                messages: messages,
                generation: generation, program: program, outcome: outcome, message: message)
            if let normalized, record.repeatOf == nil { seen[normalized] = record }
            attempts.append(record)
            try transcript?.save(record)
            onEvent(.attemptFinished(record))
            if record.accepted { return }
            // Choose the next request.
            if record.repeatOf != nil || (strategy == .feedback && previous?.verdict == record.verdict) {
                strategy = .resample
                resamples += 1
                if record.repeatOf != nil { languageIndex += 1 }
            } else {
                strategy = .feedback
            }
            previous = record
        }
    }

    /// Sends attempt `number`'s request to the least-loaded replica of `model`: that replica's endpoint, and what came
    /// back or why the request failed.
    /// - Throws: `CancellationError` when the task was cancelled.
    private func generate(
        _ request: ChatRequest, number: Int, model: ModelConfig, strategy: AttemptStrategy,
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

    /// Judges attempt `number`'s program: its outcome and the line that says why.
    private func judge(_ program: ExtractedProgram, number: Int, problem: Problem) async throws
        -> (AttemptOutcome, String)
    {
        let language: Language
        do {
            language = try Language.named(program.language)
        } catch {
            return (.unjudgeable, "the answer is in \(program.language), which this machine cannot judge")
        }
        if problem.interface.function != nil, language.id != Language.python.id {
            return (.unjudgeable, "the answer is in \(language.id), but the judge calls a Python function")
        }
        let report = try await judge.judge(
            Submission(source: program.code, language: language, name: "attempt-\(number)"), on: problem)
        if report.verdict.isAccepted {
            return (.judged(report), report.message)
        } else if let failing = report.tests.first(where: { !$0.verdict.isAccepted }) {
            let message =
                failing.isSample
                ? "sample \(failing.name): \(failing.message)"
                : "hidden test \(failing.name): \(failing.verdict.meaning)"
            return (.judged(report), message)
        } else {
            return (.judged(report), report.message)
        }
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

    static func feedback(for record: AttemptRecord, problem: Problem) -> Feedback {
        if let report = record.judge { return .judged(report, problem: problem) }
        return .noCode(truncated: record.truncated)
    }

    /// The configured language first, then the others worth switching to.
    static func languageRotation(startingWith first: String) -> [String] {
        [first] + Language.rotation.map(\.id).filter { $0 != first && (try? Language.named($0)) != nil }
    }
}
