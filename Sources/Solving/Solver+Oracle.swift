import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat

/// The oracle protocol: today's loop, every attempt judged on every test.
extension Solver {
    /// Up to `options.maxAttempts` generations with each of `models` in turn (the next one only after the last failed
    /// every attempt), asking for `languages` in turn: every attempt, in order.
    func solveAsOracle(
        _ problem: Problem, models: [ModelConfig], options: SolveOptions, languages: [String], notes: inout [String],
        transcript: TranscriptWriter?, onEvent: @escaping @Sendable (SolveEvent) -> Void
    ) async throws -> [AttemptRecord] {
        var attempts: [AttemptRecord] = []
        for (round, current) in models.enumerated() {
            if round > 0 {
                notes.append("escalated to \(current.alias) after \(options.maxAttempts) failed attempts")
                try await endpoints.check(current)
            }
            try await run(
                problem, model: current, options: options, languages: languages, attempts: &attempts,
                transcript: transcript, onEvent: onEvent)
            if let last = attempts.last, last.accepted || last.outcome.isServerFailure { break }
        }
        return attempts
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
            let (endpoint, reply) = try await Self.generate(
                ChatRequest(model: model.served, messages: messages, sampling: sampling), number: number, model: model,
                strategy: strategy, endpoints: endpoints, onEvent: onEvent)
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
            let outcome: AttemptOutcome
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
            message = Self.noteAnswerLimit(generation, program: program, message: message)
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

    /// Judges attempt `number`'s program: its outcome and the line that says why.
    private func judge(_ program: ExtractedProgram, number: Int, problem: Problem) async throws
        -> (AttemptOutcome, String)
    {
        if let reason = Self.unjudgeableReason(program, on: problem) { return (.unjudgeable, reason) }
        let language = try Language.named(program.language)
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

    static func feedback(for record: AttemptRecord, problem: Problem) -> Feedback {
        if let report = record.judge { return .judged(report, problem: problem) }
        return .noCode(truncated: record.truncated)
    }
}
