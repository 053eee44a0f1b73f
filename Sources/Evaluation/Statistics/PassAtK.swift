import Foundation

/// A proportion over problems with its 95% interval.
public struct Estimate: Sendable, Hashable, Codable {
    /// The point estimate, in 0…1.
    public var value: Double
    public var interval: ConfidenceInterval

    public init(value: Double, interval: ConfidenceInterval) {
        self.value = value
        self.interval = interval
    }
}

/// The unbiased pass@k of one run, averaged over problems, or why it is undefined.
///
/// The interval is Wilson's when every problem has one sample (the outcomes are then a binomial over problems) and a
/// percentile bootstrap over problems otherwise, since samples of one problem are not independent.
public struct PassAtK: Sendable, Hashable, Codable {
    public var k: Int
    /// Nil when `undefinedReason` says why.
    public var estimate: Estimate?
    /// Why there is no estimate: no samples, k below 1, or a problem with fewer than k samples.
    public var undefinedReason: String?

    /// pass@k over `tallies`, counting correct samples by `outcome`.
    public init(k: Int, tallies: [ProblemTally], outcome: Outcome = .withFeedback) {
        self.k = k
        guard k >= 1 else {
            undefinedReason = "k must be at least 1"
            return
        }
        let short = tallies.filter { $0.samples < k }
        if let fewest = short.map(\.samples).min() {
            let problems = short.count == 1 ? "1 problem has" : "\(short.count) problems have"
            undefinedReason = "\(problems) fewer than \(k) samples (fewest \(fewest))"
            return
        }
        let perProblem = tallies.compactMap {
            Self.unbiased(samples: $0.samples, correct: outcome.correct(in: $0), k: k)
        }
        let interval =
            tallies.allSatisfy { $0.samples == 1 }
            ? ConfidenceInterval.wilson(
                successes: tallies.map { outcome.correct(in: $0) }.reduce(0, +), trials: tallies.count)
            : PercentileBootstrap.interval(ofMeanOf: perProblem)
        guard let interval, !perProblem.isEmpty else {
            undefinedReason = "no samples"
            return
        }
        estimate = Estimate(value: perProblem.reduce(0, +) / Double(perProblem.count), interval: interval)
    }

    /// The unbiased estimate 1 − C(n−c, k) / C(n, k) for one problem, as the product 1 − ∏ (1 − k/i) over
    /// i = n−c+1 … n (exactly c/n for k = 1); nil when k is outside 1…n or c outside 0…n.
    public static func unbiased(samples n: Int, correct c: Int, k: Int) -> Double? {
        guard k >= 1, k <= n, c >= 0, c <= n else { return nil }
        if k == 1 { return Double(c) / Double(n) }
        if c == 0 { return 0 }
        if n - c < k { return 1 }
        var remaining = 1.0
        for i in (n - c + 1)...n {
            remaining *= 1 - Double(k) / Double(i)
        }
        return 1 - remaining
    }
}

extension PassAtK {
    /// The k reported when none are asked for: 1, and the samples per problem when there are several.
    public static func defaultKs(samplesPerProblem samples: Int) -> [Int] {
        samples > 1 ? [1, samples] : [1]
    }
}
