import Foundation
import TestSupport
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

    @Test("run names wrap after their separators and show in full on hover; other headings stay whole")
    func runNamesWrap() {
        let name = "qwen2.5-coder-7b/temp0.2-top_p0.95"
        let samples = [FakeSamples.sample(run: name, model: "7b<i>", problem: "p", accepted: true)]
        let html = ComparisonReport(samples: samples).render(.html)
        let label = "\(name) (7b<i>)"
        let heading = "<th title=\"\(HTML.escape(label))\"><span class=\"name\">qwen2.5-<wbr>coder-<wbr>7b/<wbr>"
        #expect(html.contains(heading))
        #expect(html.contains("<th class=\"cell\" title=\"\(name)\"><span class=\"name\">qwen2.5-<wbr>"), "the grid")
        #expect(html.contains("<td class=\"label\">samples per problem</td>"))
        #expect(html.contains("(7b&lt;i&gt;)</span></th>"))
    }

    /// Four runs named as `solve eval` names real ones (model id and settings, 60–90 characters).
    static let longRuns = FakeSamples.generate([
        .init(
            name: "qwen2.5-coder-7b-instruct-q4_k_m/temp0.2-top_p0.95-max_tokens4096-attempts1-20250611-0912",
            model: "qwen2.5-coder-7b-instruct-q4_k_m", samples: 5, maxAttempts: 1, skill: 0),
        .init(
            name: "qwen2.5-coder-7b-instruct-q4_k_m/temp0.2-top_p0.95-max_tokens4096-attempts4-20250611-0912",
            model: "qwen2.5-coder-7b-instruct-q4_k_m", samples: 5, maxAttempts: 4, skill: 0),
        .init(
            name: "deepseek-r1-distill-qwen-7b-awq/temp0.6-top_p0.95-max_tokens16384-attempts4",
            model: "deepseek-r1-distill-qwen-7b-awq", samples: 3, maxAttempts: 4, skill: 0.1),
        .init(
            name: "qwen2.5-coder-32b-instruct-gptq-int4/temp0.2-max_tokens4096-attempts4",
            model: "qwen2.5-coder-32b-instruct-gptq-int4", samples: 1, maxAttempts: 4, skill: 0.2),
    ])

    /// Chromium when installed; CI sets SOLVE_REQUIRE_CHROMIUM=1 so that a missing one fails instead of skipping.
    static let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(Layout.executable).first
    static let chromiumRequired = ProcessInfo.processInfo.environment["SOLVE_REQUIRE_CHROMIUM"] == "1"

    @Test(
        "long run names fit the page at 1280 px in Chromium: no table or chart is wider than the page",
        .enabled(if: chromium != nil || chromiumRequired, "needs chromium (apt-get install chromium)"))
    func longRunNamesFitAt1280() throws {
        let browser = try #require(Self.chromium, "SOLVE_REQUIRE_CHROMIUM=1 and no chromium on PATH")
        let names = Array(Set(Self.longRuns.map(\.run))).sorted()
        let html = ComparisonReport(samples: Self.longRuns, runs: names, ks: [1, 5]).render(.html)
        let layout = try Layout.measure(html, browser: browser, width: 1280)
        #expect(layout.viewport == 1280)
        #expect(layout.pageWidth <= layout.viewport, "the page scrolls sideways: \(layout.pageWidth) px")
        #expect(layout.tables.count >= 5)
        for box in layout.boxes where box.right > layout.contentRight + 1 {
            Issue.record("\(box.name) ends at \(box.right) px, past the page's content (\(layout.contentRight) px)")
        }

        // The same measurement sees a table that is too wide (so a passing check above means something).
        let cell = "<td style=\"white-space: nowrap\">" + String(repeating: "wide ", count: 400) + "</td>"
        let wide = "<!doctype html><body style=\"max-width: 600px\"><table><tr>\(cell)</tr></table></body>"
        let control = try Layout.measure(wide, browser: browser, width: 1280)
        #expect(control.pageWidth > control.viewport && control.boxes.contains { $0.right > control.contentRight + 1 })
    }
}

/// A page's layout in headless Chromium, from a script that writes the sizes into the DOM (`--dump-dom`).
struct Layout {
    struct Box {
        var name: String
        var right: Double
    }

    /// The window's inner width, the page's scroll width, and the right edge of the body's content box.
    var viewport: Double
    var pageWidth: Double
    var contentRight: Double
    /// Tables, charts and the run list, by their right edge.
    var boxes: [Box]
    var tables: [Box] { boxes.filter { $0.name.hasPrefix("table") } }

    static let script = """
        <script>
        (function () {
          var body = document.body, root = document.scrollingElement;
          var right = body.getBoundingClientRect().right - parseFloat(getComputedStyle(body).paddingRight);
          var lines = ["viewport " + innerWidth, "page " + root.scrollWidth, "content " + right];
          document.querySelectorAll("table, svg, ul").forEach(function (e, i) {
            lines.push("box " + e.tagName.toLowerCase() + i + " " + e.getBoundingClientRect().right);
          });
          var out = document.createElement("pre");
          out.id = "layout";
          out.style.display = "none";
          out.textContent = lines.join("\\n");
          body.appendChild(out);
        })();
        </script>
        """

    /// Renders `html` (with the measuring script added at the end of its body) `width` px wide.
    static func measure(_ html: String, browser: String, width: Int) throws -> Layout {
        let folder = try Fixtures.temporaryDirectory(prefix: "layout")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html")
        let measured = html.replacingOccurrences(of: "</body>", with: script + "</body>")
        try measured.write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(folder.path)/profile", "--window-size=\(width),1000", "--dump-dom", page.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let timer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: timer)
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        timer.cancel()
        guard let start = dom.range(of: "<pre id=\"layout\" style=\"display: none;\">"),
            let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else {
            throw CocoaError(
                .fileReadCorruptFile,
                userInfo: [NSLocalizedDescriptionKey: "\(browser) wrote no layout (exit \(process.terminationStatus))"])
        }
        var layout = Layout(viewport: 0, pageWidth: 0, contentRight: 0, boxes: [])
        for line in dom[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 2, let value = Double(fields[fields.count - 1]) else { continue }
            switch fields[0] {
            case "viewport": layout.viewport = value
            case "page": layout.pageWidth = value
            case "content": layout.contentRight = value
            default: layout.boxes.append(Box(name: fields[1], right: value))
            }
        }
        return layout
    }

    /// The path of `name` on PATH, if it is an executable there.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
