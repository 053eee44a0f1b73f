import Foundation

/// What choosing without the answer key is worth in one contestant run: the first candidate alone (single-shot), the
/// submitted program (contestant pass@1), and whether any candidate passes the hidden tests (oracle any-of-N), each
/// judged after the submission and never fed back.
public struct SelectionFigures: Sendable, Hashable, Codable {
    /// The first candidate of each sample.
    public var singleShot: PassAtK
    /// The submitted program of each sample.
    public var contestant: PassAtK
    /// Some candidate of the sample passes the hidden tests; nil when a sample was stored without the check.
    public var oracleAnyOfN: PassAtK?
    /// Contestant pass@1 over oracle any-of-N: how much of what was generated the selection found; nil when either
    /// is undefined or any-of-N is zero.
    public var efficiency: Double?
    /// Single-shot (first arm) against the submission (second arm), paired per sample.
    public var test: McNemarTest

    /// The figures over one contestant run's `samples`.
    public init(samples: [SampleResult]) {
        let tallies = ProblemTally.tallies(of: samples)
        singleShot = PassAtK(k: 1, tallies: tallies, outcome: .singleShot)
        contestant = PassAtK(k: 1, tallies: tallies, outcome: .withFeedback)
        let checked = !samples.isEmpty && samples.allSatisfy { $0.oracleAnyAccepted != nil }
        oracleAnyOfN = checked ? PassAtK(k: 1, tallies: tallies, outcome: .oracleAnyOfN) : nil
        if let found = contestant.estimate?.value, let any = oracleAnyOfN?.estimate?.value, any > 0 {
            efficiency = found / any
        }
        test = McNemarTest(singleShotVersusFeedbackOf: samples)
    }
}
