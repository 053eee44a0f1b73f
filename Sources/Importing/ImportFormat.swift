import Foundation
import ProblemFormat

/// The benchmark files `solve import` reads, one JSON object per line.
public enum ImportFormat: String, Sendable, Hashable, CaseIterable {
    /// LiveCodeBench's `code_generation_lite`: LeetCode (function), AtCoder and Codeforces (standard I/O) problems.
    case livecodebench
    /// OpenAI's HumanEval: Python functions checked by `check(candidate)` asserts.
    case humaneval
    /// DeepMind's CodeContests: standard-I/O contest problems with public, private and generated tests.
    case codecontests

    /// The format whose characteristic keys the record has, if any.
    public static func detect(keys: [String]) -> ImportFormat? {
        let keys = Set(keys)
        if keys.isSuperset(of: ["task_id", "prompt", "test", "entry_point"]) { return .humaneval }
        if keys.contains("question_content") || keys.contains("public_test_cases") { return .livecodebench }
        if keys.isSuperset(of: ["description", "public_tests"]) { return .codecontests }
        return nil
    }

    /// The problem a record describes.
    ///
    /// - Parameter source: The file the record came from (the problem's ``Problem/source``).
    /// - Throws: ``ImportError`` naming the record's line and the field.
    func problem(from record: RecordField, source: URL) throws -> Problem {
        switch self {
        case .livecodebench: return try LiveCodeBench.problem(from: record, source: source)
        case .humaneval: return try HumanEval.problem(from: record, source: source)
        case .codecontests: return try CodeContests.problem(from: record, source: source)
        }
    }
}

/// `text` as a slug: lowercase ASCII letters and digits, other runs turned into one `-`.
func slug(_ text: String) -> String {
    var result = ""
    for scalar in text.lowercased().unicodeScalars {
        if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
            result.unicodeScalars.append(scalar)
        } else if !result.isEmpty && !result.hasSuffix("-") {
            result += "-"
        }
    }
    while result.hasSuffix("-") { result.removeLast() }
    return result
}

/// Starter code as the Markdown format keeps it: no blank lines before or after, one final newline.
func starterCode(_ text: String) -> String {
    MarkdownWriter.blockText(String(text.drop { $0 == "\n" }))
}
