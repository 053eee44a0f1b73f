import Foundation
import GRDB
import OutputFormat
import Solving

/// The SQLite database of an evaluation: runs, every attempt (committed as it finishes) and finished samples.
///
/// A sample row is written in one transaction with all of its attempts as `final` (those stored while it ran are
/// marked, any whose write failed are written then), so a crash or a full disk leaves either a whole sample or
/// attempts still `pending`; `--resume` marks those `abandoned` (kept, never counted) and reruns the sample. One
/// process at a time works on a run: it holds the run's lease (`run_lease`, see `RunLease`), and each of its writes
/// checks the lease in the same transaction.
public final class EvaluationStore: Sendable {
    public let path: String
    private let queue: DatabaseQueue

    /// Where `solve eval` and `solve compare` keep the database when `--db` is not given.
    public static func defaultPath(runsDirectory: String) -> String {
        URL(fileURLWithPath: runsDirectory).appendingPathComponent("eval.sqlite").path
    }

    public init(path: String) throws {
        self.path = path
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw EvaluationError.database(path: path, message: error.message ?? "\(error)")
        } catch {
            throw EvaluationError.database(path: path, message: "\(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE run (
                        name TEXT PRIMARY KEY NOT NULL,
                        model TEXT NOT NULL,
                        samples INTEGER NOT NULL,
                        max_attempts INTEGER NOT NULL,
                        problem_set TEXT NOT NULL,
                        shards TEXT NOT NULL,
                        settings TEXT NOT NULL,
                        settings_hash TEXT NOT NULL,
                        prompts_hash TEXT NOT NULL,
                        created_at DATETIME NOT NULL
                    );
                    CREATE TABLE problem (
                        run TEXT NOT NULL REFERENCES run(name) ON DELETE CASCADE,
                        slug TEXT NOT NULL,
                        title TEXT NOT NULL,
                        difficulty TEXT,
                        tags TEXT NOT NULL,
                        PRIMARY KEY (run, slug)
                    );
                    CREATE TABLE attempt (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        run TEXT NOT NULL REFERENCES run(name) ON DELETE CASCADE,
                        problem TEXT NOT NULL,
                        sample INTEGER NOT NULL,
                        number INTEGER NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('pending', 'final', 'abandoned')),
                        model TEXT NOT NULL,
                        alias TEXT NOT NULL,
                        endpoint TEXT NOT NULL,
                        strategy TEXT NOT NULL,
                        temperature DOUBLE,
                        seed INTEGER NOT NULL,
                        messages TEXT NOT NULL,
                        reasoning TEXT NOT NULL,
                        answer TEXT NOT NULL,
                        language TEXT,
                        code TEXT,
                        verdict TEXT NOT NULL,
                        message TEXT NOT NULL,
                        judge TEXT,
                        repeat_of INTEGER,
                        prompt_tokens INTEGER,
                        completion_tokens INTEGER,
                        seconds DOUBLE NOT NULL,
                        first_token_seconds DOUBLE,
                        finish_reason TEXT,
                        truncated BOOLEAN NOT NULL,
                        no_code BOOLEAN NOT NULL,
                        settings_hash TEXT NOT NULL,
                        prompts_hash TEXT NOT NULL,
                        created_at DATETIME NOT NULL
                    );
                    CREATE INDEX attempt_sample ON attempt (run, problem, sample);
                    CREATE TABLE sample (
                        run TEXT NOT NULL REFERENCES run(name) ON DELETE CASCADE,
                        problem TEXT NOT NULL,
                        sample INTEGER NOT NULL,
                        model TEXT NOT NULL,
                        difficulty TEXT,
                        tags TEXT NOT NULL,
                        max_attempts INTEGER NOT NULL,
                        attempts INTEGER NOT NULL,
                        first_attempt_accepted BOOLEAN NOT NULL,
                        accepted BOOLEAN NOT NULL,
                        accepted_at_attempt INTEGER,
                        completion_tokens INTEGER NOT NULL,
                        seconds DOUBLE NOT NULL,
                        truncated_attempts INTEGER NOT NULL,
                        no_code_attempts INTEGER NOT NULL,
                        finished_at DATETIME NOT NULL,
                        PRIMARY KEY (run, problem, sample)
                    );
                    """)
        }
        migrator.registerMigration("v2: run leases") { db in
            try db.execute(
                sql: """
                    CREATE TABLE run_lease (
                        run TEXT PRIMARY KEY NOT NULL,
                        token TEXT NOT NULL,
                        host TEXT NOT NULL,
                        pid INTEGER NOT NULL,
                        pid_namespace TEXT NOT NULL,
                        process_start INTEGER NOT NULL,
                        acquired_at DATETIME NOT NULL,
                        heartbeat_at DOUBLE NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v3: how a contestant's submission was chosen") { db in
            try db.execute(sql: "ALTER TABLE sample ADD COLUMN selection TEXT")
        }
        return migrator
    }

    // MARK: Runs

    public func runs() throws -> [RunRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY created_at, name").map(Self.runRecord) }
    }

    public func run(named name: String) throws -> RunRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM run WHERE name = ?", arguments: [name]).map(Self.runRecord) }
    }

    /// Records a new run and the problems it covers.
    public func create(_ run: RunRecord, problems: [ProblemEntry]) throws {
        try write { db in
            try Self.insert(run, into: db)
            for problem in problems {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO problem (run, slug, title, difficulty, tags) VALUES (?, ?, ?, ?, ?)",
                    arguments: [run.name, problem.slug, problem.title, problem.difficulty, Self.json(problem.tags)])
            }
        }
    }

    /// The problems recorded for `run`.
    public func problems(of run: String) throws -> [ProblemEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM problem WHERE run = ? ORDER BY slug", arguments: [run]).map {
                ProblemEntry(slug: $0["slug"], title: $0["title"], difficulty: $0["difficulty"], tags: Self.decodeTags($0["tags"]))
            }
        }
    }

    // MARK: Samples

    /// Finished samples of the named runs (all runs when `runs` is nil), in run, problem, sample order.
    public func samples(runs: [String]? = nil) throws -> [SampleResult] {
        try read { db in
            var sql = "SELECT * FROM sample"
            var arguments = StatementArguments()
            if let runs {
                sql += " WHERE run IN (\(Array(repeating: "?", count: runs.count).joined(separator: ", ")))"
                arguments = StatementArguments(runs)
            }
            sql += " ORDER BY run, problem, sample"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                try Self.sampleResult($0, database: path)
            }
        }
    }

    /// Counts of attempts by status, for one run.
    public func attemptCounts(of run: String) throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM attempt WHERE run = ? GROUP BY status", arguments: [run]) {
                counts[row["status"]] = row["n"]
            }
            return counts
        }
    }

    // MARK: Merge

    /// Copies every run of the database at `other` into this one. A run present in both must have the same settings;
    /// its shards are united and samples this store lacks are added with their attempts. A sample present in both
    /// with a different result is a conflict (nothing is written).
    /// - Returns: samples added per run.
    @discardableResult
    public func merge(from other: EvaluationStore) throws -> [String: Int] {
        let incomingRuns = try other.runs()
        var added: [String: Int] = [:]
        var plan: [(RunRecord, [ProblemEntry], [SampleResult], [Row])] = []
        for incoming in incomingRuns {
            let problems = try other.problems(of: incoming.name)
            let samples = try other.samples(runs: [incoming.name])
            var missing = samples
            if let existing = try run(named: incoming.name) {
                let differences = existing.differences(from: incoming)
                guard differences.isEmpty else {
                    throw EvaluationError.mergeConflict(run: incoming.name, detail: differences.joined(separator: "; "))
                }
                let mine = Dictionary(uniqueKeysWithValues: try self.samples(runs: [incoming.name]).map { (SampleKey(problem: $0.problem, sample: $0.sample), $0) })
                missing = []
                for sample in samples {
                    if let present = mine[SampleKey(problem: sample.problem, sample: sample.sample)] {
                        guard present.accepted == sample.accepted, present.attempts == sample.attempts else {
                            throw EvaluationError.mergeConflict(
                                run: incoming.name, detail: "\(sample.problem) sample \(sample.sample) differs between \(path) and \(other.path)")
                        }
                    } else {
                        missing.append(sample)
                    }
                }
            }
            let attempts = try other.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM attempt WHERE run = ? AND status = ? ORDER BY id",
                    arguments: [incoming.name, AttemptStatus.final])
            }
            let wanted = Set(missing.map { SampleKey(problem: $0.problem, sample: $0.sample) })
            plan.append((incoming, problems, missing, attempts.filter { wanted.contains(SampleKey(problem: $0["problem"], sample: $0["sample"])) }))
        }
        try write { db in
            try Self.requireNoLiveLease(on: plan.map(\.0.name), db)
            for (incoming, problems, samples, attempts) in plan {
                if let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE name = ?", arguments: [incoming.name]) {
                    let shards = Array(Set(Self.runRecord(row).shards + incoming.shards)).sorted()
                    try db.execute(sql: "UPDATE run SET shards = ? WHERE name = ?", arguments: [Self.json(shards), incoming.name])
                } else {
                    try Self.insert(incoming, into: db)
                }
                for problem in problems {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO problem (run, slug, title, difficulty, tags) VALUES (?, ?, ?, ?, ?)",
                        arguments: [incoming.name, problem.slug, problem.title, problem.difficulty, Self.json(problem.tags)])
                }
                for sample in samples { try Self.insert(sample, into: db) }
                for attempt in attempts {
                    let columns = attempt.columnNames.filter { $0 != "id" }
                    try db.execute(
                        sql: "INSERT INTO attempt (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                        arguments: StatementArguments(columns.map { attempt[$0] as DatabaseValue }))
                }
                added[incoming.name] = samples.count
            }
        }
        return added
    }

    // MARK: Rows

    private static func insert(_ run: RunRecord, into db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO run (name, model, samples, max_attempts, problem_set, shards, settings, settings_hash, prompts_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                run.name, run.model, run.samples, run.maxAttempts, run.problemSet, json(run.shards), run.settings, run.settingsHash,
                run.promptsHash, run.createdAt,
            ])
    }

    static func insert(_ result: SampleResult, into db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO sample (run, problem, sample, model, difficulty, tags, max_attempts, attempts, first_attempt_accepted,
                    accepted, accepted_at_attempt, completion_tokens, seconds, truncated_attempts, no_code_attempts, finished_at,
                    selection)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                result.run, result.problem, result.sample, result.model, result.difficulty, json(result.tags), result.maxAttempts,
                result.attempts, result.firstAttemptAccepted, result.accepted, result.acceptedAtAttempt, result.completionTokens,
                result.seconds, result.truncatedAttempts, result.noCodeAttempts, Date(),
                result.selection.map { json($0) },
            ])
    }

    private static func runRecord(_ row: Row) -> RunRecord {
        RunRecord(
            name: row["name"], model: row["model"], samples: row["samples"], maxAttempts: row["max_attempts"],
            problemSet: row["problem_set"], shards: decodeTags(row["shards"]), settings: row["settings"],
            settingsHash: row["settings_hash"], promptsHash: row["prompts_hash"], createdAt: row["created_at"])
    }

    /// - Throws: `EvaluationError.database` naming the sample when its selection does not decode.
    private static func sampleResult(_ row: Row, database: String) throws -> SampleResult {
        let selection: SelectionReport?
        if let text: String = row["selection"] {
            do {
                selection = try JSONDecoder().decode(SelectionReport.self, from: Data(text.utf8))
            } catch {
                let run: String = row["run"]
                let problem: String = row["problem"]
                let sample: Int = row["sample"]
                throw EvaluationError.database(
                    path: database, message: "sample \(run) \(problem) #\(sample): column selection: \(error)")
            }
        } else {
            selection = nil
        }
        return SampleResult(
            run: row["run"], model: row["model"], problem: row["problem"], difficulty: row["difficulty"], tags: decodeTags(row["tags"]),
            sample: row["sample"], maxAttempts: row["max_attempts"], attempts: row["attempts"],
            firstAttemptAccepted: row["first_attempt_accepted"], accepted: row["accepted"], acceptedAtAttempt: row["accepted_at_attempt"],
            completionTokens: row["completion_tokens"], seconds: row["seconds"], truncatedAttempts: row["truncated_attempts"],
            noCodeAttempts: row["no_code_attempts"], selection: selection)
    }

    static func json<T: Encodable>(_ value: T) -> String {
        (try? JSONText.string(value, layout: .compact)) ?? "null"
    }

    private static func decodeTags(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch let error as DatabaseError {
            throw EvaluationError.database(path: path, message: error.message ?? "\(error)")
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch let error as DatabaseError {
            throw EvaluationError.database(path: path, message: error.message ?? "\(error)")
        }
    }
}

/// A problem as a run records it (its tests stay in the set).
public struct ProblemEntry: Sendable, Hashable, Codable {
    public var slug: String
    public var title: String
    public var difficulty: String?
    public var tags: [String]

    public init(slug: String, title: String, difficulty: String?, tags: [String]) {
        self.slug = slug
        self.title = title
        self.difficulty = difficulty
        self.tags = tags
    }
}

extension AttemptRecord {
    /// The answer held no program.
    var isNoCode: Bool { outcome.isNoProgram }
}
