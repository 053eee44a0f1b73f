import Foundation
import GRDB

extension EvaluationStore {
    /// Claims `runs` for this process, all or none: refused while another live process holds any of them.
    /// - Parameters:
    ///   - holder: who claims (tests pass another machine's holder).
    ///   - now: the time of the claim (its first heartbeat).
    /// - Throws: `EvaluationError.runBusy` naming the other process.
    public func lease(runs: [String], holder: LeaseHolder = .current, now: Date = Date()) throws -> RunLease {
        try lease(runs: runs, holder: holder, now: now, heartbeatInterval: RunLease.heartbeatInterval)
    }

    /// `lease(runs:holder:now:)` renewed every `heartbeatInterval` (tests shorten it).
    func lease(runs: [String], holder: LeaseHolder, now: Date, heartbeatInterval: TimeInterval) throws -> RunLease {
        let token = UUID().uuidString
        try write { db in
            try Self.requireNoLiveLease(on: runs, now: now, db)
            for run in runs {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO run_lease
                            (run, token, host, pid, pid_namespace, process_start, acquired_at, heartbeat_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        run, token, holder.host, holder.pid, holder.pidNamespace, holder.processStart, now,
                        now.timeIntervalSince1970,
                    ])
            }
        }
        return RunLease(store: self, runs: runs, token: token, heartbeatInterval: heartbeatInterval)
    }

    /// Throws `EvaluationError.runBusy` when a live process holds a lease on one of `runs` (also for writers that
    /// finish in one transaction, such as a merge, and need no lease of their own).
    static func requireNoLiveLease(on runs: [String], now: Date = Date(), _ db: Database) throws {
        for run in runs {
            if let other = try Self.liveLease(of: run, now: now, db) {
                throw EvaluationError.runBusy(
                    run: run, holder: other.holder.description, secondsSinceHeartbeat: other.secondsSinceHeartbeat)
            }
        }
    }

    /// Throws `EvaluationError.leaseLost` unless `lease` still holds `run`: called first in every transaction that
    /// writes a run's attempts or samples, so a process that lost its lease writes nothing.
    static func require(_ lease: RunLease, holds run: String, _ db: Database) throws {
        let row = try Row.fetchOne(db, sql: "SELECT * FROM run_lease WHERE run = ?", arguments: [run])
        guard let row, row["token"] as String == lease.token else {
            let holder = row.map { Self.holder($0).description }
            throw EvaluationError.leaseLost(run: run, holder: holder)
        }
    }

    func renewLease(token: String, now: Date) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE run_lease SET heartbeat_at = ? WHERE token = ?",
                arguments: [now.timeIntervalSince1970, token])
        }
    }

    func deleteLease(token: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM run_lease WHERE token = ?", arguments: [token]) }
    }

    /// The lease on `run` when its holder may still be working: heard from within `RunLease.expiry`, and not known
    /// to have ended.
    private static func liveLease(of run: String, now: Date, _ db: Database) throws
        -> (holder: LeaseHolder, secondsSinceHeartbeat: Int)?
    {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run_lease WHERE run = ?", arguments: [run]) else {
            return nil
        }
        let holder = Self.holder(row)
        let age = now.timeIntervalSince1970 - (row["heartbeat_at"] as Double)
        guard age < RunLease.expiry, !holder.isGone() else { return nil }
        return (holder, max(0, Int(age.rounded())))
    }

    private static func holder(_ row: Row) -> LeaseHolder {
        LeaseHolder(
            host: row["host"], pid: row["pid"], pidNamespace: row["pid_namespace"], processStart: row["process_start"])
    }
}
