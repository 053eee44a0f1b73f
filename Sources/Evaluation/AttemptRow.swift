import Foundation
import GRDB
import Judging
import Solving

/// The `attempt` table's record: one attempt of a sample, with where it belongs (run, problem, sample), how far its
/// sample got (`status`) and what it was run with.
///
/// `messages` and `judge` hold the JSON that was written: the store never decodes them, and a merge copies them as
/// they are.
struct AttemptRow: StoredRecord {
    static let databaseTableName = "attempt"

    /// Nil until inserted (SQLite numbers the rows).
    var id: Int64?
    // The other properties are the columns (in camelCase) of `EvaluationStore`'s migrations, in their order.
    var run: String
    var problem: String
    var sample: Int
    var number: Int
    var status: AttemptStatus
    var model: String
    var alias: String
    var endpoint: String
    var strategy: AttemptStrategy
    var temperature: Double?
    var seed: Int
    /// `[ChatMessage]` as JSON.
    var messages: String
    var reasoning: String
    var answer: String
    var language: String?
    var code: String?
    var verdict: AttemptCode
    var message: String
    /// `JudgeReport` as JSON, when the program was judged.
    var judge: String?
    var repeatOf: Int?
    var promptTokens: Int?
    var completionTokens: Int?
    var seconds: Double
    var firstTokenSeconds: Double?
    var finishReason: String?
    var truncated: Bool
    var noCode: Bool
    var settingsHash: String
    var promptsHash: String
    var createdAt: Date

    /// The columns requests filter, order by and update.
    enum Columns {
        static let id = Column("id")
        static let run = Column("run")
        static let problem = Column("problem")
        static let sample = Column("sample")
        static let status = Column("status")
    }

    /// `attempt` of `sample` of `problem` under `run`, stored `now` as `status`.
    /// - Throws: `EvaluationError.unencodable` when its messages or judge report cannot be encoded.
    init(
        _ attempt: AttemptRecord, status: AttemptStatus, run: RunRecord, problem: String, sample: Int,
        now: Date = Date()
    ) throws {
        func json(_ value: some Encodable, _ column: String) throws -> String {
            try StoredJSON.text(value, run: run.name, problem: problem, column: column)
        }
        self.run = run.name
        self.problem = problem
        self.sample = sample
        number = attempt.number
        self.status = status
        model = attempt.model
        alias = attempt.alias
        endpoint = attempt.endpoint
        strategy = attempt.strategy
        temperature = attempt.temperature
        seed = attempt.seed
        messages = try json(attempt.messages, "messages")
        reasoning = attempt.reasoning
        answer = attempt.answer
        language = attempt.program?.language
        code = attempt.program?.code
        verdict = AttemptCode(attempt.outcome)
        message = attempt.message
        judge = try attempt.judge.map { try json($0, "judge") }
        repeatOf = attempt.repeatOf
        promptTokens = attempt.usage?.promptTokens
        completionTokens = attempt.usage?.completionTokens
        seconds = attempt.seconds
        firstTokenSeconds = attempt.firstTokenSeconds
        finishReason = attempt.finishReason
        truncated = attempt.truncated
        noCode = attempt.isNoCode
        settingsHash = run.settingsHash
        promptsHash = run.promptsHash
        createdAt = now
    }
}

extension DerivableRequest<AttemptRow> {
    /// The attempts of one sample of `run`.
    func filter(run: String, sample key: SampleKey) -> Self {
        filter(
            AttemptRow.Columns.run == run && AttemptRow.Columns.problem == key.problem
                && AttemptRow.Columns.sample == key.sample)
    }

    /// The attempts with `status`.
    func filter(status: AttemptStatus) -> Self {
        filter(AttemptRow.Columns.status == status)
    }
}

/// What an attempt's `verdict` column holds: its outcome's code, a verdict (`AC`, `WA`, …), `OK` (a contestant's
/// program passed its samples), `generator`, `no code` or `error`.
struct AttemptCode: Sendable, Hashable, Codable {
    /// Every code there is.
    static let all = AttemptOutcome.allCodes

    /// `AC`, `WA`, …, `OK`, `generator`, `no code` or `error`.
    var code: String

    /// The code of `outcome`.
    init(_ outcome: AttemptOutcome) { code = outcome.code }

    /// Decodes a code from its text.
    /// - Throws: `DecodingError.dataCorrupted` for a text that is no code.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        code = try container.decode(String.self)
        guard Self.all.contains(code) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "no verdict is \"\(code)\" (\(Self.all.joined(separator: ", ")))")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
