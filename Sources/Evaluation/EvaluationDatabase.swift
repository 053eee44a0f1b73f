import Foundation

/// An evaluation database: SQLite in one file (`EvaluationStore`, the default) or a PostgreSQL server that workers on
/// several machines share (`PostgresStore`). Both keep the same tables (runs, problems, attempts, samples); they
/// differ in who may work on a run at once: one process leases a whole SQLite run, while PostgreSQL workers each
/// claim one sample at a time (`SampleQueue`).
public protocol EvaluationDatabase: AnyObject, Sendable {
    /// The file's path, or the URL without its password: how messages name the database.
    var location: String { get }
    /// Every run, oldest first.
    func runs() async throws -> [RunRecord]
    /// The run named `name`, if there is one.
    func run(named name: String) async throws -> RunRecord?
    /// The problems recorded for `run`.
    func problems(of run: String) async throws -> [ProblemEntry]
    /// Finished samples of the named runs (all runs when nil), in run, problem, sample order.
    func samples(runs: [String]?) async throws -> [SampleResult]
    /// Creates `planned` runs, or checks the stored ones (settings must match), and returns the queue of their
    /// samples for this process. SQLite leases the runs (refusing a second process) and refuses an existing run
    /// unless `resume`; PostgreSQL joins an existing run with the same settings, and `resume` gives samples that
    /// failed too often another chance.
    /// - Throws: `EvaluationError.runExists`, `.resumeMismatch`, `.runBusy`, `.database`.
    func queue(for planned: [RunRecord], set: ProblemSet, samples: Int, resume: Bool) async throws -> any SampleQueue
    /// Progress of the named runs: samples finished and under way, and who works on them.
    func status(of runs: [String]) async throws -> EvaluationStatus
    /// The run `run` as a copy takes it: its record, problems, and finished samples (but those in `except`) with their
    /// `final` attempts.
    func archive(of run: String, except: Set<SampleKey>) async throws -> RunArchive
    /// Writes `archives` (new runs, or more samples of runs checked to have the same settings), all or nothing.
    /// - Throws: `EvaluationError.runBusy` while a live process works on one of their runs.
    func add(_ archives: [RunArchive]) async throws
    /// Closes connections (PostgreSQL); the database is not used afterwards.
    func close() async
}

/// Opening a database by what `--db` (or `SOLVE_DB`) names.
public enum EvaluationDatabases {
    /// Whether `location` names a PostgreSQL server (`postgres://…` or `postgresql://…`) rather than a file.
    public static func isServer(_ location: String) -> Bool {
        let lowered = location.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// The database `location` names: a PostgreSQL URL, else an SQLite file's path.
    /// - Parameter mustExist: refuse an SQLite path where there is no file (reading commands), instead of creating it.
    /// - Throws: `EvaluationError.noDatabase` for a missing file when `mustExist`, `.invalidOption` for a malformed
    ///   URL, `.database` when the server cannot be reached or the file cannot be opened.
    public static func open(_ location: String, mustExist: Bool = false) async throws -> any EvaluationDatabase {
        if isServer(location) { return try await PostgresStore.connect(url: location) }
        if mustExist, !FileManager.default.fileExists(atPath: location) {
            throw EvaluationError.noDatabase(path: location)
        }
        return try EvaluationStore(path: location)
    }

    /// `url` checked as a PostgreSQL store's URL, without its password (as messages show it).
    /// - Throws: `EvaluationError.invalidOption` naming what is wrong.
    public static func serverURL(_ url: String, environment: [String: String]) throws -> String {
        try PostgresTarget(url: url, environment: environment).redacted
    }

    /// `body`'s value with the database `location` names (`open(_:mustExist:)`), closed afterwards.
    public static func with<T>(
        _ location: String, mustExist: Bool = false, _ body: (any EvaluationDatabase) async throws -> T
    ) async throws -> T {
        let database = try await open(location, mustExist: mustExist)
        do {
            let value = try await body(database)
            await database.close()
            return value
        } catch {
            await database.close()
            throw error
        }
    }
}

/// A run as a copy takes it (`solve eval merge`, `export`, `import`): what `EvaluationDatabase.add` stores.
public struct RunArchive: Sendable {
    var run: RunRecord
    var problems: [ProblemEntry]
    var samples: [SampleRow]
    var attempts: [AttemptRow]

