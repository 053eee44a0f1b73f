import Foundation
import ProblemFormat

/// The token and exact checkers, over two sources read in chunks side by side.
///
/// Both work on bytes, as contest judges' checkers do: tokens are split on ASCII whitespace and compare byte for byte
/// (no Unicode normalisation: `é` and `e` + U+0301 differ); lines end at LF, with one CR before it dropped. Only the
/// case-insensitive token comparison looks at Unicode, and only for a token that is not ASCII: see ``FoldedScalars``.
extension OutputComparison {
    /// The token checker: the tokens in order and, when spaces count, the whitespace before each (after the first)
    /// and after the last.
    static func tokenMismatch(output: ByteSource, answer: ByteSource, options: TokenCompare, sizes: ScanSizes)
        -> String?
    {
        var got = ByteScanner(output, sizes: sizes)
        var expected = ByteScanner(answer, sizes: sizes)
        var index = 0
        while true {
            let hasWanted = expected.nextToken()
            let hasToken = got.nextToken()
            guard hasWanted else {
                if hasToken { return "extra output after \(index) tokens: `\(clip(got.item))`" }
                if options.spaceSensitive, index > 0,
                    !sameTrailingSpace(got.space, of: got, expected.space, of: expected)
                {
                    return "whitespace at the end differs from the answer's"
                }
                return nil
            }
            guard hasToken else {
                let next = clip(expected.item)
                let total = index + 1 + expected.countTokens()
                return "output ended after \(index) tokens; expected \(total), next `\(next)`"
            }
            if options.spaceSensitive, index > 0, !sameBytes(got.space, of: got, expected.space, of: expected) {
                return "token \(index + 1): whitespace before it differs from the answer's"
            }
            if !tokensMatch(got.item, of: got, expected.item, of: expected, options) {
                return "token \(index + 1): expected `\(clip(expected.item))`, got `\(clip(got.item))`"
            }
            index += 1
        }
    }

    /// The exact checker: the lines in order.
    static func exactMismatch(output: ByteSource, answer: ByteSource, sizes: ScanSizes) -> String? {
        var got = ByteScanner(output, sizes: sizes)
        var expected = ByteScanner(answer, sizes: sizes)
        var line = 1
        while true {
            let hasWanted = expected.nextLine()
            let hasLine = got.nextLine()
            guard hasWanted else { return hasLine ? "extra output from line \(line): `\(clip(got.item))`" : nil }
            guard hasLine else { return "output ended at line \(line); expected `\(clip(expected.item))`" }
            if !sameBytes(got.item, of: got, expected.item, of: expected) {
                return "line \(line): expected `\(clip(expected.item))`, got `\(clip(got.item))`"
            }
            line += 1
        }
    }

    /// Identical bytes always match; a finite number in the answer (when a tolerance is set) matches a number within
    /// it, never NaN; otherwise the bytes must be equal, or equal once case-folded.
    private static func tokensMatch(
        _ have: Span, of got: ByteScanner, _ want: Span, of expected: ByteScanner, _ options: TokenCompare
    ) -> Bool {
        if sameBytes(have, of: got, want, of: expected) { return true }
        if options.absoluteTolerance != nil || options.relativeTolerance != nil, let expected = number(want),
            expected.isFinite
        {
            guard let value = number(have), !value.isNaN else { return false }
            if value == expected { return true }
            let difference = abs(value - expected)
            if let absolute = options.absoluteTolerance, difference <= absolute * (1 + 1e-12) { return true }
            if let relative = options.relativeTolerance, difference <= relative * abs(expected) * (1 + 1e-12) {
                return true
            }
            return false
        }
        return !options.caseSensitive && sameFolded(have, of: got, want, of: expected)
    }

    /// The token as a number, if it is one; one longer than ``ScanSizes/head`` bytes is not.
    private static func number(_ token: Span) -> Double? {
        token.isWhole ? Double(String(decoding: token.head, as: UTF8.self)) : nil
    }

    /// Whether two spans hold the same bytes; long ones are compared chunk by chunk.
    private static func sameBytes(_ a: Span, of x: ByteScanner, _ b: Span, of y: ByteScanner) -> Bool {
        guard a.length == b.length else { return false }
        guard a.length > 0 else { return true }
        if a.isWhole { return memcmp(a.headStart, b.headStart, a.length) == 0 }
        var readerA = x.reader(a)
        var readerB = y.reader(b)
        var left: ArraySlice<UInt8> = []
        var right: ArraySlice<UInt8> = []
        while true {
            if left.isEmpty { left = readerA.nextChunk() }
            if right.isEmpty { right = readerB.nextChunk() }
            guard !left.isEmpty, !right.isEmpty else { return left.isEmpty && right.isEmpty }
            let count = min(left.count, right.count)
            let equal = left.withUnsafeBytes { x in
                right.withUnsafeBytes { y in
                    guard let x = x.baseAddress, let y = y.baseAddress else { return false }
                    return memcmp(x, y, count) == 0
                }
            }
            guard equal else { return false }
            left = left.dropFirst(count)
            right = right.dropFirst(count)
        }
    }

