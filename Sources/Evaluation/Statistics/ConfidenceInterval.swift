import Foundation

/// How a 95% interval was computed.
public enum IntervalMethod: String, Sendable, Hashable, Codable {
    /// Wilson score interval on a binomial over problems (one sample each).
    case wilson
    /// Percentile bootstrap over problems (resampled with replacement).
    case bootstrap
}

extension IntervalMethod: CustomStringConvertible {
    public var description: String {
        switch self {
        case .wilson: "Wilson"
        case .bootstrap: "bootstrap"
        }
    }
}

/// A 95% interval of a proportion, with the method that produced it.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double
    public var method: IntervalMethod

    public init(lower: Double, upper: Double, method: IntervalMethod) {
        self.lower = lower
        self.upper = upper
        self.method = method
    }

    /// The standard normal quantile of 0.975.
    static let z95 = 1.959_963_984_540_054

    /// The 95% Wilson score interval of `successes` out of `trials`; nil when there are no trials.
    public static func wilson(successes: Int, trials: Int) -> ConfidenceInterval? {
        guard trials > 0, (0...trials).contains(successes) else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z95 * z95
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = z95 / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return ConfidenceInterval(lower: max(0, center - half), upper: min(1, center + half), method: .wilson)
    }
}
