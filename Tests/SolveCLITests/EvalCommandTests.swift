import Foundation
import TestSupport
import Testing

/// `solve eval`, `solve eval merge` and `solve compare` as a user runs them, against the scripted server.
@Suite("solve eval and compare", .serialized)
struct EvalCommandTests {
    var server = ScriptedServer.shared

    /// A folder with a config of two scripted models and a two-problem set (copies of two-sum).
    func workspace() throws -> URL {
        let folder = try Fixtures.temporaryDirectory(prefix: "evalcli")
        try """
        language: python
        models:
          - {alias: fb, served: scripted/feedback, role: code, endpoint: "\(server.baseURL)"}
          - {alias: plain, served: scripted/plain, role: code, endpoint: "\(server.baseURL)"}
          - {alias: slow, served: scripted/slow, role: code, endpoint: "\(server.baseURL)"}
        """.write(to: folder.appendingPathComponent("solve.yaml"), atomically: true, encoding: .utf8)
        let set = folder.appendingPathComponent("set")
        try FileManager.default.createDirectory(at: set, withIntermediateDirectories: true)
        for slug in ["a", "b", "c"] {
            try FileManager.default.copyItem(
                at: Fixtures.problems.appendingPathComponent("two-sum.md"), to: set.appendingPathComponent("\(slug).md")
            )
            try FileManager.default.copyItem(
                at: Fixtures.problems.appendingPathComponent("two-sum"), to: set.appendingPathComponent(slug))
        }
        return folder
    }

    func eval(_ folder: URL, _ extra: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try runSolve(
            [
                "eval", folder.appendingPathComponent("set").path, "--config",
                folder.appendingPathComponent("solve.yaml").path,
            ] + extra)
    }

    /// `solve eval` started in the background, its output going to files in `folder`.
    func startEval(_ folder: URL, _ extra: [String], label: String) throws -> Process {
        let process = Process()
        process.executableURL = try solveBinary()
        let config = folder.appendingPathComponent("solve.yaml").path
        process.arguments = ["eval", folder.appendingPathComponent("set").path, "--config", config] + extra
        func output(_ name: String) throws -> FileHandle {
            let file = folder.appendingPathComponent(name)
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            return try FileHandle(forWritingTo: file)
        }
        process.standardOutput = try output("\(label).out")
        process.standardError = try output("\(label).err")
        try process.run()
        return process
    }

    /// Waits until `sql` (a count) on the database at `db` reaches `minimum`; false after 30 s.
    func waitFor(_ sql: String, atLeast minimum: Int, in db: String) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let count = try? StoreChecks.integers(sql, inDatabaseAt: db).first, count >= minimum { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
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
        #expect(first.stderr.contains(", submitted #"), "a contestant's line names its submission: \(first.stderr)")

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
        #expect(try StoreChecks.violations(inDatabaseAt: db, finished: true) == [])
    }

