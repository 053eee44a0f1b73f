/// A strict JSON reader over UTF-8 bytes for `ChatChunk`: it walks objects and arrays in place, decodes only the
/// strings and numbers asked for, and checks the syntax of everything it skips. Nesting deeper than `maximumDepth`
/// is an error, not a stack overflow.
struct JSONScanner {
    /// The object keys `ChatChunk` reads; every other key is `.other`.
    enum Key: Equatable {
        case choices, usage, error, object, message, index, delta, finishReason, content, reasoningContent, reasoning
        case promptTokens, completionTokens, totalTokens, other

        init<Bytes: Collection<UInt8>>(_ name: Bytes) {
            switch name.count {
            case 5 where name.elementsEqual("usage".utf8): self = .usage
            case 5 where name.elementsEqual("error".utf8): self = .error
            case 5 where name.elementsEqual("index".utf8): self = .index
            case 5 where name.elementsEqual("delta".utf8): self = .delta
            case 6 where name.elementsEqual("object".utf8): self = .object
            case 7 where name.elementsEqual("choices".utf8): self = .choices
            case 7 where name.elementsEqual("message".utf8): self = .message
            case 7 where name.elementsEqual("content".utf8): self = .content
            case 9 where name.elementsEqual("reasoning".utf8): self = .reasoning
            case 12 where name.elementsEqual("total_tokens".utf8): self = .totalTokens
            case 13 where name.elementsEqual("finish_reason".utf8): self = .finishReason
            case 13 where name.elementsEqual("prompt_tokens".utf8): self = .promptTokens
            case 17 where name.elementsEqual("reasoning_content".utf8): self = .reasoningContent
            case 17 where name.elementsEqual("completion_tokens".utf8): self = .completionTokens
            default: self = .other
            }
        }
    }

    typealias Malformed = ChatChunk.Malformed

