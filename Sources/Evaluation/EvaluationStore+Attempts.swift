import Foundation
import GRDB
import Solving

extension EvaluationStore {
    /// Stores a finished attempt of a sample still in progress, as `pending`.
    /// - Throws: `EvaluationError.leaseLost` when `lease` no longer holds `run`; `.database` when SQLite fails.
    public func record(_ attempt: AttemptRecord, run: RunRecord, problem: String, sample: Int, lease: RunLease) throws {
        try write { db in
            try Self.require(lease, holds: run.name, db)
            try AttemptRow(attempt, status: .pending, run: run, problem: problem, sample: sample).insert(db)
        }
    }

    /// Stores a finished sample with its attempts, in one transaction: the sample row, its `pending` attempts marked
    /// `final` (the latest row of each number), those missing (their write failed) inserted as `final`, and any other
    /// `pending` row of the sample marked `abandoned`.
    /// - Parameter attempts: every attempt of the sample, numbered 1…`result.attempts`.
    /// - Throws: `EvaluationError.leaseLost` when `lease` no longer holds the run; `.database` when SQLite fails
    ///   (then nothing of the sample is written).
    public func finish(_ result: SampleResult, attempts: [AttemptRecord], run: RunRecord, lease: RunLease) throws {
        try write { db in
            try Self.require(lease, holds: result.run, db)
            try SampleRow(result, finishedAt: Date()).insert(db)
            let key = SampleKey(problem: result.problem, sample: result.sample)
            let pending = AttemptRow.all().filter(run: result.run, sample: key).filter(status: .pending)
            var stored: [Int: Int64] = [:]
            for row in try pending.order(AttemptRow.Columns.id).fetchAll(db) { stored[row.number] = row.id }
            for attempt in attempts {
                if let id = stored[attempt.number] {
                    try AttemptRow.filter(key: id).updateAll(db, AttemptRow.Columns.status.set(to: AttemptStatus.final))
                } else {
                    try AttemptRow(attempt, status: .final, run: run, problem: result.problem, sample: result.sample)
                        .insert(db)
                }
            }
            try pending.updateAll(db, AttemptRow.Columns.status.set(to: AttemptStatus.abandoned))
        }
    }

    /// Marks the `pending` attempts of one sample `abandoned`: it could not finish and will be rerun.
    public func abandonAttempts(of key: SampleKey, run: String, lease: RunLease) throws {
        try write { db in
            try Self.require(lease, holds: run, db)
            try AttemptRow.all().filter(run: run, sample: key).filter(status: .pending)
                .updateAll(db, AttemptRow.Columns.status.set(to: AttemptStatus.abandoned))
        }
    }

    /// Samples of `run` already finished.
    public func finishedSamples(of run: String) throws -> Set<SampleKey> {
        try read { db in Set(try SampleRow.filter(SampleRow.Columns.run == run).fetchAll(db).map(\.key)) }
    }

    /// Marks attempts of unfinished samples `abandoned` (an interrupted run); returns how many.
    @discardableResult
    public func abandonPendingAttempts(of run: String, lease: RunLease) throws -> Int {
        try write { db in
            try Self.require(lease, holds: run, db)
            return try AttemptRow.filter(AttemptRow.Columns.run == run).filter(status: .pending)
                .updateAll(db, AttemptRow.Columns.status.set(to: AttemptStatus.abandoned))
        }
    }

    /// Deletes the samples of `run` whose `final` attempts are not exactly 1…`attempts` (written by an older `solve`
    /// that stored them apart, on a full disk or by two processes at once) and marks those attempts, and any `final`
    /// attempt without a sample, `abandoned`, so that the samples are run again; returns the samples deleted.
    @discardableResult
    public func redoHalfWrittenSamples(of run: String, lease: RunLease) throws -> [SampleKey] {
        try write { db in
            try Self.require(lease, holds: run, db)
            let broken = try SampleRow.fetchAll(
                db,
                sql: """
                    SELECT s.* FROM sample s
                    LEFT JOIN attempt a ON a.run = s.run AND a.problem = s.problem AND a.sample = s.sample
                        AND a.status = ?
                    WHERE s.run = ?
                    GROUP BY s.problem, s.sample
                    HAVING COUNT(a.id) != s.attempts
                        OR COUNT(DISTINCT CASE WHEN a.number BETWEEN 1 AND s.attempts THEN a.number END) != s.attempts
                    ORDER BY s.problem, s.sample
                    """,
                arguments: [AttemptStatus.final, run]
            ).map(\.key)
            for key in broken {
                try SampleRow.deleteOne(db, key: ["run": run, "problem": key.problem, "sample": key.sample])
            }
            try db.execute(
                sql: """
                    UPDATE attempt SET status = ?
                    WHERE run = ? AND status = ? AND NOT EXISTS (
                        SELECT 1 FROM sample s
                        WHERE s.run = attempt.run AND s.problem = attempt.problem AND s.sample = attempt.sample)
                    """,
                arguments: [AttemptStatus.abandoned, run, AttemptStatus.final])
            return broken
        }
    }
}