    @Test func aSetPathTypedInAnotherCaseIsUsedAndSaid() throws {
        let folder = try workspace()
        let typed = folder.appendingPathComponent("SET").path
        let config = folder.appendingPathComponent("solve.yaml").path
        let db = folder.appendingPathComponent("e.sqlite").path
        let result = try runSolve(["eval", typed, "--config", config, "--model", "plain", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("using \(folder.appendingPathComponent("set").path)\n"), "\(result.stderr)")
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
        let dead = try eval(
            folder, ["--model", "plain", "--db", db, "--run", "r", "--endpoint", "http://127.0.0.1:9/v1"])
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

    /// A full disk stops the run (exit 2) with every stored sample whole; once there is room, `--resume` finishes it.
    @Test(.enabled(if: getuid() == 0, "mounting a 256 KiB tmpfs needs root"))
    func aFullDiskLeavesEverySampleWholeAndResumeFinishesTheRun() throws {
        let folder = try workspace()
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        try mount(["-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.path])
        defer {
            if (try? mount(["umount", disk.path])) == nil { _ = try? mount(["umount", "-l", disk.path]) }
        }
        let db = disk.appendingPathComponent("eval.sqlite").path
        // 36 samples of two attempts each (the oracle loop's) need about three times the room there is.
        let options = ["--model", "fb", "--oracle", "--samples", "12", "--db", db, "--run", "full"]
        let full = try eval(folder, options)
        #expect(full.status == 2)
        #expect(full.stderr.contains("database or disk is full"), "\(full.stderr)")
        #expect(try StoreChecks.violations(inDatabaseAt: db, finished: false) == [])
        let stored = try StoreChecks.integers("SELECT COUNT(*) FROM sample", inDatabaseAt: db).first ?? 0
        #expect(stored > 0 && stored < 36, "the disk filled after some samples: \(stored)")

        try mount(["-o", "remount,size=8m", disk.path])
        let resumed = try eval(folder, options + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("full: 36 samples, \(stored) already stored"), "\(resumed.stderr)")
        #expect(try StoreChecks.violations(inDatabaseAt: db, finished: true) == [])
        #expect(try StoreChecks.integers("SELECT COUNT(*) FROM sample", inDatabaseAt: db) == [36])
    }

    /// `mount ARGUMENTS` (or `umount …` when the first argument is "umount"); throws when it fails.
    private func mount(_ arguments: [String]) throws {
        let process = Process()
        let command = arguments.first == "umount" ? "umount" : "mount"
        process.executableURL = URL(fileURLWithPath: "/bin/\(command)")
        process.arguments = command == "umount" ? Array(arguments.dropFirst()) : arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(command) \(arguments) failed"])
        }
    }

    /// A second `solve eval --resume` of a run under way is refused at once, naming the first process, which
    /// finishes the run alone: nothing is written twice.
    @Test func aSecondProcessOnARunUnderWayIsRefusedAndNothingIsWrittenTwice() throws {
        let folder = try workspace()
        let db = folder.appendingPathComponent("eval.sqlite").path
        // Three samples of three seconds each (one candidate), one at a time.
        let options = ["--model", "slow", "--max-attempts", "1", "--concurrency", "1", "--db", db, "--run", "twice"]
        let first = try startEval(folder, options, label: "first")
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        #expect(waitFor("SELECT COUNT(*) FROM run", atLeast: 1, in: db))

        let started = Date()
        let second = try eval(folder, options + ["--resume"])
        #expect(second.status == 2)
        #expect(
            second.stderr.contains("run \"twice\" is being evaluated by solve pid \(first.processIdentifier) on "),
            "\(second.stderr)")
        #expect(Date().timeIntervalSince(started) < 5 && first.isRunning, "refused at once, while the first runs")

        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(try StoreChecks.violations(inDatabaseAt: db, finished: true) == [])
        #expect(try StoreChecks.integers("SELECT COUNT(*) FROM attempt", inDatabaseAt: db) == [3])
        let again = try eval(folder, options + ["--resume"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("twice: 3 samples, 3 already stored"), "\(again.stderr)")
        #expect(try StoreChecks.violations(inDatabaseAt: db, finished: true) == [])
    }

    /// A process killed with SIGKILL does not hold its run: `--resume` takes it over at once and finishes it whole.
    @Test func aRunWhoseProcessWasKilledResumesAtOnce() throws {
        let folder = try workspace()
        let db = folder.appendingPathComponent("eval.sqlite").path
        let options = ["--model", "slow", "--max-attempts", "1", "--concurrency", "1", "--db", db, "--run", "killed"]
        let first = try startEval(folder, options, label: "first")
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        #expect(waitFor("SELECT COUNT(*) FROM sample", atLeast: 1, in: db))
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(try StoreChecks.integers("SELECT COUNT(*) FROM run_lease", inDatabaseAt: db) == [1], "left behind")

        let resumed = try eval(folder, options + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try StoreChecks.violations(inDatabaseAt: db, finished: true) == [])
        #expect(try StoreChecks.integers("SELECT COUNT(*) FROM sample", inDatabaseAt: db) == [3])
    }
}
