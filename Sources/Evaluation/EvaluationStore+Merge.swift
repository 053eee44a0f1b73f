import Foundation
import GRDB

/// `solve eval merge`: runs of other databases (shards run elsewhere) copied into this one.
///
/// The policy: a run present in both must have the same settings (`RunRecord.differences(from:)`); its shards are
/// united and the samples this store lacks are added with their `final` attempts. A sample present in both with a
/// different result is a conflict. Everything of one database is written in one transaction, or nothing.
extension EvaluationStore {
    /// Merges the databases at `paths` into this one, in order; `onMerged` hears of each as it is done.
    /// - Throws: `EvaluationError.noSuchDatabase`, `.mergeConflict`, `.runBusy`, or a database error; databases merged
    ///   before the failing one stay merged.
    public func merge(databases paths: [String], onMerged: (_ path: String, _ added: [String: Int]) -> Void) throws {
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { throw EvaluationError.noSuchDatabase(path: path) }
            onMerged(path, try merge(from: EvaluationStore(path: path)))
        }
    }

    /// Copies every run of `other` into this store, by the policy above.
    /// - Returns: samples added per run.
    /// - Throws: `EvaluationError.mergeConflict` (nothing is written), `.runBusy` when a live process holds one of
    ///   the runs here, `.unreadable` for a value of `other` that cannot be decoded.
    @discardableResult
    public func merge(from other: EvaluationStore) throws -> [String: Int] {
        let plan = try other.runs().map { try missing(from: other, of: $0) }
        try write { db in
            try Self.requireNoLiveLease(on: plan.map(\.run.name), db)
            for part in plan {
                if var row = try RunRow.fetchOne(db, key: part.run.name) {
                    row.run.shards = Array(Set(row.run.shards + part.run.shards)).sorted()
                    try row.update(db, columns: [RunRow.Columns.shards])
                } else {
                    try RunRow(part.run).insert(db)
                }
                try Self.insert(part.problems, of: part.run.name, into: db)
                for sample in part.samples { try SampleRow(sample, finishedAt: Date()).insert(db) }
                for var attempt in part.attempts {
                    attempt.id = nil
                    try attempt.insert(db)
                }
            }
        }
        return Dictionary(uniqueKeysWithValues: plan.map { ($0.run.name, $0.samples.count) })
    }

    /// What of `incoming`, a run of `other`, this store lacks: the run with its problems, and the samples it has not
    /// with their `final` attempts.
    /// - Throws: `EvaluationError.mergeConflict` when the run here has other settings, or a sample another result.
    private func missing(from other: EvaluationStore, of incoming: RunRecord) throws -> MergedRun {
        let samples = try other.samples(runs: [incoming.name])
        var missing = samples
        if let existing = try run(named: incoming.name) {
            let differences = existing.differences(from: incoming)
            guard differences.isEmpty else {
                throw EvaluationError.mergeConflict(run: incoming.name, detail: differences.joined(separator: "; "))
            }
            let mine = Dictionary(
                uniqueKeysWithValues: try self.samples(runs: [incoming.name]).map {
                    (SampleKey(problem: $0.problem, sample: $0.sample), $0)
                })
            missing = []
            for sample in samples {
                if let present = mine[SampleKey(problem: sample.problem, sample: sample.sample)] {
                    guard present.accepted == sample.accepted, present.attempts == sample.attempts else {
                        throw EvaluationError.mergeConflict(
                            run: incoming.name,
                            detail:
                                "\(sample.problem) sample \(sample.sample) differs between \(path) and \(other.path)"
                        )
                    }
                } else {
                    missing.append(sample)
                }
            }
        }
        let wanted = Set(missing.map { SampleKey(problem: $0.problem, sample: $0.sample) })
        let attempts = try other.read { db in
            try AttemptRow.filter(AttemptRow.Columns.run == incoming.name).filter(status: .final)
                .order(AttemptRow.Columns.id).fetchAll(db)
        }
        return MergedRun(
            run: incoming, problems: try other.problems(of: incoming.name), samples: missing,
            attempts: attempts.filter { wanted.contains(SampleKey(problem: $0.problem, sample: $0.sample)) })
    }
}

/// One run of a merge: what is copied.
private struct MergedRun {
    var run: RunRecord
    var problems: [ProblemEntry]
    var samples: [SampleResult]
    var attempts: [AttemptRow]
}
