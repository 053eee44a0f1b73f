import Foundation
import GRDB
import OutputFormat

/// A record type of the evaluation store, one per table (GRDB's "Recommended Practices for Designing Record Types"):
/// its `Codable` properties are the table's columns, in camelCase where the columns are in snake_case, so that a new
/// property is a new column (with the migration that adds it).
///
/// Columns that hold JSON hold `JSONText`'s compact JSON (keys sorted, slashes unescaped), as `solve` always wrote
/// them. A stored value that cannot be decoded is a `StoredValueError` naming the row's run, its problem and the
/// column; the store adds its path (`EvaluationError.unreadable`).
protocol StoredRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    /// The column that names a row's run: `run`, or `name` in the run table.
    static var runColumn: String { get }
    /// The column that names a row's problem: `problem`, `slug` in the problem table, nil where rows have none.
    static var problemColumn: String? { get }
}

extension StoredRecord {
    static var runColumn: String { "run" }
    static var problemColumn: String? { "problem" }
    /// Columns in snake_case (`max_attempts`) fill properties in camelCase (`maxAttempts`).
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    /// Properties in camelCase fill columns in snake_case.
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    /// A property GRDB stores as JSON (`tags`, `shards`) is `JSONText`'s compact JSON.
    static func databaseJSONEncoder(for column: String) -> JSONEncoder { JSONText.encoder(.compact) }
}

/// The JSON of columns that store it, and what went wrong with a value that could not be stored or read.
enum StoredJSON {
    /// `value` as compact JSON (`JSONText`).
    /// - Throws: `EvaluationError.unencodable` naming the run, the problem and the column (a number that is not
    ///   finite, say): `solve` never stores a placeholder instead.
    static func text(_ value: some Encodable, run: String, problem: String?, column: String) throws -> String {
        do {
            return try JSONText.string(value, layout: .compact)
        } catch {
            throw EvaluationError.unencodable(run: run, problem: problem, column: column, reason: Self.reason(error))
        }
    }

    /// What went wrong with a value, in a few words, from its encoding or decoding error.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context), DecodingError.keyNotFound(_, let context):
            return context.debugDescription
        case EncodingError.invalidValue(_, let context):
            return context.debugDescription
        default:
            return "\(error)"
        }
    }
}

/// A stored value that cannot be decoded, in the row of `run` (and `problem`, when the row has one).
struct StoredValueError: Error, Sendable {
    /// The run of the row.
    var run: String
    /// The problem of the row, when rows of its table have one.
    var problem: String?
    /// The column that holds the value.
    var column: String
    /// The stored value, quoted when it is a text.
    var value: String
    /// Why it cannot be decoded.
    var reason: String
}

/// The `run` table's record: the columns are the `RunRecord`'s properties, so a new property is a new column.
struct RunRow: StoredRecord {
    static let databaseTableName = "run"
    static let runColumn = "name"
    static let problemColumn: String? = nil

    /// The run, every property a column.
    var run: RunRecord

    /// The columns requests filter and order by.
    enum Columns {
        static let name = Column("name")
        static let shards = Column("shards")
        static let createdAt = Column("created_at")
    }

    /// The row of `run`.
    init(_ run: RunRecord) { self.run = run }

    init(from decoder: any Decoder) throws { run = try RunRecord(from: decoder) }

    func encode(to encoder: any Encoder) throws { try run.encode(to: encoder) }
}

/// The `problem` table's record: a problem a run covers, whose columns are its run and the `ProblemEntry`'s
/// properties.
struct ProblemRow: StoredRecord {
    static let databaseTableName = "problem"
    static let problemColumn: String? = "slug"

    /// The run that covers the problem.
    var run: String
    /// The problem, every property a column.
    var problem: ProblemEntry

    /// The columns requests filter and order by.
    enum Columns {
        static let run = Column("run")
        static let slug = Column("slug")
    }

    private enum CodingKeys: String, CodingKey { case run }

    /// The row of `problem` in `run`.
    init(run: String, problem: ProblemEntry) {
        self.run = run
        self.problem = problem
    }

    init(from decoder: any Decoder) throws {
        run = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .run)
        problem = try ProblemEntry(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        var columns = encoder.container(keyedBy: CodingKeys.self)
        try columns.encode(run, forKey: .run)
        try problem.encode(to: encoder)
    }
}

/// The `sample` table's record: a finished sample, whose columns are the `SampleResult`'s properties (a new property
/// is a new column) and the time it was stored.
struct SampleRow: StoredRecord {
    static let databaseTableName = "sample"

    /// The sample, every property a column.
    var result: SampleResult
    /// When the sample was stored.
    var finishedAt: Date

    /// The columns requests filter and order by.
    enum Columns {
        static let run = Column("run")
        static let problem = Column("problem")
        static let sample = Column("sample")
    }

    private enum CodingKeys: String, CodingKey { case finishedAt }

    /// The row of `result`, stored at `finishedAt`.
    init(_ result: SampleResult, finishedAt: Date) {
        self.result = result
        self.finishedAt = finishedAt
    }

    init(from decoder: any Decoder) throws {
        result = try SampleResult(from: decoder)
        finishedAt = try decoder.container(keyedBy: CodingKeys.self).decode(Date.self, forKey: .finishedAt)
    }

    func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var columns = encoder.container(keyedBy: CodingKeys.self)
        try columns.encode(finishedAt, forKey: .finishedAt)
    }

    /// The sample's identity within its run.
    var key: SampleKey { SampleKey(problem: result.problem, sample: result.sample) }
}

/// The `run_lease` table's record: the process that holds a run (`RunLease`), and when it was last heard from.
struct LeaseRow: StoredRecord {
    static let databaseTableName = "run_lease"
    static let problemColumn: String? = nil

    /// The run held.
    var run: String
    /// What the holder's writes compare with.
    var token: String
    var host: String
    var pid: Int32
    var pidNamespace: String
    var processStart: Int64
    var acquiredAt: Date
    /// The last heartbeat, in seconds since 1970.
    var heartbeatAt: Double

    /// The columns requests filter by and update.
    enum Columns {
        static let token = Column("token")
        static let heartbeatAt = Column("heartbeat_at")
    }

    /// `holder`'s claim on `run` with `token`, made (and last heard from) `now`.
    init(run: String, token: String, holder: LeaseHolder, now: Date) {
        self.run = run
        self.token = token
        host = holder.host
        pid = holder.pid
        pidNamespace = holder.pidNamespace
        processStart = holder.processStart
        acquiredAt = now
        heartbeatAt = now.timeIntervalSince1970
    }

    /// The process that holds the run.
    var holder: LeaseHolder {
        LeaseHolder(host: host, pid: pid, pidNamespace: pidNamespace, processStart: processStart)
    }
}
