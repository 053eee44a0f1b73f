import Foundation

/// A JSON value that keeps numbers as written, so integers of any size survive (Python's are unbounded).
///
/// Function tests hold their arguments and results as JSON, and benchmark files are JSON lines; both are read with
/// ``parse(_:)``.
public enum JSONValue: Sendable, Hashable {
    /// `null` (Python's `None`).
    case null
    /// `true` or `false`, which are not numbers.
    case bool(Bool)
    /// The number's text as written, e.g. `-12`, `3.5` or `1e9`.
    case number(String)
    /// A string, unescaped.
    case string(String)
    /// A list (Python's lists and tuples).
    case array([JSONValue])
    /// Members in the order written.
    case object([Member])

    /// One `"key": value` pair of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value of `key` when this is an object holding it (the last one when the key repeats, as in Python).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The text of a string value.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Whether a number is written as an integer (no fraction, no exponent).
    public var isInteger: Bool {
        guard case .number(let text) = self else { return false }
        return !text.contains { $0 == "." || $0 == "e" || $0 == "E" }
    }

    /// An integer number's value, when it fits an `Int`.
    public var int: Int? {
        guard case .number(let text) = self, isInteger else { return nil }
        return Int(text)
    }

    /// A number's value as a `Double` (large integers lose precision).
    public var double: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// What kind of value this is, for messages: "text", "a number", "a list", ….
    public var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "text"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    /// The value as compact JSON text (`[1,"a",null]`).
    public var json: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return Self.quoted(text)
        case .array(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { Self.quoted($0.key) + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }

    /// The value as a Python literal (`[1, 'a', None]`), to show a call the way a Python programmer writes it.
    public var pythonLiteral: String {
        switch self {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .number(let text): return text
        case .string(let text): return Self.pythonQuoted(text)
        case .array(let items): return "[" + items.map(\.pythonLiteral).joined(separator: ", ") + "]"
        case .object(let members):
            return "{"
                + members.map { Self.pythonQuoted($0.key) + ": " + $0.value.pythonLiteral }.joined(separator: ", ")
                + "}"
        }
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `text` as a Python string literal, quoted like Python's `repr` (single quotes unless the text has one).
    static func pythonQuoted(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where Character(scalar) == quote: result += "\\" + String(quote)
            case _ where scalar.value < 0x20 || scalar.value == 0x7f: result += String(format: "\\x%02x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + String(quote)
    }
}

/// Why a text is not JSON: what was expected and at which byte (counted from 1).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based position of the first byte that does not fit.
    public var offset: Int
    public var expected: String

    public var description: String { "not valid JSON at byte \(offset): expected \(expected)" }
}
