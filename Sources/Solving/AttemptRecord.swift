import Judging
import ModelClient
import ModelFleet

/// How an attempt's request was built.
public enum AttemptStrategy: String, Sendable, Codable {
    /// A fresh conversation: the first attempt.
    case first
    /// The previous answer and what went wrong with it.
    case feedback
    /// A fresh conversation again, with a new seed and a higher temperature: the model was repeating itself.
    case resample
    /// Contestant: one of the first requests, sent at once, each with its own seed, temperature and language.
    case candidate
    /// Contestant: a request for an input generator.
    case generator
    /// Contestant: a candidate and unambiguous evidence against it (a failed sample, a compile error, a crash or a
    /// time-out on a generated input).
    case repair
}

/// What the model generated for one request.
public struct Generation: Sendable, Hashable {
    /// The reasoning, the answer and why the generation ended.
    public var choice: ChatChoice
    public var usage: Usage?
    public var seconds: Double
    public var firstTokenSeconds: Double?

    /// The first choice of `result`.
    public init(_ result: ChatResult) {
        choice = result.choices.first ?? ChatChoice(index: 0, reasoning: "", answer: "", finishReason: nil)
        usage = result.usage
        seconds = result.seconds
        firstTokenSeconds = result.firstTokenSeconds
    }

    public init(choice: ChatChoice, usage: Usage? = nil, seconds: Double = 0, firstTokenSeconds: Double? = nil) {
        self.choice = choice
        self.usage = usage
        self.seconds = seconds
        self.firstTokenSeconds = firstTokenSeconds
    }

    /// Nothing: the request failed.
    public static let none = Generation(choice: ChatChoice(index: 0, reasoning: "", answer: "", finishReason: nil))
}

/// Everything about one generation and its judgement (saved in the transcript).
public struct AttemptRecord: Sendable {
    public var number: Int
    /// The served id of the model asked.
    public var model: String
    public var alias: String
    public var endpoint: String
    public var strategy: AttemptStrategy
    public var temperature: Double?
    public var seed: Int
    public var messages: [ChatMessage]
    /// What came back (``Generation/none`` when the request failed).
    public var generation: Generation
    public var program: ExtractedProgram?
    public var outcome: AttemptOutcome
    /// One line: why the outcome.
    public var message: String

    /// The attempt that asked `model` at `endpoint` with `messages` and `sampling`.
    public init(
        number: Int, model: ModelConfig, endpoint: String, strategy: AttemptStrategy, sampling: Sampling,
        messages: [ChatMessage], generation: Generation, program: ExtractedProgram? = nil, outcome: AttemptOutcome,
        message: String
    ) {
        self.number = number
        self.model = model.served
        self.alias = model.alias
        self.endpoint = endpoint
        self.strategy = strategy
        self.temperature = sampling.temperature
        self.seed = sampling.seed ?? 0
        self.messages = messages
        self.generation = generation
        self.program = program
        self.outcome = outcome
        self.message = message
    }

    public var reasoning: String { generation.choice.reasoning }
    public var answer: String { generation.choice.answer }
    public var finishReason: String? { generation.choice.finishReason }
    /// The generation was cut off by `max_tokens` or solve's answer limit.
    public var truncated: Bool { generation.choice.truncated }
    public var usage: Usage? { generation.usage }
    public var seconds: Double { generation.seconds }
    public var firstTokenSeconds: Double? { generation.firstTokenSeconds }

    /// `AC`, `WA`, … or `no code`, `error` (the server failed): the outcome's display code.
    public var verdict: String { outcome.code }
    /// The judge's report (for a repeat, the earlier attempt's).
    public var judge: JudgeReport? { outcome.report }
    /// The earlier attempt that produced the same program (not judged again).
    public var repeatOf: Int? {
        if case .repeated(let number, _) = outcome { return number }
        return nil
    }
    public var accepted: Bool { outcome.isAccepted }
}
