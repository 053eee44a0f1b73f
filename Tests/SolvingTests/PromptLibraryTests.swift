import Foundation
import ModelClient
import ModelFleet
import ProblemFormat
import TestSupport
import Testing

@testable import Judging
@testable import Solving

@Suite struct PromptTests {
    let problem: Problem
    let prompts: PromptLibrary

    init() throws {
        problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
        prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
    }

    func report(failing name: String, sample: Bool) -> JudgeReport {
        let passed = TestReport(
            name: "sample-1", isSample: true, verdict: .accepted, timeMilliseconds: 1, wallMilliseconds: 1,
            memoryKiB: 1, message: "", exitCode: 0, signal: nil, output: "1 2\n", stderr: "")
        let failed = TestReport(
            name: name, isSample: sample, verdict: .wrongAnswer, timeMilliseconds: 1, wallMilliseconds: 1, memoryKiB: 1,
            message: "token 1: expected \"SECRET-EXPECTED\", got \"SECRET-GOT\"", exitCode: 0, signal: nil,
            output: "SECRET-OUTPUT\n", stderr: "SECRET-STDERR")
        return JudgeReport(
            verdict: .wrongAnswer, message: "test \(name): wrong", language: "cpp",
            compile: CompileReport(ok: true, log: "", timeMilliseconds: 1),
            tests: [passed, failed], timeMilliseconds: 1, memoryKiB: 1, sandbox: [])
    }

    @Test func hiddenFailuresRevealOnlyTheVerdictAndNumber() throws {
        let hidden = try #require(problem.hiddenTests.first)
        let text = prompts.feedback(
            .judged(report(failing: hidden.name, sample: false), problem: problem), problem: problem, language: .cpp)
        #expect(text.contains("Wrong Answer (WA)"))
        #expect(text.contains("failed hidden test 1"))
        for secret in ["SECRET", hidden.name] { #expect(!text.contains(secret), "leaked \(secret)") }
        let hiddenInput = String(decoding: try hidden.input.read().prefix(40), as: UTF8.self)
        #expect(!text.contains(hiddenInput))
    }

    @Test func sampleFailuresShowInputExpectedAndGot() throws {
        let sample = try #require(problem.samples.last)
        let text = prompts.feedback(
            .judged(report(failing: sample.name, sample: true), problem: problem), problem: problem, language: .cpp)
        #expect(text.contains("On example \(sample.name)"))
        #expect(text.contains("5 -5\n4 -1 0 -7 2"))
        #expect(text.contains("SECRET-OUTPUT"))
        #expect(text.contains("SECRET-STDERR"))
        #expect(text.contains("```cpp"))
    }

    @Test func longOutputIsCut() {
        let clipped = Feedback.clip(String(repeating: "9 ", count: 1000), 400)
        #expect(clipped.hasSuffix("… (1600 more characters)"))
    }

    @Test func firstPromptsNameTheLanguageAndKeepTheStatementVerbatim() {
        let coder = ModelConfig.codeDefaults(alias: "c", served: "c", endpoints: ["http://x/v1"])
        let messages = prompts.firstAttempt(problem, language: .python, model: coder)
        #expect(messages.map(\.role) == [.system, .user])
        #expect(messages[1].content.contains("Python 3"))
        #expect(messages[1].content.contains("```python"))
        #expect(messages[1].content.contains("$a_i + a_j = t$"), "no HTML escaping")
        #expect(!messages[1].content.contains("Example input"), "samples already in the statement are not repeated")
        let r1 = ModelConfig.reasoningDefaults(alias: "r", served: "r", endpoints: ["http://x/v1"])
        #expect(prompts.firstAttempt(problem, language: .cpp, model: r1).map(\.role) == [.user])
    }

    @Test func aStatementWithItsOwnHeadingIsNotGivenTheTitleTwice() throws {
        let coder = ModelConfig.codeDefaults(alias: "c", served: "c", endpoints: ["http://x/v1"])
        let r1 = ModelConfig.reasoningDefaults(alias: "r", served: "r", endpoints: ["http://x/v1"])
        for model in [coder, r1] {
            let text = try #require(prompts.firstAttempt(problem, language: .cpp, model: model).last?.content)
            #expect(problem.statement.hasPrefix("# Two Sum"))
            #expect(text.components(separatedBy: "# Two Sum").count == 2, "the title once: \(model.role)")
        }
        var untitled = problem
        untitled.statement = "Find two positions.\n\n## Input\n\nn and t."
        let text = try #require(prompts.firstAttempt(untitled, language: .cpp, model: coder).last?.content)
        #expect(text.contains("# Two Sum\n\nTime limit: 1 s."))
        #expect(PromptLibrary.statementHasTitle("\n  ## Title\nbody"))
        #expect(!PromptLibrary.statementHasTitle("#include <vector> is not a heading"))
        #expect(!PromptLibrary.statementHasTitle("Text first\n# Heading later"))
    }

    @Test func programsAreAskedForWholeWithEveryInclude() throws {
        let coder = ModelConfig.codeDefaults(alias: "c", served: "c", endpoints: ["http://x/v1"])
        let cpp = try #require(prompts.firstAttempt(problem, language: .cpp, model: coder).last?.content)
        #expect(
            cpp.contains(
                "the whole file, which is compiled exactly as you write it, so start with every #include it uses"
                    + " (such as <vector> and <algorithm>, or just <bits/stdc++.h>) and end with its main function."))
        let python = try #require(prompts.firstAttempt(problem, language: .python, model: coder).last?.content)
        #expect(python.contains("which is run exactly as you write it, with every import it uses."))
        #expect(!python.contains("<vector>"))
        let r1 = ModelConfig.reasoningDefaults(alias: "r", served: "r", endpoints: ["http://x/v1"])
        let reasoning = try #require(prompts.firstAttempt(problem, language: .cpp, model: r1).last?.content)
        #expect(reasoning.contains("starting with every #include it uses (such as <vector>"))
    }

