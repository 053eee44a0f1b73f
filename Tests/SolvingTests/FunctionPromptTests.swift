import Foundation
import ModelClient
import ModelFleet
import ProblemFormat
import TestSupport
import Testing

@testable import Judging
@testable import Solving

/// Prompts and feedback for function problems (`Tests/Fixtures/markdown/pair-sum.md`).
@Suite struct FunctionPromptTests {
    let problem: Problem
    let prompts: PromptLibrary

    init() throws {
        problem = try ProblemLoader.load(Fixtures.fixture("markdown/pair-sum.md"))
        prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
    }
    static let starter =
        "```python\nclass Solution:\n    def pairSum(self, nums: List[int], target: int) -> List[int]:\n```"

    @Test(arguments: [ModelRole.code, .reasoning])
    func thePromptShowsTheStarterCodeAndHowTheFunctionIsCalled(role: ModelRole) throws {
        let model =
            role == .code
            ? ModelConfig.codeDefaults(alias: "c", served: "c", endpoints: ["http://x/v1"])
            : ModelConfig.reasoningDefaults(alias: "r", served: "r", endpoints: ["http://x/v1"])
        let user = try #require(prompts.firstAttempt(problem, language: .python, model: model).last?.content)
        #expect(user.contains(Self.starter))
        #expect(user.contains("The judge calls `Solution().pairSum(...)`"))
        #expect(user.contains("do not read standard input") || user.contains("Do not read standard input"))
        #expect(user.contains("the input lists the arguments as JSON values, one per line"))
        #expect(!user.contains("Read all input from standard input"))
        #expect(!user.contains("reads the input from standard input"))
        #expect(user.contains("Given an array of integers"))
    }

    @Test func withoutSamplesThePromptDoesNotExplainTheirFormat() throws {
        var problem = problem
        problem.tests.removeAll(where: \.isSample)
        let model = ModelConfig.codeDefaults(alias: "c", served: "c", endpoints: ["http://x/v1"])
        let messages = prompts.firstAttempt(problem, language: .python, model: model)
        #expect(messages[0].content.contains("Python functions"))
        #expect(!messages[1].content.contains("JSON"))
    }

    @Test func aFailingSampleIsShownAsTheCallTheExpectedAndTheReturnedValue() throws {
        let failed = TestReport(
            name: "sample-1", isSample: true, verdict: .wrongAnswer, timeMilliseconds: 1, wallMilliseconds: 1,
            memoryKiB: 1, message: "at [1]: expected 1, got 2", exitCode: 0, signal: nil, output: "[0,2]",
            stderr: "debug print")
        let report = JudgeReport(
            verdict: .wrongAnswer, message: "test sample-1: wrong", language: "python",
            compile: CompileReport(ok: true, log: "", timeMilliseconds: 1), tests: [failed], timeMilliseconds: 1,
            memoryKiB: 1, sandbox: [])
        let text = prompts.feedback(.judged(report, problem: problem), problem: problem, language: .python)
        #expect(text.contains("Call:\n```python\nSolution().pairSum([2, 7, 11, 15], 9)\n```"))
        #expect(text.contains("Expected return value:\n```\n[0, 1]\n```"))
        #expect(text.contains("Your function returned:\n```\n[0, 2]\n```"))
        #expect(text.contains("Judge: at [1]: expected 1, got 2"))
        #expect(text.contains("debug print"))
        #expect(!text.contains("Input:"))
        #expect(text.contains("corrected code of `pairSum`"))
    }

    @Test func functionProblemsAreSolvedInPythonOnly() throws {
        var config = SolveConfig.builtIn
        config.language = "cpp"
        let solver = Solver(config: config, prompts: prompts, judge: TwoSumScripts.judge())
        #expect(try solver.languageChoices(for: problem, options: SolveOptions(maxAttempts: 1)) == ["python"])
        #expect(
            try solver.languageChoices(for: problem, options: SolveOptions(maxAttempts: 1, language: "py")) == [
                "python"
            ])
        #expect(throws: SolveError.self) {
            try solver.languageChoices(for: problem, options: SolveOptions(maxAttempts: 1, language: "cpp"))
        }
        let stdio = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
        #expect(try solver.languageChoices(for: stdio, options: SolveOptions(maxAttempts: 1)).first == "cpp")
    }
}
