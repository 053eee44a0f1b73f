import Foundation

/// The exact two-sided McNemar test on paired pass/fail outcomes of two arms (first and second).
///
/// Only discordant pairs carry information: under the null hypothesis each is equally likely to favour either arm, so
/// the smaller count is binomial(b + c, ½) and p = min(1, 2 · P(X ≤ min(b, c))).
public struct McNemarTest: Sendable, Hashable, Codable {
    /// Pairs where the first arm passed and the second failed.
    public var b: Int
    /// Pairs where the first arm failed and the second passed.
    public var c: Int
    /// All pairs, concordant ones included.
    public var pairs: Int
    /// Pairs where the first arm passed.
    public var firstPassed: Int
    /// Pairs where the second arm passed.
    public var secondPassed: Int
    /// The exact two-sided p-value.
    public var pValue: Double

    /// The test over `outcomes`, each (first passed, second passed).
    public init<Pairs: Sequence>(outcomes: Pairs) where Pairs.Element == (Bool, Bool) {
        var counts = (b: 0, c: 0, pairs: 0, first: 0, second: 0)
        for (first, second) in outcomes {
            counts.pairs += 1
            counts.first += first ? 1 : 0
            counts.second += second ? 1 : 0
            if first && !second { counts.b += 1 }
            if !first && second { counts.c += 1 }
        }
        b = counts.b
        c = counts.c
        pairs = counts.pairs
        firstPassed = counts.first
        secondPassed = counts.second
        pValue = Self.exactPValue(b: counts.b, c: counts.c)
    }

    /// Pass@1 of the second arm minus that of the first, over the pairs; nil without pairs.
    public var difference: Double? {
        pairs > 0 ? Double(c - b) / Double(pairs) : nil
    }

    /// min(1, 2 · P(X ≤ min(b, c))) for X ~ binomial(b + c, ½), summed in log space so large counts cannot underflow.
    public static func exactPValue(b: Int, c: Int) -> Double {
        let n = b + c
        let smaller = min(b, c)
        guard n > 0 else { return 1 }
        var logTerm = -Double(n) * log(2.0)  // log P(X = 0)
        var tail = exp(logTerm)
        for i in stride(from: 0, to: smaller, by: 1) {
            logTerm += log(Double(n - i)) - log(Double(i + 1))
            tail += exp(logTerm)
        }
        return min(1, 2 * tail)
    }
}

extension McNemarTest {
    /// Sample i of `first` against sample i of `second` on the problems both attempted, by `outcome`.
    public init(first: [SampleResult], second: [SampleResult], outcome: Outcome = .withFeedback) {
        let key = { (sample: SampleResult) in SampleKey(problem: sample.problem, sample: sample.sample) }
        let seconds = Dictionary(second.map { (key($0), outcome.isCorrect($0)) }, uniquingKeysWith: { _, last in last })
        let firsts = Dictionary(first.map { (key($0), outcome.isCorrect($0)) }, uniquingKeysWith: { _, last in last })
        self.init(outcomes: firsts.compactMap { key, passed in seconds[key].map { (passed, $0) } })
    }

    /// The single-shot outcome (first arm) against the outcome with feedback (second arm) of each sample.
    public init(singleShotVersusFeedbackOf samples: [SampleResult]) {
        self.init(outcomes: samples.map { ($0.firstAttemptAccepted, $0.accepted) })
    }
}