    @Test func aGeneratedInputFailureShowsTheStartOfTheInputAndHowTheRunEnded() {
        let input = Data(("200000 7\n" + String(repeating: "1 ", count: 2000)).utf8)
        let run = ProgramRun.failed(.timeLimitExceeded, "used 1003 ms of CPU, limit 1000 ms")
        let feedback = Feedback.generatedInput(input, run: run, problem: problem)
        let text = prompts.feedback(feedback, problem: problem, language: .cpp)
        #expect(text.contains("Your program was judged: Time Limit Exceeded (TLE)."))
        #expect(text.contains("on an input generated from the constraints (3 KiB), it ended with Time Limit Exceeded"))
        #expect(text.contains("The input begins:\n```\n200000 7\n1 1 1"))
        #expect(text.contains("more characters)"))
        #expect(text.contains("asymptotically faster algorithm"))
    }

    @Test func templatesAreReadAtRunTimeAndHashed() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "prompts")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in PromptLibrary.names {
            try FileManager.default.copyItem(
                at: Fixtures.root.appendingPathComponent("Prompts").appendingPathComponent(name + ".mustache"),
                to: folder.appendingPathComponent(name + ".mustache"))
        }
        try "{{%CONTENT_TYPE: TEXT}}\nCUSTOM {{title}} in {{fence}}".write(
            to: folder.appendingPathComponent("attempt-code.mustache"), atomically: true, encoding: .utf8)
        let custom = try PromptLibrary(folder: folder.path)
        let coder = ModelConfig.codeDefaults(alias: "c", served: "c", endpoints: ["http://x/v1"])
        #expect(custom.firstAttempt(problem, language: .cpp, model: coder).last?.content == "CUSTOM Two Sum in cpp")
        #expect(custom.hash != prompts.hash)
    }

    @Test func aMissingTemplateFolderIsAClearError() {
        #expect(throws: SolveError.self) { try PromptLibrary(folder: "/nonexistent/prompts") }
    }
}
