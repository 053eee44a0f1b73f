/// One concurrency level: its requests, and the figures GPU comparison tables report.
public struct LevelResult: Sendable, Hashable {
    /// Requests kept in flight at once.
    public var concurrency: Int
    /// Output tokens asked of each request.
    public var maxTokens: Int
    /// Every request of the level, in the order they finished (the warm-up is not among them).
    public var samples: [RequestSample]
    /// From the first request sent to the last one finished.
    public var wallSeconds: Double
    /// The server's `/metrics` before, at the peak during, and after the level; nil without metrics.
    public var load: LevelLoad?

    public init(concurrency: Int, maxTokens: Int, samples: [RequestSample], wallSeconds: Double, load: LevelLoad? = nil)
    {
        self.concurrency = concurrency
        self.maxTokens = maxTokens
        self.samples = samples
        self.wallSeconds = wallSeconds
        self.load = load
    }

    public var succeeded: [RequestSample] { samples.filter(\.succeeded) }
    public var errors: Int { samples.count - succeeded.count }
    /// The first failure's message, when some request failed.
    public var firstError: String? { samples.first { !$0.succeeded }?.error }

    public var ttft: Summary? { Summary(succeeded.compactMap(\.ttft)) }
    /// Decode tokens/s of each stream.
    public var decodePerStream: Summary? { Summary(succeeded.compactMap(\.decodeTokensPerSecond)) }
    /// Seconds between tokens after the first, per stream.
    public var interTokenLatency: Summary? { Summary(succeeded.compactMap(\.interTokenLatency)) }
    /// End-to-end seconds per request.
    public var latency: Summary? { Summary(succeeded.map(\.latency)) }

    public var outputTokens: Int { succeeded.map(\.outputTokens).reduce(0, +) }
    /// Output tokens of all streams together per second of the level's wall time.
    public var outputTokensPerSecond: Double { wallSeconds > 0 ? Double(outputTokens) / wallSeconds : 0 }
    /// Requests completed per second of the level's wall time.
    public var requestsPerSecond: Double { wallSeconds > 0 ? Double(succeeded.count) / wallSeconds : 0 }

    /// Succeeded requests that produced fewer than `maxTokens` tokens: the server stopped early (it ignored
    /// `ignore_eos`/`min_tokens`, or the context ran out).
    public var shortRequests: Int {
        succeeded.filter { $0.outputTokens < maxTokens }.count
    }

    /// Mean TTFT under `bound` seconds, and no request failed.
    public func meets(ttftBound bound: Double) -> Bool {
        guard errors == 0, let ttft else { return false }
        return ttft.mean < bound
    }
}

/// The server's own view of a level, from its Prometheus `/metrics`.
public struct LevelLoad: Sendable, Hashable {
    public var before: ServerLoad?
    /// The largest value of each figure over the samples taken while the level ran.
    public var peak: ServerLoad?
    public var after: ServerLoad?
    /// How many samples the peak is taken over.
    public var samples: Int

    public init(before: ServerLoad?, peak: ServerLoad?, after: ServerLoad?, samples: Int) {
        self.before = before
        self.peak = peak
        self.after = after
        self.samples = samples
    }

    /// Requests preempted during the level (vLLM), from the counter before and after.
    public var preemptions: Double? {
        guard let first = before?.preemptions, let last = after?.preemptions else { return nil }
        return last - first
    }
}
