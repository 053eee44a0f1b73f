import Foundation
import OutputFormat

/// The `--json` shape: one object with `endpoint`, `model`, `settings`, `prompt` (with the words' `seed`),
/// `output_tokens_source`, `warmup`, `levels` (one object per level, with its `samples`), `best_concurrency`,
/// `metrics` and `interrupted`. Keys are snake_case, times are seconds; absent values are `null`, never missing.
extension BenchReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case endpoint, model, settings, prompt, warmup, levels, metrics, interrupted
        case outputTokensSource = "output_tokens_source", bestConcurrency = "best_concurrency"
    }

    enum SettingsKeys: String, CodingKey {
        case concurrency, temperature
        case promptTokens = "prompt_tokens", maxTokens = "max_tokens", minTokens = "min_tokens"
        case ignoreEOS = "ignore_eos", requestsPerLevel = "requests_per_level"
        case ttftBoundSeconds = "ttft_bound_seconds", metricsIntervalSeconds = "metrics_interval_seconds"
    }

    enum PromptKeys: String, CodingKey {
        case estimate, seed
        case estimatedTokens = "estimated_tokens", serverTokens = "server_tokens"
    }

    enum MetricsKeys: String, CodingKey {
        case status, url, server, figures, detail
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(settings.endpoint, forKey: .endpoint)
        try container.encode(model, forKey: .model)
        var settingsContainer = container.nestedContainer(keyedBy: SettingsKeys.self, forKey: .settings)
        try settingsContainer.encode(settings.promptTokens, forKey: .promptTokens)
        try settingsContainer.encode(settings.maxTokens, forKey: .maxTokens)
        try settingsContainer.encode(settings.maxTokens, forKey: .minTokens)
        try settingsContainer.encode(true, forKey: .ignoreEOS)
        try settingsContainer.encode(0, forKey: .temperature)
        try settingsContainer.encode(settings.concurrencies.sorted(), forKey: .concurrency)
        try settingsContainer.encode(
            settings.concurrencies.sorted().map(settings.requests(atConcurrency:)), forKey: .requestsPerLevel)
        try settingsContainer.encode(settings.ttftBound, forKey: .ttftBoundSeconds)
        try settingsContainer.encode(settings.metricsInterval, forKey: .metricsIntervalSeconds)
        var prompt = container.nestedContainer(keyedBy: PromptKeys.self, forKey: .prompt)
        try prompt.encode(settings.promptTokens, forKey: .estimatedTokens)
        try prompt.encode(serverPromptTokens.map { Self.rounded($0, places: 1) }, forKey: .serverTokens)
        try prompt.encode(BenchPrompt.estimate, forKey: .estimate)
        try prompt.encode(settings.promptSeed, forKey: .seed)
        try container.encode(tokenSource, forKey: .outputTokensSource)
        try container.encode(warmup, forKey: .warmup)
        try container.encode(levels, forKey: .levels)
        try container.encode(bestConcurrency, forKey: .bestConcurrency)
        var metricsContainer = container.nestedContainer(keyedBy: MetricsKeys.self, forKey: .metrics)
        try metricsContainer.encode(metricsURL, forKey: .url)
        switch metrics {
        case .available(let server, let figures):
            try metricsContainer.encode("available", forKey: .status)
            try metricsContainer.encode(server, forKey: .server)
            try metricsContainer.encode(figures, forKey: .figures)
            try metricsContainer.encodeNil(forKey: .detail)
        case .unrecognized(let samples):
            try metricsContainer.encode("unrecognized", forKey: .status)
            try metricsContainer.encodeNil(forKey: .server)
            try metricsContainer.encode([String](), forKey: .figures)
            try metricsContainer.encode("\(samples) samples, none with a known name", forKey: .detail)
        case .unavailable(let reason):
            try metricsContainer.encode("unavailable", forKey: .status)
            try metricsContainer.encodeNil(forKey: .server)
            try metricsContainer.encode([String](), forKey: .figures)
            try metricsContainer.encode(reason, forKey: .detail)
        }
        try container.encode(interrupted, forKey: .interrupted)
    }

    /// `value` rounded to `places` decimals, so that the JSON does not carry clock noise.
    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}

/// `{"concurrency", "requests", "errors", "first_error", "short_requests", "wall_seconds", "requests_per_second",
/// "output_tokens", "output_tokens_per_second", "ttft_seconds", "decode_tokens_per_second_per_stream",
/// "inter_token_latency_seconds", "latency_seconds", "metrics", "samples"}`; the summaries are
/// `{"count", "mean", "p50", "p95", "min", "max"}`.
extension LevelResult: Encodable {
    enum CodingKeys: String, CodingKey {
        case concurrency, requests, errors, metrics, samples
        case firstError = "first_error", shortRequests = "short_requests", wallSeconds = "wall_seconds"
        case requestsPerSecond = "requests_per_second", outputTokens = "output_tokens"
        case outputTokensPerSecond = "output_tokens_per_second", ttftSeconds = "ttft_seconds"
        case decodePerStream = "decode_tokens_per_second_per_stream"
        case interTokenLatencySeconds = "inter_token_latency_seconds", latencySeconds = "latency_seconds"
    }

