import Foundation
import ModelClient
import TestSupport
import Testing

@testable import ServerBench

/// The benchmark against the scripted server's `paced` scenario, whose TTFT and token rate are known.
/// Bounds are loose: the machine has 2 shared cores. A `TimingTests` suite: it runs in its own `swift test` stage.
@Suite(.serialized) struct ServerBenchmarkTimingTests {
    let server = ScriptedServer.shared

    func settings(_ model: String, concurrency: [Int], maxTokens: Int = 20, requests: Int? = nil) -> BenchSettings {
        BenchSettings(
            endpoint: server.baseURL, model: model, promptTokens: 40, maxTokens: maxTokens, concurrencies: concurrency,
            requestsPerLevel: requests, metricsInterval: 0.1, timeouts: Timeouts(connect: 2, firstByte: 20, total: 60))
    }

    @Test func ttftAndDecodeSpeedMatchTheScriptedServer() async throws {
        let model = server.model("paced;ttft=0.3;rate=40")
        let report = try await ServerBenchmark(settings: settings(model, concurrency: [1, 2])).run()
        #expect(report.model == model)
        #expect(report.levels.map(\.concurrency) == [1, 2])
        #expect(report.levels.map(\.samples.count) == [4, 4], "max(4, 2 × concurrency) requests per level")
        for level in report.levels {
            #expect(level.errors == 0)
            let ttft = try #require(level.ttft)
            #expect(ttft.min >= 0.29 && ttft.mean < 1, "scripted TTFT 0.3 s, measured \(ttft)")
            let decode = try #require(level.decodePerStream)
            #expect(decode.mean > 30 && decode.mean < 42, "scripted 40 tokens/s per stream, measured \(decode)")
            #expect(level.samples.allSatisfy { $0.outputTokens == 20 && $0.tokenSource == .usage })
            #expect(level.samples.allSatisfy { $0.promptTokens == 40 }, "the scripted server counts words")
            #expect(level.shortRequests == 0)
        }
        // 2 streams in flight: the level's requests overlap (their latencies add up to about twice its wall time;
        // one at a time, to about its wall time), and that gives more total throughput than 1 (about twice).
        let overlaps = report.levels.map { level in level.samples.map(\.latency).reduce(0, +) / level.wallSeconds }
        #expect(overlaps[0] > 0.9 && overlaps[0] <= 1.01, "one in flight: \(overlaps)")
        #expect(overlaps[1] > 1.8, "two in flight: \(overlaps)")
        let ratio = report.levels[1].outputTokensPerSecond / report.levels[0].outputTokensPerSecond
        #expect(ratio > 1.5, "throughput ratio \(ratio)")
        #expect(report.bestConcurrency == 2)
        #expect(report.tokenSource == "usage")
        #expect(report.metrics == .available(server: "vllm", figures: ["running", "waiting", "KV cache"]))

        let sent = try server.requests(for: model)
        #expect(sent.count == 1 + 4 + 4, "a warm-up, then the levels")
        let first = try #require(sent.first)
        #expect(first["max_tokens"] as? Int == 20 && first["min_tokens"] as? Int == 20)
        #expect(first["ignore_eos"] as? Bool == true)
        #expect(first["temperature"] as? Double == 0)
        #expect(first["stream"] as? Bool == true)
        #expect((first["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
        let openings = sent.compactMap { request -> String? in
            let content = ((request["messages"] as? [[String: Any]])?.first?["content"] as? String) ?? ""
            return content.split(separator: " ").prefix(3).joined(separator: " ")
        }
        #expect(Set(openings).count == sent.count, "every prompt starts differently (no prefix-cache hits)")
        #expect(report.settings.promptSeed != nil, "the run's random seed is reported")
    }

    @Test func eachLevelKeepsItsConcurrencyInFlight() async throws {
        let model = server.model("paced;ttft=0.05;rate=40")
        let report = try await ServerBenchmark(settings: settings(model, concurrency: [1, 4], requests: 8)).run()
        let peaks = report.levels.map { $0.load?.peak?.running }
        #expect(peaks == [1, 4], "the running requests /metrics saw at the peak of each level")
        #expect(report.levels.allSatisfy { ($0.load?.samples ?? 0) >= 3 })
        #expect(report.levels.allSatisfy { $0.load?.after?.running == 0 })
        let serverPeak = try await ModelClient(baseURL: server.baseURL).metrics()
            .split(separator: "\n").first { $0.hasPrefix("scripted:peak_requests_running{model_name=\"\(model)\"}") }
        #expect(serverPeak?.hasSuffix(" 4.0") == true, "never more than 4 at once: \(serverPeak ?? "no series")")
        let ratio = report.levels[1].outputTokensPerSecond / report.levels[0].outputTokensPerSecond
        #expect(ratio > 2.5, "4 in flight give about 4 times the throughput of 1, measured \(ratio)")
    }

    @Test func queueingBeyondTheServersSlotsRaisesTTFT() async throws {
        // Two slots: at concurrency 4 most requests wait for a slot about as long as a request takes
        // (0.15 + 19/80 s), so the level's mean TTFT is about 0.44 s.
        let model = server.model("paced;ttft=0.15;rate=80;slots=2")
        var settings = settings(model, concurrency: [1, 2, 4], requests: 8)
        settings.ttftBound = 0.3
        let report = try await ServerBenchmark(settings: settings).run()
        let means = report.levels.map { $0.ttft?.mean ?? 0 }
        #expect(means[0] < 0.3 && means[1] < 0.3 && means[2] > 0.3, "mean TTFTs \(means)")
        #expect(report.levels[2].load?.peak?.waiting == 2)
        #expect(report.levels[2].load?.peak?.kvCacheUsage == 1)
        #expect(report.bestConcurrency == 2)
    }

