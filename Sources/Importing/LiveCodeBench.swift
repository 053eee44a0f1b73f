import Foundation
import ProblemFormat

/// LiveCodeBench `code_generation_lite` records: `question_title`, `question_content`, `platform`, `question_id`,
/// `starter_code`, `difficulty`, `public_test_cases` and `private_test_cases` (JSON text of a list of `{input,
/// output, testtype}`; the private ones often `base64(zlib(pickle(json_text)))`), and `metadata` (JSON text,
/// with `func_name` for functional problems).
enum LiveCodeBench {
    /// 6 s, LiveCodeBench's own timeout per test, and 512 MiB.
    static let limits = Limits(timeMilliseconds: 6000, memoryBytes: 512 << 20)

    /// A standard-I/O problem (`testtype: stdin`), or a function problem calling `Solution().<func_name>` with
    /// JSON arguments (`testtype: functional`).
    static func problem(from record: RecordField, source: URL) throws -> Problem {
        let title = try record["question_title"].string("the problem's title")
        let content = try record["question_content"].string("the statement")
        let platform = try record["platform"].string("leetcode, atcoder or codeforces")
        let questionID = try record["question_id"].string("the problem's id on its platform")
        let starterCode = try record["starter_code"].string("the code to complete (empty for standard I/O)")
        let difficulty = try record["difficulty"].string("easy, medium or hard")
        let publicTests = try tests(record["public_test_cases"], compressed: false)
        let privateTests = try tests(record["private_test_cases"], compressed: true)
        let metadata = try jsonText(record["metadata"], expected: "JSON text such as {\"func_name\": \"maxSum\"}")

        let all = publicTests + privateTests
        guard let first = all.first else {
            throw record["public_test_cases"].invalid("and private_test_cases hold no tests; expected at least one")
        }
        if let other = all.first(where: { $0.type != first.type }) {
            throw other.field["testtype"].invalid(
                "is \(other.type), but another test is \(first.type); expected one kind of test per problem")
        }
        var interface = ProgramInterface.standardIO
        if first.type == "functional" {
            let name = metadata["func_name"]
            let function = try name.string("the name of the method the tests call")
            guard PythonFunction.isIdentifier(function) else {
                throw name.invalid("\"\(function)\" is not a Python name")
            }
            interface = .pythonFunction(
                PythonFunction(
                    entryPoint: function, className: "Solution", starterCode: Importing.starterCode(starterCode)))
            for test in all {
                try validateJSON(test)
            }
        }
        let samples = publicTests.enumerated().map { index, test in
            TestCase(
                name: "sample-\(index + 1)", input: .text(MarkdownWriter.blockText(test.input)),
                answer: .text(MarkdownWriter.blockText(test.output)), isSample: true)
        }
        let hidden = privateTests.enumerated().map { index, test in
            TestCase(name: "\(index + 1)", input: .text(test.input), answer: .text(test.output), isSample: false)
        }
        guard !slug(questionID).isEmpty else { throw record["question_id"].invalid("has no letters or digits") }
        return Problem(
            slug: slug("\(platform)-\(questionID)"), title: title,
            statement: MarkdownWriter.statement(content, samples: samples), limits: limits,
            difficulty: difficulty.isEmpty ? nil : difficulty, interface: interface, tests: samples + hidden,
            source: source, format: .jsonLines)
    }

    /// One entry of a test list.
    struct Test {
        var input: String
        var output: String
        /// `stdin` or `functional`.
        var type: String
        var field: RecordField
    }

    /// The tests of a `*_test_cases` field: JSON text, or (`compressed`) base64 of zlib of a pickled JSON text.
    private static func tests(_ field: RecordField, compressed: Bool) throws -> [Test] {
        let text = try field.string("JSON text of a list of {input, output, testtype}")
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch let error as JSONSyntaxError {
            guard compressed else { throw field.invalid("is \(error)") }
            value = try decompressed(text, field: field)
        }
        let list = field.nested(value)
        return try list.items("a list of {input, output, testtype}").map { item in
            let type = try item["testtype"].string("stdin or functional")
            guard type == "stdin" || type == "functional" else {
                throw item["testtype"].invalid("is \"\(type)\"; expected stdin or functional")
            }
            return Test(
                input: try item["input"].string("the test's input as text"),
                output: try item["output"].string("the expected output as text"), type: type, field: item)
        }
    }

    /// A compressed test list: base64 → zlib → a pickled str → JSON.
    private static func decompressed(_ text: String, field: RecordField) throws -> JSONValue {
        guard let packed = Data(base64Encoded: text) else {
            throw field.invalid("is neither JSON nor base64 (of zlib-compressed pickled JSON text)")
        }
        let json: String
        do {
            json = try PickledString.decode(try Inflate.decompress(packed))
        } catch let error as InflateError {
            guard case .tooLarge = error else {
                throw field.invalid("is base64 but not zlib-compressed data (\(error))")
            }
            throw field.invalid("\(error); expected at most that much test data (--skip-invalid leaves it out)")
        } catch let error as PickleError {
            throw field.invalid("decompresses to a pickle that is not one str (\(error))")
        }
        do {
            return try JSONValue.parse(json)
        } catch let error as JSONSyntaxError {
            throw field.invalid("decompresses to text that is \(error)")
        }
    }

    /// A field holding JSON text, parsed.
    private static func jsonText(_ field: RecordField, expected: String) throws -> RecordField {
        let text = try field.string(expected)
        do {
            return field.nested(try JSONValue.parse(text))
        } catch let error as JSONSyntaxError {
            throw field.invalid("is \(error)")
        }
    }

    /// Checks that a functional test holds one JSON argument per input line and a JSON result.
    private static func validateJSON(_ test: Test) throws {
        do {
            _ = try PythonFunction.arguments(test.input)
        } catch let error as FunctionTestError {
            throw test.field["input"].invalid("has \(error); expected one JSON value per argument line")
        }
        do {
            _ = try JSONValue.parse(test.output)
        } catch let error as JSONSyntaxError {
            throw test.field["output"].invalid("is \(error); expected the JSON-encoded return value")
        }
    }
}
