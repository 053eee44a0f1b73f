import Foundation
import Yams

/// A YAML mapping whose keys remember their line in the file, with typed readers that throw errors naming it.
public struct YAMLMapping {
    /// The file the YAML came from (for errors).
    public let file: String
    /// Lines of the file before the YAML text (front matter starts after its `---` line).
    public let lineOffset: Int
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    private init(file: String, lineOffset: Int, mapping: Node.Mapping) {
        self.file = file
        self.lineOffset = lineOffset
        self.pairs = mapping.compactMap { key, value in
            key.scalar.map { (key: $0.string, keyNode: key, value: value) }
        }
    }

    /// Parses `yaml`, which must be empty or a mapping.
    ///
    /// - Parameters:
    ///   - expected: What the mapping should look like, for the error when it is not one.
    /// - Throws: ``ProblemFormatError/invalidYAML(file:line:message:)`` or
    ///   ``ProblemFormatError/notAMapping(file:line:expected:)``.
    public static func parse(_ yaml: String, file: String, lineOffset: Int = 0, expected: String) throws -> YAMLMapping
    {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.translate(error, file: file, lineOffset: lineOffset)
        }
        switch node {
        case .none:
            return YAMLMapping(file: file, lineOffset: lineOffset, mapping: Node.Mapping([]))
        case .some(.mapping(let mapping)):
            return YAMLMapping(file: file, lineOffset: lineOffset, mapping: mapping)
        case .some(let node) where node.null != nil:
            return YAMLMapping(file: file, lineOffset: lineOffset, mapping: Node.Mapping([]))
        case .some(let node):
            throw ProblemFormatError.notAMapping(
                file: file, line: node.mark.map { $0.line + lineOffset }, expected: expected)
        }
    }

    /// The line of `key` in the file, if the key is present.
    public func line(of key: String) -> Int? {
        pairs.first { $0.key == key }.flatMap(line(of:))
    }

    /// The value of `key`, or nil when the key is absent or null.
    public func value(_ key: String) -> Node? {
        guard let pair = pairs.first(where: { $0.key == key }), pair.value.null == nil else { return nil }
        return pair.value
    }

    /// Whether the value of `key` is a mapping.
    public func holdsMapping(_ key: String) -> Bool {
        if case .mapping = value(key) { return true }
        return false
    }

    /// The scalar value of `key` as text, or nil when absent.
    ///
    /// - Throws: ``ProblemFormatError/wrongType(file:line:key:found:expected:)`` for a list or mapping.
    public func string(_ key: String, expected: String) throws -> String? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            throw wrongType(key, node, expected: expected)
        }
        return scalar.string
    }

    /// A list of scalars (or one scalar) as text; nil when absent.
    ///
    /// - Throws: ``ProblemFormatError/wrongType(file:line:key:found:expected:)`` for a mapping or nested lists.
    public func strings(_ key: String, expected: String) throws -> [String]? {
        guard let node = value(key) else { return nil }
        switch node {
        case .scalar(let scalar):
            return [scalar.string]
        case .sequence(let sequence):
            return try sequence.compactMap { item in
                guard item.null == nil else { return nil }
                guard case .scalar(let scalar) = item else {
                    throw ProblemFormatError.wrongType(
                        file: file, line: item.mark.map { $0.line + lineOffset } ?? line(of: key),
                        key: "an item of \(key)", found: Self.kind(of: item), expected: expected)
                }
                return scalar.string
            }
        default:
            throw wrongType(key, node, expected: expected)
        }
    }

    /// The nested mapping under `key`, or nil when absent.
    ///
    /// - Throws: ``ProblemFormatError/wrongType(file:line:key:found:expected:)`` when it is not a mapping.
    public func mapping(_ key: String, expected: String) throws -> YAMLMapping? {
        guard let node = value(key) else { return nil }
        guard case .mapping(let mapping) = node else {
            throw wrongType(key, node, expected: expected)
        }
        return YAMLMapping(file: file, lineOffset: lineOffset, mapping: mapping)
    }

    /// An error for the value of `key`, placed on the key's line.
    public func invalidValue(_ key: String, _ value: String, reason: String, expected: String) -> ProblemFormatError {
        .invalidValue(file: file, line: line(of: key), key: key, value: value, reason: reason, expected: expected)
    }

    /// The keys in file order.
    public var keys: [String] { pairs.map(\.key) }

    /// A list of mappings under `key` (e.g. `models:`), or nil when absent.
    ///
    /// - Throws: ``ProblemFormatError/wrongType(file:line:key:found:expected:)`` when it is not a list of mappings.
    public func mappings(_ key: String, expected: String) throws -> [YAMLMapping]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let sequence) = node else { throw wrongType(key, node, expected: expected) }
        return try sequence.map { item in
            guard case .mapping(let mapping) = item else {
                throw ProblemFormatError.wrongType(
                    file: file, line: item.mark.map { $0.line + lineOffset } ?? line(of: key),
                    key: "an item of \(key)", found: Self.kind(of: item), expected: expected)
            }
            return YAMLMapping(file: file, lineOffset: lineOffset, mapping: mapping)
        }
    }

    /// The number under `key`, or nil when absent.
    ///
    /// - Throws: an error naming the line when the value is not a number.
    public func number(_ key: String, expected: String) throws -> Double? {
        guard let text = try string(key, expected: expected) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw invalidValue(key, text, reason: "is not a number", expected: expected)
        }
        return value
    }

    /// The number under `key` when it lies within `range`, or nil when absent.
    ///
    /// - Throws: an error naming the line when the value is not a number or lies outside `range`.
    public func number(_ key: String, in range: ClosedRange<Double>, expected: String) throws -> Double? {
        guard let value = try number(key, expected: expected) else { return nil }
        guard CheckedNumber.finite(value, in: range) != nil else {
            throw invalidValue(
                key, "\(value)", reason: "is outside \(range.lowerBound)…\(range.upperBound)", expected: expected)
        }
        return value
    }

    /// The whole number under `key` when it lies within `range`, or nil when absent.
    ///
    /// - Throws: an error naming the line when the value is not a whole number or lies outside `range`.
    public func integer(_ key: String, in range: ClosedRange<Int>, expected: String) throws -> Int? {
        guard let text = try string(key, expected: expected) else { return nil }
        guard let value = Double(text), value.isFinite, value == value.rounded() else {
            throw invalidValue(key, text, reason: "is not a whole number", expected: expected)
        }
        guard let integer = CheckedNumber.integer(value, in: range) else {
            throw invalidValue(
                key, text, reason: "is outside \(range.lowerBound)…\(range.upperBound)", expected: expected)
        }
        return integer
    }

    /// A true/false value under `key`, or nil when absent.
    public func bool(_ key: String, expected: String) throws -> Bool? {
        guard let text = try string(key, expected: expected) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw invalidValue(key, text, reason: "is not true or false", expected: expected)
        }
    }

    /// Rejects keys that are not in `known` (a typo must not be silently ignored).
    public func rejectUnknownKeys(_ known: Set<String>, context: String) throws {
        if let unknown = keys.first(where: { !known.contains($0) }) {
            throw invalidValue(
                unknown, unknown, reason: "is not a known key of \(context)",
                expected: known.sorted().joined(separator: ", "))
        }
    }

    private func wrongType(_ key: String, _ node: Node, expected: String) -> ProblemFormatError {
        .wrongType(file: file, line: line(of: key), key: key, found: Self.kind(of: node), expected: expected)
    }

    private func line(of pair: (key: String, keyNode: Node, value: Node)) -> Int? {
        pair.keyNode.mark.map { $0.line + lineOffset }
    }

    /// "a list", "a mapping", … for error messages.
    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    private static func translate(_ error: YamlError, file: String, lineOffset: Int) -> ProblemFormatError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) on line \($0.mark.line + lineOffset))" } ?? problem
            return .invalidYAML(file: file, line: mark.line + lineOffset, message: detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .invalidYAML(
                file: file, line: context.mark.line + lineOffset,
                message: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return .invalidYAML(file: file, line: nil, message: "\(error)")
        }
    }
}
