import ArgumentParser
import Foundation
import ModelClient
import ServerBench

/// `solve bench-server`: TTFT, decode speed and throughput of a model server at rising concurrency.
struct BenchServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-server",
        abstract: "Measure a model server's TTFT and tokens/s at each concurrency level, and the best level.",
        discussion: """
            For each level, keeps exactly that many streaming requests in flight (after one warm-up request) and \
            reports TTFT p50/p95/mean, decode tokens/s per stream and in total, and requests/s. The best \
            concurrency is the highest level whose mean TTFT stays under --ttft-bound with no failed request. \
            Every request asks for exactly --max-tokens tokens (max_tokens, min_tokens, ignore_eos, temperature \
            0) after a prompt of about --prompt-tokens tokens. The server's Prometheus /metrics (vLLM, SGLang, \
            llama.cpp with --metrics) is sampled when present: running and waiting requests, KV cache use.

            --json prints one object: endpoint, model, settings, prompt, output_tokens_source, warmup, levels \
            (each with ttft_seconds, decode_tokens_per_second_per_stream, inter_token_latency_seconds and \
            latency_seconds as {count, mean, p50, p95, min, max}, output_tokens_per_second, requests_per_second, \
            errors, first_error, metrics {before, peak, after} and samples), best_concurrency, metrics and \
            interrupted.

            Exit code 0 when the levels ran (failed requests are part of the report), 2 when the benchmark could \
            not run (no server, no model, the warm-up request failed), 64 for bad options, 130 after Ctrl-C (the \
            report then holds the levels that finished).
            """
    )

    @Option(help: "OpenAI-compatible API base (default: $OPENAI_BASE_URL, else \(BenchSettings.defaultEndpoint)).")
    var endpoint: String?

    @Option(help: "Served model id (default: the first one the server lists).")
    var model: String?

    @Option(help: "Prompt length in tokens, estimated at one token per common English word.")
    var promptTokens = 512

    @Option(help: "Output tokens per request.")
    var maxTokens = 128

    @Option(
        help: ArgumentHelp("Concurrency levels, comma-separated (default: 1,2,4,8,16).", valueName: "N,N,…"),
        transform: BenchServerCommand.levels)
    var concurrency: [Int] = [1, 2, 4, 8, 16]

    @Option(help: "Requests per level (default: max(4, 2 × concurrency)).")
    var requests: Int?

    @Option(help: ArgumentHelp("The mean TTFT a usable level stays under.", valueName: "seconds"))
    var ttftBound = 1.0

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    func validate() throws {
        do {
            try makeSettings().validate()
        } catch let error as ServerBenchError {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let settings = makeSettings()
        let interactive = !json && isatty(STDERR_FILENO) == 1
        let benchmark = Task { try await ServerBenchmark(settings: settings).run { if interactive { Self.show($0) } } }
        // Ctrl-C or SIGTERM cancels the benchmark (requests in flight are aborted, finished levels are reported); a
        // second one exits at once.
        let signals = SignalWatch([SIGINT, SIGTERM]) { signalNumber in
            if benchmark.isCancelled { Foundation.exit(128 + signalNumber) }
            FileHandle.standardError.write(Data("\nstopping: aborting the requests in flight…\n".utf8))
            benchmark.cancel()
        }
        defer { signals.cancel() }
        let report = try await CommandFailure.funnel {
            do {
                return try await benchmark.value
            } catch let error as ModelServerError {
                guard case .unreachable = error else { throw error }
                throw CommandFailure(
                    "\(error)\nstart a server there (for example `vllm serve MODEL`) or pass --endpoint URL")
            }
        }
        print(json ? try report.json() : report.text())
        if report.interrupted { throw ExitCode(130) }
    }

    /// The library settings for these options and the environment.
    func makeSettings(environment: [String: String] = ProcessInfo.processInfo.environment) -> BenchSettings {
        BenchSettings(
            endpoint: endpoint ?? BenchSettings.endpoint(environment: environment),
            apiKey: environment["OPENAI_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }, model: model,
            promptTokens: promptTokens, maxTokens: maxTokens, concurrencies: concurrency, requestsPerLevel: requests,
            ttftBound: ttftBound)
    }

    /// `1,2,4` as levels.
    static func levels(_ text: String) throws -> [Int] {
        try text.split(separator: ",").map { part in
            guard let level = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError(
                    "--concurrency takes comma-separated whole numbers such as 1,2,4,8,16, not '\(text)'.")
            }
            return level
        }
    }

    /// Progress on stderr, so that stdout holds only the report.
    private static func show(_ progress: BenchProgress) {
        let line: String
        switch progress {
        case .warmingUp(let model):
            line = "warming up \(model)…"
        case .levelStarted(let concurrency, let requests):
            line = "concurrency \(concurrency): \(requests) requests…"
        case .levelFinished(let level):
            let ttft = level.ttft.map { String(format: "%.3f s", $0.mean) } ?? "—"
            line =
                "  mean TTFT \(ttft), \(String(format: "%.1f", level.outputTokensPerSecond)) tok/s in total"
                + (level.errors > 0 ? ", \(level.errors) failed" : "")
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
