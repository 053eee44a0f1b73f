import Foundation

/// One problem's samples under one run, counted: the input of pass@k, its intervals and the per-problem grid.
public struct ProblemTally: Sendable, Hashable, Codable {
    /// The problem's slug.
    public var problem: String
    public var difficulty: String?
    public var tags: [String]
    /// Samples of the problem (n).
    public var samples: Int
    /// Samples accepted within their attempts (c, with feedback).
    public var accepted: Int
    /// Samples whose first attempt was accepted (c, single-shot).
    public var firstAttemptAccepted: Int
    /// Samples with some program the hidden tests accept (c, oracle any-of-N; see
    /// ``SampleResult/oracleAnyAccepted``).
    public var oracleAnyAccepted: Int

    public init(
        problem: String, difficulty: String?, tags: [String], samples: Int, accepted: Int, firstAttemptAccepted: Int,
        oracleAnyAccepted: Int = 0
    ) {
        self.problem = problem
        self.difficulty = difficulty
        self.tags = tags
        self.samples = samples
        self.accepted = accepted
        self.firstAttemptAccepted = firstAttemptAccepted
        self.oracleAnyAccepted = oracleAnyAccepted
    }

    /// One tally per problem of `samples`, sorted by slug; difficulty and tags come from the problem's first sample.
    public static func tallies(of samples: [SampleResult]) -> [ProblemTally] {
        var byProblem: [String: ProblemTally] = [:]
        for sample in samples {
            var tally =
                byProblem[sample.problem]
                ?? ProblemTally(
                    problem: sample.problem, difficulty: sample.difficulty, tags: sample.tags, samples: 0, accepted: 0,
                    firstAttemptAccepted: 0)
            tally.samples += 1
            tally.accepted += sample.accepted ? 1 : 0
            tally.firstAttemptAccepted += sample.firstAttemptAccepted ? 1 : 0
            tally.oracleAnyAccepted += sample.oracleAnyAccepted == true ? 1 : 0
            byProblem[sample.problem] = tally
        }
        return byProblem.values.sorted { $0.problem < $1.problem }
    }
}

/// Which outcome of a sample counts as correct: the single-shot one, the run's own (with feedback, or the
/// contestant's submission), or any program the run generated.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// The first attempt (a contestant's first candidate) was accepted.
    case singleShot = "single_shot"
    /// Accepted within the attempts made (a contestant: the submitted program was accepted).
    case withFeedback = "with_feedback"
    /// Some program of the sample passes the hidden tests.
    case oracleAnyOfN = "oracle_any_of_n"

    /// Whether `sample` is correct under this outcome.
    public func isCorrect(_ sample: SampleResult) -> Bool {
        switch self {
        case .singleShot: sample.firstAttemptAccepted
        case .withFeedback: sample.accepted
        case .oracleAnyOfN: sample.oracleAnyAccepted == true
        }
    }

    /// The correct samples (c) of `tally` under this outcome.
    public func correct(in tally: ProblemTally) -> Int {
        switch self {
        case .singleShot: tally.firstAttemptAccepted
        case .withFeedback: tally.accepted
        case .oracleAnyOfN: tally.oracleAnyAccepted
        }
    }
}
