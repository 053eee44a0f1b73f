import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat

/// What the steps of a strategy work with: the problem as a contestant has it (no hidden tests: a step cannot see
/// them even by mistake), the model and its request budget, the prompts and the judge.
public struct StrategyContext: Sendable {
    /// The statement and the samples only (``ProblemFormat/Problem/contestantView``).
    public let problem: Problem
    public let model: ModelConfig
    /// The languages candidates are asked for, in turn.
    public let languages: [Language]
    /// The model requests this model may get; every request counts.
    public let budget: Int
    public let prompts: PromptLibrary
    /// The judge, counting its calls and runs for the steps' costs.
    public let judge: any SubmissionJudge
    let meter: JudgeMeter
    let endpoints: EndpointPool
    let seedOffset: Int
    let onEvent: @Sendable (SolveEvent) -> Void
    let transcript: TranscriptWriter?
    /// Requests made before this model's turn (by an earlier model, when escalating).
    let earlierRequests: Int

    /// - Parameters:
    ///   - problem: the problem; only its samples are kept.
    ///   - earlierRequests: requests already in the state, made by another model.
    public init(
        problem: Problem, model: ModelConfig, languages: [Language], budget: Int, prompts: PromptLibrary,
        judge: any SubmissionJudge, endpoints: EndpointPool, seedOffset: Int = 0, earlierRequests: Int = 0,
        transcript: TranscriptWriter? = nil, onEvent: @escaping @Sendable (SolveEvent) -> Void = { _ in }
    ) {
        self.problem = problem.contestantView
        self.model = model
        self.languages = languages.isEmpty ? [.python] : languages
        self.budget = budget
        self.prompts = prompts
        self.meter = JudgeMeter(judge)
        self.judge = meter
        self.endpoints = endpoints
        self.seedOffset = seedOffset
        self.earlierRequests = earlierRequests
        self.transcript = transcript
        self.onEvent = onEvent
    }

    /// Requests this model may still get.
    public func remaining(_ state: StrategyState) -> Int {
        max(0, budget - (state.attempts.count - earlierRequests))
    }

    /// The model's sampling for request `number`, `step` steps up from its temperature (at most 1.0), with a seed of
    /// its own: the configured seed moved by the sample and the request, or a random one.
    public func sampling(number: Int, temperatureStep step: Int = 0) -> Sampling {
        var sampling = model.sampling
        if let temperature = sampling.temperature, step > 0 {
            sampling.temperature = min(1.0, ((temperature + 0.1 * Double(step)) * 100).rounded() / 100)
        }
        sampling.seed = sampling.seed.map { $0 + seedOffset + number - 1 } ?? Int.random(in: 1...2_000_000_000)
        return sampling
    }

    /// What came back for one request: the generation and the program in it, or why the model never answered.
    struct Answer: Sendable {
        var number: Int
        var strategy: AttemptStrategy
        var messages: [ChatMessage]
        var sampling: Sampling
        var endpoint: String
        var reply: Result<Generation, any Error>

        /// The program the answer holds, asked for in `language`.
        func program(preferring language: Language) -> ExtractedProgram? {
            guard case .success(let generation) = reply else { return nil }
            let choice = generation.choice
            return CodeExtractor.extract(
                answer: choice.answer, reasoning: choice.reasoning, truncated: choice.truncated,
                preferredLanguage: language.id)
        }

        /// The record of this request with `outcome` and `message` (a server failure's own when it failed).
        func record(model: ModelConfig, program: ExtractedProgram?, outcome: AttemptOutcome, message: String)
            -> AttemptRecord
        {
            switch reply {
            case .success(let generation):
                return AttemptRecord(
                    number: number, model: model, endpoint: endpoint, strategy: strategy, sampling: sampling,
                    messages: messages, generation: generation, program: program, outcome: outcome,
                    message: Solver.noteAnswerLimit(generation, program: program, message: message))
            case .failure(let error):
                return AttemptRecord(
                    number: number, model: model, endpoint: endpoint, strategy: strategy, sampling: sampling,
                    messages: messages, generation: .none, outcome: .serverFailure(error), message: "\(error)")
            }
        }
    }

    /// Sends request `number` and waits for the whole answer.
    /// - Throws: `CancellationError`; a failed request is an answer whose reply is the failure.
    func ask(_ messages: [ChatMessage], sampling: Sampling, number: Int, strategy: AttemptStrategy) async throws
        -> Answer
    {
        let request = ChatRequest(model: model.served, messages: messages, sampling: sampling)
        let (endpoint, reply) = try await Solver.generate(
            request, number: number, model: model, strategy: strategy, endpoints: endpoints, onEvent: onEvent)
        return Answer(
            number: number, strategy: strategy, messages: messages, sampling: sampling, endpoint: endpoint,
            reply: reply.map(Generation.init))
    }

