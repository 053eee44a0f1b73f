/// Numbers read from outside data (files, records, server answers), checked before any arithmetic: one helper per
/// kind, so that no conversion or product can trap. Callers turn a nil into an error that names the file and key.
public enum CheckedNumber {
    /// `value` as an `Int` when it is a whole number within `range`, else nil (NaN, infinities, fractions and
    /// values past `Int`'s range included).
    public static func integer(_ value: Double, in range: ClosedRange<Int>) -> Int? {
        guard value.isFinite, value == value.rounded(),
            value >= Double(range.lowerBound), value <= Double(range.upperBound)
        else { return nil }
        // Double(Int.max) rounds up to 2^63, which the comparison above lets through when the bound is Int.max.
        guard value < 9_223_372_036_854_775_808.0, value >= -9_223_372_036_854_775_808.0 else { return nil }
        return Int(value)
    }

    /// `text` as an `Int` within `range` (decimal digits with an optional sign), else nil.
    public static func integer<S: StringProtocol>(_ text: S, in range: ClosedRange<Int>) -> Int? {
        guard let value = Int(text), range.contains(value) else { return nil }
        return value
    }

    /// `value` when it is finite and within `range`, else nil.
    public static func finite(_ value: Double, in range: ClosedRange<Double>) -> Double? {
        value.isFinite && range.contains(value) ? value : nil
    }

    /// `a × b`, or nil when it overflows `Int`.
    public static func product(_ a: Int, _ b: Int) -> Int? {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : result
    }

    /// `a + b`, or nil when it overflows `Int`.
    public static func sum(_ a: Int, _ b: Int) -> Int? {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : result
    }
}