    @Test func failedRequestsAreReportedNotFatal() async throws {
        let model = server.model("paced;ttft=0.01;rate=200;fail=3")
        let report = try await ServerBenchmark(settings: settings(model, concurrency: [1, 2], requests: 6)).run()
        // Requests 1 (the warm-up) … 13: 3, 6, 9 and 12 fail — two in each level.
        #expect(report.levels.map(\.errors) == [2, 2])
        #expect(report.levels[0].firstError?.contains("HTTP 500: scripted failure of request") == true)
        #expect(report.levels.allSatisfy { $0.succeeded.count == 4 })
        #expect(report.bestConcurrency == nil)
        #expect(report.text().contains("concurrency 1: 2 of 6 requests failed; first: "))
    }

    @Test func aFailedWarmupStopsTheBenchmark() async throws {
        let model = server.model("always-500")
        let error = await #expect(throws: ServerBenchError.self) {
            try await ServerBenchmark(settings: settings(model, concurrency: [1])).run()
        }
        guard case .warmupFailed(let failed, let message) = error else {
            Issue.record("expected warmupFailed, got \(String(describing: error))")
            return
        }
        #expect(failed == model)
        #expect(message.contains("HTTP 500: CUDA out of memory"))
    }

    @Test func anUnreachableServerThrowsTheClientsError() async throws {
        var settings = settings("any", concurrency: [1])
        settings.endpoint = "http://127.0.0.1:9/v1"
        let error = await #expect(throws: ModelServerError.self) { try await ServerBenchmark(settings: settings).run() }
        guard case .unreachable(let endpoint, _) = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(endpoint == "http://127.0.0.1:9/v1")
    }

    @Test func aServerWithoutMetricsIsMeasuredAnyway() async throws {
        var settings = settings(server.model("paced;ttft=0.01;rate=200"), concurrency: [1])
        settings.endpoint = server.baseURL.replacingOccurrences(of: "/v1", with: "/no-metrics/v1")
        let report = try await ServerBenchmark(settings: settings).run()
        guard case .unavailable(let reason) = report.metrics else {
            Issue.record("expected no metrics, got \(report.metrics)")
            return
        }
        #expect(reason.contains("/no-metrics/metrics: HTTP 404"))
        #expect(report.levels.count == 1 && report.levels[0].errors == 0 && report.levels[0].load == nil)
        #expect(report.text().contains("metrics  none ("))
    }

    @Test func theModelDefaultsToTheFirstServedOne() async throws {
        var settings = settings("unused", concurrency: [1])
        settings.model = nil
        settings.maxTokens = 5000  // the scripted models have a context of 4096
        await #expect(
            throws: ServerBenchError.contextTooSmall(
                model: "scripted/r1-reasoning-content", needed: 5040, available: 4096)
        ) {
            try await ServerBenchmark(settings: settings).run()
        }
    }

    @Test(arguments: [
        ([Int](), nil as Int?, 20, "--concurrency needs at least one level"),
        ([0, 1], nil, 20, "--concurrency levels must be at least 1, not 0."),
        ([2, 2], nil, 20, "--concurrency lists a level twice."),
        ([1, 8], 4, 20, "--requests 4 cannot keep 8 requests in flight; give at least 8."),
        ([1], nil, 1, "--max-tokens must be at least 2"),
    ])
    func invalidSettingsAreRejected(concurrency: [Int], requests: Int?, maxTokens: Int, message: String) {
        let bad = settings("m", concurrency: concurrency, maxTokens: maxTokens, requests: requests)
        let error = #expect(throws: ServerBenchError.self) { try bad.validate() }
        #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
    }

    @Test func cancellingStopsTheRequestsInFlightAndKeepsFinishedLevels() async throws {
        let model = server.model("paced;ttft=0.05;rate=20")
        let benchmark = ServerBenchmark(settings: settings(model, concurrency: [1, 2], maxTokens: 40, requests: 2))
        let (events, continuation) = AsyncStream<BenchProgress>.makeStream()
        let task = Task { try await benchmark.run { continuation.yield($0) } }
        for await event in events {
            if case .levelStarted(concurrency: 2, _) = event { break }
        }
        try await Task.sleep(for: .milliseconds(700))  // both requests of level 2 are streaming (2 s each)
        let cancelled = Date()
        task.cancel()
        let report = try await task.value
        #expect(Date().timeIntervalSince(cancelled) < 1.5, "requests in flight are aborted, not awaited")
        #expect(report.interrupted)
        #expect(report.levels.map(\.concurrency) == [1])
        try await Task.sleep(for: .milliseconds(300))
        let running = try await ModelClient(baseURL: server.baseURL).metrics()
            .split(separator: "\n").first { $0.hasPrefix("vllm:num_requests_running{model_name=\"\(model)\"}") }
        #expect(running?.hasSuffix(" 0.0") == true, "the server stopped streaming: \(running ?? "no series")")
    }
}
