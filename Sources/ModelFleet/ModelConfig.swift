import ModelClient

/// A model `solve` can ask: where it is served and how to sample it.
public struct ModelConfig: Sendable, Hashable, Codable {
    /// Short name used on the command line (`--model r1`).
    public var alias: String
    /// The id the server serves it under (`/v1/models`).
    public var served: String
    /// API bases of its replicas; requests go to the least-loaded one.
    public var endpoints: [String]
    public var role: ModelRole
    public var sampling: Sampling
    /// Whether instructions may go in a system message (R1 distills: no, everything in the user turn).
    public var systemPrompt: Bool
    public var apiKey: String?

    public init(
        alias: String, served: String, endpoints: [String], role: ModelRole, sampling: Sampling, systemPrompt: Bool,
        apiKey: String? = nil
    ) {
        self.alias = alias
        self.served = served
        self.endpoints = endpoints
        self.role = role
        self.sampling = sampling
        self.systemPrompt = systemPrompt
        self.apiKey = apiKey
    }

    /// DeepSeek's recommended settings for R1 distills: temperature 0.6, top-p 0.95, no system prompt.
    public static func reasoningDefaults(alias: String, served: String, endpoints: [String]) -> ModelConfig {
        ModelConfig(
            alias: alias, served: served, endpoints: endpoints, role: .reasoning,
            sampling: Sampling(temperature: 0.6, topP: 0.95, maxTokens: 32768), systemPrompt: false)
    }

    /// Qwen's recommended settings for Qwen2.5-Coder-Instruct.
    public static func codeDefaults(alias: String, served: String, endpoints: [String]) -> ModelConfig {
        ModelConfig(
            alias: alias, served: served, endpoints: endpoints, role: .code,
            sampling: Sampling(temperature: 0.7, topP: 0.8, topK: 20, repetitionPenalty: 1.05, maxTokens: 4096),
            systemPrompt: true)
    }
}
