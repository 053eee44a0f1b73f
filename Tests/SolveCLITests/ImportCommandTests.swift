import Foundation
import TestSupport
import Testing

@testable import solve

@Suite("solve import command line")
struct ImportCommandTests {
    @Test("parses the format, the file and the flags")
    func parses() throws {
        let command = try SolveCommand.parseAsRoot([
            "import", "humaneval", "HumanEval.jsonl.gz", "--out", "sets/he", "--limit", "3", "--skip-invalid",
            "--force",
        ])
        let parsed = try #require(command as? ImportCommand)
        #expect(parsed.format == .humaneval)
        #expect(parsed.file == "HumanEval.jsonl.gz")
        #expect(parsed.out == "sets/he" && parsed.limit == 3 && parsed.skipInvalid && parsed.force)
    }

    @Test("an unknown format or a limit below 1 is a usage error")
    func rejects() {
        #expect(throws: (any Error).self) { try SolveCommand.parseAsRoot(["import", "mbpp", "x.jsonl"]) }
        #expect(throws: (any Error).self) {
            try SolveCommand.parseAsRoot(["import", "humaneval", "x.jsonl", "--limit", "0"])
        }
    }
}

@Suite("solve import binary", .serialized)
struct ImportBinaryTests {
    @Test("writes problem folders, refuses to overwrite them without --force, and judge loads them")
    func importsAndJudges() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "cli-import")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("lcb").path
        let arguments = ["import", "livecodebench", "Tests/Fixtures/livecodebench/problems.jsonl", "--out", out]
        let first = try runSolve(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "wrote 3 problems with 19 tests to \(out)\n")

        let again = try runSolve(arguments)
        #expect(again.status == 2)
        #expect(again.stderr.contains("atcoder-abc900-a.md exists (and 2 more of the problems to write); pass --force"))
        #expect(try runSolve(arguments + ["--force"]).status == 0)

        let judged = try runSolve([
            "judge", out + "/leetcode-9001.md", "Tests/Fixtures/livecodebench/solutions/leetcode-9001.py", "--json",
        ])
        #expect(judged.status == 0, "\(judged.stderr)")
        #expect(judged.stdout.contains("\"verdict\" : \"AC\""))
    }

    @Test("--skip-invalid reports what it left out; without it the bad record stops the import")
    func skipsInvalidRecords() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "cli-import")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("he.jsonl")
        let good =
            #"{"task_id": "T/1", "prompt": "def f():\n", "test": "def check(c):\n    assert c() == 1\n", "entry_point": "f"}"#
        try (good + "\n{\"task_id\": \"T/2\"}\n").write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let failed = try runSolve(["import", "humaneval", file.path, "--out", out])
        #expect(failed.status == 2)
        #expect(
            failed.stderr
                == "error: \(file.path):2: field prompt is missing; expected the function's signature and docstring\n")
        let skipped = try runSolve(["import", "humaneval", file.path, "--out", out, "--skip-invalid"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stderr.hasPrefix("skipped 1 invalid record(s):\n  \(file.path):2: field prompt is missing"))
        #expect(skipped.stdout == "wrote 1 problem with 1 test to \(out)\n")
    }
}
