import Foundation
import ProblemFormat

/// Compares a program's output with the reference answer in-process (token and exact checkers).
public enum OutputComparison {
    /// nil when the output is accepted, otherwise why not.
    public static func mismatch(output: Data, answer: Data, checker: CheckerSpec) -> String? {
        switch checker {
        case .exact: return exactMismatch(output: output, answer: answer)
        case .tokens(let options): return tokenMismatch(output: output, answer: answer, options: options)
        case .testlib, .kattisValidator: return nil
        }
    }

    /// Relative (or, near zero, absolute) difference allowed when a number of a function's result is not an
    /// integer on both sides.
    public static let jsonTolerance = 1e-6

    /// nil when a function's JSON `result` equals the `expected` one, otherwise where it differs.
    ///
    /// Integers compare exactly, whatever their size; a float and a number compare within ``jsonTolerance``.
    /// `true` is not `1`, object members compare by key, and lists (Python's tuples arrive as lists) by position.
    public static func jsonMismatch(result: JSONValue, expected: JSONValue) -> String? {
        jsonDifference(result, expected, path: "").map { path, message in
            (path.isEmpty ? "" : "at \(path): ") + message
        }
    }

    private static func jsonDifference(_ got: JSONValue, _ want: JSONValue, path: String) -> (String, String)? {
        func literal(_ value: JSONValue) -> String { clip(Substring(value.pythonLiteral)) }
        func differs() -> (String, String) { (path, "expected \(literal(want)), got \(literal(got))") }
        switch (got, want) {
        case (.null, .null): return nil
        case (.bool(let a), .bool(let b)): return a == b ? nil : differs()
        case (.string(let a), .string(let b)): return a == b ? nil : differs()
        case (.number(let a), .number(let b)):
            if got.isInteger && want.isInteger { return integerText(a) == integerText(b) ? nil : differs() }
            guard let x = got.double, let y = want.double else { return differs() }
            return x == y || abs(x - y) <= jsonTolerance * max(1, abs(y)) ? nil : differs()
        case (.array(let a), .array(let b)):
            guard a.count == b.count else {
                return (path, "expected a list of \(b.count), got one of \(a.count): \(literal(got))")
            }
            for (index, (x, y)) in zip(a, b).enumerated() {
                if let difference = jsonDifference(x, y, path: path + "[\(index)]") { return difference }
            }
            return nil
        case (.object(let a), .object(let b)):
            let keys = Set(a.map(\.key))
            guard keys == Set(b.map(\.key)), keys.count == a.count else { return differs() }
            for member in b {
                guard let value = got[member.key] else { return differs() }
                let key = JSONValue.string(member.key).pythonLiteral
                if let difference = jsonDifference(value, member.value, path: path + "[\(key)]") { return difference }
            }
            return nil
        default:
            return (path, "expected \(want.kind) \(literal(want)), got \(got.kind) \(literal(got))")
        }
    }

    /// An integer's digits without a sign on zero, so `-0` equals `0`.
    private static func integerText(_ text: String) -> String {
        text.allSatisfy { $0 == "-" || $0 == "0" } ? "0" : text
    }

    static func exactMismatch(output: Data, answer: Data) -> String? {
        let got = normalizedLines(output)
        let expected = normalizedLines(answer)
        if got == expected { return nil }
        for (index, line) in expected.enumerated() {
            guard index < got.count else { return "output ended at line \(got.count + 1); expected `\(clip(line))`" }
            if got[index] != line { return "line \(index + 1): expected `\(clip(line))`, got `\(clip(got[index]))`" }
        }
        return "extra output from line \(expected.count + 1): `\(clip(got[expected.count]))`"
    }

    private static func normalizedLines(_ data: Data) -> [Substring] {
        var text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    static func tokenMismatch(output: Data, answer: Data, options: TokenCompare) -> String? {
        let got = tokens(of: output)
        let expected = tokens(of: answer)
        for (index, want) in expected.enumerated() {
            guard index < got.count else {
                return "output ended after \(got.count) tokens; expected \(expected.count), next `\(clip(want.text))`"
            }
            let have = got[index]
            if options.spaceSensitive, index > 0, have.spaceBefore != want.spaceBefore {
                return "token \(index + 1): whitespace before it differs from the answer's"
            }
            if !tokensMatch(have.text, want.text, options) {
                return "token \(index + 1): expected `\(clip(want.text))`, got `\(clip(have.text))`"
            }
        }
        if got.count > expected.count {
            return "extra output after \(expected.count) tokens: `\(clip(got[expected.count].text))`"
        }
        if options.spaceSensitive, let last = got.last, let wantLast = expected.last,
            normalizedTrailing(last.spaceAfter) != normalizedTrailing(wantLast.spaceAfter)
        {
            return "whitespace at the end differs from the answer's"
        }
        return nil
    }

    private static func tokensMatch(_ have: Substring, _ want: Substring, _ options: TokenCompare) -> Bool {
        if options.absoluteTolerance != nil || options.relativeTolerance != nil,
            let expected = Double(want), expected.isFinite
        {
            guard let value = Double(have), !value.isNaN else { return false }
            if value == expected { return true }
            let difference = abs(value - expected)
            if let absolute = options.absoluteTolerance, difference <= absolute * (1 + 1e-12) { return true }
            if let relative = options.relativeTolerance, difference <= relative * abs(expected) * (1 + 1e-12) {
                return true
            }
            return false
        }
        if options.caseSensitive { return have == want }
        return have.lowercased() == want.lowercased()
    }

    private struct Token {
        var text: Substring
        var spaceBefore: Substring
        var spaceAfter: Substring
    }

    private static func tokens(of data: Data) -> [Token] {
        let text = Substring(String(decoding: data, as: UTF8.self))
        var result: [Token] = []
        var index = text.startIndex
        var spaceStart = index
        while index < text.endIndex {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            let start = index
            while index < text.endIndex, !text[index].isWhitespace { index = text.index(after: index) }
            if start < index {
                if !result.isEmpty { result[result.count - 1].spaceAfter = text[spaceStart..<start] }
                result.append(Token(text: text[start..<index], spaceBefore: text[spaceStart..<start], spaceAfter: ""))
                spaceStart = index
            }
        }
        if !result.isEmpty { result[result.count - 1].spaceAfter = text[spaceStart..<text.endIndex] }
        return result
    }

    private static func normalizedTrailing(_ space: Substring) -> String {
        space.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .init(charactersIn: "\n"))
    }

    /// `text` cut to `length` characters, ending in … when cut.
    static func clip(_ text: Substring, _ length: Int = 60) -> String {
        text.count > length ? String(text.prefix(length - 3)) + "…" : String(text)
    }
}
