import Foundation
import Solving

/// One run's figures: pass@k with intervals, breakdowns by difficulty and tag, costs, single-shot against feedback,
/// and the per-problem counts.
public struct RunSummary: Sendable, Hashable, Codable {
    /// The run's name.
    public var run: String
    /// The model alias, or the distinct aliases joined by ", " if samples disagree.
    public var model: String
    public var samples: Int
    /// Attempts allowed per sample (the largest in the run).
    public var maxAttempts: Int
    /// Per-problem counts, sorted by slug.
    public var problems: [ProblemTally]
    /// One entry per k, ascending; k = 1 always included.
    public var passAtK: [PassAtK]
    public var byDifficulty: [GroupFigure]
    public var byTag: [GroupFigure]
    public var costs: RunCosts
    /// Contestant or oracle.
    public var `protocol`: SolveProtocol
    /// An oracle run that allowed more than one attempt per sample: single-shot against feedback.
    public var feedback: FeedbackComparison?
    /// A contestant run: single-shot, contestant pass@1, oracle any-of-N and selection efficiency.
    public var selection: SelectionFigures?

    /// The figures of one run's samples, named after the first sample's run.
    /// - Parameters:
    ///   - ks: the k of pass@k (1 is always added); by default 1 and, if larger, the fewest samples of any problem.
    public init(samples: [SampleResult], ks: [Int]? = nil) {
        self.init(run: samples.first?.run ?? "", samples: samples, ks: ks)
    }

    /// The figures of `samples`, all from run `run`.
    /// - Parameter protocol: the run's protocol; nil: contestant when its samples say how a submission was chosen.
    public init(run: String, samples: [SampleResult], ks: [Int]? = nil, protocol: SolveProtocol? = nil) {
        self.run = run
        model = Set(samples.map(\.model)).sorted().joined(separator: ", ")
        self.samples = samples.count
        maxAttempts = samples.map(\.maxAttempts).max() ?? 0
        let tallies = ProblemTally.tallies(of: samples)
        problems = tallies
        let fewest = tallies.map(\.samples).min() ?? 1
        passAtK = Set((ks ?? [fewest]) + [1]).sorted().map { PassAtK(k: $0, tallies: tallies) }
        byDifficulty = Breakdown.byDifficulty(tallies)
        byTag = Breakdown.byTag(tallies)
        costs = RunCosts(samples: samples)
        let solveProtocol = `protocol` ?? (samples.contains { $0.selection != nil } ? .contestant : .oracle)
        self.protocol = solveProtocol
        feedback = solveProtocol == .oracle && maxAttempts > 1 ? FeedbackComparison(samples: samples) : nil
        selection = solveProtocol == .contestant ? SelectionFigures(samples: samples) : nil
    }

    /// "run (model)", the run's column heading.
    public var label: String {
        model.isEmpty ? run : "\(run) (\(model))"
    }

    /// pass@1: with feedback (oracle), of the submitted program (contestant).
    public var passAt1: PassAtK {
        passAtK.first { $0.k == 1 } ?? PassAtK(k: 1, tallies: problems)
    }

    /// The fewest and most samples of any problem; nil without samples.
    public var samplesPerProblem: ClosedRange<Int>? {
        guard let fewest = problems.map(\.samples).min(), let most = problems.map(\.samples).max() else { return nil }
        return fewest...most
    }
}
