/// How one `solve` run should go.
public struct SolveOptions: Sendable {
    /// A configured alias or a served id; nil: the router picks by role.
    public var model: String?
    /// Sends every request to this API base instead of the model's endpoints.
    public var endpoint: String?
    /// Generations per model.
    public var maxAttempts: Int
    /// Language to ask for; nil: the configuration's (and resamples may switch language).
    public var language: String?
    /// After the routed model fails every attempt, try the other role's model.
    public var escalate: Bool
    /// Added to a configured sampling seed, so independent samples of one problem differ (eval: sample × 1000).
    public var seedOffset: Int

    public init(
        model: String? = nil, endpoint: String? = nil, maxAttempts: Int, language: String? = nil,
        escalate: Bool = false, seedOffset: Int = 0
    ) {
        self.model = model
        self.endpoint = endpoint
        self.maxAttempts = maxAttempts
        self.language = language
        self.escalate = escalate
        self.seedOffset = seedOffset
    }
}
