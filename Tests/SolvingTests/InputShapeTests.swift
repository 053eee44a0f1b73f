import Foundation
import ProblemFormat
import TestSupport
import Testing

@testable import Solving

/// What a generated input must look like, learned from the sample inputs.
@Suite struct InputShapeTests {
    static func shape(_ samples: [String]) -> InputShape { InputShape(samples: samples.map { Data($0.utf8) }) }

    static let twoSum = shape(["4 9\n2 7 11 15\n", "5 -5\n4 -1 0 -7 2\n"])

    @Test(arguments: [
        ("12", InputShape.TokenKind.integer), ("-3", .integer), ("+4", .integer), ("007", .integer),
        ("1.5", .number), (".5", .number), ("3.", .number), ("2e-9", .number), ("-1.5E+3", .number), ("4e2", .number),
        ("e5", .word), ("1e", .word), ("--1", .word), ("1.2.3", .word), ("abc", .word), ("[1,", .word),
        ("0x1F", .word), (".", .word), ("-", .word), ("1e+", .word), ("½", .word),
    ])
    func tokenKinds(token: String, kind: InputShape.TokenKind) {
        let kindOfToken = Data(token.utf8).withUnsafeBytes { InputShape.kind(of: $0[...]) }
        #expect(kindOfToken == kind, "\(token)")
    }

    @Test func inputsInTheSamplesFormatPass() {
        for input in ["2 1\n0 1\n", "3 -10\n1 2 3", "100000 5\n", "  7\t8  \r\n1\n", "1 2\n\n\n"] {
            #expect(Self.twoSum.mismatch(Data(input.utf8)) == nil, "\(input)")
        }
    }

    @Test(arguments: [
        ("t = 5\nn = 7\na = [1, 2]\n", "has \"t\" where the sample inputs have only integers"),
        ("['3 4', '5 6']\n", "has \"[\\'3\" where the sample inputs have only integers"),
        ("2 1.5\n1 2\n", "has \"1.5\" where the sample inputs have only integers"),
        ("3\n1 2 3\n", "has 1 token on its first line where every sample has 2"),
        ("1 2 3 4 5\n1 2\n", "has 5 tokens on its first line where every sample has 2"),
        ("\n2 3\n", "has 0 tokens on its first line where every sample has 2"),
        (
            "2 9\n" + String(repeating: "x", count: 100),
            "has \"xxxxxxxxxxxxxxxxxxxxxxxx\" where the sample inputs have only integers"
        ),
    ])
    func inputsThatCannotBeValidSayWhy(input: String, why: String) {
        #expect(Self.twoSum.mismatch(Data(input.utf8)) == why)
    }

    @Test func theFirstLineCountsOnlyWhenTwoSamplesOfIntegersAgree() {
        let one = Self.shape(["3\n1 2 3\n"])
        #expect(one.mismatch(Data("4 5\n1\n".utf8)) == nil, "one sample says nothing about the first line")
        let differ = Self.shape(["3\n1 2 3\n", "2 1\n5 5\n"])
        #expect(differ.mismatch(Data("1 2 3\n".utf8)) == nil)
        let words = Self.shape(["abc 3\n", "de 4\n"])
        #expect(words.mismatch(Data("x y z\n".utf8)) == nil, "words: anything goes")
        let decimals = Self.shape(["1.5 2\n", "3 4\n"])
        #expect(decimals.mismatch(Data("1e-3 2\n".utf8)) == nil)
        #expect(decimals.mismatch(Data("abc 2\n".utf8)) == "has \"abc\" where the sample inputs have only numbers")
        let none = Self.shape([])
        #expect(none.mismatch(Data("t = 5\n".utf8)) == nil, "no samples: no check")
        #expect(Self.shape(["", "\n"]).mismatch(Data("anything at all".utf8)) == nil, "empty samples: no check")
    }

    @Test func bytesThatAreNotUTF8AreAWordAndDoNotCrash() {
        let input = Data([0x32, 0x20, 0xFF, 0xFE, 0x0A])
        #expect(Self.twoSum.mismatch(input) == "has \"\u{FFFD}\u{FFFD}\" where the sample inputs have only integers")
    }

    /// Every hidden test of the bundled problems and the Kattis fixtures (up to 1 MiB) has its samples' shape: the
    /// check never leaves out an input that real tests have.
    @Test func everyHiddenTestOfTheBundledProblemsHasItsSamplesShape() throws {
        var problems = try ProblemLoader.loadSet(Fixtures.problems)
        for name in ["float-abs", "float-rel", "flags", "timelimit-file", "custom-validator"] {
            problems.append(try ProblemLoader.load(Fixtures.fixture("kattis/\(name)")))
        }
        #expect(problems.count > 30)
        var checked = 0
        for problem in problems where problem.interface.function == nil {
            let shape = InputShape(samples: try problem.samples.map { try $0.input.read() })
            // The maximum-size inputs (up to 8 MiB) are left to the release build: a debug scan takes seconds.
            for test in problem.hiddenTests {
                let input = try test.input.read()
                guard input.count <= 1 << 20 else { continue }
                #expect(shape.mismatch(input) == nil, "\(problem.slug) \(test.name)")
                checked += 1
            }
        }
        #expect(checked > 200)
    }
}