    /// Arrays and objects inside one another, at most.
    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes.bindMemory(to: UInt8.self)
    }

    /// The next byte after white space (0 at the end).
    var peek: UInt8 {
        mutating get {
            skipWhitespace()
            return position < bytes.count ? bytes[position] : 0
        }
    }

    /// Checks that only white space follows the value.
    mutating func end() throws(Malformed) {
        skipWhitespace()
        guard position == bytes.count else { throw syntax("text after the JSON value") }
    }

    /// nil for `null`, else `read`'s value.
    mutating func nullable<T>(_ read: (inout JSONScanner) throws(Malformed) -> T) throws(Malformed) -> T? {
        if peek == UInt8(ascii: "n") {
            try literal("null")
            return nil
        }
        return try read(&self)
    }

    /// Reads an object, calling `member` with the scanner positioned at each value; `member` must consume it.
    mutating func object(
        _ what: @autoclosure () -> String = "the body", _ member: (inout JSONScanner, Key) throws(Malformed) -> Void
    ) throws(Malformed) {
        guard peek == UInt8(ascii: "{") else { throw wrongType(what(), expected: "an object") }
        try enter()
        position += 1
        if peek == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return
        }
        while true {
            guard peek == UInt8(ascii: "\"") else { throw syntax("expected a key in quotes") }
            let key = try readKey()
            guard peek == UInt8(ascii: ":") else { throw syntax("expected ':' after a key") }
            position += 1
            try member(&self, key)
            switch peek {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return
            default: throw syntax("expected ',' or '}' in an object")
            }
        }
    }

    /// Reads an array, calling `element` with the scanner positioned at each element; `element` must consume it.
    mutating func array(
        _ what: @autoclosure () -> String, _ element: (inout JSONScanner) throws(Malformed) -> Void
    ) throws(Malformed) {
        guard peek == UInt8(ascii: "[") else { throw wrongType(what(), expected: "an array") }
        try enter()
        position += 1
        if peek == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return
        }
        while true {
            try element(&self)
            switch peek {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return
            default: throw syntax("expected ',' or ']' in an array")
            }
        }
    }

    /// Reads a string.
    mutating func string(_ what: @autoclosure () -> String) throws(Malformed) -> String {
        guard peek == UInt8(ascii: "\"") else { throw wrongType(what(), expected: "a string") }
        return try readString()
    }

    /// Reads a string, or skips any other value and returns nil.
    mutating func stringOrSkip() throws(Malformed) -> String? {
        guard peek == UInt8(ascii: "\"") else {
            try skipValue()
            return nil
        }
        return try readString()
    }

    /// Reads a whole number within `range` (`3`, `3.0` and `3e0` alike).
    mutating func integer(_ what: @autoclosure () -> String, in range: ClosedRange<Int>) throws(Malformed) -> Int {
        let first = peek
        guard first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else {
            throw wrongType(what(), expected: "a whole number")
        }
        let start = position
        let isPlain = try skipNumber()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        let value: Int?
        if isPlain {
            value = Int(text)
        } else if let double = Double(text), double.isFinite, double == double.rounded(),
            abs(double) < 9_007_199_254_740_992
        {
            value = Int(double)
        } else {
            value = nil
        }
        guard let value, range.contains(value) else {
            throw Malformed(
                detail: "\(what()) is \(text), not a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// Skips one value of any kind, checking its syntax.
    mutating func skipValue() throws(Malformed) {
        switch peek {
        case UInt8(ascii: "{"): try object { scanner, _ throws(Malformed) in try scanner.skipValue() }
        case UInt8(ascii: "["): try array("a value") { scanner throws(Malformed) in try scanner.skipValue() }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try skipNumber()
        case 0 where position == bytes.count: throw syntax("the text ends where a value should be")
        default: throw syntax("expected a value")
        }
    }

    // MARK: Lexing

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    private mutating func enter() throws(Malformed) {
        guard depth < Self.maximumDepth else { throw syntax("nested deeper than \(Self.maximumDepth) levels") }
        depth += 1
    }

    private mutating func literal(_ word: StaticString) throws(Malformed) {
        let count = word.utf8CodeUnitCount
        let text = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard position + count <= bytes.count, bytes[position..<position + count].elementsEqual(text) else {
            throw syntax("expected a value")
        }
        position += count
    }

    /// Skips `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`; true when it has neither fraction nor exponent.
    private mutating func skipNumber() throws(Malformed) -> Bool {
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw syntax("expected a digit") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            skipDigits()
        }
        var isPlain = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw syntax("expected a digit after '.'") }
            skipDigits()
            isPlain = false
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw syntax("expected an exponent") }
            skipDigits()
            isPlain = false
        }
        return isPlain
    }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The end of the string's plain run from `position` (at a quote, a backslash or the end), checking that it
    /// holds no raw control character.
    private func plainRun(from start: Int) throws(Malformed) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            guard byte >= 0x20 else {
                throw Malformed(detail: "not JSON at byte \(index): a control character inside a string")
            }
            index += 1
        }
        return index
    }

    private mutating func skipString() throws(Malformed) {
        position += 1
        while true {
            position = try plainRun(from: position)
            guard position < bytes.count else { throw syntax("a string is not closed") }
            if bytes[position] == UInt8(ascii: "\"") {
                position += 1
                return
            }
            _ = try escape()
        }
    }

    private mutating func readKey() throws(Malformed) -> Key {
        let start = position + 1
        let end = try plainRun(from: start)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            position = end + 1
            return Key(bytes[start..<end])
        }
        return Key(try readString().utf8)
    }

    /// Reads a string at its opening quote.
    private mutating func readString() throws(Malformed) -> String {
        position += 1
        let start = position
        position = try plainRun(from: start)
        guard position < bytes.count else { throw syntax("a string is not closed") }
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position - 1]), as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(position - start + 16)
        decoded.append(contentsOf: bytes[start..<position])
        while true {
            let scalar = try escape()
            if let encoded = UTF8.encode(scalar) { decoded.append(contentsOf: encoded) }
            let run = position
            position = try plainRun(from: position)
            decoded.append(contentsOf: bytes[run..<position])
            guard position < bytes.count else { throw syntax("a string is not closed") }
            if bytes[position] == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: decoded, as: UTF8.self)
            }
        }
    }

    /// Reads the escape at `position` (a backslash); a lone surrogate becomes U+FFFD.
    private mutating func escape() throws(Malformed) -> Unicode.Scalar {
        guard position + 1 < bytes.count else { throw syntax("a string is not closed") }
        let letter = bytes[position + 1]
        position += 2
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hex4()
            if (0xD800..<0xDC00).contains(unit), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            {
                let mark = position
                position += 2
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low) {
                    return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
                }
                position = mark
            }
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        default:
            position -= 1
            throw syntax("an unknown escape in a string")
        }
    }

    private mutating func hex4() throws(Malformed) -> UInt32 {
        guard position + 4 <= bytes.count else { throw syntax("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntax("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }

    private func syntax(_ problem: String) -> Malformed {
        Malformed(detail: "not JSON at byte \(position): \(problem)")
    }

    private func wrongType(_ what: String, expected: String) -> Malformed {
        if position >= bytes.count { return syntax("the text ends where \(what) should be") }
        return Malformed(detail: "\(what) is not \(expected)")
    }
}
