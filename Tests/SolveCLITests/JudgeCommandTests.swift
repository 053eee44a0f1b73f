import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import solve

@Suite("solve judge command line")
struct JudgeCommandTests {
    @Test("parses problem, solution and flags")
    func parsesArguments() throws {
        let command = try SolveCommand.parseAsRoot([
            "judge", "two-sum", "a.cpp", "--language", "cpp", "--all-tests", "--json",
        ])
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

    @Test("an unknown --language fails validation like a judge that cannot run: exit code 2")
    func unknownLanguageFailsValidation() {
        do {
            _ = try SolveCommand.parseAsRoot(["judge", "two-sum", "a.py", "--language", "cobol"])
            Issue.record("cobol was accepted")
        } catch {
            #expect(SolveCommand.exitCode(for: error) == ExitCode(2))
        }
    }

    @Test("--list-languages needs no problem")
    func listLanguages() throws {
        let command = try SolveCommand.parseAsRoot(["judge", "--list-languages"])
        #expect((command as? JudgeCommand)?.listLanguages == true)
    }
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
        let result = try runSolve(["judge", "problemz/two-sum.md", "x.py"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("problemz/two-sum.md not found — did you mean Problems/two-sum.md?"))
    }

    @Test("a path that matches one file only without regard to case is used, and said")
    func caseInsensitivePath() throws {
        let result = try runSolve(["judge", "problems/two-sum.md", "problems/two-sum/solutions/accepted.py"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("verdict: AC"))
        #expect(result.stderr.hasPrefix("using Problems/two-sum.md\nusing Problems/two-sum/solutions/accepted.py\n"))
    }

    @Test("paths that differ only in case from what was typed are listed, and nothing is judged")
    func severalCaseInsensitiveMatches() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "case")
        defer { try? FileManager.default.removeItem(at: folder) }
        let problem = Fixtures.problems.appendingPathComponent("two-sum.md")
        for name in ["Set", "SET"] {
            let set = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: set, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: problem, to: set.appendingPathComponent("two-sum.md"))
        }
        let result = try runSolve(["judge", "set/Two-Sum.md", "x.py"], directory: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "error: set/Two-Sum.md not found — did you mean SET/two-sum.md or Set/two-sum.md?\n")
    }

    @Test("an unknown language names the known ones")
    func unknownLanguage() throws {
        let result = try runSolve(["judge", "two-sum", "Problems/two-sum/solutions/accepted.py", "--language", "cobol"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown language 'cobol'"))
    }
}

@Suite("solve PROBLEM", .serialized)
struct SolveProblemCommandTests {
    let server = ScriptedServer.shared

    @Test func jsonOutputOfASolvedProblem() throws {
        let (status, stdout, stderr) = try runSolve([
            "two-sum", "--endpoint", server.baseURL, "--model", "scripted/feedback", "--json", "--runs-dir",
            "/tmp/solve-cli-runs",
        ])
        #expect(status == 0, "\(stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(result["verdict"] as? String == "AC")
        #expect(result["model"] as? String == "scripted/feedback")
        #expect((result["route"] as? [String: Any])?["role"] as? String == "code")
        #expect(result["language"] as? String == "python")
        #expect((result["code"] as? String)?.contains("print(i + 1, j + 1)") == true)
        // As a contestant: three candidates at once fail the sample, a repair on that evidence passes it, and the
        // hidden tests accept the one program submitted.
        #expect(result["protocol"] as? String == "contestant")
        let attempts = try #require(result["attempts"] as? [[String: Any]])
        #expect(attempts.map { $0["verdict"] as? String } == ["WA", "WA", "WA", "OK"])
        #expect(attempts.map { $0["strategy"] as? String } == ["candidate", "candidate", "candidate", "repair"])
        #expect(attempts.allSatisfy { $0["tokens"] is Int && $0["seconds"] is Double && $0["truncated"] is Bool })
        #expect((result["usage"] as? [String: Any])?["completion_tokens"] is Int)
        #expect(result["submitted"] as? Int == 4)
        #expect((result["final"] as? [String: Any])?["verdict"] as? String == "AC")
        let selection = try #require(result["selection"] as? [String: Any])
        #expect((selection["reason"] as? String)?.contains("passed every sample") == true)
        #expect((selection["steps"] as? [[String: Any]])?.first?["step"] as? String == "candidates")
        let transcript = result["transcript"] as? String ?? ""
        #expect(FileManager.default.fileExists(atPath: transcript + "/attempt-4.md"))
        #expect(FileManager.default.fileExists(atPath: transcript + "/submission.md"))
    }

    @Test func theOracleLoopIsLabelledAndFeedsBackAsBefore() throws {
        let (status, stdout, stderr) = try runSolve([
            "two-sum", "--endpoint", server.baseURL, "--model", "scripted/feedback", "--json", "--oracle", "--runs-dir",
            "/tmp/solve-cli-runs",
        ])
        #expect(status == 0, "\(stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(result["protocol"] as? String == "oracle")
        #expect(result["verdict"] as? String == "AC")
        let attempts = try #require(result["attempts"] as? [[String: Any]])
        #expect(attempts.map { $0["verdict"] as? String } == ["WA", "AC"])
        #expect(result["selection"] == nil && result["submitted"] == nil)
        #expect(FileManager.default.fileExists(atPath: (result["transcript"] as? String ?? "") + "/attempt-2.md"))
    }

    @Test func failingEveryAttemptExitsWithOne() throws {
        let (status, stdout, _) = try runSolve([
            "two-sum", "--endpoint", server.baseURL, "--model", "scripted/no-code", "--max-attempts", "2", "--runs-dir",
            "/tmp/solve-cli-runs",
        ])
        #expect(status == 1)
        #expect(stdout.contains("\"verdict\" : \"no code\""), "JSON when stdout is not a terminal")
    }

    @Test func aPathTypedInLowerCaseFindsTheBundledProblem() throws {
        let (status, stdout, stderr) = try runSolve([
            "problems/two-sum.md", "--endpoint", server.baseURL, "--model", "scripted/plain", "--runs-dir",
            "/tmp/solve-cli-runs",
        ])
        #expect(status == 0, "\(stderr)")
        #expect(stderr.hasPrefix("using Problems/two-sum.md\n"))
        #expect(stdout.contains("\"verdict\" : \"AC\""))
    }

    @Test func noServerSaysHowToStartVLLMAndMentionsLocal() throws {
        let (status, _, stderr) = try runSolve(["lis", "--endpoint", "http://127.0.0.1:9/v1"])
        #expect(status == 2)
        #expect(stderr.contains("vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-7B --port 9"))
        #expect(stderr.contains("--local"))
    }

    @Test func modelsChecksEachEndpoint() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "models")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("solve.yaml")
        try """
        models:
          - {alias: plain, served: scripted/plain, role: code, endpoint: "\(server.baseURL)"}
          - {alias: ghost, served: nobody/serves-this, role: reasoning, endpoint: "\(server.baseURL)"}
          - {alias: down, served: x, endpoint: "http://127.0.0.1:9/v1"}
        """.write(to: config, atomically: true, encoding: .utf8)
        let (status, stdout, _) = try runSolve(["models", "--config", config.path])
        #expect(status == 1)
        #expect(stdout.contains("plain (code) scripted/plain @ \(server.baseURL): ok, max_model_len 4096"))
        #expect(stdout.contains("ghost (reasoning) nobody/serves-this @ \(server.baseURL): serves scripted/"))
        #expect(stdout.contains("down (code) x @ http://127.0.0.1:9/v1: http://127.0.0.1:9/v1: no server answers"))
    }
}
