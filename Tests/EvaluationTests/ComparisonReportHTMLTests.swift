import Foundation
import Testing

@testable import Evaluation

@Suite("HTML report")
struct ComparisonReportHTMLTests {
    @Test("the three-run report is self-contained and has one pass@1 whisker per run")
    func selfContained() throws {
        let report = ComparisonReport(samples: FakeSamples.threeRuns, runs: ["single", "loop", "large"], ks: [1, 5])
        let html = report.render(.html)
        if let path = ProcessInfo.processInfo.environment["SOLVE_SAMPLE_REPORT"] {
            // The sample report for Scripts/render-report, and the other formats beside it.
            let base = URL(fileURLWithPath: path).deletingPathExtension()
            try html.write(toFile: path, atomically: true, encoding: .utf8)
            for (format, suffix) in [(ReportFormat.table, "txt"), (.markdown, "md"), (.json, "json"), (.csv, "csv")] {
                try report.render(format).write(
                    to: base.appendingPathExtension(suffix), atomically: true, encoding: .utf8)
            }
        }
        #expect(html.hasPrefix("<!doctype html>") && html.hasSuffix("</html>\n"))
        for reference in ["http://", "https://", "<script", "<link", "<img", "@import", "url(", "@font-face"] {
            #expect(!html.lowercased().contains(reference), "\(reference)")
        }
        #expect(html.components(separatedBy: "class=\"whisker\"").count - 1 == 3)
        #expect(html.contains("<svg") && html.contains("qwen2.5-coder-32b"))
    }

    @Test("strings from data are escaped")
    func escaping() {
        let samples = [
            FakeSamples.sample(run: "r&d", model: "<img src=x onerror=alert(1)>", problem: "a<b&c", accepted: true),
            FakeSamples.sample(
                run: "r&d", model: "<img src=x onerror=alert(1)>", problem: "\"quoted\"", accepted: false),
        ]
        let html = ComparisonReport(samples: samples).render(.html)
        #expect(html.contains("a&lt;b&amp;c") && !html.contains("a<b"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;") && !html.contains("<img"))
        #expect(html.contains("&quot;quoted&quot;") && html.contains("r&amp;d") && !html.contains("r&d"))
        #expect(html.components(separatedBy: "class=\"whisker\"").count - 1 == 1)
    }

    @Test("a run without an estimate has a bar labelled undefined and no whisker")
    func undefinedRun() {
        let samples = [FakeSamples.sample(run: "a", problem: "p", accepted: true)]
        let html = ComparisonReport(samples: samples, runs: ["a", "missing"]).render(.html)
        #expect(html.components(separatedBy: "class=\"whisker\"").count - 1 == 1)
        #expect(html.contains(">undefined</text>"))
    }
}
