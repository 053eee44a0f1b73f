// Comparing runs, and reporting one run.
//
//     let summary = RunSummary(samples: samplesOfOneRun)          // one run's figures (ks: [1] + samples per problem)
//     let report = ComparisonReport(samples: allSamples, runs: ["a", "b"], ks: [1, 5])  // runs in display order
//     let text: String = report.render(.table)                    // ReportFormat: table, markdown, json, csv, html
//     let text2: String = summary.render(.table)                  // any format, e.g. after `solve eval`
//
// Each run is a column labelled "run (model)", with its protocol (contestant or oracle; runs of different protocols
// are never paired). The report holds pass@k with 95% intervals (Wilson for one sample per
// problem, a seeded percentile bootstrap over problems otherwise), pass@1 by difficulty and by tag, the exact McNemar
// test for each pair of runs, single-shot against feedback for runs with several attempts, medians and
// truncated/no-code shares, a per-problem grid, and notes saying what is undefined or not comparable and why.
import Foundation
import Solving

/// Several runs side by side, in display order, with paired tests between them.
public struct ComparisonReport: Sendable, Hashable, Codable {
    /// One summary per run, in display order.
    public var runs: [RunSummary]
    /// Every pair of runs (earlier run first), tested on pass@1.
    public var pairedTests: [PairedComparison]
    /// One row per problem any run attempted.
    public var grid: [ProblemGridRow]
    /// Caveats: how figures were computed, what is undefined, which comparisons cover different problems.
    public var notes: [String]

    /// The report over `samples` for `runs`.
    /// - Parameters:
    ///   - runs: run names in display order (duplicates dropped); nil for every run in order of first appearance.
    ///   - ks: the k of pass@k; 1 is always included.
    ///   - protocols: each run's protocol as stored; a run missing here is taken from its samples.
    public init(
        samples: [SampleResult], runs: [String]? = nil, ks: [Int] = [1], protocols: [String: SolveProtocol] = [:]
    ) {
        var seen = Set<String>()
        let names = (runs ?? samples.map(\.run)).filter { seen.insert($0).inserted }
        let byRun = Dictionary(grouping: samples, by: \.run)
        let summaries = names.map {
            RunSummary(run: $0, samples: byRun[$0] ?? [], ks: ks, protocol: protocols[$0])
        }
        var pairs: [PairedComparison] = []
        // Runs of different protocols are never paired: their pass rates are not of the same kind.
        for (index, first) in summaries.enumerated() {
            for second in summaries.dropFirst(index + 1) where first.protocol == second.protocol {
                pairs.append(PairedComparison(first: first.run, second: second.run, samples: samples))
            }
        }
        self.init(summaries: summaries, pairedTests: pairs)
    }

    /// The report over already summarised runs.
    public init(summaries: [RunSummary], pairedTests: [PairedComparison] = []) {
        runs = summaries
        self.pairedTests = pairedTests
        grid = ProblemGridRow.grid(of: summaries)
        notes = Self.notes(runs: summaries, pairedTests: pairedTests)
    }

    /// The report as text in `format`.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .table: tables().map { $0.text() }.joined(separator: "\n\n") + "\n"
        case .markdown: tables().map { $0.markdown() }.joined(separator: "\n\n") + "\n"
        case .json: ReportJSON.encode(self)
        case .csv: csv()
        case .html: html()
        }
    }

    /// The heading of the report: "Run a (model)" for one run, "Comparison of N runs" otherwise.
    var title: String {
        runs.count == 1 ? "Run \(runs[0].label)" : "Comparison of \(runs.count) runs"
    }

    /// Every k reported by any run, ascending.
    var ks: [Int] {
        Set(runs.flatMap { $0.passAtK.map(\.k) }).sorted()
    }
}
