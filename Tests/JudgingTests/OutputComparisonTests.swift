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
        Case(output: "1000.5", answer: "1000", checker: .tokens(TokenCompare(absoluteTolerance: 1e-3)), accepted: false),
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
        let mismatch = OutputComparison.mismatch(output: Data("1 3".utf8), answer: Data("1 2".utf8), checker: .tokens(.standard))
        #expect(mismatch == "token 2: expected `2`, got `3`")
    }
}
