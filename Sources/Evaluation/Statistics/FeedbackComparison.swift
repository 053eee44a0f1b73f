import Foundation

/// What the feedback loop is worth in one run: single-shot pass@1 (each sample's first attempt) against pass@1 with
/// feedback, and the exact McNemar test between them, paired per sample.
public struct FeedbackComparison: Sendable, Hashable, Codable {
    public var singleShot: PassAtK
    public var withFeedback: PassAtK
    /// First arm single-shot, second arm with feedback: `c` counts samples the loop rescued.
    public var test: McNemarTest

    /// The comparison over one run's `samples`.
    public init(samples: [SampleResult]) {
        let tallies = ProblemTally.tallies(of: samples)
        singleShot = PassAtK(k: 1, tallies: tallies, outcome: .singleShot)
        withFeedback = PassAtK(k: 1, tallies: tallies, outcome: .withFeedback)
        test = McNemarTest(singleShotVersusFeedbackOf: samples)
    }
}
