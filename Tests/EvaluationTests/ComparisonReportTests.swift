import Foundation
import Testing

@testable import Evaluation

@Suite("comparison report")
struct ComparisonReportTests {
    /// Run a solves problem 0 only, run b every problem but 0: b = 1, c = 9 over 10 pairs.
    let samples = (0..<10).flatMap { index in
        [
            FakeSamples.sample(run: "a", model: "small", problem: "p\(index)", accepted: index == 0),
            FakeSamples.sample(run: "b", model: "large", problem: "p\(index)", accepted: index != 0),
        ]
    }

    @Test("holds one summary per run in display order and every pair's McNemar test")
    func structure() throws {
        let report = ComparisonReport(samples: samples, runs: ["b", "a", "b"])
        #expect(report.runs.map(\.run) == ["b", "a"])
        let pair = try #require(report.pairedTests.first)
        #expect(report.pairedTests.count == 1 && pair.first == "b" && pair.second == "a")
        #expect(pair.test.b == 9 && pair.test.c == 1 && abs(pair.test.pValue - 0.021_484_375) < 1e-12)
        #expect(report.grid.count == 10 && report.grid[0].cells["a"] == GridCell(samples: 1, accepted: 1))
        #expect(ComparisonReport(samples: samples).runs.map(\.run) == ["a", "b"])
    }

