import Foundation
import GRDB

extension EvaluationStore: EvaluationDatabase {
    public var location: String { path }

    public func queue(for planned: [RunRecord], set: ProblemSet, samples: Int, resume: Bool) throws
        -> any SampleQueue
    {
        let lease = try lease(runs: planned.map(\.name))
        do {
            let runs = try prepare(planned, set: set, resume: resume)
            return queue(of: runs, set: set, samples: samples, lease: lease)
        } catch {
            lease.release()
            throw error
        }
    }

    /// The samples of `runs` (prepared, leased with `lease`) for this process.
    public func queue(of runs: [RunRecord], set: ProblemSet, samples: Int, lease: RunLease) -> any SampleQueue {
        LocalSampleQueue(store: self, lease: lease, runs: runs, set: set, samples: samples)
    }

    /// Creates the runs, or checks that stored ones match (settings and shards) when `resume` is set.
    /// - Throws: `EvaluationError.runExists` for a stored run without `resume`, `.resumeMismatch` for other settings.
    public func prepare(_ runs: [RunRecord], set: ProblemSet, resume: Bool) throws -> [RunRecord] {
        var prepared: [RunRecord] = []
        for run in runs {
            if let existing = try self.run(named: run.name) {
                guard resume else { throw EvaluationError.runExists(name: run.name, database: path) }
                let differences =
                    existing.differences(from: run)
                    + (existing.shards == run.shards
                        ? [] : ["--shard \(run.shards.joined()) vs \(existing.shards.joined())"])
                guard differences.isEmpty else {
                    throw EvaluationError.resumeMismatch(name: run.name, differences: differences)
                }
                prepared.append(existing)
            } else {
                try create(run, problems: set.problems.map(ProblemEntry.init))
                prepared.append(run)
            }
        }
        return prepared
    }

    /// SQLite's status: each run's samples, and the process holding its lease (if any) as its one worker.
    public func status(of runs: [String]) throws -> EvaluationStatus {
        try read { db in
            var statuses: [EvaluationStatus.Run] = []
            var workers: [EvaluationStatus.Worker] = []
            var holders: Set<String> = []
            let now = Date().timeIntervalSince1970
            for name in runs {
                guard let run = try RunRow.fetchOne(db, key: name)?.run else {
                    throw EvaluationError.unknownRun(
                        name: name, database: path,
                        known: try String.fetchAll(db, sql: "SELECT name FROM run ORDER BY created_at, name"))
                }
                let problems = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM problem WHERE run = ?", arguments: [name])
                let counts = try Row.fetchOne(
                    db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(accepted), 0) AS ok FROM sample WHERE run = ?",
                    arguments: [name])
                let underWay = try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM (SELECT DISTINCT problem, sample FROM attempt
                        WHERE run = ? AND status = 'pending')
                        """, arguments: [name])
                statuses.append(
                    EvaluationStatus.Run(
                        name: name, total: (problems ?? 0) * run.samples, finished: counts?["n"] ?? 0,
                        accepted: counts?["ok"] ?? 0, underWay: underWay ?? 0, failedOut: 0))
                guard let lease = try LeaseRow.fetchOne(db, key: name), holders.insert(lease.token).inserted else {
                    continue
                }
                let finished =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM sample WHERE run = ? AND finished_at >= ?",
                        arguments: [name, lease.acquiredAt]) ?? 0
                let age = max(0, now - lease.heartbeatAt)
                let minutes = max(1.0 / 60, (now - lease.acquiredAt.timeIntervalSince1970) / 60)
                let state = lease.holder.isGone() ? "gone" : age > RunLease.expiry ? "silent" : "running"
                workers.append(
                    EvaluationStatus.Worker(
                        id: String(lease.token.prefix(8)).lowercased(), host: lease.host, pid: Int(lease.pid),
                        state: state, startedAt: lease.acquiredAt, secondsSinceHeartbeat: age, finished: finished,
                        failed: 0, inFlight: underWay ?? 0, samplesPerMinute: Double(finished) / minutes))
            }
            return EvaluationStatus(database: path, runs: statuses, workers: workers)
        }
    }

    public func close() {}
}
