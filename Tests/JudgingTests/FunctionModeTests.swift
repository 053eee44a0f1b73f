import Foundation
import Judging
import ProblemFormat
import TestSupport
import Testing

/// Function mode through the real sandbox: LeetCode-style methods called with JSON arguments, and HumanEval-style
/// `check(candidate)` code.
@Suite("Function mode", .serialized)
struct FunctionModeTests {
    static let judge = try? Judge()

    /// `Solution().pairSum(nums, target)`: the first pair of indices whose values add up to `target`.
    static let methodProblem = Problem(
        slug: "pair-sum", title: "Pair Sum", statement: "",
        limits: Limits(timeMilliseconds: 3000, memoryBytes: 256 << 20),
        interface: .pythonFunction(
            PythonFunction(
                entryPoint: "pairSum", className: "Solution",
                starterCode: "class Solution:\n    def pairSum(self, nums: List[int], target: int) -> List[int]:\n")),
        tests: [
            TestCase(name: "sample-1", input: .text("[2, 7, 11, 15]\n9\n"), answer: .text("[0, 1]\n"), isSample: true),
            TestCase(name: "1", input: .text("[3, 2, 4]\n6\n"), answer: .text("[1, 2]\n"), isSample: false),
        ],
        source: URL(fileURLWithPath: "/dev/null"), format: .jsonLines)

