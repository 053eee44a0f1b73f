import Foundation
import Testing

@testable import Evaluation

@Suite("breakdowns")
struct BreakdownTests {
    let tallies = [
        ProblemTally(
            problem: "a", difficulty: "hard", tags: ["dp", "graphs"], samples: 1, accepted: 0, firstAttemptAccepted: 0),
        ProblemTally(problem: "b", difficulty: "easy", tags: ["dp"], samples: 1, accepted: 1, firstAttemptAccepted: 1),
        ProblemTally(problem: "c", difficulty: nil, tags: [], samples: 1, accepted: 1, firstAttemptAccepted: 0),
        ProblemTally(
            problem: "d", difficulty: "easy", tags: ["arrays"], samples: 1, accepted: 0, firstAttemptAccepted: 0),
        ProblemTally(
            problem: "e", difficulty: "expert", tags: ["dp"], samples: 1, accepted: 1, firstAttemptAccepted: 1),
    ]

    @Test("groups by difficulty: easy, medium, hard, others by name, then none")
    func byDifficulty() throws {
        let groups = Breakdown.byDifficulty(tallies)
        #expect(groups.map(\.name) == ["easy", "hard", "expert", Breakdown.none])
        #expect(groups.map(\.problems) == [2, 1, 1, 1])
        let easy = try #require(groups.first?.passAt1.estimate)
        #expect(easy.value == 0.5)
        #expect(easy.interval == ConfidenceInterval.wilson(successes: 1, trials: 2))
    }

    @Test("a problem counts in each of its tags; untagged problems form their own group")
    func byTag() {
        let groups = Breakdown.byTag(tallies)
        #expect(groups.map(\.name) == ["arrays", "dp", "graphs", Breakdown.none])
        #expect(groups.map(\.problems) == [1, 3, 1, 1])
        #expect(groups[1].passAt1.estimate?.value == 2.0 / 3)
    }

    @Test("no problems, no groups")
    func empty() {
        #expect(Breakdown.byDifficulty([]).isEmpty && Breakdown.byTag([]).isEmpty)
    }
}