    /// Whether two tokens are equal once case-folded: byte by byte when both are short ASCII, else scalar by scalar.
    private static func sameFolded(_ a: Span, of x: ByteScanner, _ b: Span, of y: ByteScanner) -> Bool {
        guard a.isWhole, b.isWhole else { return FoldedScalars(x.reader(a)).elementsEqual(FoldedScalars(y.reader(b))) }
        if a.head.allSatisfy({ $0 < 0x80 }), b.head.allSatisfy({ $0 < 0x80 }) {
            return a.length == b.length && zip(a.head, b.head).allSatisfy { asciiLowercase($0) == asciiLowercase($1) }
        }
        return FoldedScalars(a.head.makeIterator()).elementsEqual(FoldedScalars(b.head.makeIterator()))
    }

    /// Whether the whitespace after the last token is the same on both sides once CRLF is LF and LFs at its start and
    /// end are dropped.
    private static func sameTrailingSpace(_ a: Span, of x: ByteScanner, _ b: Span, of y: ByteScanner) -> Bool {
        TrailingSpace(x.reader(a)).elementsEqual(TrailingSpace(y.reader(b)))
    }

    @inline(__always)
    fileprivate static func asciiLowercase(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// A token or line for a message, cut like ``clip(_:_:)``; one longer than its kept head always ends in ….
    static func clip(_ span: Span) -> String {
        if span.isWhole { return clip(Substring(String(decoding: span.head, as: UTF8.self))) }
        return String(String(decoding: withoutCutScalar(span.head), as: UTF8.self).prefix(57)) + "…"
    }

    /// `bytes` without the UTF-8 sequence that their end cuts short, if any.
    private static func withoutCutScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lead = bytes.count - 1
        while lead > 0, lead > bytes.count - 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= 0 else { return bytes }
        let byte = bytes[lead]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        return lead + length > bytes.count ? UnsafeBufferPointer(rebasing: bytes[..<lead]) : bytes
    }
}

/// Unicode scalars decoded from UTF-8 (U+FFFD for each ill-formed sequence), each case-folded on its own: mapped to
/// uppercase, then each of those to lowercase, so `ß` folds like `ss`, and `Σ`, `σ` and `ς` alike.
///
/// One scalar at a time, so a token of any length folds in bounded memory (`String.lowercased()` needs the whole
/// string and treats a final `Σ` apart).
struct FoldedScalars<Bytes: IteratorProtocol<UInt8>>: IteratorProtocol, Sequence {
    private var bytes: Bytes
    private var decoder = Unicode.UTF8()
    /// The rest of the current scalar's uppercase mapping, and of the lowercase mapping of its current scalar.
    private var upper: String.UnicodeScalarView.Iterator?
    private var lower: String.UnicodeScalarView.Iterator?

    init(_ bytes: Bytes) { self.bytes = bytes }

    mutating func next() -> Unicode.Scalar? {
        while true {
            if let scalar = lower?.next() { return scalar }
            if let scalar = upper?.next() {
                lower = scalar.properties.lowercaseMapping.unicodeScalars.makeIterator()
                continue
            }
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar) where scalar.isASCII:
                return Unicode.Scalar(OutputComparison.asciiLowercase(UInt8(scalar.value)))
            case .scalarValue(let scalar):
                upper = scalar.properties.uppercaseMapping.unicodeScalars.makeIterator()
            case .emptyInput:
                return nil
            case .error:
                return "\u{FFFD}"
            }
        }
    }
}

/// Whitespace bytes with CRLF read as LF and the LFs at the start and at the end left out (how the whitespace after the
/// last token compares when spaces count).
struct TrailingSpace<Bytes: IteratorProtocol<UInt8>>: IteratorProtocol, Sequence {
    private var bytes: Bytes
    private var lookahead: UInt8?
    private var started = false
    private var newlinesDue = 0
    private var held: UInt8?

    init(_ bytes: Bytes) { self.bytes = bytes }

    mutating func next() -> UInt8? {
        if newlinesDue > 0 {
            newlinesDue -= 1
            return 0x0A
        }
        if let byte = held {
            held = nil
            return byte
        }
        var newlines = 0
        while let byte = nextUnit() {
            if byte == 0x0A {
                newlines += 1
                continue
            }
            if !started { newlines = 0 }
            started = true
            guard newlines > 0 else { return byte }
            held = byte
            newlinesDue = newlines - 1
            return 0x0A
        }
        return nil
    }

    /// The next byte, CRLF read as one LF.
    private mutating func nextUnit() -> UInt8? {
        guard let byte = lookahead ?? bytes.next() else { return nil }
        lookahead = nil
        if byte == 0x0D, let following = bytes.next() {
            if following == 0x0A { return 0x0A }
            lookahead = following
        }
        return byte
    }
}
