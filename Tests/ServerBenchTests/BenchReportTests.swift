import Foundation
import Testing

@testable import ServerBench

/// Level figures, the best-concurrency rule, and both renderings, on synthetic measurements.
@Suite struct BenchReportTests {
    /// A level whose requests had these TTFTs (nil: the request failed), 16 tokens decoded in 0.3 s each.
    static func level(_ concurrency: Int, ttfts: [Double?], wall: Double = 2, load: LevelLoad? = nil) -> LevelResult {
        let samples = ttfts.map { ttft in
            ttft.map {
                RequestSample(
                    ttft: $0, decodeSeconds: 0.3, latency: $0 + 0.3, outputTokens: 16, tokenSource: .usage,
                    promptTokens: 90)
            } ?? RequestSample(failure: "http://x/v1: HTTP 500: CUDA out of memory", latency: 0.1)
        }
        return LevelResult(concurrency: concurrency, maxTokens: 16, samples: samples, wallSeconds: wall, load: load)
    }

    static func report(
        _ levels: [LevelResult], bound: Double = 1, metrics: MetricsStatus = .unavailable(reason: "HTTP 404")
    ) -> BenchReport {
        BenchReport(
            settings: BenchSettings(
                endpoint: "http://gpu0:8000/v1", promptTokens: 64, maxTokens: 16,
                concurrencies: levels.map(\.concurrency), ttftBound: bound),
            model: "m",
            warmup: RequestSample(
                ttft: 0.5, decodeSeconds: 0.3, latency: 0.8, outputTokens: 16, tokenSource: .usage, promptTokens: 90),
            levels: levels, metricsURL: "http://gpu0:8000/metrics", metrics: metrics)
    }

    @Test func levelFigures() throws {
        let level = Self.level(4, ttfts: [0.1, 0.2, 0.3, nil], wall: 2)
        #expect(level.errors == 1)
        #expect(level.firstError?.contains("CUDA out of memory") == true)
        let ttft = try #require(level.ttft)
        #expect(ttft.count == 3 && abs(ttft.mean - 0.2) < 1e-12 && ttft.p50 == 0.2)
        #expect(level.outputTokens == 48)
        #expect(level.outputTokensPerSecond == 24)
        #expect(level.requestsPerSecond == 1.5)
        #expect(abs((level.decodePerStream?.mean ?? 0) - 50) < 1e-9, "15 tokens after the first in 0.3 s")
        #expect(abs((level.interTokenLatency?.mean ?? 0) - 0.02) < 1e-12)
        #expect(level.shortRequests == 0)
    }

    @Test(
        arguments: [
            // (mean TTFTs per level 1, 2, 4, 8; nil = a failed request), bound, best
            ([[0.2], [0.3], [0.6], [1.4]], 1.0, 4 as Int?),
            ([[0.2], [0.3], [0.6], [0.9]], 1.0, 8),
            ([[0.2], [0.3], [0.6, nil], [1.4]], 1.0, 2),  // errors disqualify a level
            ([[1.2], [1.3], [1.6], [2.4]], 1.0, nil),  // even level 1 misses
            ([[0.2], [1.1], [0.6], [1.4]], 1.0, 4),  // the highest passing level, even above a failing one
            ([[0.5, 1.49], [0.3], [0.6], [1.4]], 1.0, 4),  // the mean decides, not the p95
            ([[0.2], [0.3], [0.6], [1.4]], 0.25, 1),
        ] as [([[Double?]], Double, Int?)])
    func bestConcurrency(ttfts: [[Double?]], bound: Double, best: Int?) {
        let levels = zip([1, 2, 4, 8], ttfts).map { Self.level($0, ttfts: $1) }
        #expect(BenchReport.bestConcurrency(in: levels, ttftBound: bound) == best)
        #expect(Self.report(levels, bound: bound).bestConcurrency == best)
    }