    enum LoadKeys: String, CodingKey {
        case before, peak, after, samples, preemptions
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(concurrency, forKey: .concurrency)
        try container.encode(samples.count, forKey: .requests)
        try container.encode(errors, forKey: .errors)
        try container.encode(firstError, forKey: .firstError)
        try container.encode(shortRequests, forKey: .shortRequests)
        try container.encode(BenchReport.rounded(wallSeconds, places: 4), forKey: .wallSeconds)
        try container.encode(BenchReport.rounded(requestsPerSecond, places: 3), forKey: .requestsPerSecond)
        try container.encode(outputTokens, forKey: .outputTokens)
        try container.encode(BenchReport.rounded(outputTokensPerSecond, places: 2), forKey: .outputTokensPerSecond)
        try container.encode(ttft.map { SummaryJSON($0, places: 4) }, forKey: .ttftSeconds)
        try container.encode(decodePerStream.map { SummaryJSON($0, places: 2) }, forKey: .decodePerStream)
        try container.encode(interTokenLatency.map { SummaryJSON($0, places: 5) }, forKey: .interTokenLatencySeconds)
        try container.encode(latency.map { SummaryJSON($0, places: 4) }, forKey: .latencySeconds)
        if let load {
            var loadContainer = container.nestedContainer(keyedBy: LoadKeys.self, forKey: .metrics)
            try loadContainer.encode(load.before, forKey: .before)
            try loadContainer.encode(load.peak, forKey: .peak)
            try loadContainer.encode(load.after, forKey: .after)
            try loadContainer.encode(load.samples, forKey: .samples)
            try loadContainer.encode(load.preemptions, forKey: .preemptions)
        } else {
            try container.encodeNil(forKey: .metrics)
        }
        try container.encode(samples, forKey: .samples)
    }
}

/// A `Summary` with its figures rounded.
private struct SummaryJSON: Encodable {
    var count: Int
    var mean, p50, p95, min, max: Double

    init(_ summary: Summary, places: Int) {
        count = summary.count
        mean = BenchReport.rounded(summary.mean, places: places)
        p50 = BenchReport.rounded(summary.p50, places: places)
        p95 = BenchReport.rounded(summary.p95, places: places)
        min = BenchReport.rounded(summary.min, places: places)
        max = BenchReport.rounded(summary.max, places: places)
    }
}

/// `{"ttft_seconds", "decode_seconds", "latency_seconds", "decode_tokens_per_second", "output_tokens",
/// "token_source", "prompt_tokens", "error"}`.
extension RequestSample: Encodable {
    enum CodingKeys: String, CodingKey {
        case error
        case ttftSeconds = "ttft_seconds", decodeSeconds = "decode_seconds", latencySeconds = "latency_seconds"
        case decodeTokensPerSecond = "decode_tokens_per_second", outputTokens = "output_tokens"
        case tokenSource = "token_source", promptTokens = "prompt_tokens"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ttft.map { BenchReport.rounded($0, places: 4) }, forKey: .ttftSeconds)
        try container.encode(decodeSeconds.map { BenchReport.rounded($0, places: 4) }, forKey: .decodeSeconds)
        try container.encode(BenchReport.rounded(latency, places: 4), forKey: .latencySeconds)
        try container.encode(
            decodeTokensPerSecond.map { BenchReport.rounded($0, places: 2) }, forKey: .decodeTokensPerSecond)
        try container.encode(outputTokens, forKey: .outputTokens)
        try container.encode(succeeded ? tokenSource.rawValue : nil, forKey: .tokenSource)
        try container.encode(promptTokens, forKey: .promptTokens)
        try container.encode(error, forKey: .error)
    }
}

/// `{"server", "running", "waiting", "kv_cache_usage", "preemptions"}`; KV cache use is a fraction (0–1).
extension ServerLoad: Encodable {
    enum CodingKeys: String, CodingKey {
        case server, running, waiting, preemptions
        case kvCacheUsage = "kv_cache_usage"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(server, forKey: .server)
        try container.encode(running, forKey: .running)
        try container.encode(waiting, forKey: .waiting)
        try container.encode(kvCacheUsage.map { BenchReport.rounded($0, places: 4) }, forKey: .kvCacheUsage)
        try container.encode(preemptions, forKey: .preemptions)
    }
}

extension BenchReport {
    /// The report as one pretty-printed JSON object (sorted keys, no escaped slashes).
    public func json() throws -> String {
        try JSONText.string(self)
    }
}
