import Foundation
import Judging
import ProblemFormat
import TestSupport
import Testing

@testable import Importing

/// LiveCodeBench records: a standard-I/O problem, a functional one, and one whose private tests are compressed.
@Suite("LiveCodeBench import", .serialized)
struct LiveCodeBenchImportTests {
    static let file = Fixtures.fixture("livecodebench/problems.jsonl")

    static func solution(_ slug: String) throws -> String {
        try String(contentsOf: Fixtures.fixture("livecodebench/solutions/\(slug).py"), encoding: .utf8)
    }

    @Test("stdin problems, Solution methods, and compressed private tests")
    func imports() throws {
        let result = try Importer.read(Self.file)
        #expect(result.format == .livecodebench)
        let problems = result.problems
        #expect(problems.map(\.slug) == ["atcoder-abc900-a", "leetcode-9001", "leetcode-9002"])
        #expect(problems.map(\.samples.count) == [2, 2, 2])
        #expect(problems.map(\.hiddenTests.count) == [4, 4, 5])
        #expect(problems.map(\.difficulty) == ["easy", "medium", "easy"])
        #expect(problems.allSatisfy { $0.limits == Limits(timeMilliseconds: 6000, memoryBytes: 512 << 20) })

        let stdin = problems[0]
        #expect(stdin.interface == .standardIO)
        #expect(stdin.samples[0].input == .text("3\n1 5 2\n") && stdin.samples[0].answer == .text("8 5\n"))
        #expect(stdin.statement.hasPrefix("You are given N integers"))
        #expect(stdin.statement.contains("## Examples\n\n```input\n3\n1 5 2\n```\n```output\n8 5\n```\n"))

        let method = try #require(problems[1].interface.function)
        #expect(
            method
                == PythonFunction(
                    entryPoint: "pairSum", className: "Solution",
                    starterCode: "class Solution:\n    def pairSum(self, nums: List[int], target: int) -> List[int]:\n")
        )
        #expect(problems[1].samples[0].input == .text("[2, 7, 11, 15]\n9\n"))
        #expect(problems[1].samples[0].answer == .text("[0, 1]\n"))

