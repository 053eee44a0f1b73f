import Foundation
import Testing

@testable import Evaluation

@Suite("pass@k")
struct PassAtKTests {
    @Test(
        "the unbiased estimate of one problem",
        arguments: [
            (10, 3, 1, 0.3), (10, 3, 5, 1 - 21.0 / 252), (5, 0, 1, 0), (5, 0, 5, 0), (5, 5, 1, 1), (5, 5, 5, 1),
            (1, 1, 1, 1), (1, 0, 1, 0), (10, 6, 5, 1),
        ])
    func unbiased(n: Int, c: Int, k: Int, expected: Double) throws {
        let value = try #require(PassAtK.unbiased(samples: n, correct: c, k: k))
        #expect(abs(value - expected) < 1e-12)
    }

    @Test("the product form matches the binomial coefficients for every c and k of n = 12")
    func matchesBinomials() throws {
        func choose(_ n: Int, _ k: Int) -> Double {
            k < 0 || k > n ? 0 : (0..<k).reduce(1.0) { $0 * Double(n - $1) / Double($1 + 1) }
        }
        for c in 0...12 {
            for k in 1...12 {
                let value = try #require(PassAtK.unbiased(samples: 12, correct: c, k: k))
                #expect(abs(value - (1 - choose(12 - c, k) / choose(12, k))) < 1e-12, "c=\(c) k=\(k)")
            }
        }
    }

    @Test("k outside 1…n has no estimate")
    func outOfRange() {
        #expect(PassAtK.unbiased(samples: 3, correct: 1, k: 4) == nil)
        #expect(PassAtK.unbiased(samples: 3, correct: 1, k: 0) == nil)
    }

    @Test("averages over problems, not over samples")
    func averagesProblems() throws {
        let tallies = [tally("a", n: 10, c: 3), tally("b", n: 2, c: 2)]
        let estimate = try #require(PassAtK(k: 1, tallies: tallies).estimate)
        #expect(abs(estimate.value - 0.65) < 1e-12)
        #expect(estimate.interval.method == .bootstrap)
    }

    @Test("is undefined, saying why, when a problem has fewer than k samples")
    func undefinedAboveN() {
        let passAt5 = PassAtK(k: 5, tallies: [tally("a", n: 10, c: 3), tally("b", n: 3, c: 1), tally("c", n: 4, c: 0)])
        #expect(passAt5.estimate == nil)
        #expect(passAt5.undefinedReason == "2 problems have fewer than 5 samples (fewest 3)")
    }

    @Test("one sample per problem uses Wilson's interval over problems")
    func wilsonForSingleSamples() throws {
        let tallies = (0..<10).map { tally("p\($0)", n: 1, c: $0 < 7 ? 1 : 0) }
        let estimate = try #require(PassAtK(k: 1, tallies: tallies).estimate)
        #expect(estimate.value == 0.7)
        #expect(estimate.interval == ConfidenceInterval.wilson(successes: 7, trials: 10))
    }

    @Test("single-shot counts first attempts")
    func singleShot() throws {
        let tallies = [
            ProblemTally(problem: "a", difficulty: nil, tags: [], samples: 4, accepted: 3, firstAttemptAccepted: 1)
        ]
        #expect(try #require(PassAtK(k: 1, tallies: tallies, outcome: .singleShot).estimate).value == 0.25)
        #expect(try #require(PassAtK(k: 1, tallies: tallies, outcome: .withFeedback).estimate).value == 0.75)
    }

    @Test("edge cases: no samples, one problem, all correct")
    func edges() throws {
        #expect(PassAtK(k: 1, tallies: []).undefinedReason == "no samples")
        let one = try #require(PassAtK(k: 1, tallies: [tally("a", n: 5, c: 2)]).estimate)
        #expect(one.value == 0.4)
        #expect(one.interval.lower == 0.4 && one.interval.upper == 0.4)
        let all = try #require(PassAtK(k: 2, tallies: [tally("a", n: 5, c: 5), tally("b", n: 3, c: 3)]).estimate)
        #expect(all.value == 1)
        #expect(all.interval.lower == 1 && all.interval.upper == 1)
    }

    @Test("tallies group samples by problem")
    func tallies() {
        let samples = [
            FakeSamples.sample(problem: "b", index: 0, accepted: true),
            FakeSamples.sample(problem: "a", index: 0, firstAttemptAccepted: false, accepted: true),
            FakeSamples.sample(problem: "b", index: 1, accepted: false),
        ]
        #expect(
            ProblemTally.tallies(of: samples) == [
                ProblemTally(
                    problem: "a", difficulty: "easy", tags: [], samples: 1, accepted: 1, firstAttemptAccepted: 0),
                ProblemTally(
                    problem: "b", difficulty: "easy", tags: [], samples: 2, accepted: 1, firstAttemptAccepted: 1),
            ])
    }

    private func tally(_ problem: String, n: Int, c: Int) -> ProblemTally {
        ProblemTally(problem: problem, difficulty: nil, tags: [], samples: n, accepted: c, firstAttemptAccepted: c)
    }
}