    @Test("the table has a column per run labelled run (model), percentages and 3-digit p-values")
    func table() throws {
        let text = ComparisonReport(samples: samples, runs: ["a", "b"]).render(.table)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.first { $0.contains("a (small)") })
        #expect(header.contains("b (large)"))
        let passAt1 = try #require(lines.first { $0.hasPrefix("  pass@1") })
        #expect(passAt1.contains("10.0% [1.8, 40.4]") && passAt1.contains("90.0% [59.6, 98.2]"))
        let pair = try #require(lines.first { $0.hasPrefix("  a vs b") })
        #expect(pair.hasSuffix("0.0215") && pair.contains("+80.0 pp"))
        let overview = lines.prefix { !$0.isEmpty }.dropFirst()
        #expect(Set(overview.map(\.count)).count == 1, "right-aligned rows end in the same column")
    }

    @Test("markdown tables escape pipes and emphasis in data")
    func markdown() {
        let odd = samples + [FakeSamples.sample(run: "a", model: "small", problem: "x|y_z*", accepted: true)]
        let text = ComparisonReport(samples: odd, runs: ["a", "b"]).render(.markdown)
        #expect(text.contains("| x\\|y\\_z\\* | easy | 1/1 | — |"))
        #expect(text.contains("|  | a (small) | b (large) |\n| :-- | --: | --: |"))
        #expect(!text.contains("x|y"))
        #expect(text.contains("| pass@1 | 18.2% [5.1, 47.7] | 90.0% [59.6, 98.2] |"))
        #expect(ReportTable.markdownEscaped("[x](y)") == "\\[x\\](y)")
    }

    @Test("JSON is one object with sorted snake_case keys, interval bounds and methods")
    func json() throws {
        let report = ComparisonReport(samples: samples, runs: ["a", "b"])
        let text = report.render(.json)
        #expect(text == report.render(.json))
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["grid", "notes", "paired_tests", "runs"])
        let runs = try #require(object["runs"] as? [[String: Any]])
        let passAtK = try #require(runs.first?["pass_at_k"] as? [[String: Any]])
        let interval = try #require((passAtK.first?["estimate"] as? [String: Any])?["interval"] as? [String: Any])
        #expect(interval["method"] as? String == "wilson")
        #expect(try #require(interval["lower"] as? Double) < 0.1)
        let test = try #require((object["paired_tests"] as? [[String: Any]])?.first?["test"] as? [String: Any])
        #expect(test["b"] as? Int == 1 && test["c"] as? Int == 9)
        let keys = ["\"grid\"", "\"notes\"", "\"paired_tests\"", "\"runs\""].compactMap {
            text.range(of: $0)?.lowerBound
        }
        #expect(keys.count == 4 && keys == keys.sorted())
    }

    @Test("CSV has a header and one row per run and problem, quoting fields that need it")
    func csv() {
        let odd =
            samples + [
                FakeSamples.sample(run: "a", model: "small", problem: "x,\"y\"", tags: ["a", "b"], accepted: true)
            ]
        let lines = ComparisonReport(samples: odd, runs: ["a", "b"]).render(.csv).components(separatedBy: "\r\n")
        #expect(lines.first == "run,model,problem,difficulty,tags,samples,accepted,first_attempt_accepted,pass_at_1")
        #expect(lines.count == 1 + 21 + 1 && lines.last == "")
        #expect(lines.contains("a,small,p0,easy,,1,1,1,1.0000"))
        #expect(lines.contains("a,small,\"x,\"\"y\"\"\",easy,a;b,1,1,1,1.0000"))
        #expect(ComparisonReport.csvField(" padded") == "\" padded\"")
    }

    @Test("notes say when runs attempted different problems and why pass@k is undefined")
    func notes() {
        let partial = samples.filter { $0.run == "a" || $0.problem != "p9" }
        let report = ComparisonReport(samples: partial, runs: ["a", "b"], ks: [1, 5])
        #expect(report.notes.contains { $0.hasPrefix("Runs attempted different problems (a 10, b 9; 9 in common)") })
        #expect(report.notes.contains("pass@5 of a undefined: 10 problems have fewer than 5 samples (fewest 1)."))
        #expect(report.runs[1].passAtK.map(\.k) == [1, 5])
    }

    @Test("runs with no problem in common get no p-value, and a note saying why")
    func disjointRunsHaveNoTest() throws {
        let disjoint = samples.filter { $0.run == "a" || $0.problem == "p0" }.map { sample in
            var sample = sample
            if sample.run == "b" { sample.problem = "q0" }
            return sample
        }
        let text = ComparisonReport(samples: disjoint, runs: ["a", "b"]).render(.markdown)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| a vs b") })
        #expect(row.hasSuffix("| 0 | 0 | — |"), "\(row)")
        #expect(text.contains("Runs with no finished problem in common have nothing to pair"))
    }

    @Test("a run summary renders as a one-run table and as its own JSON object")
    func summary() throws {
        let summary = RunSummary(samples: samples.filter { $0.run == "a" })
        #expect(summary.render(.table).hasPrefix("Run a (small)\n"))
        #expect(!summary.render(.table).contains("Paired tests"))
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(summary.render(.json).utf8)) as? [String: Any])
        #expect(object["run"] as? String == "a" && object["runs"] == nil)
    }

    @Test("numbers: one decimal for percentages, three significant digits for p-values")
    func numbers() {
        #expect(ReportNumbers.percent(0.4235) == "42.4%")
        #expect(ReportNumbers.pValue(1) == "1.00")
        #expect(ReportNumbers.pValue(0.000_012_345) == "1.23e-05")
        #expect(ReportNumbers.points(-0.05) == "-5.0 pp")
    }
}

@Suite("comparison report edge cases")
struct ComparisonReportEdgeTests {
    @Test("a report without samples renders every format", arguments: ReportFormat.allCases)
    func empty(format: ReportFormat) {
        let report = ComparisonReport(samples: [], runs: [])
        #expect(report.runs.isEmpty && report.grid.isEmpty && report.pairedTests.isEmpty)
        #expect(!report.render(format).isEmpty)
    }

    @Test("all correct on one problem: pass@1 of 100% and a McNemar p of 1")
    func allCorrect() throws {
        let samples = ["a", "b"].flatMap { run in
            (0..<3).map { FakeSamples.sample(run: run, problem: "only", index: $0, accepted: true) }
        }
        let report = ComparisonReport(samples: samples, runs: ["a", "b"])
        #expect(report.runs.map { $0.passAt1.estimate?.value } == [1, 1])
        #expect(try #require(report.pairedTests.first).test.pValue == 1)
        #expect(report.render(.table).contains("100.0% [100.0, 100.0]"))
    }
}
