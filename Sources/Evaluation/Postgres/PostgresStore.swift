import Foundation
import GRDB
import Logging
import PostgresNIO

/// The evaluation database on a PostgreSQL server, which `solve eval` workers on several machines fill at once.
///
/// It has the SQLite store's tables, columns and migrations (`PostgresSchema`), with PostgreSQL's types (booleans,
/// timestamps), and two more: `worker` (every `solve eval` process, its heartbeat and counts) and `work` (every sample
/// of every run, open, claimed by a worker until a lease time, or done). Rows go through the same record types as in
/// SQLite (`StoredRecord`), converted column by column after the server's catalog (`PostgresColumns`).
public final class PostgresStore: EvaluationDatabase {
    public let location: String
    let target: PostgresTarget
    let client: PostgresClient
    let columns: PostgresColumns
    private let running: Task<Void, Never>
    static let logger = Logger(label: "solve.postgres") { _ in SwiftLogNoOpLogHandler() }

    /// Connects to the server `url` names, brings its schema up to date, and starts a pool of connections.
    /// - Parameter connections: the pool's most connections (the worker's loops, its heartbeat, its status).
    /// - Throws: `EvaluationError.invalidOption` for a malformed URL; `.database` naming the server when it cannot be
    ///   reached, refuses the login, or a migration fails.
    public static func connect(url: String, connections: Int = 8) async throws -> PostgresStore {
        let target = try PostgresTarget(url: url)
        let columns = try await PostgresSchema.prepare(target)
        return PostgresStore(target: target, columns: columns, connections: connections)
    }

    private init(target: PostgresTarget, columns: PostgresColumns, connections: Int) {
        self.target = target
        location = target.redacted
        self.columns = columns
        let client = PostgresClient(
            configuration: target.clientConfiguration(connections: connections), backgroundLogger: Self.logger)
        self.client = client
        running = Task { await client.run() }
    }

    public func close() async {
        running.cancel()
        _ = await running.value
    }

    deinit { running.cancel() }

    // MARK: Reading

    public func runs() async throws -> [RunRecord] {
        try await fetch(RunRow.self, "SELECT * FROM run ORDER BY created_at, name COLLATE \"C\"").map(\.run)
    }

    public func run(named name: String) async throws -> RunRecord? {
        try await fetch(RunRow.self, "SELECT * FROM run WHERE name = \(name)").first?.run
    }

    public func problems(of run: String) async throws -> [ProblemEntry] {
        try await fetch(ProblemRow.self, "SELECT * FROM problem WHERE run = \(run) ORDER BY slug COLLATE \"C\"")
            .map(\.problem)
    }

    public func samples(runs: [String]?) async throws -> [SampleResult] {
        let order = "ORDER BY run COLLATE \"C\", problem COLLATE \"C\", sample"
        let query: PostgresQuery =
            if let runs {
                "SELECT * FROM sample WHERE run = ANY(\(runs)) \(unescaped: order)"
            } else {
                "SELECT * FROM sample \(unescaped: order)"
            }
        return try await fetch(SampleRow.self, query).map(\.result)
    }

    public func archive(of run: String, except: Set<SampleKey>) async throws -> RunArchive {
        try await transaction { connection in
            guard
                let record = try await self.fetch(RunRow.self, "SELECT * FROM run WHERE name = \(run)", on: connection)
                    .first?.run
            else {
                throw EvaluationError.unknownRun(
                    name: run, database: self.location, known: try await self.runs().map(\.name))
            }
            let samples = try await self.fetch(
                SampleRow.self,
                "SELECT * FROM sample WHERE run = \(run) ORDER BY problem COLLATE \"C\", sample", on: connection
            ).filter { !except.contains($0.key) }
            let wanted = Set(samples.map(\.key))
            let attempts = try await self.fetch(
                AttemptRow.self, "SELECT * FROM attempt WHERE run = \(run) AND status = 'final' ORDER BY id",
                on: connection
            ).filter { wanted.contains(SampleKey(problem: $0.problem, sample: $0.sample)) }
            let problems = try await self.fetch(
                ProblemRow.self, "SELECT * FROM problem WHERE run = \(run) ORDER BY slug COLLATE \"C\"",
                on: connection
            ).map(\.problem)
            return RunArchive(run: record, problems: problems, samples: samples, attempts: attempts)
        }
    }

    // MARK: Writing

    /// Writes archives (an import); refused while a worker that is still heard from works on one of their runs. The
    /// samples written are marked done in the work queue, so no worker solves them again.
    public func add(_ archives: [RunArchive]) async throws {
        try await transaction { connection in
            for archive in archives {
                let name = archive.name
                let busy = try await connection.query(
                    """
                    SELECT host, pid, EXTRACT(EPOCH FROM now() - heartbeat_at)::float8 FROM worker
                    WHERE state = 'running' AND \(name) = ANY(runs)
                        AND heartbeat_at > now() - make_interval(secs => \(PostgresWork.expiry))
                    LIMIT 1
                    """, logger: Self.logger
                ).collect().first
                if let busy {
                    let (host, pid, age) = try busy.decode((String, Int64, Double).self)
                    throw EvaluationError.runBusy(
                        run: name, holder: "solve pid \(pid) on \(host)", secondsSinceHeartbeat: Int(age.rounded()))
                }
                if let existing = try await self.fetch(
                    RunRow.self, "SELECT * FROM run WHERE name = \(name) FOR UPDATE", on: connection
                ).first?.run {
                    try await Self.unite(shards: archive.run.shards, into: existing, connection)
                } else {
                    try await self.insert(RunRow(archive.run), on: connection)
                }
                for problem in archive.problems {
                    try await self.insert(
                        ProblemRow(run: name, problem: problem), on: connection, ignoringConflicts: true)
                }
                for sample in archive.samples {
                    try await self.insert(sample, on: connection)
                    try await connection.query(
                        """
                        INSERT INTO work (run, problem, sample, state) VALUES (\(name), \(sample.result.problem), \
                        \(sample.result.sample), 'done')
                        ON CONFLICT (run, problem, sample) DO UPDATE SET state = 'done', worker = NULL, lease_until = NULL
                        """, logger: Self.logger)
                }
                for var attempt in archive.attempts {
                    attempt.id = nil
                    try await self.insert(attempt, on: connection)
                }
            }
        }
    }

