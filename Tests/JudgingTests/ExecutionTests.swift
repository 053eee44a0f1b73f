import Foundation
import Judging
import ProblemFormat
import TestSupport
import Testing

/// Running programs on inputs without answers (the contestant strategy's generated inputs and its generator) and
/// comparing two programs' outputs, in the real sandbox.
@Suite("Execution on generated inputs", .serialized)
struct ExecutionTests {
    let judge: Judge
    let problem: Problem

    init() throws {
        judge = try Judge()
        problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
    }

    func options(outputLimit: Int = 4 << 20, stop: Bool = false, standalone: Bool = false) -> ExecutionOptions {
        ExecutionOptions(
            limits: Limits(timeMilliseconds: 1000, memoryBytes: 256 << 20), outputLimitBytes: outputLimit,
            stopAtFirstFailure: stop, standalone: standalone)
    }

    static let echoTwice = """
        #include <bits/stdc++.h>
        int main() {
            std::string word;
            std::cin >> word;
            if (word == "loop") for (volatile long i = 0;; i++) {}
            if (word == "crash") return 3;
            for (int i = 0; i < 2000; i++) std::cout << word << ' ';
            std::cout << '\\n';
        }
        """

    @Test func oneCompileManyRunsWholeOutputsAndFailuresThatDoNotStopTheRest() async throws {
        let program = Submission(source: Self.echoTwice, language: .cpp, name: "echo")
        let inputs = ["a", "loop", "crash", "b"].map { Data("\($0)\n".utf8) }
        let report = try await judge.execute(program, on: inputs, of: problem, options: options())
        #expect(report.compile.ok)
        #expect(report.runs.map(\.failure) == [nil, .timeLimitExceeded, .runtimeError, nil])
        #expect(report.runs[0].output.count == 4001, "the whole output, not the report's first KiB")
        #expect(String(decoding: report.runs[3].output.prefix(4), as: UTF8.self) == "b b ")
        #expect(report.runs[1].output.isEmpty && report.runs[2].message == "exit code 3")
        let stopped = try await judge.execute(program, on: inputs, of: problem, options: options(stop: true))
        #expect(stopped.runs.count == 2)
    }

    @Test func tooMuchOutputIsAFailureAndACompileErrorRunsNothing() async throws {
        let program = Submission(source: Self.echoTwice, language: .cpp, name: "echo")
        let limited = try await judge.execute(
            program, on: [Data("a\n".utf8)], of: problem, options: options(outputLimit: 1000))
        #expect(limited.runs.first?.failure == .outputLimitExceeded)
        let broken = Submission(source: "int main() { return x; }\n", language: .cpp, name: "broken")
        let report = try await judge.execute(broken, on: [Data("a\n".utf8)], of: problem, options: options())
        #expect(!report.compile.ok && report.runs.isEmpty)
    }

    @Test func aFunctionsOutputIsItsReturnedJSONAndAGeneratorRunsAsAWholeProgram() async throws {
        let pairSum = try ProblemLoader.load(Fixtures.fixture("markdown/pair-sum.md"))
        let solution = Submission(
            source: "class Solution:\n    def pairSum(self, nums, target):\n        print('noise')\n"
                + "        return [len(nums), target]\n", language: .python, name: "pair")
        let report = try await judge.execute(
            solution, on: [Data("[1, 2, 3]\n7\n".utf8)], of: pairSum, options: options())
        #expect(report.runs.first.map { String(decoding: $0.output, as: UTF8.self) } == "[3, 7]")
        let generator = Submission(
            source: "t = int(input())\nprint(list(range(t)))\nprint(t)\n", language: .python, name: "generator")
        let generated = try await judge.execute(
            generator, on: [Data("3\n".utf8)], of: pairSum, options: options(standalone: true))
        #expect(generated.runs.first.map { String(decoding: $0.output, as: UTF8.self) } == "[0, 1, 2]\n3\n")
    }

    @Test func outputsAgreeByTheProblemsCheckerWithTheOtherOutputAsTheAnswer() async throws {
        #expect(try await judge.outputsAgree(Data("1 2\n".utf8), Data("1  2".utf8), input: Data(), on: problem))
        #expect(try await !judge.outputsAgree(Data("1 2\n".utf8), Data("2 1\n".utf8), input: Data(), on: problem))
        // Split the Number's validator accepts any valid pair and ignores the answer: every valid output agrees.
        let split = try ProblemLoader.load(Fixtures.fixture("kattis/custom-validator"))
        let input = Data("4\n".utf8)
        #expect(try await judge.outputsAgree(Data("1 3\n".utf8), Data("2 2\n".utf8), input: input, on: split))
        #expect(try await !judge.outputsAgree(Data("1 2\n".utf8), Data("2 2\n".utf8), input: input, on: split))
    }
}
