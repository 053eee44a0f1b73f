import Foundation

/// How every report writes its numbers: percentages with one decimal, p-values with 3 significant digits.
enum ReportNumbers {
    /// The placeholder for a missing figure.
    static let missing = "—"

    /// "42.3%" for 0.423.
    static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return missing }
        return String(format: "%.1f%%", fraction * 100)
    }

    /// "[35.1, 49.8]" in percent.
    static func interval(_ interval: ConfidenceInterval) -> String {
        String(format: "[%.1f, %.1f]", interval.lower * 100, interval.upper * 100)
    }

    /// "42.3% [35.1, 49.8]", or the placeholder when pass@k is undefined.
    static func estimate(_ passAtK: PassAtK) -> String {
        guard let estimate = passAtK.estimate else { return missing }
        return percent(estimate.value) + " " + interval(estimate.interval)
    }

    /// 3 significant digits: "0.0215", "1.00", "3.10e-05".
    static func pValue(_ p: Double) -> String {
        String(format: "%#.3g", p)
    }

    /// "+12.3 pp" for a difference of two proportions.
    static func points(_ difference: Double?) -> String {
        guard let difference else { return missing }
        return String(format: "%+.1f pp", difference * 100)
    }

    /// "1234" for a median token count.
    static func tokens(_ value: Double?) -> String {
        guard let value else { return missing }
        return String(format: "%.0f", value)
    }

    /// "12.3 s".
    static func seconds(_ value: Double?) -> String {
        guard let value else { return missing }
        return String(format: "%.1f s", value)
    }

    /// "5", or "1–5" when problems had different numbers of samples.
    static func range(_ range: ClosedRange<Int>?) -> String {
        guard let range else { return missing }
        return range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
    }
}