    /// Records a new run and its problems, or joins the stored one: same settings required, shards united.
    /// - Returns: the run as stored.
    /// - Throws: `EvaluationError.resumeMismatch` when the stored run has other settings.
    func createOrJoin(_ run: RunRecord, problems: [ProblemEntry], on connection: PostgresConnection) async throws
        -> RunRecord
    {
        // One run is created by one worker: the others wait for its transaction, then find it.
        try await connection.query(
            "SELECT pg_advisory_xact_lock(hashtext('solve run ' || \(run.name)))", logger: Self.logger)
        var stored = run
        if let existing = try await fetch(RunRow.self, "SELECT * FROM run WHERE name = \(run.name)", on: connection)
            .first?.run
        {
            let differences = existing.differences(from: run)
            guard differences.isEmpty else {
                throw EvaluationError.resumeMismatch(name: run.name, differences: differences)
            }
            stored = existing
            stored.shards = try await Self.unite(shards: run.shards, into: existing, connection)
        } else {
            try await insert(RunRow(run), on: connection)
        }
        for problem in problems {
            try await insert(ProblemRow(run: run.name, problem: problem), on: connection, ignoringConflicts: true)
        }
        return stored
    }

    /// Adds `shards` to the stored `run`'s; returns the union.
    @discardableResult
    private static func unite(shards: [String], into run: RunRecord, _ connection: PostgresConnection) async throws
        -> [String]
    {
        let united = Array(Set(run.shards + shards)).sorted()
        guard united != run.shards else { return united }
        let text = try StoredJSON.text(united, run: run.name, problem: nil, column: "shards")
        try await connection.query("UPDATE run SET shards = \(text) WHERE name = \(run.name)", logger: logger)
        return united
    }

    // MARK: Rows

    /// `record` as a row of its table; `ignoringConflicts` leaves a row with the same key as it is.
    func insert<Record: StoredRecord>(
        _ record: Record, on connection: PostgresConnection, ignoringConflicts: Bool = false
    ) async throws {
        let table = Record.databaseTableName
        var values = try record.databaseDictionary
        if values["id"] == .null { values["id"] = nil }
        let names = values.keys.sorted()
        var binds = PostgresBindings(capacity: names.count)
        for name in names {
            try columns.bind(values[name] ?? .null, column: name, table: table, into: &binds)
        }
        let placeholders = (1...names.count).map { "$\($0)" }.joined(separator: ", ")
        let conflict = ignoringConflicts ? " ON CONFLICT DO NOTHING" : ""
        let sql =
            "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(placeholders))\(conflict)"
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: Self.logger)
    }

    /// The rows `query` selects, as records.
    func fetch<Record: StoredRecord>(
        _ type: Record.Type, _ query: PostgresQuery, on connection: PostgresConnection? = nil
    )
        async throws -> [Record]
    {
        let rows: [PostgresRow]
        if let connection {
            rows = try await connection.query(query, logger: Self.logger).collect()
        } else {
            rows = try await failures { try await self.client.query(query, logger: Self.logger).collect() }
        }
        return try decoding {
            try rows.map { row in
                var values: [String: DatabaseValue] = [:]
                for cell in row { values[cell.columnName] = try PostgresColumns.value(of: cell) }
                return try Record(row: Row(values))
            }
        }
    }

    /// `body` in one transaction: all of it is written, or nothing.
    /// - Throws: `body`'s `EvaluationError`s as they are; the server's errors as `EvaluationError.database`.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T
    {
        try await failures {
            do {
                return try await self.client.withTransaction(logger: Self.logger) { connection in
                    try await body(connection)
                }
            } catch let error as PostgresTransactionError {
                throw error.closureError ?? error.beginError ?? error.commitError ?? error
            }
        }
    }

    /// `body`'s value; the server's and the decoder's errors as `EvaluationError`s naming this store.
    func failures<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as EvaluationError {
            throw error
        } catch let error as StoredValueError {
            throw EvaluationError.unreadable(
                database: location, run: error.run, problem: error.problem, column: error.column, value: error.value,
                reason: error.reason)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw EvaluationError.database(path: location, message: PostgresSchema.describe(error))
        }
    }

    /// `body`'s value; a value that cannot be decoded as `EvaluationError.unreadable` naming this store.
    private func decoding<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoredValueError {
            throw EvaluationError.unreadable(
                database: location, run: error.run, problem: error.problem, column: error.column, value: error.value,
                reason: error.reason)
        }
    }
}
