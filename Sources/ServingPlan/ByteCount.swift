import Foundation

/// Byte units and the number formatting that reports share.
public enum ByteCount {
    /// 2^20 bytes.
    public static let mebibyte: Int64 = 1 << 20
    /// 2^30 bytes.
    public static let gibibyte: Int64 = 1 << 30

    /// `bytes` in GiB with two decimals, such as `14.19`.
    public static func gib(_ bytes: Int64) -> String {
        decimal(Double(bytes) / Double(gibibyte), places: 2)
    }

    /// `bytes` in decimal GB with two decimals, such as `15.23`.
    public static func gb(_ bytes: Int64) -> String {
        decimal(Double(bytes) / 1e9, places: 2)
    }

    /// `value` with a fixed number of decimals and no grouping: `decimal(0.9, places: 2)` is `0.90`.
    public static func decimal(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value)
    }

    /// An integer with thousands separators: `grouped(131072)` is `131,072`.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// An integer with thousands separators.
    public static func grouped(_ value: Int) -> String { grouped(Int64(value)) }

    /// A count with its noun, pluralized with "s": `counted(1, "sequence")` is `1 sequence`.
    public static func counted(_ count: Int64, _ noun: String) -> String {
        "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// A count with its noun, pluralized with "s".
    public static func counted(_ count: Int, _ noun: String) -> String { counted(Int64(count), noun) }

    /// A parameter count in billions, such as `7.62B`.
    public static func billions(_ count: Int64) -> String {
        decimal(Double(count) / 1e9, places: 2) + "B"
    }
}
