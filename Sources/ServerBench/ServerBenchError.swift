import ModelClient

/// Why `solve bench-server` could not measure. A server that cannot be reached throws `ModelServerError`.
public enum ServerBenchError: Error, Sendable, Equatable {
    case invalidSetting(String)
    /// `/v1/models` lists nothing to benchmark.
    case noModels(endpoint: String)
    /// The prompt and the answer do not fit the model's context.
    case contextTooSmall(model: String, needed: Int, available: Int)
    /// The warm-up request failed, so every measured one would too.
    case warmupFailed(model: String, error: String)
}

extension ServerBenchError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidSetting(let message): return message
        case .noModels(let endpoint): return "\(endpoint) serves no models (GET /models listed none); pass --model"
        case .contextTooSmall(let model, let needed, let available):
            return "\(model) has a context of \(available) tokens, but --prompt-tokens + --max-tokens need \(needed)"
        case .warmupFailed(let model, let error): return "the warm-up request to \(model) failed: \(error)"
        }
    }
}