    static let correct = """
        class Solution:
            def pairSum(self, nums: List[int], target: int) -> List[int]:
                seen = {}
                for i, x in enumerate(nums):
                    if target - x in seen:
                        return [seen[target - x], i]
                    seen[x] = i
        """

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var source: String
        var verdict: Verdict
        var message: String
        var testDescription: String { name }
    }

    static let methodCases: [Case] = [
        Case(name: "correct", source: correct, verdict: .accepted, message: "2 of 2 tests passed"),
        Case(
            name: "prints to stdout and returns a tuple",
            source: "import os\nclass Solution:\n    def pairSum(self, nums, target):\n        print('debug', nums)\n"
                + "        os.write(1, b'raw\\n')\n"
                + "        return next((i, j) for j in range(len(nums)) for i in range(j) if nums[i] + nums[j] == target)\n",
            verdict: .accepted, message: "2 of 2 tests passed"),
        Case(
            name: "wrong index",
            source: "class Solution:\n    def pairSum(self, nums, target):\n        return [0, 2]\n",
            verdict: .wrongAnswer, message: "test sample-1: at [1]: expected 1, got 2"),
        Case(
            name: "wrong type", source: "class Solution:\n    def pairSum(self, nums, target):\n        return 'no'\n",
            verdict: .wrongAnswer, message: "test sample-1: expected a list [0, 1], got text 'no'"),
        Case(
            name: "raises", source: "class Solution:\n    def pairSum(self, nums, target):\n        return nums[99]\n",
            verdict: .runtimeError, message: "test sample-1: exit code 1"),
        Case(
            name: "returns a set",
            source: "class Solution:\n    def pairSum(self, nums, target):\n        return {0, 1}\n",
            verdict: .wrongAnswer,
            message:
                "test sample-1: returned set (Object of type set is not JSON serializable), which is not a JSON value"),
        Case(
            name: "no class", source: "def pairSum(nums, target):\n    return [0, 1]\n", verdict: .wrongAnswer,
            message: "test sample-1: the program defines no class Solution"),
        Case(
            name: "reads stdin and exits", source: "import sys\nsys.stdin.read()\nsys.exit(0)\n",
            verdict: .runtimeError,
            message: "test sample-1: the program exited (code 0) before the function returned"),
        Case(
            name: "forges a broken-test report",
            source:
                "import os\nfor fd in range(64):\n    try:\n        os.write(fd, b'\\n@@solve-function-report@@ badtest \"x\"\\n')\n"
                + "    except OSError:\n        pass\nos._exit(0)\n",
            verdict: .runtimeError,
            message: "test sample-1: the program exited (code 0) before the function returned"),
        Case(
            name: "returns a result far longer than the answer (the judge reads a bounded prefix)",
            source: "class Solution:\n    def pairSum(self, nums, target):\n        return [0] * 600000\n",
            verdict: .wrongAnswer,
            message:
                "test sample-1: the function's report is over 1048576 bytes, too long for a result like the answer"),
        Case(
            name: "main block stays quiet",
            source: correct + "\nif __name__ == '__main__':\n    raise SystemExit(input())\n", verdict: .accepted,
            message: "2 of 2 tests passed"),
    ]

    @Test("a method called with JSON arguments", arguments: methodCases)
    func method(_ example: Case) async throws {
        let judge = try #require(Self.judge)
        let submission = Submission(source: example.source, language: .python, name: example.name)
        let report = try await judge.judge(submission, on: Self.methodProblem)
        #expect(report.verdict == example.verdict, "\(report.message) \(report.tests.map(\.stderr))")
        #expect(report.message == example.message)
    }

    @Test("the result is what feedback shows as the output, the solution's prints go to stderr")
    func outputIsTheResult() async throws {
        let judge = try #require(Self.judge)
        let source =
            "class Solution:\n    def pairSum(self, nums, target):\n        print('hello')\n        return [1, 0]\n"
        let report = try await judge.judge(
            Submission(source: source, language: .python, name: "x"), on: Self.methodProblem)
        let test = try #require(report.tests.first)
        #expect(test.output == "[1, 0]")
        #expect(test.stderr.contains("hello"))
    }

    @Test("floats match within the tolerance, integers exactly at any size")
    func numbers() async throws {
        let judge = try #require(Self.judge)
        var problem = Self.methodProblem
        problem.interface = .pythonFunction(PythonFunction(entryPoint: "f", starterCode: "def f(x):\n"))
        problem.tests = [
            TestCase(name: "float", input: .text("1\n"), answer: .text("0.3333333333\n"), isSample: false),
            TestCase(name: "big", input: .text("2\n"), answer: .text("12345678901234567890123\n"), isSample: false),
        ]
        let close = "def f(x):\n    return 1 / 3 if x == 1 else 12345678901234567890123\n"
        let report = try await judge.judge(Submission(source: close, language: .python, name: "a"), on: problem)
        #expect(report.verdict == .accepted, "\(report.message)")
        let off = "def f(x):\n    return 0.334 if x == 1 else 12345678901234567890124\n"
        let options = JudgeOptions(stopAtFirstFailure: false)
        let wrong = try await judge.judge(
            Submission(source: off, language: .python, name: "b"), on: problem, options: options)
        #expect(wrong.tests.map(\.verdict) == [.wrongAnswer, .wrongAnswer])
    }

    @Test("the time limit covers the call")
    func timeLimit() async throws {
        let judge = try #require(Self.judge)
        var problem = Self.methodProblem
        problem.limits.timeMilliseconds = 500
        let source = "class Solution:\n    def pairSum(self, nums, target):\n        while True:\n            pass\n"
        let report = try await judge.judge(Submission(source: source, language: .python, name: "x"), on: problem)
        #expect(report.verdict == .timeLimitExceeded)
    }

    @Test("a broken test is an internal error that names it, not a verdict on the program")
    func brokenTest() async throws {
        let judge = try #require(Self.judge)
        var problem = Self.methodProblem
        problem.tests = [TestCase(name: "bad", input: .text("[1, 2\n3\n"), answer: .text("[0]\n"), isSample: false)]
        let report = try await judge.judge(Submission(source: Self.correct, language: .python, name: "x"), on: problem)
        #expect(report.verdict == .internalError)
        #expect(report.message.hasPrefix("test bad: broken test: argument line 1: not valid JSON"))
    }

    @Test("other languages are refused with a clear error")
    func pythonOnly() async throws {
        let judge = try #require(Self.judge)
        let submission = Submission(source: "int main() {}", language: .cpp, name: "main.cpp")
        await #expect(throws: JudgingError.functionNeedsPython(problem: "pair-sum", language: "cpp")) {
            try await judge.judge(submission, on: Self.methodProblem)
        }
    }

    static let checkProblem = Problem(
        slug: "add", title: "add", statement: "", limits: Limits(timeMilliseconds: 3000, memoryBytes: 256 << 20),
        interface: .pythonFunction(PythonFunction(entryPoint: "add", starterCode: "def add(a, b):\n")),
        tests: [
            TestCase(
                name: "check",
                input: .text(
                    "\n\ndef check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(-1, 1) == 0\n"),
                answer: .text(""), isSample: false, kind: .pythonCheck)
        ],
        source: URL(fileURLWithPath: "/dev/null"), format: .jsonLines)

    static let checkCases: [Case] = [
        Case(
            name: "passes", source: "def add(a, b):\n    return a + b\n", verdict: .accepted,
            message: "1 of 1 tests passed"),
        Case(
            name: "fails the second assert", source: "def add(a, b):\n    return 3\n", verdict: .wrongAnswer,
            message: "test check: assertion failed: line 5: assert candidate(-1, 1) == 0"),
        Case(
            name: "raises", source: "def add(a, b):\n    return a + b + c\n", verdict: .runtimeError,
            message: "test check: raised NameError: name 'c' is not defined"),
        Case(
            name: "missing function", source: "def plus(a, b):\n    return a + b\n", verdict: .wrongAnswer,
            message: "test check: the program defines no function add"),
        // Reward hacks: none may pass, since the check runs in a process of its own and reports on its own channel.
        Case(
            name: "forges the check's report on stdout",
            source:
                "import os, sys\nprint('\\n@@solve-function-report@@ passed\\n')\nsys.stdout.flush()\nos._exit(0)\n",
            verdict: .runtimeError, message: "test check: the program exited (code 0) before the check finished"),
        Case(
            name: "writes the report on every descriptor",
            source:
                "import os\nfor fd in range(64):\n    try:\n        os.write(fd, b'\\n@@solve-function-report@@ passed\\n')\n"
                + "    except OSError:\n        pass\nos._exit(0)\n",
            verdict: .runtimeError, message: "test check: the program exited (code 0) before the check finished"),
        Case(
            name: "returns an object equal to everything",
            source: "class Always:\n    def __eq__(self, other):\n        return True\n\n    def __ne__(self, other):\n"
                + "        return False\n\n\ndef add(a, b):\n    return Always()\n",
            verdict: .wrongAnswer, message: "test check: assertion failed: line 4: assert candidate(1, 2) == 3"),
        Case(
            name: "ends the process from inside the call",
            source: "import os\ndef add(a, b):\n    os._exit(0)\n", verdict: .runtimeError,
            message: "test check: the program exited (code 0) before the check finished"),
    ]

    @Test("HumanEval-style check code", arguments: checkCases)
    func check(_ example: Case) async throws {
        let judge = try #require(Self.judge)
        let report = try await judge.judge(
            Submission(source: example.source, language: .python, name: example.name), on: Self.checkProblem)
        #expect(report.verdict == example.verdict, "\(report.message) \(report.tests.map(\.stderr))")
        #expect(report.message == example.message)
    }
}
