/// Mean, median, 95th percentile and range of some measurements.
public struct Summary: Sendable, Hashable {
    public var count: Int
    public var mean: Double
    public var p50: Double
    public var p95: Double
    public var min: Double
    public var max: Double

    /// Nil for no values.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        mean = sorted.reduce(0, +) / Double(sorted.count)
        p50 = Self.quantile(0.5, ofSorted: sorted)
        p95 = Self.quantile(0.95, ofSorted: sorted)
        min = sorted[0]
        max = sorted[sorted.count - 1]
    }

    /// The `q`-quantile (0…1) of ascending `values` by linear interpolation between the closest ranks: the value
    /// at position q × (n − 1), counting from 0 (NumPy's default, Hyndman and Fan's type 7). With 4 values the
    /// p95 lies 85 % of the way from the 3rd to the 4th.
    public static func quantile(_ q: Double, ofSorted values: [Double]) -> Double {
        precondition(!values.isEmpty && (0...1).contains(q), "a quantile in 0…1 of at least one value")
        let position = q * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, values.count - 1)
        return values[lower] + (values[upper] - values[lower]) * (position - Double(lower))
    }
}
