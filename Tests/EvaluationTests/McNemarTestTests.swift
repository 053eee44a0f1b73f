import Foundation
import Testing

@testable import Evaluation

@Suite("McNemar")
struct McNemarTestTests {
    @Test("b = 1, c = 9 gives 2 · (1 + 10) / 1024")
    func oneAndNine() {
        #expect(abs(McNemarTest.exactPValue(b: 1, c: 9) - 0.021_484_375) < 1e-12)
        #expect(McNemarTest.exactPValue(b: 9, c: 1) == McNemarTest.exactPValue(b: 1, c: 9))
    }

    @Test("equal discordant counts, or none, give 1", arguments: [(0, 0), (1, 1), (7, 7), (500, 500)])
    func balanced(b: Int, c: Int) {
        #expect(McNemarTest.exactPValue(b: b, c: c) == 1)
    }

    @Test("large counts neither underflow nor exceed 1")
    func large() {
        let p = McNemarTest.exactPValue(b: 900, c: 1100)
        #expect(p > 0 && p < 1e-5)
        #expect(abs(McNemarTest.exactPValue(b: 0, c: 60) / (2 * pow(0.5, 60)) - 1) < 1e-9)
    }

    @Test("counts discordant pairs from outcomes")
    func fromOutcomes() {
        let test = McNemarTest(outcomes: [(true, false), (false, true), (false, true), (true, true), (false, false)])
        #expect(test.b == 1 && test.c == 2 && test.pairs == 5)
        #expect(test.firstPassed == 2 && test.secondPassed == 3)
        #expect(test.difference == 0.2)
    }

    @Test("pairs sample i of one run with sample i of the other on the problems both attempted")
    func pairsRuns() {
        let first = [
            FakeSamples.sample(run: "a", problem: "x", index: 0, accepted: true),
            FakeSamples.sample(run: "a", problem: "x", index: 1, accepted: false),
            FakeSamples.sample(run: "a", problem: "only-a", index: 0, accepted: true),
        ]
        let second = [
            FakeSamples.sample(run: "b", problem: "x", index: 1, accepted: true),
            FakeSamples.sample(run: "b", problem: "x", index: 0, accepted: true),
            FakeSamples.sample(run: "b", problem: "x", index: 2, accepted: true),
        ]
        let test = McNemarTest(first: first, second: second)
        #expect(test.pairs == 2 && test.b == 0 && test.c == 1)
    }

    @Test("single-shot against feedback pairs each sample with itself")
    func singleShotVersusFeedback() {
        let samples = (0..<10).map { index in
            FakeSamples.sample(
                problem: "p\(index)", maxAttempts: 3, firstAttemptAccepted: index == 0, accepted: index < 8)
        }
        let test = McNemarTest(singleShotVersusFeedbackOf: samples)
        #expect(test.b == 0 && test.c == 7 && test.pairs == 10)
        #expect(abs(test.pValue - 2.0 / 128) < 1e-12)
    }
}
