import ArgumentParser
import Evaluation
import Foundation
import ModelFleet
import Solving

/// `solve compare`: pass rates of stored runs side by side, with intervals and paired tests.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare stored evaluation runs: pass@k with 95% intervals, breakdowns, paired McNemar tests.",
        discussion: """
            Runs are compared on what they share: the paired test uses the problems (and sample indices) both runs \
            finished. A run with --max-attempts > 1 is also compared with its own first attempts (single-shot).
            """
    )

    @Option(name: .long, help: "Comma-separated run names, in display order (default: every run in the database).")
    var runs: String?

    @Option(name: .long, help: "Comma-separated model aliases: the latest run of each.")
    var models: String?

    @Option(name: .long, help: "pass@k values to report, comma-separated (default: 1 and the samples per problem).")
    var k: String?

    @Option(name: .long, help: "table, markdown, json, csv or html.")
    var format: String = "table"

    @Option(name: .long, help: "Write the report to this file instead of stdout.")
    var out: String?

    @OptionGroup var storage: DatabaseOptions

    func validate() throws {
        if runs != nil, models != nil { throw ValidationError("--runs and --models both pick runs; give one.") }
        if ReportFormat(rawValue: format) == nil {
            throw ValidationError(
                "--format must be one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if k != nil, ks == nil {
            throw ValidationError("--k takes positive integers separated by commas, e.g. 1,5,10.")
        }
    }

    private var ks: [Int]? {
        guard let k else { return nil }
        let values = k.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return values.compactMap { $0 }
    }

    func run() async throws {
        try await CommandFailure.funnel {
            let location = try storage.location()
            let (report, chosen, samples) = try await ComparisonReport.comparing(
                selection, database: location, ks: ks)
            let text = report.render(ReportFormat(rawValue: format) ?? .table)
            if let out {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out))
                FileHandle.standardError.write(Data("wrote \(out) (\(chosen.count) runs, \(samples) samples)\n".utf8))
            } else {
                print(text)
            }
        }
    }

    /// The runs `--runs` or `--models` pick, else every run.
    private var selection: RunSelection {
        func list(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let runs { return .named(list(runs)) }
        if let models { return .latest(ofModels: list(models)) }
        return .all
    }
}
