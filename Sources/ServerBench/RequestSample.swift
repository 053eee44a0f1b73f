import ModelClient

/// What one streaming benchmark request measured. Times are seconds from sending the request.
public struct RequestSample: Sendable, Hashable {
    /// Where `outputTokens` came from.
    public enum TokenSource: String, Sendable, Hashable {
        /// The server's `usage.completion_tokens` (`stream_options.include_usage`).
        case usage
        /// Streamed deltas that carried text, one token each — low when a server packs several tokens in a delta.
        case deltas
    }

    /// Time to first token: until the first content or reasoning delta; nil when none came.
    public var ttft: Double?
    /// From the first to the last text delta.
    public var decodeSeconds: Double?
    /// Until the stream ended.
    public var latency: Double
    public var outputTokens: Int
    public var tokenSource: TokenSource
    /// The server's count of the prompt, chat template included (`usage.prompt_tokens`).
    public var promptTokens: Int?
    /// Why the request failed; nil when it succeeded.
    public var error: String?

    public init(
        ttft: Double?, decodeSeconds: Double?, latency: Double, outputTokens: Int, tokenSource: TokenSource,
        promptTokens: Int? = nil, error: String? = nil
    ) {
        self.ttft = ttft
        self.decodeSeconds = decodeSeconds
        self.latency = latency
        self.outputTokens = outputTokens
        self.tokenSource = tokenSource
        self.promptTokens = promptTokens
        self.error = error
    }

    /// The measurements of a finished streaming request.
    public init(_ result: ChatResult) {
        let decode = result.firstTokenSeconds.flatMap { first in result.lastTokenSeconds.map { $0 - first } }
        self.init(
            ttft: result.firstTokenSeconds, decodeSeconds: decode, latency: result.seconds,
            outputTokens: result.usage?.completionTokens ?? result.textDeltas,
            tokenSource: result.usage == nil ? .deltas : .usage, promptTokens: result.usage?.promptTokens)
    }

    /// A request that failed after `latency` seconds.
    public init(failure: String, latency: Double) {
        self.init(
            ttft: nil, decodeSeconds: nil, latency: latency, outputTokens: 0, tokenSource: .deltas, error: failure)
    }

    public var succeeded: Bool { error == nil }

    /// Decode speed of this stream: (output tokens − 1) / (last − first token), since the first token ends the
    /// prefill; nil with fewer than two tokens or when they all came at once.
    public var decodeTokensPerSecond: Double? {
        guard outputTokens >= 2, let decodeSeconds, decodeSeconds > 0 else { return nil }
        return Double(outputTokens - 1) / decodeSeconds
    }

    /// Mean time between tokens after the first (inter-token latency): 1 / `decodeTokensPerSecond`.
    public var interTokenLatency: Double? {
        decodeTokensPerSecond.map { 1 / $0 }
    }
}
