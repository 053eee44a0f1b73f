import Foundation
import Testing

@testable import Evaluation

@Suite("run costs")
struct RunCostsTests {
    @Test("medians are over solved samples; shares over all attempts")
    func costs() {
        let samples = [
            FakeSamples.sample(problem: "a", accepted: true, attempts: 1, tokens: 100, seconds: 2),
            FakeSamples.sample(problem: "b", accepted: true, attempts: 2, tokens: 300, seconds: 10, noCode: 1),
            FakeSamples.sample(problem: "c", accepted: false, attempts: 4, tokens: 9000, seconds: 99, truncated: 3),
            FakeSamples.sample(problem: "d", accepted: true, attempts: 1, tokens: 200, seconds: 4),
            FakeSamples.sample(problem: "e", accepted: true, attempts: 2, tokens: 1000, seconds: 5),
        ]
        let costs = RunCosts(samples: samples)
        #expect(costs.solvedSamples == 4)
        #expect(costs.medianCompletionTokens == 250)
        #expect(costs.medianSeconds == 4.5)
        #expect(costs.attempts == 10)
        #expect(costs.truncatedShare == 0.3)
        #expect(costs.noCodeShare == 0.1)
    }

    @Test("nothing solved or no samples leaves the figures empty")
    func empty() {
        let unsolved = RunCosts(samples: [FakeSamples.sample(problem: "a", accepted: false, attempts: 2)])
        #expect(unsolved.medianCompletionTokens == nil && unsolved.medianSeconds == nil)
        #expect(unsolved.truncatedShare == 0)
        let none = RunCosts(samples: [])
        #expect(none.truncatedShare == nil && none.noCodeShare == nil)
    }

    @Test("median of odd and even counts")
    func median() {
        #expect(RunCosts.median([3, 1, 2]) == 2)
        #expect(RunCosts.median([4, 1, 3, 2]) == 2.5)
        #expect(RunCosts.median([]) == nil)
    }
}
