import Foundation
import Testing
import TestSupport

/// `solve eval`, `solve eval merge` and `solve compare` as a user runs them, against the scripted server.
@Suite("solve eval and compare", .serialized)
struct EvalCommandTests {
    let server = ScriptedServer.shared

    /// A folder with a config of two scripted models and a two-problem set (copies of two-sum).
    func workspace() throws -> URL {
        let folder = try Fixtures.temporaryDirectory(prefix: "evalcli")
        try """
            language: python
            models:
              - {alias: fb, served: scripted/feedback, role: code, endpoint: "\(server.baseURL)"}
              - {alias: plain, served: scripted/plain, role: code, endpoint: "\(server.baseURL)"}
            """.write(to: folder.appendingPathComponent("solve.yaml"), atomically: true, encoding: .utf8)
        let set = folder.appendingPathComponent("set")
        try FileManager.default.createDirectory(at: set, withIntermediateDirectories: true)
        for slug in ["a", "b", "c"] {
            try FileManager.default.copyItem(at: Fixtures.problems.appendingPathComponent("two-sum.md"), to: set.appendingPathComponent("\(slug).md"))
            try FileManager.default.copyItem(at: Fixtures.problems.appendingPathComponent("two-sum"), to: set.appendingPathComponent(slug))
        }
        return folder
    }

    func eval(_ folder: URL, _ extra: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try runSolve(["eval", folder.appendingPathComponent("set").path, "--config", folder.appendingPathComponent("solve.yaml").path] + extra)
    }

    @Test func evalStoresRunsComparesThemAndRefusesToOverwrite() throws {
        let folder = try workspace()
        let db = folder.appendingPathComponent("eval.sqlite").path
        let first = try eval(folder, ["--model", "fb", "--model", "plain", "--db", db, "--run", "cli", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let runs = try #require(report["runs"] as? [[String: Any]])
        #expect(runs.count == 2)
        #expect(first.stderr.contains("[6/6]"), "one progress line per sample when stderr is not a terminal")

        let again = try eval(folder, ["--model", "fb", "--model", "plain", "--db", db, "--run", "cli"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))

        let compare = try runSolve(["compare", "--db", db, "--runs", "cli/fb,cli/plain", "--format", "markdown"])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("| pass@1 | 100.0%"))
        #expect(compare.stdout.contains("single-shot"))

        let html = folder.appendingPathComponent("report.html").path
        let page = try runSolve(["compare", "--db", db, "--format", "html", "--out", html])
        #expect(page.status == 0)
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("<svg") && !text.contains("https://"))

        let unknown = try runSolve(["compare", "--db", db, "--runs", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no run \"nope\"") && unknown.stderr.contains("cli/fb"))
    }

    @Test func shardsRunOnTheirOwnAndMergeIntoOneRun() throws {
        let folder = try workspace()
        var parts: [String] = []
        for shard in 1...2 {
            let db = folder.appendingPathComponent("shard\(shard).sqlite").path
            let result = try eval(folder, ["--model", "plain", "--db", db, "--run", "s", "--shard", "\(shard)/2"])
            #expect(result.status == 0, "\(result.stderr)")
            parts.append(db)
        }
        let merged = folder.appendingPathComponent("all.sqlite").path
        let merge = try runSolve(["eval", "merge", merged] + parts)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout.contains("run s: 2 samples added") && merge.stdout.contains("run s: 1 samples added"))
        let csv = try runSolve(["compare", "--db", merged, "--format", "csv"])
        #expect(csv.stdout.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("s,") }.count == 3)
    }

    @Test func resumeContinuesAndBadOptionsAreNamed() throws {
        let folder = try workspace()
        let db = folder.appendingPathComponent("eval.sqlite").path
        // A dead endpoint: the run stops, stores nothing, and says how to continue.
        let dead = try eval(folder, ["--model", "plain", "--db", db, "--run", "r", "--endpoint", "http://127.0.0.1:9/v1"])
        #expect(dead.status == 2)
        #expect(dead.stderr.contains("no server answers"), "\(dead.stderr)")
        let resumed = try eval(folder, ["--model", "plain", "--db", db, "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("r: 3 samples, 0 already stored"))

        let shard = try eval(folder, ["--shard", "3/2"])
        #expect(shard.status != 0)
        #expect(shard.stderr.contains("--shard 3/2: expected I/N"))
        let compareNone = try runSolve(["compare", "--db", folder.appendingPathComponent("missing.sqlite").path])
        #expect(compareNone.status == 2)
        #expect(compareNone.stderr.contains("no evaluation database"))
    }
}
