import Foundation
import ProblemFormat

/// A field of a JSON-lines record (or a value nested in one), with typed readers whose errors name the file, the
/// line and the field's path (`public_tests.input[2]`).
struct RecordField {
    /// The value, or nil when the field is absent.
    let value: JSONValue?
    /// The path from the record, e.g. `metadata.func_name`; empty for the record itself.
    let path: String
    let file: String
    let line: Int

    /// The record on `line` of `file`.
    init(record: JSONValue, file: String, line: Int) {
        self.init(value: record, path: "", file: file, line: line)
    }

    private init(value: JSONValue?, path: String, file: String, line: Int) {
        self.value = value
        self.path = path
        self.file = file
        self.line = line
    }

    /// The member `key` of this object (absent when this is not an object or lacks the key).
    subscript(key: String) -> RecordField {
        RecordField(value: value?[key], path: path.isEmpty ? key : "\(path).\(key)", file: file, line: line)
    }

    /// A value parsed from this field's text, as LiveCodeBench stores its tests and metadata (JSON inside a string).
    func nested(_ parsed: JSONValue) -> RecordField {
        RecordField(value: parsed, path: path, file: file, line: line)
    }

    /// Whether the field is absent or null.
    var isAbsent: Bool { value == nil || value == .null }

    /// The value, which must be present.
    func required(_ expected: String) throws -> JSONValue {
        guard let value, value != .null else {
            throw ImportError.missingField(file: file, line: line, field: path, expected: expected)
        }
        return value
    }

    /// Text.
    func string(_ expected: String) throws -> String {
        let value = try required(expected)
        guard let text = value.string else { throw wrongType(value, expected) }
        return text
    }

    /// Text, or nil when absent or null.
    func optionalString(_ expected: String) throws -> String? {
        isAbsent ? nil : try string(expected)
    }

    /// A whole number within `range`, or nil when absent or null.
    ///
    /// - Throws: ``ImportError/wrongType(file:line:field:found:expected:)`` for a value that is not a number, and
    ///   ``ImportError/invalidValue(file:line:field:reason:)`` for one that is not whole or lies outside `range`.
    func optionalInt(_ expected: String, in range: ClosedRange<Int>) throws -> Int? {
        guard !isAbsent, let value else { return nil }
        guard case .number(let text) = value else { throw wrongType(value, expected) }
        let whole =
            value.isInteger
            ? CheckedNumber.integer(text, in: range) : value.double.flatMap { CheckedNumber.integer($0, in: range) }
        guard let whole else {
            let shown = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
            throw invalid("is \(shown); expected \(expected) from \(range.lowerBound) to \(range.upperBound)")
        }
        return whole
    }

    /// The items of a list, each a field named `path[i]`.
    func items(_ expected: String) throws -> [RecordField] {
        let value = try required(expected)
        guard case .array(let items) = value else { throw wrongType(value, expected) }
        return items.enumerated().map {
            RecordField(value: $0.element, path: "\(path)[\($0.offset)]", file: file, line: line)
        }
    }

    /// The error for a present value that cannot be used.
    func invalid(_ reason: String) -> ImportError {
        .invalidValue(file: file, line: line, field: path, reason: reason)
    }

    private func wrongType(_ value: JSONValue, _ expected: String) -> ImportError {
        .wrongType(file: file, line: line, field: path, found: value.kind, expected: expected)
    }
}
