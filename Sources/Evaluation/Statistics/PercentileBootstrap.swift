import Foundation

/// The percentile bootstrap of a mean: resample the values with replacement, take the 2.5th and 97.5th percentiles
/// of the resampled means. A fixed seed makes every report reproducible.
public enum PercentileBootstrap {
    /// Resamples drawn per interval.
    public static let resamples = 2000
    /// The seed every report uses.
    public static let seed: UInt64 = 20_240_601

    /// The 95% interval of the mean of `values` (one per problem); nil when there are none.
    public static func interval(
        ofMeanOf values: [Double], resamples: Int = resamples, seed: UInt64 = seed
    ) -> ConfidenceInterval? {
        guard !values.isEmpty, resamples > 0 else { return nil }
        var generator = SplitMix64(seed: seed)
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in values.indices {
                sum += values[generator.index(below: values.count)]
            }
            means.append(sum / Double(values.count))
        }
        means.sort()
        return ConfidenceInterval(
            lower: quantile(0.025, ofSorted: means), upper: quantile(0.975, ofSorted: means), method: .bootstrap)
    }

    /// The `p` quantile of sorted, non-empty `values`, interpolating linearly between order statistics.
    static func quantile(_ p: Double, ofSorted values: [Double]) -> Double {
        let position = p * Double(values.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, values.count - 1)
        let fraction = position - Double(below)
        return values[below] + (values[above] - values[below]) * fraction
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small generator whose sequence depends only on its seed, on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An index in 0..<count by multiply-and-shift (bias below count / 2⁶⁴), independent of the standard library's
    /// sampling algorithm.
    mutating func index(below count: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(count)).high)
    }
}
