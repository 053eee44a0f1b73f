/// Whether the server exports Prometheus `/metrics` that `solve bench-server` understands.
public enum MetricsStatus: Sendable, Hashable {
    /// Found, with the naming scheme (`vllm`, `sglang`, `llama.cpp`) and the figures present.
    case available(server: String, figures: [String])
    /// The page exists but has none of the known names.
    case unrecognized(samples: Int)
    /// No page (404; llama.cpp without `--metrics` answers 501), or it could not be read.
    case unavailable(reason: String)

    public var isAvailable: Bool {
        if case .available = self { return true }
        return false
    }
}

/// The outcome of `solve bench-server`: one result per concurrency level and the best level.
public struct BenchReport: Sendable, Hashable {
    /// The settings, with the prompt seed the run drew.
    public var settings: BenchSettings
    /// The model benchmarked (given, or the first one served).
    public var model: String
    /// The request sent before the levels (not counted in them).
    public var warmup: RequestSample
    /// The levels measured, in ascending concurrency.
    public var levels: [LevelResult]
    /// Where `/metrics` was looked for, and what was there.
    public var metricsURL: String
    public var metrics: MetricsStatus
    /// Ctrl-C stopped the run; `levels` holds the ones that finished.
    public var interrupted: Bool

    public init(
        settings: BenchSettings, model: String, warmup: RequestSample, levels: [LevelResult], metricsURL: String,
        metrics: MetricsStatus, interrupted: Bool = false
    ) {
        self.settings = settings
        self.model = model
        self.warmup = warmup
        self.levels = levels
        self.metricsURL = metricsURL
        self.metrics = metrics
        self.interrupted = interrupted
    }

    /// The highest concurrency whose mean TTFT stays under `settings.ttftBound` with no failed request; nil when
    /// no level qualifies.
    public var bestConcurrency: Int? {
        Self.bestConcurrency(in: levels, ttftBound: settings.ttftBound)
    }

    /// The highest level of `levels` whose mean TTFT is under `bound` seconds and that had no errors.
    public static func bestConcurrency(in levels: [LevelResult], ttftBound bound: Double) -> Int? {
        levels.filter { $0.meets(ttftBound: bound) }.map(\.concurrency).max()
    }

    /// Where the output token counts came from: `usage`, `deltas`, or `mixed`; nil when no request succeeded.
    public var tokenSource: String? {
        let sources = Set(([warmup] + levels.flatMap(\.samples)).filter(\.succeeded).map(\.tokenSource))
        if sources.count > 1 { return "mixed" }
        return sources.first?.rawValue
    }

    /// The mean prompt length the server counted (`usage.prompt_tokens`, chat template included); nil when it
    /// sent no usage.
    public var serverPromptTokens: Double? {
        let counts = ([warmup] + levels.flatMap(\.samples)).compactMap(\.promptTokens)
        guard !counts.isEmpty else { return nil }
        return Double(counts.reduce(0, +)) / Double(counts.count)
    }
}