    /// The record of a candidate request and the candidate in its answer, judged on the samples (each one run, so
    /// that failures count): the record is saved to the transcript and reported as finished.
    /// - Parameters:
    ///   - language: the language the request asked for.
    ///   - repairs: the attempt a repair request repairs.
    ///   - earlier: the candidates so far; a program among them is not judged again.
    func admit(_ answer: Answer, asked language: Language, repairs: Int? = nil, earlier: [Candidate]) async throws
        -> (AttemptRecord, Candidate?)
    {
        let program = answer.program(preferring: language)
        let outcome: AttemptOutcome
        let message: String
        var candidate: Candidate?
        if case .failure = answer.reply {
            outcome = .noProgram(truncated: false)  // replaced by the failure
            message = ""
        } else if let program {
            let tokens = (try? answer.reply.get())?.usage?.completionTokens ?? 0
            var found = Candidate(
                attempt: answer.number, program: program, language: nil, repairs: repairs, tokens: tokens)
            if let twin = earlier.first(where: { $0.normalized == found.normalized }) {
                found.language = twin.language
                found.samples = twin.samples
                found.runs = twin.runs
                outcome = twin.samples.map { .repeated(of: twin.attempt, .judgedOnSamples($0)) } ?? .unjudgeable
                message = "same program as attempt \(twin.attempt) (not judged again)"
            } else {
                (outcome, message) = try await judgeOnSamples(&found)
            }
            candidate = found
        } else {
            let truncated = (try? answer.reply.get())?.choice.truncated ?? false
            outcome = .noProgram(truncated: truncated)
            message = truncated ? "no program: the answer was cut off by max_tokens" : "no program in the answer"
        }
        let record = answer.record(model: model, program: program, outcome: outcome, message: message)
        try transcript?.save(record)
        onEvent(.attemptFinished(record))
        return (record, candidate)
    }

    /// Judges `candidate` on the samples: its outcome and the line that says why.
    private func judgeOnSamples(_ candidate: inout Candidate) async throws -> (AttemptOutcome, String) {
        let program = candidate.program
        if let reason = Solver.unjudgeableReason(program, on: problem) { return (.unjudgeable, reason) }
        let language = try Language.named(program.language)
        candidate.language = language
        let report = try await judge.judge(
            Submission(source: program.code, language: language, name: "attempt-\(candidate.attempt)"), on: problem,
            options: JudgeOptions(stopAtFirstFailure: false))
        candidate.samples = report
        if !report.compile.ok { return (.judgedOnSamples(report), report.message) }
        let failed = report.tests.filter { !$0.verdict.isAccepted }
        if let first = failed.first {
            let more = failed.count > 1 ? " (and \(failed.count - 1) more)" : ""
            return (.judgedOnSamples(report), "sample \(first.name): \(first.message)\(more)")
        }
        let message =
            report.tests.isEmpty
            ? "compiles (no samples to run)" : "passed the \(report.tests.count) sample(s); hidden tests not run"
        return (.judgedOnSamples(report), message)
    }
}

/// A judge that counts the calls made through it and the programs they ran, for the steps' costs.
final class JudgeMeter: SubmissionJudge, @unchecked Sendable {  // `counts` is guarded by `lock`
    private let base: any SubmissionJudge
    private let lock = NSLock()
    private var counts = (calls: 0, runs: 0)

    init(_ base: any SubmissionJudge) {
        self.base = base
    }

    /// Judge calls and program runs so far.
    var totals: (calls: Int, runs: Int) { lock.withLock { counts } }

    func judge(_ submission: Submission, on problem: Problem, options: JudgeOptions) async throws -> JudgeReport {
        lock.withLock { counts.calls += 1 }
        return try await base.judge(submission, on: problem, options: options)
    }

    func execute(_ submission: Submission, on inputs: [Data], of problem: Problem, options: ExecutionOptions)
        async throws -> ExecutionReport
    {
        let report = try await base.execute(submission, on: inputs, of: problem, options: options)
        lock.withLock {
            counts.calls += 1
            counts.runs += report.runs.count
        }
        return report
    }

    func outputsAgree(_ output: Data, _ reference: Data, input: Data, on problem: Problem) async throws -> Bool {
        try await base.outputsAgree(output, reference, input: input, on: problem)
    }
}
