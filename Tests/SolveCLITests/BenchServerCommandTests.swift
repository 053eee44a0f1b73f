import Foundation
import ServerBench
import TestSupport
import Testing

@testable import solve

@Suite("solve bench-server command line")
struct BenchServerCommandTests {
    @Test("options become the benchmark's settings")
    func parsesOptions() throws {
        let command = try SolveCommand.parseAsRoot([
            "bench-server", "--endpoint", "http://gpu0:8000/v1", "--model", "m", "--prompt-tokens", "64",
            "--max-tokens", "16", "--concurrency", "1, 2,4", "--requests", "6", "--ttft-bound", "0.5", "--json",
        ])
        let bench = try #require(command as? BenchServerCommand)
        #expect(bench.json)
        let settings = bench.makeSettings(environment: ["OPENAI_API_KEY": "sk-1"])
        #expect(settings.endpoint == "http://gpu0:8000/v1")
        #expect(settings.apiKey == "sk-1")
        #expect(settings.model == "m")
        #expect(settings.promptTokens == 64 && settings.maxTokens == 16)
        #expect(settings.concurrencies == [1, 2, 4])
        #expect(settings.requestsPerLevel == 6)
        #expect(settings.ttftBound == 0.5)
    }

    @Test("defaults: vLLM's address or OPENAI_BASE_URL, levels 1 to 16")
    func defaults() throws {
        let bench = try #require(try SolveCommand.parseAsRoot(["bench-server"]) as? BenchServerCommand)
        #expect(bench.makeSettings(environment: [:]).endpoint == "http://localhost:8000/v1")
        #expect(bench.makeSettings(environment: ["OPENAI_BASE_URL": "http://h:9/v1"]).endpoint == "http://h:9/v1")
        let settings = bench.makeSettings(environment: [:])
        #expect(settings.concurrencies == [1, 2, 4, 8, 16])
        #expect(settings.requestsPerLevel == nil && settings.requests(atConcurrency: 1) == 4)
        #expect(settings.requests(atConcurrency: 16) == 32)
        #expect(settings.ttftBound == 1 && settings.apiKey == nil)
    }

    @Test(
        "bad options are usage errors",
        arguments: [
            (["--concurrency", "1,x"], "comma-separated whole numbers"),
            (["--concurrency", "1,8", "--requests", "4"], "--requests 4 cannot keep 8 requests in flight"),
            (["--max-tokens", "1"], "--max-tokens must be at least 2"),
            (["--ttft-bound", "0"], "--ttft-bound must be a positive number"),
        ])
    func badOptions(arguments: [String], message: String) {
        do {
            _ = try SolveCommand.parseAsRoot(["bench-server"] + arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(SolveCommand.message(for: error).contains(message), "\(SolveCommand.message(for: error))")
        }
    }
}

@Suite("solve bench-server binary", .serialized)
struct BenchServerBinaryTests {
    let server = ScriptedServer.shared

    @Test("--json prints one object with every level")
    func json() throws {
        let model = server.model("paced;ttft=0.05;rate=100")
        let result = try runSolve([
            "bench-server", "--endpoint", server.baseURL, "--model", model, "--prompt-tokens", "32", "--max-tokens",
            "10", "--concurrency", "1,2", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["model"] as? String == model)
        #expect(object["best_concurrency"] as? Int == 2)
        #expect(object["interrupted"] as? Bool == false)
        let levels = try #require(object["levels"] as? [[String: Any]])
        #expect(levels.map { $0["concurrency"] as? Int } == [1, 2])
        #expect(levels.allSatisfy { ($0["output_tokens_per_second"] as? Double ?? 0) > 0 })
        #expect((object["metrics"] as? [String: Any])?["server"] as? String == "vllm")
        #expect(result.stderr.isEmpty, "no progress lines when stderr is not a terminal: \(result.stderr)")
    }

    @Test("an unreachable server exits 2 and says where to point it")
    func unreachable() throws {
        let result = try runSolve(["bench-server", "--endpoint", "http://127.0.0.1:9/v1", "--concurrency", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: http://127.0.0.1:9/v1: no server answers"))
        #expect(result.stderr.contains("--endpoint"))
        #expect(result.stdout.isEmpty)
    }

    @Test("Ctrl-C aborts the level in flight, prints the finished ones and exits 130")
    func interrupt() throws {
        let model = server.model("paced;ttft=0.05;rate=20")
        let (process, stdout) = try startSolve([
            "bench-server", "--endpoint", server.baseURL, "--model", model, "--max-tokens", "40", "--concurrency",
            "1,2", "--requests", "2",
        ])
        // The warm-up, level 1's two requests, then level 2's two: interrupt once those are streaming.
        let deadline = Date().addingTimeInterval(30)
        while try server.requests(for: model).count < 5, Date() < deadline { usleep(50_000) }
        usleep(300_000)
        let interrupted = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(interrupted) < 2)
        #expect(process.terminationStatus == 130)
        let text = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("interrupted: levels after concurrency 1 were not measured"), "\(text)")
        #expect(
            text.split(separator: "\n").filter { $0.hasPrefix("          1 ") }.count == 1, "level 1's row:\n\(text)")
    }

    /// The built `solve` with `arguments`, running; its stdout pipe.
    private func startSolve(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = try solveBinary()
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        return (process, stdout)
    }
}
