import Foundation
import GRDB

/// `solve eval merge` and `export`: runs of other databases (shards run elsewhere, a PostgreSQL store) copied into
/// this one by `EvaluationDatabase.merge(from:runs:)`'s policy.
extension EvaluationStore {
    /// Merges the SQLite databases at `paths` into this one, in order; `onMerged` hears of each as it is done.
    /// - Throws: `EvaluationError.noSuchDatabase`, `.mergeConflict`, `.runBusy`, or a database error; databases merged
    ///   before the failing one stay merged.
    public func merge(databases paths: [String], onMerged: (_ path: String, _ added: [String: Int]) -> Void)
        async throws
    {
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { throw EvaluationError.noSuchDatabase(path: path) }
            onMerged(path, try await merge(from: EvaluationStore(path: path)))
        }
    }

    public func archive(of run: String, except: Set<SampleKey>) throws -> RunArchive {
        try read { db in
            guard let record = try RunRow.fetchOne(db, key: run)?.run else {
                throw EvaluationError.unknownRun(
                    name: run, database: path,
                    known: try String.fetchAll(
                        db, sql: "SELECT name FROM run ORDER BY created_at, name"))
            }
            let samples = try SampleRow.filter(SampleRow.Columns.run == run)
                .order(SampleRow.Columns.problem, SampleRow.Columns.sample).fetchAll(db)
                .filter { !except.contains($0.key) }
            let wanted = Set(samples.map(\.key))
            let attempts = try AttemptRow.filter(AttemptRow.Columns.run == run).filter(status: .final)
                .order(AttemptRow.Columns.id).fetchAll(db)
                .filter { wanted.contains(SampleKey(problem: $0.problem, sample: $0.sample)) }
            let problems = try ProblemRow.filter(ProblemRow.Columns.run == run).order(ProblemRow.Columns.slug)
                .fetchAll(db).map(\.problem)
            return RunArchive(run: record, problems: problems, samples: samples, attempts: attempts)
        }
    }

    public func add(_ archives: [RunArchive]) throws {
        try write { db in
            try Self.requireNoLiveLease(on: archives.map(\.name), db)
            for archive in archives {
                if var row = try RunRow.fetchOne(db, key: archive.name) {
                    row.run.shards = Array(Set(row.run.shards + archive.run.shards)).sorted()
                    try row.update(db, columns: [RunRow.Columns.shards])
                } else {
                    try RunRow(archive.run).insert(db)
                }
                try Self.insert(archive.problems, of: archive.name, into: db)
                for sample in archive.samples { try sample.insert(db) }
                for var attempt in archive.attempts {
                    attempt.id = nil
                    try attempt.insert(db)
                }
            }
        }
    }
}
