import Foundation
import GRDB
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

    /// The store's migrations, in order: an identifier and SQLite's statements (separated by `;`). PostgreSQL
    /// applies the same ones, translated to its types (`PostgresSchema`).
    static let migrations: [(identifier: String, sql: String)] = [
        (
            "v1",
            """
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
            """
        ),
        (
            "v2: run leases",
            """
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
            """
        ),
        ("v3: how a contestant's submission was chosen", "ALTER TABLE sample ADD COLUMN selection TEXT"),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
    }

    // MARK: Runs

    /// Every run, oldest first.
    public func runs() throws -> [RunRecord] {
        try read { db in
            try RunRow.order(RunRow.Columns.createdAt, RunRow.Columns.name).fetchAll(db).map(\.run)
        }
    }

    /// The run named `name`, if there is one.
    public func run(named name: String) throws -> RunRecord? {
        try read { db in try RunRow.fetchOne(db, key: name)?.run }
    }

    /// Records a new run and the problems it covers.
    public func create(_ run: RunRecord, problems: [ProblemEntry]) throws {
        try write { db in
            try RunRow(run).insert(db)
            try Self.insert(problems, of: run.name, into: db)
        }
    }

    /// The problems recorded for `run`.
    public func problems(of run: String) throws -> [ProblemEntry] {
        try read { db in
            try ProblemRow.filter(ProblemRow.Columns.run == run).order(ProblemRow.Columns.slug).fetchAll(db)
                .map(\.problem)
        }
    }

    /// Records `problems` for `run`, leaving those it has already.
    static func insert(_ problems: [ProblemEntry], of run: String, into db: Database) throws {
        for problem in problems {
            try ProblemRow(run: run, problem: problem).insert(db, onConflict: .ignore)
        }
    }

    // MARK: Samples

    /// Finished samples of the named runs (all runs when `runs` is nil), in run, problem, sample order.
    public func samples(runs: [String]? = nil) throws -> [SampleResult] {
        try read { db in
            var request = SampleRow.order(SampleRow.Columns.run, SampleRow.Columns.problem, SampleRow.Columns.sample)
            if let runs { request = request.filter(runs.contains(SampleRow.Columns.run)) }
            return try request.fetchAll(db).map(\.result)
        }
    }

    /// Counts of attempts by status, for one run.
    public func attemptCounts(of run: String) throws -> [String: Int] {
        try read { db in
            let statuses = try String.fetchAll(
                db, AttemptRow.select(AttemptRow.Columns.status).filter(AttemptRow.Columns.run == run))
            return statuses.reduce(into: [:]) { counts, status in counts[status, default: 0] += 1 }
        }
    }

    // MARK: Transactions

    /// `body` in a read transaction.
    /// - Throws: `EvaluationError.database` when SQLite fails, `.unreadable` for a value that cannot be decoded.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try failures { try queue.read(body) }
    }

    /// `body` in a write transaction: all of it is written, or nothing.
    /// - Throws: `EvaluationError.database` when SQLite fails, `.unreadable` for a value that cannot be decoded;
    ///   `body`'s own errors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try failures { try queue.write(body) }
    }

    /// `body`'s value; GRDB's errors, and values that cannot be decoded, as `EvaluationError`s naming this database.
    private func failures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw EvaluationError.database(path: path, message: error.message ?? "\(error)")
        } catch let error as StoredValueError {
            throw EvaluationError.unreadable(
                database: path, run: error.run, problem: error.problem, column: error.column, value: error.value,
                reason: error.reason)
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
