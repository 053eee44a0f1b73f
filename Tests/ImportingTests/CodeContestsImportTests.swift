import Foundation
import Judging
import ProblemFormat
import TestSupport
import Testing

@testable import Importing

/// CodeContests records: standard-I/O problems with public, private and generated tests.
@Suite("CodeContests import", .serialized)
struct CodeContestsImportTests {
    static let file = Fixtures.fixture("codecontests/problems.jsonl")

    @Test("limits, tags, difficulty and tests come from the record")
    func imports() throws {
        let result = try Importer.read(Self.file)
        #expect(result.format == .codecontests)
        let problems = result.problems
        #expect(problems.map(\.slug) == ["1000-a-sum-of-two", "1000-c-sorted-distinct"])
        #expect(problems.map(\.title) == ["1000_A. Sum of Two", "1000_C. Sorted Distinct"])
        #expect(problems.map(\.interface) == [.standardIO, .standardIO])
        #expect(problems[0].limits == Limits(timeMilliseconds: 1000, memoryBytes: 256 << 20))
        #expect(problems[1].limits == Limits(timeMilliseconds: 2500, memoryBytes: 256 << 20))
        #expect(problems.map(\.tags) == [["implementation", "math"], ["sortings"]])
        #expect(problems.map(\.difficulty) == ["easy", "medium"])
        #expect(problems.map(\.samples.count) == [1, 2])
        #expect(problems.map { $0.hiddenTests.map(\.name) } == [["1", "2", "3", "4", "5"], ["1", "2", "3", "4"]])
        #expect(problems[0].hiddenTests[0].input == .text("-5 5\n"))
        #expect(problems[0].hiddenTests[0].answer == .text("0\n"))
        #expect(problems[0].statement.hasSuffix("## Examples\n\n```input\n1 2\n```\n```output\n3\n```\n"))
    }

    @Test("the reference solutions are accepted in the sandbox, a wrong one is not, also after a round trip")
    func judged() async throws {
        let problems = try Importer.problems(from: Self.file, format: .codecontests)
        let folder = Fixtures.fixture("codecontests/solutions")
        try await withRoundTrip(problems) { loaded in
            for problem in problems + loaded {
                let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                let file = try #require(files.first { $0.hasPrefix(problem.slug + ".") })
                let submission = try Submission.load(folder.appendingPathComponent(file))
                let report = try await judge(submission.source, language: submission.language, on: problem)
                #expect(report.verdict == .accepted, "\(problem.slug): \(report.message)")
            }
        }
        let wrong = try await judge("a, b = map(int, input().split())\nprint(a - b)\n", on: problems[0])
        #expect(wrong.verdict == .wrongAnswer)
    }

    @Test(
        "difficulty: the Codeforces rating when set, else the dataset's level",
        arguments: [
            ("800", "0", "easy"), ("1399", "0", "easy"), ("1400", "3", "medium"), ("2099", "1", "medium"),
            ("2100", "1", "hard"), ("0", "1", "easy"), ("-1", "8", "easy"), ("0", "2", "medium"), ("0", "10", "medium"),
            ("0", "3", "hard"), ("0", "11", "hard"), ("0", "0", "none"), ("0", "6", "none"), ("0", "\"C\"", "medium"),
            ("0", "\"harder\"", "hard"), ("null", "null", "none"),
        ])
    func difficulty(rating: String, level: String, expected: String) throws {
        let record = try JSONValue.parse(#"{"cf_rating": \#(rating), "difficulty": \#(level)}"#)
        let difficulty = try CodeContests.difficulty(RecordField(record: record, file: "f", line: 1))
        #expect((difficulty ?? "none") == expected)
    }

    @Test(
        "a bad record is an error naming the line and the field",
        arguments: [
            (
                #""public_tests": {"input": ["1\n"], "output": []}"#,
                "field public_tests has 1 inputs but 0 outputs; expected one output per input"
            ),
            (
                #""input_file": "input.txt""#,
                "field input_file is \"input.txt\": the program must use files; expected standard I/O only"
            ),
            (
                #""time_limit": {"seconds": 100, "nanos": 0}"#,
                "field time_limit.seconds is 100; expected whole seconds from 0 to 60"
            ),
            (
                #""time_limit": {"seconds": 60, "nanos": 500000000}"#,
                "field time_limit is 60500 ms; expected at most 60 s"
            ),
            (
                #""private_tests": {"input": "1", "output": "1"}"#,
                "field private_tests.input is text; expected a list of texts"
            ),
            (#""difficulty": 40"#, "field difficulty is 40; expected the dataset's level from 0 to 28"),
            // Numbers near Int's ends once trapped in `seconds * 1000`; every number is range-checked as it is read.
            (
                #""time_limit": {"seconds": 9223372036854775807, "nanos": 0}"#,
                "field time_limit.seconds is 9223372036854775807; expected whole seconds from 0 to 60"
            ),
            (
                #""time_limit": {"seconds": -9223372036854775808}"#,
                "field time_limit.seconds is -9223372036854775808; expected whole seconds from 0 to 60"
            ),
            (
                #""time_limit": {"seconds": 1e300}"#,
                "field time_limit.seconds is 1e300; expected whole seconds from 0 to 60"
            ),
            (
                #""time_limit": {"seconds": 1, "nanos": 9223372036854775807}"#,
                "field time_limit.nanos is 9223372036854775807; expected nanoseconds from 0 to 999999999"
            ),
            (
                #""time_limit": {"seconds": 1.5}"#,
                "field time_limit.seconds is 1.5; expected whole seconds from 0 to 60"
            ),
            (
                #""memory_limit_bytes": 9223372036854775807"#,
                "field memory_limit_bytes is 9223372036854775807; expected the memory limit in bytes (0 for none) "
                    + "from 0 to 68719476736"
            ),
            (
                #""memory_limit_bytes": -1"#,
                "field memory_limit_bytes is -1; expected the memory limit in bytes (0 for none) from 0 to 68719476736"
            ),
            (
                #""cf_rating": 123456789012345678901234567890"#,
                "field cf_rating is 123456789012345678901234567890; expected a Codeforces rating such as 1500 from "
                    + "-2147483648 to 2147483647"
            ),
        ])
    func badRecord(field: String, message: String) throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "cc")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.jsonl")
        let base =
            #""name": "X", "description": "d", "public_tests": {"input": ["1\n"], "output": ["1\n"]}, "private_tests": {"input": [], "output": []}, "generated_tests": {"input": [], "output": []}"#
        try "{\(base)}\n{\(base), \(field)}\n".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ImportError.self) { try Importer.problems(from: file, format: .codecontests) }
        #expect(error?.description == "\(file.path):2: \(message)")
    }
}
