import Foundation
import GRDB
import Solving

extension EvaluationStore {
    /// Stores a finished attempt of a sample still in progress, as `pending`.
    /// - Throws: `EvaluationError.leaseLost` when `lease` no longer holds `run`; `.database` when SQLite fails.
    public func record(_ attempt: AttemptRecord, run: RunRecord, problem: String, sample: Int, lease: RunLease) throws {
        try write { db in
            try Self.require(lease, holds: run.name, db)
            try Self.insert(attempt, status: .pending, run: run, problem: problem, sample: sample, into: db)
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
            try Self.insert(result, into: db)
            let key: StatementArguments = [result.run, result.problem, result.sample]
            let pending = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, number FROM attempt
                    WHERE run = ? AND problem = ? AND sample = ? AND status = ? ORDER BY id
                    """,
                arguments: key + [AttemptStatus.pending])
            var stored: [Int: Int64] = [:]
            for row in pending { stored[row["number"]] = row["id"] }
            for attempt in attempts {
                if let id = stored[attempt.number] {
                    try db.execute(sql: "UPDATE attempt SET status = ? WHERE id = ?", arguments: [AttemptStatus.final, id])
                } else {
                    try Self.insert(
                        attempt, status: .final, run: run, problem: result.problem, sample: result.sample, into: db)
                }
            }
            try db.execute(
                sql: "UPDATE attempt SET status = ? WHERE run = ? AND problem = ? AND sample = ? AND status = ?",
                arguments: [AttemptStatus.abandoned] + key + [AttemptStatus.pending])
        }
    }

    /// Marks the `pending` attempts of one sample `abandoned`: it could not finish and will be rerun.
    public func abandonAttempts(of key: SampleKey, run: String, lease: RunLease) throws {
        try write { db in
            try Self.require(lease, holds: run, db)
            try db.execute(
                sql: "UPDATE attempt SET status = ? WHERE run = ? AND problem = ? AND sample = ? AND status = ?",
                arguments: [AttemptStatus.abandoned, run, key.problem, key.sample, AttemptStatus.pending])
        }
    }

    /// Samples of `run` already finished.
    public func finishedSamples(of run: String) throws -> Set<SampleKey> {
        try read { db in
            Set(
                try Row.fetchAll(db, sql: "SELECT problem, sample FROM sample WHERE run = ?", arguments: [run]).map {
                    SampleKey(problem: $0["problem"], sample: $0["sample"])
                })
        }
    }

    /// Marks attempts of unfinished samples `abandoned` (an interrupted run); returns how many.
    @discardableResult
    public func abandonPendingAttempts(of run: String, lease: RunLease) throws -> Int {
        try write { db in
            try Self.require(lease, holds: run, db)
            try db.execute(
                sql: "UPDATE attempt SET status = ? WHERE run = ? AND status = ?",
                arguments: [AttemptStatus.abandoned, run, AttemptStatus.pending])
            return db.changesCount
        }
    }

    /// Deletes the samples of `run` whose `final` attempts are not exactly 1…`attempts` (written by an older `solve`
    /// that stored them apart, on a full disk or by two processes at once) and marks those attempts, and any `final`
    /// attempt without a sample, `abandoned`, so that the samples are run again; returns the samples deleted.
    @discardableResult
    public func redoHalfWrittenSamples(of run: String, lease: RunLease) throws -> [SampleKey] {
        try write { db in
            try Self.require(lease, holds: run, db)
            let broken = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.problem, s.sample FROM sample s
                    LEFT JOIN attempt a ON a.run = s.run AND a.problem = s.problem AND a.sample = s.sample
                        AND a.status = ?
                    WHERE s.run = ?
                    GROUP BY s.problem, s.sample
                    HAVING COUNT(a.id) != s.attempts
                        OR COUNT(DISTINCT CASE WHEN a.number BETWEEN 1 AND s.attempts THEN a.number END) != s.attempts
                    ORDER BY s.problem, s.sample
                    """,
                arguments: [AttemptStatus.final, run]
            ).map { SampleKey(problem: $0["problem"], sample: $0["sample"]) }
            for key in broken {
                try db.execute(
                    sql: "DELETE FROM sample WHERE run = ? AND problem = ? AND sample = ?",
                    arguments: [run, key.problem, key.sample])
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

    private static func insert(
        _ attempt: AttemptRecord, status: AttemptStatus, run: RunRecord, problem: String, sample: Int, into db: Database
    ) throws {
        let program = attempt.program
        try db.execute(
            sql: """
                INSERT INTO attempt (run, problem, sample, number, status, model, alias, endpoint, strategy,
                    temperature, seed, messages, reasoning, answer, language, code, verdict, message, judge, repeat_of,
                    prompt_tokens, completion_tokens, seconds, first_token_seconds, finish_reason, truncated, no_code,
                    settings_hash, prompts_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                run.name, problem, sample, attempt.number, status, attempt.model, attempt.alias, attempt.endpoint,
                attempt.strategy.rawValue, attempt.temperature, attempt.seed, json(attempt.messages), attempt.reasoning,
                attempt.answer, program?.language, program?.code, attempt.verdict, attempt.message,
                attempt.judge.map { json($0) }, attempt.repeatOf, attempt.usage?.promptTokens,
                attempt.usage?.completionTokens, attempt.seconds, attempt.firstTokenSeconds, attempt.finishReason,
                attempt.truncated, attempt.isNoCode, run.settingsHash, run.promptsHash, Date(),
            ])
    }
}
