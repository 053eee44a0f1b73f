import Foundation
import TestSupport
import Testing

@testable import solve

@Suite("solve judge command line")
struct JudgeCommandTests {
    @Test("parses problem, solution and flags")
    func parsesArguments() throws {
        let command = try SolveCommand.parseAsRoot(["judge", "two-sum", "a.cpp", "--language", "cpp", "--all-tests", "--json"])
        let judge = try #require(command as? JudgeCommand)
        #expect(judge.problem == "two-sum")
        #expect(judge.solution == "a.cpp")
        #expect(judge.language == "cpp")
        #expect(judge.allTests)
        #expect(judge.json)
    }

    @Test("a missing problem is a usage error")
    func missingProblem() {
        #expect(throws: (any Error).self) { try SolveCommand.parseAsRoot(["judge"]) }
    }

    @Test("--list-languages needs no problem")
    func listLanguages() throws {
        let command = try SolveCommand.parseAsRoot(["judge", "--list-languages"])
        #expect((command as? JudgeCommand)?.listLanguages == true)
    }
}

/// Runs the built `solve` binary (next to the test bundle) and returns exit code, stdout and stderr.
func runSolve(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let bundle = Bundle.main.bundleURL
    let candidates = [
        bundle.appendingPathComponent("solve"), bundle.deletingLastPathComponent().appendingPathComponent("solve"),
    ]
    let binary = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = Fixtures.root
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

@Suite("solve binary", .serialized)
struct SolveBinaryTests {
    @Test("judges a bundled problem by slug and prints one JSON object")
    func judgesBySlug() throws {
        let result = try runSolve(["judge", "two-sum", "Problems/two-sum/solutions/accepted.py", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "AC")
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.count >= 12)
        #expect(tests.allSatisfy { $0["time_ms"] is Int && $0["memory_kib"] is Int && $0["name"] is String })
        let compile = try #require(object["compile"] as? [String: Any])
        #expect(compile["ok"] as? Bool == true)
        #expect(object["message"] is String)
    }

    @Test("a wrong answer is still exit code 0")
    func wrongAnswerExitsZero() throws {
        let result = try runSolve(["judge", "Problems/two-sum.md", "Problems/two-sum/solutions/wrong.py"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("verdict: WA"))
        #expect(result.stderr.contains("sandbox: seccomp"))
    }

    @Test("a missing problem file suggests the bundled one and exits 2")
    func missingFileSuggestion() throws {
        let result = try runSolve(["judge", "problems/two-sum.md", "x.py"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("problems/two-sum.md not found"))
        #expect(result.stderr.contains("did you mean Problems/two-sum.md"))
    }

    @Test("an unknown language names the known ones")
    func unknownLanguage() throws {
        let result = try runSolve(["judge", "two-sum", "Problems/two-sum/solutions/accepted.py", "--language", "cobol"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown language 'cobol'"))
    }
}
