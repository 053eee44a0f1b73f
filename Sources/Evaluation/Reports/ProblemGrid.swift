import Foundation

/// One problem's row of the per-problem grid: its counts under each run that attempted it.
public struct ProblemGridRow: Sendable, Hashable, Codable {
    public var problem: String
    public var difficulty: String?
    /// Keyed by run name; runs that did not attempt the problem are absent.
    public var cells: [String: GridCell]

    public init(problem: String, difficulty: String?, cells: [String: GridCell]) {
        self.problem = problem
        self.difficulty = difficulty
        self.cells = cells
    }

    /// One row per problem any of `runs` attempted, sorted by slug.
    public static func grid(of runs: [RunSummary]) -> [ProblemGridRow] {
        var rows: [String: ProblemGridRow] = [:]
        for run in runs {
            for tally in run.problems {
                var row =
                    rows[tally.problem]
                    ?? ProblemGridRow(problem: tally.problem, difficulty: tally.difficulty, cells: [:])
                row.cells[run.run] = GridCell(samples: tally.samples, accepted: tally.accepted)
                rows[tally.problem] = row
            }
        }
        return rows.values.sorted { $0.problem < $1.problem }
    }
}

/// One problem under one run: c of n samples accepted.
public struct GridCell: Sendable, Hashable, Codable {
    public var samples: Int
    public var accepted: Int

    public init(samples: Int, accepted: Int) {
        self.samples = samples
        self.accepted = accepted
    }

    /// Accepted samples over samples, in 0…1.
    public var solveRate: Double {
        samples > 0 ? Double(accepted) / Double(samples) : 0
    }
}