    /// The run's name.
    public var name: String { run.name }
    /// How many finished samples it carries.
    public var sampleCount: Int { samples.count }
}

extension EvaluationDatabase {
    /// Copies every run of `source` (or those named) into this database: a run present in both must have the same
    /// settings (`RunRecord.differences(from:)`); its shards are united, and the samples this database lacks are added
    /// with their `final` attempts. A sample present in both with another result is a conflict. Everything is written
    /// in one transaction, or nothing.
    /// - Returns: samples added per run.
    /// - Throws: `EvaluationError.mergeConflict` (nothing is written), `.unknownRun`, `.runBusy` when a live process
    ///   works on one of the runs here, `.unreadable` for a value of `source` that cannot be decoded.
    @discardableResult
    public func merge(from source: any EvaluationDatabase, runs names: [String]? = nil) async throws -> [String: Int] {
        let stored = try await source.runs()
        let wanted = names ?? stored.map(\.name)
        var archives: [RunArchive] = []
        for name in wanted {
            guard let incoming = stored.first(where: { $0.name == name }) else {
                throw EvaluationError.unknownRun(name: name, database: source.location, known: stored.map(\.name))
            }
            var present: Set<SampleKey> = []
            if let existing = try await run(named: name) {
                let differences = existing.differences(from: incoming)
                guard differences.isEmpty else {
                    throw EvaluationError.mergeConflict(run: name, detail: differences.joined(separator: "; "))
                }
                let mine = Dictionary(
                    uniqueKeysWithValues: try await samples(runs: [name]).map {
                        (SampleKey(problem: $0.problem, sample: $0.sample), $0)
                    })
                for sample in try await source.samples(runs: [name]) {
                    guard let here = mine[SampleKey(problem: sample.problem, sample: sample.sample)] else { continue }
                    guard here.accepted == sample.accepted, here.attempts == sample.attempts else {
                        throw EvaluationError.mergeConflict(
                            run: name,
                            detail:
                                "\(sample.problem) sample \(sample.sample) differs between \(location) and \(source.location)"
                        )
                    }
                }
                present = Set(mine.keys)
            }
            archives.append(try await source.archive(of: name, except: present))
        }
        try await add(archives)
        return Dictionary(archives.map { ($0.name, $0.sampleCount) }, uniquingKeysWith: +)
    }
}

/// What `solve eval status` shows: per run, its samples by state; per worker, what it did.
public struct EvaluationStatus: Sendable, Codable {
    /// One run's samples.
    public struct Run: Sendable, Codable {
        public var name: String
        /// Samples the run covers (problems × samples per problem).
        public var total: Int
        public var finished: Int
        public var accepted: Int
        /// Claimed by a worker (PostgreSQL), or pending attempts of a sample under way (SQLite).
        public var underWay: Int
        /// Samples no worker will take any more: they failed `SampleQueue.failureLimit` times (a resume retries them).
        public var failedOut: Int
    }

    /// One process working (or that worked) on the runs.
    public struct Worker: Sendable, Codable {
        public var id: String
        public var host: String
        public var pid: Int
        /// `running`, `stopped` (ended normally), `gone` (found dead), or `silent` (no heartbeat within the expiry).
        public var state: String
        public var startedAt: Date
        /// Seconds since its last heartbeat.
        public var secondsSinceHeartbeat: Double
        public var finished: Int
        public var failed: Int
        /// Samples it holds now.
        public var inFlight: Int
        /// Finished samples per minute from its start to its stop (or now).
        public var samplesPerMinute: Double
    }

    public var database: String
    public var runs: [Run]
    public var workers: [Worker]
}
