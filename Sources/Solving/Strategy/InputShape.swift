import Foundation
import Judging

/// What the sample inputs say a valid input looks like, to leave out a generated input that cannot be one (a generator
/// that prints `t = 5` or a Python list where the samples have plain numbers). Two checks, both learned from the
/// samples only, and none without samples:
/// - every token is of a kind some sample token has: where every sample token is an integer, a word or a decimal is
///   not valid; where some are decimals, a word is not;
/// - when two or more samples' first lines are all integers (the sizes) and have the same number of them, a
///   generated input's first line has that number too.
public struct InputShape: Sendable, Hashable {
    /// A token's kind, narrowest first: an integer is also a number, and any token is a word.
    enum TokenKind: Int, Comparable, Sendable {
        case integer, number, word

        static func < (a: TokenKind, b: TokenKind) -> Bool { a.rawValue < b.rawValue }

        /// "integers", "numbers": what the samples' tokens are, for messages.
        var plural: String { self == .integer ? "integers" : "numbers" }
    }

    /// The widest kind of token in the samples; nil when there are none (no check).
    var widest: TokenKind?
    /// The number of integers on every sample's first line, when two or more samples agree on it.
    var firstLineIntegers: Int?

    /// The shape of `samples` (the sample inputs' bytes).
    public init(samples: [Data]) {
        var widest: TokenKind?
        var firstLines: [[TokenKind]] = []
        for sample in samples {
            var firstLine: [TokenKind] = []
            Self.scan(sample) { kind, _, line in
                widest = max(widest ?? kind, kind)
                if line == 0 { firstLine.append(kind) }
                return true
            }
            firstLines.append(firstLine)
        }
        self.widest = widest
        let counts = Set(firstLines.map(\.count))
        if firstLines.count >= 2, counts.count == 1, let count = counts.first, count > 0,
            firstLines.allSatisfy({ $0.allSatisfy { $0 == .integer } })
        {
            firstLineIntegers = count
        }
    }

    /// Why `input` cannot be a valid input, or nil when it may be one.
    public func mismatch(_ input: Data) -> String? {
        guard let widest else { return nil }
        var found: String?
        var firstLine = 0
        Self.scan(input) { kind, token, line in
            if kind > widest {
                let text = String(decoding: token.prefix(24), as: UTF8.self)
                found = "has \(String(reflecting: text)) where the sample inputs have only \(widest.plural)"
                return false
            }
            if line == 0 { firstLine += 1 }
            return true
        }
        if found == nil, let expected = firstLineIntegers, firstLine != expected {
            found =
                "has \(firstLine) \(firstLine == 1 ? "token" : "tokens") on its first line where every sample has "
                + "\(expected)"
        }
        return found
    }

    /// Calls `body` with each token's kind, bytes and line number (0 first) until it returns false. Tokens are split
    /// on the judge's whitespace (``OutputComparison/isSpace(_:)``).
    static func scan(_ data: Data, _ body: (TokenKind, Slice<UnsafeRawBufferPointer>, Int) -> Bool) {
        data.withUnsafeBytes { bytes in
            var line = 0
            var start: Int?
            for index in 0...bytes.count {
                let byte: UInt8? = index < bytes.count ? bytes[index] : nil
                if let byte, !OutputComparison.isSpace(byte) {
                    if start == nil { start = index }
                    continue
                }
                if let first = start {
                    let token = bytes[first..<index]
                    guard body(kind(of: token), token, line) else { return }
                    start = nil
                }
                if byte == 0x0A { line += 1 }
            }
        }
    }

    /// `[+-]digits` is an integer; a decimal with an optional exponent (`-1.5`, `.5`, `3.`, `2e-9`) a number.
    static func kind(of token: Slice<UnsafeRawBufferPointer>) -> TokenKind {
        var rest = token[...]
        func skip(_ predicate: (UInt8) -> Bool) -> Int {
            let count = rest.prefix(while: predicate).count
            rest = rest.dropFirst(count)
            return count
        }
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
        let digits = skip(isDigit)
        if digits > 0, rest.isEmpty { return .integer }
        var mantissa = digits
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            mantissa += skip(isDigit)
        }
        guard mantissa > 0 else { return .word }
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard skip(isDigit) > 0 else { return .word }
        }
        return rest.isEmpty ? .number : .word
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
