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
                try LeaseRow(run: run, token: token, holder: holder, now: now).insert(db, onConflict: .replace)
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
        let row = try LeaseRow.fetchOne(db, key: run)
        guard let row, row.token == lease.token else {
            throw EvaluationError.leaseLost(run: run, holder: row?.holder.description)
        }
    }

    /// Renews the lease rows of `token`: their heartbeat is `now`.
    func renewLease(token: String, now: Date) throws {
        try write { db in
            _ = try LeaseRow.filter(LeaseRow.Columns.token == token)
                .updateAll(db, LeaseRow.Columns.heartbeatAt.set(to: now.timeIntervalSince1970))
        }
    }

    /// Deletes the lease rows of `token`: its runs are free.
    func deleteLease(token: String) throws {
        try write { db in _ = try LeaseRow.filter(LeaseRow.Columns.token == token).deleteAll(db) }
    }

    /// The lease on `run` when its holder may still be working: heard from within `RunLease.expiry`, and not known
    /// to have ended.
    private static func liveLease(of run: String, now: Date, _ db: Database) throws
        -> (holder: LeaseHolder, secondsSinceHeartbeat: Int)?
    {
        guard let row = try LeaseRow.fetchOne(db, key: run) else { return nil }
        let holder = row.holder
        let age = now.timeIntervalSince1970 - row.heartbeatAt
        guard age < RunLease.expiry, !holder.isGone() else { return nil }
        return (holder, max(0, Int(age.rounded())))
    }
}
