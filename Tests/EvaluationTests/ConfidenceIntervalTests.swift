import Foundation
import Testing

@testable import Evaluation

@Suite("intervals")
struct ConfidenceIntervalTests {
    @Test("Wilson for 7 of 10 is [0.3968, 0.8922], the roots of (p̂ − p)² = z² p(1 − p) / n")
    func wilsonSevenOfTen() throws {
        let interval = try #require(ConfidenceInterval.wilson(successes: 7, trials: 10))
        #expect(abs(interval.lower - 0.3968) < 5e-5)
        #expect(abs(interval.upper - 0.8922) < 5e-5)
        // Independently: (1 + z²/n) p² − (2p̂ + z²/n) p + p̂² = 0, solved by the quadratic formula.
        let (n, observed, z) = (10.0, 0.7, 1.96)
        let (a, b, c) = (1 + z * z / n, -(2 * observed + z * z / n), observed * observed)
        let root = (b * b - 4 * a * c).squareRoot()
        #expect(abs(interval.lower - (-b - root) / (2 * a)) < 1e-4)
        #expect(abs(interval.upper - (-b + root) / (2 * a)) < 1e-4)
        #expect(interval.method == .wilson)
    }

    @Test("Wilson stays inside 0…1 at the extremes and is nil without trials")
    func wilsonExtremes() throws {
        let none = try #require(ConfidenceInterval.wilson(successes: 0, trials: 20))
        #expect(none.lower == 0 && none.upper > 0.1 && none.upper < 0.2)
        let all = try #require(ConfidenceInterval.wilson(successes: 20, trials: 20))
        #expect(all.upper == 1 && all.lower > 0.8)
        #expect(ConfidenceInterval.wilson(successes: 0, trials: 0) == nil)
    }

    @Test("the bootstrap is reproducible for a seed, contains the mean, and depends on the seed")
    func bootstrap() throws {
        let values = [0, 0.2, 1, 0.6, 0.4, 1, 0, 0.8, 0.2, 0.6, 1, 0.4]
        let mean = values.reduce(0, +) / Double(values.count)
        let first = try #require(PercentileBootstrap.interval(ofMeanOf: values))
        #expect(PercentileBootstrap.interval(ofMeanOf: values) == first)
        #expect(first.lower < mean && mean < first.upper)
        #expect(first.lower > 0.2 && first.upper < 0.8)
        #expect(first.method == .bootstrap)
        #expect(PercentileBootstrap.interval(ofMeanOf: values, seed: 1) != first)
        #expect(PercentileBootstrap.interval(ofMeanOf: []) == nil)
    }

    @Test("the quantile interpolates between order statistics")
    func quantile() {
        #expect(PercentileBootstrap.quantile(0.5, ofSorted: [1, 2, 3, 4]) == 2.5)
        #expect(PercentileBootstrap.quantile(0, ofSorted: [1, 2, 3, 4]) == 1)
        #expect(PercentileBootstrap.quantile(1, ofSorted: [1, 2, 3, 4]) == 4)
    }

    @Test("SplitMix64 gives the reference sequence for seed 0")
    func splitMix() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
