import Foundation
import ProblemFormat

/// Compares a program's output with the reference answer in-process (token and exact checkers), and a function's
/// result with the expected one.
public enum OutputComparison {
    /// ASCII whitespace (space, tab, LF, VT, FF, CR), as in C's `isspace` and contest judges' checkers: what
    /// separates tokens, here and wherever inputs or outputs are cut into tokens.
    @inlinable
    public static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    /// nil when the output is accepted, otherwise why not.
    public static func mismatch(output: Data, answer: Data, checker: CheckerSpec) -> String? {
        mismatch(ByteSource(output), ByteSource(answer), checker: checker)
    }

    /// nil when the output file is accepted, otherwise why not; reads both sides in chunks, so the judge's memory
    /// stays bounded (a few chunks and token heads) however long the output or the answer.
    /// - Throws: `JudgingError.checker` when the output or the answer cannot be read.
    public static func mismatch(outputFile: URL, answer: TestData, checker: CheckerSpec) throws -> String? {
        let output = try ByteSource(file: outputFile)
        let expected = try ByteSource(answer)
        let mismatch = mismatch(output, expected, checker: checker)
        try output.checkReads()
        try expected.checkReads()
        return mismatch
    }

    /// nil when the output is accepted, otherwise why not, reading with memory of `sizes`.
    static func mismatch(
        _ output: ByteSource, _ answer: ByteSource, checker: CheckerSpec, sizes: ScanSizes = ScanSizes()
    ) -> String? {
        switch checker {
        case .exact: return exactMismatch(output: output, answer: answer, sizes: sizes)
        case .tokens(let options): return tokenMismatch(output: output, answer: answer, options: options, sizes: sizes)
        case .testlib, .kattisValidator: return nil
        }
    }

    /// Whether two programs' outputs on one input agree, compared in-process the way `problem` compares an output with
    /// its answer, `reference` standing in for the answer: tokens (with the problem's float tolerance and case rule),
    /// exact bytes, or a function's returned JSON values; nil when only the problem's checker program can tell.
    public static func agreement(_ output: Data, _ reference: Data, problem: Problem) -> Bool? {
        if problem.interface.function != nil {
            guard let result = try? JSONValue.parse(output), let expected = try? JSONValue.parse(reference) else {
                return output == reference
            }
            return jsonMismatch(result: result, expected: expected) == nil
        }
        switch problem.checker {
        case .tokens, .exact: return mismatch(output: output, answer: reference, checker: problem.checker) == nil
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

    /// `text` cut to `length` characters, ending in … when cut.
    static func clip(_ text: Substring, _ length: Int = 60) -> String {
        text.count > length ? String(text.prefix(length - 3)) + "…" : String(text)
    }
}