        let compressed = problems[2]
        #expect(compressed.interface.function?.entryPoint == "isBalanced")
        let inputs = try compressed.hiddenTests.map { String(decoding: try $0.input.read(), as: UTF8.self) }
        let answers = try compressed.hiddenTests.map { String(decoding: try $0.answer.read(), as: UTF8.self) }
        #expect(inputs[0] == "\"\"" && inputs[1] == "\"()()\"")
        #expect(inputs[3].count == 80_002)
        #expect(answers == ["true", "true", "false", "true", "false"])
    }

    @Test("the reference solutions are accepted in the sandbox, broken ones are not")
    func judged() async throws {
        let problems = try Importer.problems(from: Self.file, format: .livecodebench)
        for problem in problems {
            let report = try await judge(try Self.solution(problem.slug), on: problem)
            #expect(report.verdict == .accepted, "\(problem.slug): \(report.message)")
            #expect(report.tests.count == problem.tests.count)
        }
        let wrong = try await judge(
            "class Solution:\n    def pairSum(self, nums, target):\n        return [0, len(nums) - 1]\n",
            on: problems[1])
        #expect(wrong.verdict == .wrongAnswer)
        #expect(wrong.message == "test sample-1: at [1]: expected 1, got 3")
    }

    @Test("written as Markdown and loaded back, the problems are the same and still judge the same")
    func roundTrip() async throws {
        let problems = try Importer.problems(from: Self.file)
        try await withRoundTrip(problems) { loaded in
            for problem in loaded {
                let report = try await judge(try Self.solution(problem.slug), on: problem)
                #expect(report.verdict == .accepted, "\(problem.slug): \(report.message)")
            }
        }
    }

    /// The fixture's functional record with some fields replaced.
    static func record(_ changes: [String: JSONValue]) throws -> String {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        guard case .object(var members) = try JSONValue.parse(String(lines[1])) else { return "" }
        for (key, value) in changes {
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = value
            } else {
                members.append(JSONValue.Member(key, value))
            }
        }
        members.removeAll { changes[$0.key] == .null }
        return JSONValue.object(members).json
    }

    struct BadRecord: Sendable, CustomTestStringConvertible {
        var what: String
        var changes: [String: JSONValue]
        var field: String
        var message: String
        var testDescription: String { what }
    }

    static let badRecords: [BadRecord] = [
        BadRecord(
            what: "no func_name", changes: ["metadata": .string("{}")], field: "metadata.func_name",
            message: "field metadata.func_name is missing; expected the name of the method the tests call"),
        BadRecord(
            what: "metadata not JSON", changes: ["metadata": .string("{func_name: x}")], field: "metadata",
            message: "field metadata is not valid JSON at byte 2: expected a key in quotes"),
        BadRecord(
            what: "title a number", changes: ["question_title": .number("7")], field: "question_title",
            message: "field question_title is a number; expected the problem's title"),
        BadRecord(
            what: "no statement", changes: ["question_content": .null], field: "question_content",
            message: "field question_content is missing; expected the statement"),
        BadRecord(
            what: "private tests neither JSON nor base64", changes: ["private_test_cases": .string("[{oops")],
            field: "private_test_cases",
            message: "field private_test_cases is neither JSON nor base64 (of zlib-compressed pickled JSON text)"),
        BadRecord(
            what: "base64 of something else", changes: ["private_test_cases": .string("aGVsbG8gd29ybGQ=")],
            field: "private_test_cases",
            message: "field private_test_cases is base64 but not zlib-compressed data (corrupt compressed data "
                + "(incorrect header check))"),
        BadRecord(
            what: "a pickled int", changes: ["private_test_cases": .string("eJxrYPFm1QMAA64BAw==")],
            field: "private_test_cases",
            message: "field private_test_cases decompresses to a pickle that is not one str (pickle byte 2: "
                + "opcode 0x4b, which a pickled str does not use; expected a single pickled str)"),
        BadRecord(
            what: "arguments not JSON",
            changes: [
                "public_test_cases": .string(#"[{"input": "[1, 2\n3", "output": "[0, 1]", "testtype": "functional"}]"#)
            ],
            field: "public_test_cases[0].input",
            message: "field public_test_cases[0].input has argument line 1: not valid JSON at byte 6: expected "
                + "',' or ']'; expected one JSON value per argument line"),
        BadRecord(
            what: "two kinds of tests",
            changes: ["public_test_cases": .string(#"[{"input": "1\n", "output": "1\n", "testtype": "stdin"}]"#)],
            field: "private_test_cases[0].testtype",
            message: "field private_test_cases[0].testtype is functional, but another test is stdin; expected one "
                + "kind of test per problem"),
        BadRecord(
            what: "unknown test type",
            changes: ["public_test_cases": .string(#"[{"input": "1", "output": "1", "testtype": "interactive"}]"#)],
            field: "public_test_cases[0].testtype",
            message: "field public_test_cases[0].testtype is \"interactive\"; expected stdin or functional"),
    ]

    @Test("a bad record is an error naming the line and the field", arguments: badRecords)
    func badRecord(_ bad: BadRecord) throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "lcb")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.jsonl")
        try ("\n" + (try Self.record(bad.changes)) + "\n").write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ImportError.self) { try Importer.problems(from: file, format: .livecodebench) }
        #expect(error?.line == 2)
        #expect(error?.description == "\(file.path):2: \(bad.message)")
    }

    @Test(
        "pickles of one str from every protocol are read, others refused",
        arguments: [
            ("58040000006162c3a971002e", "abé"),  // protocol 1
            ("800258040000006162c3a971002e", "abé"),  // 2
            ("80049508000000000000008c046162c3a9942e", "abé"),  // 4
            ("80059508000000000000008c046162c3a9942e", "abé"),  // 5
        ])
    func pickles(hex: String, text: String) throws {
        #expect(try PickledString.decode(Self.bytes(hex)) == text)
    }

    @Test("pickles that are not one str are refused, naming the byte")
    func badPickles() {
        #expect(throws: PickleError(offset: 0, reason: "opcode 0x56, which a pickled str does not use")) {
            try PickledString.decode(Data("Vab\np0\n.".utf8))  // protocol 0
        }
        #expect(throws: PickleError(offset: 2, reason: "the pickle ends early")) {
            try PickledString.decode(Self.bytes("8c0461"))
        }
        #expect(throws: PickleError(offset: 3, reason: "a second object")) {
            try PickledString.decode(Self.bytes("8c01618c01622e"))
        }
    }

    @Test("zlib streams and multi-member gzip files inflate; corrupt data is an error")
    func inflate() throws {
        #expect(try Inflate.decompress(Self.bytes("789c4b4c4a0600024d0127")) == Data("abc".utf8))
        let gzip = Self.bytes(
            "1f8b0800000000000203cb48cdc9c9570000f6f981ed060000001f8b08000000000002032bcf2fca49e10200a86138dd06000000")
        #expect(Inflate.isGzip(gzip))
        #expect(try Inflate.decompress(gzip) == Data("hello world\n".utf8))
        #expect(throws: InflateError.self) { try Inflate.decompress(gzip.prefix(30)) }
        #expect(throws: InflateError.self) { try Inflate.decompress(Data("not compressed".utf8)) }
    }

    static func bytes(_ hex: String) -> Data {
        var data = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            data.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return data
    }
}
