import Foundation

/// Which stored runs `solve compare` compares, in display order.
public enum RunSelection: Sendable, Hashable {
    /// Every run, oldest first.
    case all
    /// These runs, in this order.
    case named([String])
    /// The latest run of each of these model aliases, in this order.
    case latest(ofModels: [String])

    /// The names of the runs this selection picks among `stored` (oldest first), in display order.
    /// - Throws: `EvaluationError.unknownRun`, `.noRunOfModel` or `.noRuns`, naming `database`.
    public func names(among stored: [RunRecord], database: String) throws -> [String] {
        let names = stored.map(\.name)
        switch self {
        case .named(let wanted):
            for name in wanted where !names.contains(name) {
                throw EvaluationError.unknownRun(name: name, database: database, known: names)
            }
            return wanted
        case .latest(let models):
            return try models.map { alias in
                guard let latest = stored.last(where: { $0.model == alias }) else {
                    throw EvaluationError.noRunOfModel(
                        model: alias, database: database, models: Set(stored.map(\.model)).sorted())
                }
                return latest.name
            }
        case .all:
            guard !names.isEmpty else { throw EvaluationError.noRuns(database: database) }
            return names
        }
    }
}

extension ComparisonReport {
    /// What `solve compare` reports: the runs `selection` picks in the database at `location` (a file or a
    /// `postgres://` URL, read live while workers fill it), with pass@k at `ks` (default: 1, and the fewest samples
    /// any run has of a problem when that is more than one).
    /// - Returns: the report, the runs picked and how many samples they have.
    /// - Throws: `EvaluationError` when there is no database, no such run, or the database fails.
    public static func comparing(_ selection: RunSelection, database location: String, ks: [Int]?) async throws -> (
        report: ComparisonReport, runs: [String], samples: Int
    ) {
        let (stored, chosen, samples) = try await EvaluationDatabases.with(location, mustExist: true) { store in
            let stored = try await store.runs()
            let chosen = try selection.names(among: stored, database: store.location)
            return (stored, chosen, try await store.samples(runs: chosen))
        }
        let fewest = Dictionary(grouping: samples) { "\($0.run)\u{0}\($0.problem)" }.values.map(\.count).min() ?? 1
        let report = ComparisonReport(
            samples: samples, runs: chosen, ks: ks ?? PassAtK.defaultKs(samplesPerProblem: fewest),
            protocols: Dictionary(stored.map { ($0.name, $0.protocol) }, uniquingKeysWith: { first, _ in first }))
        return (report, chosen, samples.count)
    }
}
