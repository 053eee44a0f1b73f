import Foundation
import TestSupport
import Testing

@testable import ProblemFormat

/// Markdown function problems: `interface: function`, the ```python starter block, JSON samples, and hidden
/// `.in` + `.ans` or `.py` check tests.
@Suite struct FunctionProblemTests {
    static let method = """
        ---
        title: Pair Sum
        interface: function
        entry_point: pairSum
        class: Solution
        ---
        Return the indices of two numbers adding up to target.

        ```input
        [2, 7, 11, 15]
        9
        ```
        ```output
        [0, 1]
        ```

        ```python starter
        class Solution:
            def pairSum(self, nums: List[int], target: int) -> List[int]:
        ```

        """

    @Test func loadsTheInterfaceStarterAndTests() throws {
        try withScratchFolder { folder in
            let url = try folder.write("pair-sum.md", Self.method)
            try folder.write("pair-sum/1.in", "[3, 3]\n6\n")
            try folder.write("pair-sum/1.ans", "[0, 1]\n")
            try folder.write("pair-sum/check.py", "def check(candidate):\n    assert candidate([1, 2], 3) == [0, 1]\n")
            let problem = try ProblemLoader.load(url)
            #expect(
                problem.interface
                    == .pythonFunction(
                        PythonFunction(
                            entryPoint: "pairSum", className: "Solution",
                            starterCode:
                                "class Solution:\n    def pairSum(self, nums: List[int], target: int) -> List[int]:\n"))
            )
            #expect(problem.statement.hasPrefix("Return the indices"))
            #expect(
                problem.statement.hasSuffix("[0, 1]\n```\n"),
                "the starter block and the blank lines around it are not part of the statement")
            #expect(problem.samples.map(\.input) == [.text("[2, 7, 11, 15]\n9\n")])
            #expect(problem.tests.map(\.name) == ["sample-1", "1", "check"])
            #expect(problem.tests.map(\.kind) == [.output, .output, .pythonCheck])
            #expect(problem.hiddenTests[1].answer == .text(""))
            #expect(problem.hiddenTests[1].input.file?.lastPathComponent == "check.py")
            #expect(
                try problem.interface.function?.call(arguments: "[1, \"a\", true, null]\n{\"k\": 2.5}\n")
                    == "Solution().pairSum([1, 'a', True, None], {'k': 2.5})")
        }
    }

    struct BadProblem: Sendable, CustomTestStringConvertible {
        var what: String
        var text: String
        var line: Int?
        var message: String
        var testDescription: String { what }
    }

    static let starter = "```python starter\ndef f(x):\n```\n"
    static let sample = "```input\n1\n```\n```output\n2\n```\n"

    static let badProblems: [BadProblem] = [
        BadProblem(
            what: "no entry point", text: "---\ninterface: function\n---\n" + starter + sample, line: 2,
            message:
                "entry_point is missing; expected entry_point: NAME, the Python function (or method) the tests call"),
        BadProblem(
            what: "entry point not a name",
            text: "---\ninterface: function\nentry_point: max-sum\n---\n" + starter + sample,
            line: 3,
            message: "entry_point \"max-sum\" is not a Python name; expected letters, digits and _, e.g. max_sum"),
        BadProblem(
            what: "no starter", text: "---\ninterface: function\nentry_point: f\n---\n" + sample, line: nil,
            message:
                "interface: function without starter code; expected a ```python starter block with the code the model completes"
        ),
        BadProblem(
            what: "starter in a standard-I/O problem", text: "# T\n\n" + starter + sample, line: 3,
            message:
                "a ```python starter block in a standard-I/O problem; expected interface: function in the front matter, or a ```python block without `starter`"
        ),
        BadProblem(
            what: "two starters", text: "---\ninterface: function\nentry_point: f\n---\n" + starter + starter + sample,
            line: 8,
            message: "a second ```python starter block (the first is on line 5); expected one starter block per problem"
        ),
        BadProblem(
            what: "entry point without function", text: "---\nentry_point: f\n---\n" + sample, line: 2,
            message:
                "entry_point \"f\" applies only to function problems; expected interface: function with it, or no entry_point"
        ),
        BadProblem(
            what: "unknown interface", text: "---\ninterface: lambda\n---\n" + sample, line: 2,
            message:
                "interface \"lambda\" is not an interface; expected stdio (the program reads stdin) or function (the judge calls a Python function)"
        ),
        BadProblem(
            what: "a checker",
            text: "---\ninterface: function\nentry_point: f\nchecker: exact\n---\n" + starter + sample,
            line: 4,
            message:
                "checker \"exact\" does not apply to interface: function; expected no checker key (a function's result is compared with the answer as JSON values)"
        ),
        BadProblem(
            what: "arguments not JSON",
            text: "---\ninterface: function\nentry_point: f\n---\n" + starter
                + "```input\n1\n[2, 3\n```\n```output\n2\n```\n",
            line: 10, message: "sample-1's argument line 2 is not valid JSON (at byte 6 expected ',' or ']')"),
        BadProblem(
            what: "result not JSON",
            text: "---\ninterface: function\nentry_point: f\n---\n" + starter
                + "```input\n1\n```\n```output\nyes\n```\n",
            line: 12, message: "sample-1's expected result is not valid JSON (at byte 1 expected a value)"),
    ]

    @Test("a malformed function problem is an error naming the file and line", arguments: badProblems)
    func malformed(_ bad: BadProblem) throws {
        try withScratchFolder { folder in
            let url = try folder.write("bad.md", bad.text)
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(error?.file == url.path)
            #expect(error?.line == bad.line)
            let location = bad.line.map { "\(url.path):\($0)" } ?? url.path
            #expect(error?.description == "\(location): \(bad.message)")
        }
    }

    @Test func problemsEncodedBeforeFunctionModeStillDecode() throws {
        let problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
        var object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(problem)) as? [String: Any])
        #expect(object["interface"] != nil)
        object["interface"] = nil
        object["tests"] = (object["tests"] as? [[String: Any]])?.map { $0.filter { $0.key != "kind" } }
        let old = try JSONDecoder().decode(Problem.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old == problem)

        var function = problem
        function.interface = .pythonFunction(PythonFunction(entryPoint: "f", className: "S", starterCode: "class S:\n"))
        function.tests[0].kind = .pythonCheck
        #expect(try JSONDecoder().decode(Problem.self, from: JSONEncoder().encode(function)) == function)
    }
}
