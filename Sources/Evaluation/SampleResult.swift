import Foundation
import Solving

/// One sample of one problem under one run: the unit that pass@k, intervals and paired tests count.
///
/// A sample is one independent solve (its own seed) with up to `maxAttempts` model requests. Its first attempt (an
/// oracle run's first attempt, a contestant run's first candidate judged on every test after the submission) is a
/// single-shot solve on its own, so one run yields both the single-shot and the run's own figures, paired by problem.
public struct SampleResult: Sendable, Hashable, Codable {
    /// The run's name (`--run`), unique in a database.
    public var run: String
    /// The model alias, or `routed` when the router chose per problem.
    public var model: String
    /// The problem's slug.
    public var problem: String
    public var difficulty: String?
    public var tags: [String]
    /// 0-based sample index within the problem.
    public var sample: Int
    /// Attempts allowed per sample in this run.
    public var maxAttempts: Int
    /// Attempts made (1…maxAttempts).
    public var attempts: Int
    /// The first attempt was accepted: the single-shot outcome.
    public var firstAttemptAccepted: Bool
    /// Accepted within the attempts made.
    public var accepted: Bool
    /// 1-based number of the accepted attempt.
    public var acceptedAtAttempt: Int?
    /// Completion tokens over all attempts (reasoning included).
    public var completionTokens: Int
    /// Wall-clock seconds over all attempts (generation and judging).
    public var seconds: Double
    /// Attempts cut off by the token limit (`finish_reason: length`).
    public var truncatedAttempts: Int
    /// Attempts whose answer had no extractable program.
    public var noCodeAttempts: Int
    /// Contestant runs: how the submitted program was chosen, each step's cost, and the oracle check (which
    /// candidates the hidden tests accept, judged after the submission); nil for oracle runs.
    public var selection: SelectionReport?

    public init(
        run: String, model: String, problem: String, difficulty: String?, tags: [String], sample: Int,
        maxAttempts: Int, attempts: Int, firstAttemptAccepted: Bool, accepted: Bool, acceptedAtAttempt: Int?,
        completionTokens: Int, seconds: Double, truncatedAttempts: Int, noCodeAttempts: Int,
        selection: SelectionReport? = nil
    ) {
        self.run = run
        self.model = model
        self.problem = problem
        self.difficulty = difficulty
        self.tags = tags
        self.sample = sample
        self.maxAttempts = maxAttempts
        self.attempts = attempts
        self.firstAttemptAccepted = firstAttemptAccepted
        self.accepted = accepted
        self.acceptedAtAttempt = acceptedAtAttempt
        self.completionTokens = completionTokens
        self.seconds = seconds
        self.truncatedAttempts = truncatedAttempts
        self.noCodeAttempts = noCodeAttempts
        self.selection = selection
    }

    /// Some candidate of a contestant run passes the hidden tests (the oracle check, made after the submission);
    /// nil for an oracle run, whose own pass rate is that already, and when the check was not made.
    public var oracleAnyAccepted: Bool? { selection?.oracle?.anyAccepted }
}