    @Test func textNamesTheBestLevelOrWhyThereIsNone() {
        let good = Self.report([Self.level(1, ttfts: [0.2, 0.2]), Self.level(2, ttfts: [0.4, nil])]).text()
        #expect(good.contains("best concurrency (mean TTFT < 1 s and no errors): 1"))
        #expect(
            good.contains("concurrency 2: 1 of 2 requests failed; first: http://x/v1: HTTP 500: CUDA out of memory"))
        #expect(good.contains("metrics  none (HTTP 404)"))
        let rows = good.split(separator: "\n").filter { $0.hasPrefix("          ") }
        #expect(rows.count == 2, "one row per level:\n\(good)")
        let none = Self.report([Self.level(1, ttfts: [1.5])]).text()
        #expect(none.contains("none — even concurrency 1 misses it (mean TTFT 1.500 s)"))
    }

    @Test func textShowsMetricsColumnsWhenTheServerHasThem() throws {
        let load = LevelLoad(
            before: ServerLoad(server: "vllm", running: 0, waiting: 0, kvCacheUsage: 0, preemptions: 3),
            peak: ServerLoad(server: "vllm", running: 8, waiting: 2, kvCacheUsage: 0.91, preemptions: 5),
            after: ServerLoad(server: "vllm", running: 0, waiting: 0, kvCacheUsage: 0.01, preemptions: 5), samples: 6)
        let text = Self.report(
            [Self.level(8, ttfts: [0.2], load: load)],
            metrics: .available(server: "vllm", figures: ["running", "waiting", "KV cache", "preemptions"])
        ).text()
        let lines = text.split(separator: "\n")
        let header = try #require(lines.first { $0.contains("TTFT p50") })
        #expect(header.hasSuffix("running  waiting  KV cache  preemptions"), "\(text)")
        #expect(lines.contains { $0.hasSuffix("8        2      91 %            2") }, "\(text)")
    }

    @Test func jsonCarriesEveryFigureAndTheSettings() throws {
        let load = LevelLoad(before: nil, peak: ServerLoad(server: "vllm", running: 2), after: nil, samples: 3)
        let report = Self.report([Self.level(1, ttfts: [0.2, 0.3]), Self.level(2, ttfts: [0.4, nil], load: load)])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(
            Set(object.keys)
                == [
                    "endpoint", "model", "settings", "prompt", "output_tokens_source", "warmup", "levels",
                    "best_concurrency", "metrics", "interrupted",
                ])
        #expect(object["best_concurrency"] as? Int == 1)
        #expect(object["output_tokens_source"] as? String == "usage")
        let settings = try #require(object["settings"] as? [String: Any])
        #expect(settings["concurrency"] as? [Int] == [1, 2])
        #expect(settings["requests_per_level"] as? [Int] == [4, 4])
        #expect(settings["max_tokens"] as? Int == 16 && settings["min_tokens"] as? Int == 16)
        #expect(settings["ignore_eos"] as? Bool == true && settings["temperature"] as? Int == 0)
        #expect(settings["ttft_bound_seconds"] as? Double == 1)
        let prompt = try #require(object["prompt"] as? [String: Any])
        #expect(prompt["estimated_tokens"] as? Int == 64 && prompt["server_tokens"] as? Double == 90)
        let metrics = try #require(object["metrics"] as? [String: Any])
        #expect(metrics["status"] as? String == "unavailable" && metrics["detail"] as? String == "HTTP 404")
        #expect(metrics["server"] is NSNull, "absent values are null, not missing")

        let levels = try #require(object["levels"] as? [[String: Any]])
        #expect(levels.count == 2)
        let second = levels[1]
        #expect(
            Set(second.keys)
                == [
                    "concurrency", "requests", "errors", "first_error", "short_requests", "wall_seconds",
                    "requests_per_second", "output_tokens", "output_tokens_per_second", "ttft_seconds",
                    "decode_tokens_per_second_per_stream", "inter_token_latency_seconds", "latency_seconds", "metrics",
                    "samples",
                ])
        #expect(second["errors"] as? Int == 1)
        #expect((second["first_error"] as? String)?.contains("HTTP 500") == true)
        let ttft = try #require(second["ttft_seconds"] as? [String: Any])
        #expect(Set(ttft.keys) == ["count", "mean", "p50", "p95", "min", "max"])
        #expect(ttft["mean"] as? Double == 0.4)
        let secondMetrics = try #require(second["metrics"] as? [String: Any])
        #expect((secondMetrics["peak"] as? [String: Any])?["running"] as? Int == 2)
        #expect(secondMetrics["before"] is NSNull)
        #expect(levels[0]["metrics"] is NSNull)
        let samples = try #require(second["samples"] as? [[String: Any]])
        #expect(samples.count == 2)
        #expect(
            Set(samples[0].keys)
                == [
                    "ttft_seconds", "decode_seconds", "latency_seconds", "decode_tokens_per_second", "output_tokens",
                    "token_source", "prompt_tokens", "error",
                ])
        #expect(samples[1]["ttft_seconds"] is NSNull && samples[1]["token_source"] is NSNull)
    }
}
