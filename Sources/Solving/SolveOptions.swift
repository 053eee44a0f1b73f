/// How one `solve` run should go.
public struct SolveOptions: Sendable {
    /// A configured alias or a served id; nil: the router picks by role.
    public var model: String?
    /// Sends every request to this API base instead of the model's endpoints.
    public var endpoint: String?
    /// Model requests per model: every request counts (candidates, an input generator, repairs, feedback).
    public var maxAttempts: Int
    /// Language to ask for; nil: the configuration's (and other candidates or resamples may use another).
    public var language: String?
    /// After the routed model fails (every attempt, or, as a contestant, every candidate), try the other role's
    /// model.
    public var escalate: Bool
    /// Added to a configured sampling seed, so independent samples of one problem differ (eval: sample × 1000).
    public var seedOffset: Int
    /// Contestant (the default) or oracle.
    public var `protocol`: SolveProtocol
    /// Contestant: after the submission's verdict, judge every other candidate on the hidden tests too (oracle
    /// any-of-N, for evaluations); never fed back.
    public var checkEveryCandidate: Bool

    public init(
        model: String? = nil, endpoint: String? = nil, maxAttempts: Int, language: String? = nil,
        escalate: Bool = false, seedOffset: Int = 0, protocol: SolveProtocol = .contestant,
        checkEveryCandidate: Bool = false
    ) {
        self.model = model
        self.endpoint = endpoint
        self.maxAttempts = maxAttempts
        self.language = language
        self.escalate = escalate
        self.seedOffset = seedOffset
        self.protocol = `protocol`
        self.checkEveryCandidate = checkEveryCandidate
    }
}
