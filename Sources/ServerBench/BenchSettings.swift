import ModelClient

/// What `solve bench-server` measures, and how.
public struct BenchSettings: Sendable, Hashable {
    /// vLLM's default address.
    public static let defaultEndpoint = "http://localhost:8000/v1"

    /// The OpenAI-compatible API base, e.g. `http://localhost:8000/v1`; `/metrics` is read from its root.
    public var endpoint: String
    public var apiKey: String?
    /// The served model id; nil: the first model `/v1/models` lists.
    public var model: String?
    /// Prompt length in estimated tokens (see `BenchPrompt.estimate`).
    public var promptTokens: Int
    /// Output tokens asked of every request (`max_tokens`, with `min_tokens` and `ignore_eos`).
    public var maxTokens: Int
    /// Requests in flight at once, one level each, run in ascending order.
    public var concurrencies: [Int]
    /// Requests per level; nil: max(4, 2 × concurrency).
    public var requestsPerLevel: Int?
    /// A level is usable when its mean TTFT stays under this many seconds (and no request failed).
    public var ttftBound: Double
    /// Seconds between `/metrics` samples while a level runs.
    public var metricsInterval: Double
    /// Seeds the prompts' words (`BenchPrompt`); nil: a random seed per run, so that no server cache holds them.
    public var promptSeed: UInt64?
    public var timeouts: Timeouts

    public init(
        endpoint: String = defaultEndpoint, apiKey: String? = nil, model: String? = nil, promptTokens: Int = 512,
        maxTokens: Int = 128, concurrencies: [Int] = [1, 2, 4, 8, 16], requestsPerLevel: Int? = nil,
        ttftBound: Double = 1, metricsInterval: Double = 0.5, promptSeed: UInt64? = nil,
        timeouts: Timeouts = Timeouts(connect: 5, firstByte: 600, total: 1800)
    ) {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.model = model
        self.promptTokens = promptTokens
        self.maxTokens = maxTokens
        self.concurrencies = concurrencies
        self.requestsPerLevel = requestsPerLevel
        self.ttftBound = ttftBound
        self.metricsInterval = metricsInterval
        self.promptSeed = promptSeed
        self.timeouts = timeouts
    }

    /// `OPENAI_BASE_URL` when set, else vLLM's default address.
    public static func endpoint(environment: [String: String]) -> String {
        environment["OPENAI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultEndpoint
    }

    /// Requests measured at `concurrency`.
    public func requests(atConcurrency concurrency: Int) -> Int {
        requestsPerLevel ?? max(4, 2 * concurrency)
    }

    /// - Throws: `ServerBenchError.invalidSetting` naming the option and what it must be.
    public func validate() throws {
        func fail(_ message: String) throws -> Never { throw ServerBenchError.invalidSetting(message) }
        if promptTokens < 1 { try fail("--prompt-tokens must be at least 1.") }
        if maxTokens < 2 {
            try fail("--max-tokens must be at least 2: decode speed is measured after the first token.")
        }
        if concurrencies.isEmpty { try fail("--concurrency needs at least one level, such as 1,2,4,8,16.") }
        if let bad = concurrencies.first(where: { $0 < 1 }) {
            try fail("--concurrency levels must be at least 1, not \(bad).")
        }
        if Set(concurrencies).count != concurrencies.count { try fail("--concurrency lists a level twice.") }
        if let requestsPerLevel, let highest = concurrencies.max(), requestsPerLevel < highest {
            try fail(
                "--requests \(requestsPerLevel) cannot keep \(highest) requests in flight; give at least \(highest).")
        }
        if !(ttftBound > 0) { try fail("--ttft-bound must be a positive number of seconds.") }
        if !(metricsInterval > 0) { try fail("the metrics interval must be positive.") }
    }
}
