import Foundation

extension Limits {
    /// The longest time limit a problem may set: 60 s.
    public static let maximumTimeMilliseconds = 60_000
    /// The memory limits a problem may set: 1 MiB to 64 GiB.
    public static let memoryBytesRange: ClosedRange<Int> = (1 << 20)...(64 << 30)

    /// Reads a duration such as `1s`, `1.5s`, `500ms`, `2 s` or `0.5 sec`; a bare number means seconds.
    ///
    /// Only the syntax is checked: the caller compares the result with ``maximumTimeMilliseconds``.
    /// - Returns: The duration in milliseconds (rounded), or nil when `text` is not a duration.
    public static func milliseconds(fromDuration text: String) -> Int? {
        guard let (value, unit) = splitQuantity(text) else { return nil }
        let factor: Double
        switch unit {
        case "", "s", "sec", "secs", "second", "seconds": factor = 1000
        case "ms", "msec", "msecs", "millisecond", "milliseconds": factor = 1
        default: return nil
        }
        return wholeNumber(value * factor)
    }

    /// Reads a memory size such as `256MiB`, `64 MiB`, `1GiB`, `512MB` or `1024KiB`; a bare number means MiB.
    ///
    /// `KB`, `MB` and `GB` are taken as KiB, MiB and GiB, as problem setters mean them. Only the syntax is
    /// checked: the caller compares the result with ``memoryBytesRange``.
    /// - Returns: The size in bytes (rounded), or nil when `text` is not a memory size.
    public static func bytes(fromMemorySize text: String) -> Int? {
        guard let (value, unit) = splitQuantity(text) else { return nil }
        let factor: Double
        switch unit {
        case "k", "kb", "kib": factor = 1024
        case "", "m", "mb", "mib": factor = 1024 * 1024
        case "g", "gb", "gib": factor = 1024 * 1024 * 1024
        default: return nil
        }
        return wholeNumber(value * factor)
    }

    /// Splits `1.5 GiB` into 1.5 and `gib`; nil unless the text is a plain decimal number and a word.
    private static func splitQuantity(_ text: String) -> (Double, String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        guard number.contains(where: \.isNumber), number.filter({ $0 == "." }).count <= 1,
            unit.allSatisfy({ $0.isASCII && $0.isLetter }), let value = Double(number)
        else { return nil }
        return (value, unit.lowercased())
    }

    /// `value` rounded to an `Int`, or nil when it is too large to be a sensible limit (10^15 or more).
    private static func wholeNumber(_ value: Double) -> Int? {
        CheckedNumber.integer(value.rounded(), in: 0...999_999_999_999_999)
    }
}
