import Foundation
import Judging
import ProblemFormat
import Testing

@Suite("Output comparison")
struct OutputComparisonTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var output: String
        var answer: String
        var checker: CheckerSpec
        var accepted: Bool
        var testDescription: String { "\(output.debugDescription) vs \(answer.debugDescription)" }
    }

    static let cases: [Case] = [
        Case(output: "1 2\n", answer: "1 2\n", checker: .tokens(.standard), accepted: true),
        Case(output: "1   2", answer: "1 2\n", checker: .tokens(.standard), accepted: true),
        Case(output: "1\n2\n\n", answer: "1 2", checker: .tokens(.standard), accepted: true),
        Case(output: "1 3", answer: "1 2", checker: .tokens(.standard), accepted: false),
        Case(output: "1", answer: "1 2", checker: .tokens(.standard), accepted: false),
        Case(output: "1 2 3", answer: "1 2", checker: .tokens(.standard), accepted: false),
        Case(output: "YES", answer: "yes", checker: .tokens(.standard), accepted: false),
        Case(output: "YES", answer: "yes", checker: .tokens(TokenCompare(caseSensitive: false)), accepted: true),
        Case(output: "1.0000001", answer: "1", checker: .tokens(.float(1e-6)), accepted: true),
        Case(output: "1.00001", answer: "1", checker: .tokens(.float(1e-6)), accepted: false),
        Case(output: "1000000.5", answer: "1000000", checker: .tokens(.float(1e-6)), accepted: true),
        Case(output: "nan", answer: "1", checker: .tokens(.float(1e-6)), accepted: false),
        Case(output: "abc", answer: "1", checker: .tokens(.float(1e-6)), accepted: false),
        Case(output: "1.0005", answer: "1", checker: .tokens(TokenCompare(absoluteTolerance: 1e-3)), accepted: true),
        Case(
            output: "1000.5", answer: "1000", checker: .tokens(TokenCompare(absoluteTolerance: 1e-3)), accepted: false),
        Case(output: "1000.5", answer: "1000", checker: .tokens(TokenCompare(relativeTolerance: 1e-3)), accepted: true),
        Case(output: "a  b\n", answer: "a b\n", checker: .tokens(TokenCompare(spaceSensitive: true)), accepted: false),
        Case(output: "a b\n", answer: "a b\n", checker: .tokens(TokenCompare(spaceSensitive: true)), accepted: true),
        Case(output: "a b", answer: "a b\n", checker: .exact, accepted: true),
        Case(output: "a b\r\n", answer: "a b\n", checker: .exact, accepted: true),
        Case(output: "a  b\n", answer: "a b\n", checker: .exact, accepted: false),
        Case(output: "a b\n\n", answer: "a b\n", checker: .exact, accepted: false),
    ]

    @Test("checker table", arguments: cases)
    func compare(_ item: Case) {
        let mismatch = OutputComparison.mismatch(
            output: Data(item.output.utf8), answer: Data(item.answer.utf8), checker: item.checker)
        #expect((mismatch == nil) == item.accepted, "\(mismatch ?? "accepted")")
    }

    @Test("the message names the differing token")
    func message() {
        let mismatch = OutputComparison.mismatch(
            output: Data("1 3".utf8), answer: Data("1 2".utf8), checker: .tokens(.standard))
        #expect(mismatch == "token 2: expected `2`, got `3`")
    }

    @Test(
        "function results compare as JSON values",
        arguments: [
            ("[0, 1]", "[0,1]", nil),
            ("[1, 0]", "[0, 1]", "at [0]: expected 0, got 1"),
            ("[0]", "[0, 1]", "expected a list of 2, got one of 1: [0]"),
            ("0.30000000000000004", "0.3", nil),
            ("1.0", "1", nil),
            ("1.001", "1", "expected 1, got 1.001"),
            ("12345678901234567891", "12345678901234567892", "expected 12345678901234567892, got 12345678901234567891"),
            ("-0", "0", nil),
            ("true", "1", "expected a number 1, got a boolean True"),
            ("\"1\"", "1", "expected a number 1, got text '1'"),
            ("{\"b\": [1], \"a\": null}", "{\"a\": null, \"b\": [1]}", nil),
            ("{\"a\": {\"b\": 2}}", "{\"a\": {\"b\": 3}}", "at ['a']['b']: expected 3, got 2"),
            ("{\"a\": 1}", "{\"b\": 1}", "expected {'b': 1}, got {'a': 1}"),
            ("null", "null", nil),
        ])
    func json(result: String, expected: String, mismatch: String?) throws {
        let difference = OutputComparison.jsonMismatch(
            result: try JSONValue.parse(result), expected: try JSONValue.parse(expected))
        #expect(difference == mismatch)
    }
}
