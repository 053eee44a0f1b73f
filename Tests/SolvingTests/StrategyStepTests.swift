import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat
import TestSupport
import Testing

@testable import Solving

/// Each step of the contestant strategy on its own, with a state built by hand and the in-process doubles.
@Suite struct StrategyStepTests {
    let problem: Problem
    let prompts: PromptLibrary

    init() throws {
        problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
        prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
    }

    func context(
        _ chat: ScriptedChatModel = ContestantScripts.model(candidates: [:]), judge: ScriptedJudge,
        problem: Problem? = nil, budget: Int = 8, languages: [Language] = [.cpp, .python]
    ) -> StrategyContext {
        var model = ModelConfig.codeDefaults(alias: "m", served: chat.served, endpoints: ["http://scripted/v1"])
        model.sampling.seed = ContestantScripts.seed
        let endpoints = EndpointPool(timeouts: SolveConfig.builtIn.timeouts, retry: RetryPolicy()) { _, _ in chat }
        return StrategyContext(
            problem: problem ?? self.problem, model: model, languages: languages, budget: budget, prompts: prompts,
            judge: judge, endpoints: endpoints)
    }

    /// A candidate of attempt `number` named `name`, judged on the samples by `judge`.
    func candidate(_ number: Int, _ name: String, _ language: Language = .cpp, judge: ScriptedJudge) async throws
        -> Candidate
    {
        let code = ContestantScripts.program(name, language.id)
        let report = try await judge.judge(
            Submission(source: code, language: language, name: "c"), on: problem.contestantView,
            options: JudgeOptions(stopAtFirstFailure: false))
        return Candidate(
            attempt: number,
            program: ExtractedProgram(code: code, language: language.id, origin: .answer, unterminated: false),
            language: language, tokens: 10 * number, samples: report)
    }

    /// Generated inputs from the scripted generator's tests `tests`.
    func inputs(_ tests: ClosedRange<Int>) -> [GeneratedInput] {
        tests.map { GeneratedInput(data: Data(ContestantScripts.generated($0).utf8), generator: 9, test: $0) }
    }

    // MARK: Candidates

    @Test(arguments: [(1, 1), (2, 2), (3, 2), (4, 3), (5, 4), (6, 4), (8, 6), (12, 10)])
    func breadthLeavesRoomForTheGeneratorAndARepair(budget: Int, candidates: Int) {
        #expect(ParallelCandidates.breadth(forBudget: budget) == candidates)
    }

    @Test func candidatesStayWithinTheBudgetAndAPinnedLanguage() async throws {
        let chat = ContestantScripts.model(candidates: [1: ("fast", "python"), 2: ("fast", "python")])
        let judge = ContestantScripts.judge(["fast": .correct])
        var state = StrategyState()
        state.attempts = []
        let context = self.context(chat, judge: judge, budget: 2, languages: [.python])
        let line = try await ParallelCandidates(count: 5).run(on: &state, in: context)
        #expect(chat.requests.count == 2)
        #expect(chat.requests.allSatisfy { $0.messages.last?.content.contains("```python") == true })
        #expect(state.attempts.map(\.temperature) == [0.7, 0.8], "one language: every candidate a step hotter")
        #expect(state.attempts[1].repeatOf == 1 && judge.submissions.count == 1, "the same program is judged once")
        #expect(state.candidates.count == 2 && state.candidates[1].samples != nil)
        #expect(line == "2 at once: #1 python OK, #2 python OK")
        #expect(try await ParallelCandidates(count: 5).run(on: &state, in: context) == nil, "no budget left")
    }

    @Test func aFailedRequestStopsTheStrategyAfterItsWave() async throws {
        let chat = ScriptedChatModel(serving: "scripted/down") { _, _ in
            .failure(.http(endpoint: "scripted", status: 500, message: "CUDA out of memory", retryAfter: nil))
        }
        var state = StrategyState()
        try await Strategy.contestant(maxAttempts: 4).run(
            on: &state, in: context(chat, judge: ContestantScripts.judge([:])))
        #expect(state.attempts.count == 3 && state.attempts.allSatisfy { $0.outcome.isServerFailure })
        #expect(state.serverFailure?.number == 1)
        #expect(state.costs.map(\.step) == ["candidates"], "nothing after the failed wave")
    }

    // MARK: Samples

    @Test func theSampleFilterRulesOutFailuresCompileErrorsAndUnjudgeablePrograms() async throws {
        let judge = ContestantScripts.judge(["fast": .correct, "wrong": .wrong, "broken": .broken])
        var state = StrategyState()
        state.candidates = [
            try await candidate(1, "fast", judge: judge), try await candidate(2, "wrong", judge: judge),
            try await candidate(3, "broken", judge: judge),
            Candidate(
                attempt: 4,
                program: ExtractedProgram(
                    code: "class Main {}\n", language: "java", origin: .answer, unterminated: false),
                language: nil),
        ]
        let line = try await SampleFilter().run(on: &state, in: context(judge: judge))
        #expect(
            state.candidates.map(\.ruledOut) == [
                nil, "WA on sample-1 and 1 more", "does not compile", "cannot be judged here (java)",
            ])
        #expect(line?.hasPrefix("1 of 4 pass every sample: #1; out: #2 WA on sample-1") == true)
    }

    // MARK: Generator

    @Test func theGeneratorIsAskedForOnlyWhenThereIsSomethingToChoose() async throws {
        let judge = ContestantScripts.judge(["fast": .correct, "quick": .correct])
        let chat = ContestantScripts.model(candidates: [:])
        var one = StrategyState()
        one.candidates = [try await candidate(1, "fast", judge: judge)]
        one.attempts = []
        // One survivor and one request left: a generator could not be followed by a repair.
        #expect(try await InputGeneration().run(on: &one, in: context(chat, judge: judge, budget: 1)) == nil)
        #expect(chat.requests.isEmpty)
        var two = one
        two.candidates.append(try await candidate(2, "quick", judge: judge))
        let line = try await InputGeneration().run(on: &two, in: context(chat, judge: judge, budget: 1))
        #expect(line == "#1 10 inputs (largest 13 bytes)")
        #expect(two.inputs.map(\.test) == Array(1...10) && two.attempts.last?.verdict == "generator")
        #expect(ContestantScripts.isGeneratorRequest(try #require(chat.requests.first)))
        #expect(try await InputGeneration().run(on: &two, in: context(chat, judge: judge)) == nil, "asked for once")
    }

    @Test func theGeneratorRequestStatesTheSplitAndTheConstraints() throws {
        let model = ModelConfig.codeDefaults(alias: "c", served: "c", endpoints: ["http://x/v1"])
        let text = try #require(prompts.generatorRequest(problem, tests: 10, model: model).last?.content)
        #expect(text.contains("reads one integer t (1 to 10)"))
        #expect(text.contains("t = 1 to 4: small random inputs"))
        #expect(text.contains("t = 5 to 7: edge cases"))
        #expect(text.contains("t = 8 to 10: the largest inputs the constraints allow"))
        #expect(text.contains("$1 \\le i < j \\le n$") || text.contains("## Input"), "the statement, verbatim")
        #expect(text.contains("```python"))
        let split = GeneratorTests(count: 5)
        #expect(split.small == 1...2 && split.edge == 3...4 && split.large == 5...5)
    }

    @Test func aFunctionProblemsInputsAreJSONArgumentsFromTheModelsCalls() async throws {
        let pairSum = try ProblemLoader.load(Fixtures.fixture("markdown/pair-sum.md"))
        let judge = ContestantScripts.judge([:]) { test in .printed(test == 3 ? "[1, 2\n" : "[1, 2]\n\(test)\n") }
        let chat = ScriptedChatModel(serving: "scripted/calls") { request, _ in
            .answer("```python\nSolution().pairSum([1, 2], 3)\n```\n")
        }
        var state = StrategyState()
        state.candidates = [
            Candidate(
                attempt: 1,
                program: ExtractedProgram(code: "a = 1\n", language: "python", origin: .answer, unterminated: false),
                language: .python),
            Candidate(
                attempt: 2,
                program: ExtractedProgram(code: "b = 2\n", language: "python", origin: .answer, unterminated: false),
                language: .python),
        ]
        let line = try await InputGeneration().run(on: &state, in: context(chat, judge: judge, problem: pairSum))
        #expect(
            line
                == "#1 9 inputs (largest 10 bytes); test 3 left out (test 3 is not JSON arguments (argument line 1: not valid JSON at byte 6: expected ',' or ']'))"
        )
        let request = try #require(chat.requests.first?.messages.last?.content)
        #expect(request.contains("Write 10 calls of `Solution().pairSum`, one per line"))
        #expect(
            request.contains("def pairSum(self, nums: List[int], target: int)"), "the starter code, with its signature")
        let driver = try #require(judge.runs.first?.submission.source)
        #expect(driver.hasPrefix(TestCalls.marker) && driver.contains("NAME = \"pairSum\""))
        #expect(
            state.attempts[0].program?.code == "Solution().pairSum([1, 2], 3)\n", "the record keeps the model's calls")
    }

    // MARK: Selection

    @Test func anInputEverySurvivorFailsOnIsSetAsideAsSuspect() async throws {
        // Input 9 crashes both programs: more likely invalid than both wrong; it rules nobody out.
        let crashesOn9 = { (output: String) in
            ContestantScripts.Behaviour(run: {
                ContestantScripts.test(of: $0) == 9 ? .failed(.runtimeError, "exit code 1") : .printed(output + $0)
            })
        }
        let judge = ContestantScripts.judge(["fast": crashesOn9("same:"), "quick": crashesOn9("same:")])
        var state = StrategyState()
        state.candidates = [
            try await candidate(1, "fast", judge: judge), try await candidate(2, "quick", judge: judge),
        ]
        state.inputs = inputs(1...10)
        let line = try await ExecutionSelection().run(on: &state, in: context(judge: judge))
        #expect(state.suspectInputs.map(\.test) == [9])
        #expect(state.groups == [[1, 2]] && state.choice == 1)
        #expect(line == "10 generated inputs (1 set aside as suspect); groups {#1 #2}; choice #1")
        #expect(state.candidates.allSatisfy { $0.failures == 1 }, "the suspect input still counts as a failure")
    }

    @Test func outputsAgreeUnderTheProblemsFloatToleranceAndGroupsFormInAttemptOrder() async throws {
        var float = problem
        float.checker = .tokens(.float(1e-6))
        let judge = ContestantScripts.judge([
            "a": .init(run: { _ in .printed("0.3333333\n") }), "b": .init(run: { _ in .printed("0.33333333\n") }),
            "c": .init(run: { _ in .printed("0.34\n") }), "d": .init(run: { _ in .printed("0.34000000001\n") }),
            "e": .init(run: { _ in .printed("0.3333334\n") }),
        ])
        var state = StrategyState()
        for (index, name) in ["a", "b", "c", "d", "e"].enumerated() {
            state.candidates.append(try await candidate(index + 1, name, judge: judge))
        }
        state.inputs = inputs(1...2)
        _ = try await ExecutionSelection().run(on: &state, in: context(judge: judge, problem: float))
        #expect(state.groups == [[1, 2, 5], [3, 4]])
        #expect(state.choice == 1)
    }

    @Test func groupsTiedOnSizeGoToTheOneTheOthersAgreeWithMoreOftenInputByInput() async throws {
        // Three groups of one: #1 stands alone on inputs 1 and 2, #2 on input 3, #3 on inputs 4 and 5. Input by
        // input, the others agree with #2 14 times, with #1 and #3 13 times: not the earliest, the most agreed with.
        let alone = { (tests: Set<Int>) in
            ContestantScripts.Behaviour(run: { input in
                .printed(tests.contains(ContestantScripts.test(of: input) ?? 0) ? "odd\n" : "x\n")
            })
        }
        let judge = ContestantScripts.judge(["a": alone([1, 2]), "b": alone([3]), "c": alone([4, 5])])
        var state = StrategyState()
        for (index, name) in ["a", "b", "c"].enumerated() {
            state.candidates.append(try await candidate(index + 1, name, judge: judge))
        }
        state.inputs = inputs(1...10)
        _ = try await ExecutionSelection().run(on: &state, in: context(judge: judge))
        #expect(state.groups == [[2], [1], [3]])
        #expect(state.choice == 2)
        #expect(
            state.choiceReason
                == "passed every sample (2); its group is the largest that agreed on 10 generated inputs (1 of 3); "
                + "tied on size, and the others agree with it more often, input by input (14 against 13)")
        // Two groups of one cannot be told apart this way: the same agreement for both.
        var pair = StrategyState()
        pair.candidates = Array(state.candidates.prefix(2)).map {
            var fresh = $0
            fresh.runs = []
            return fresh
        }
        pair.inputs = inputs(1...10)
        _ = try await ExecutionSelection().run(on: &pair, in: context(judge: judge))
        #expect(pair.groups == [[1], [2]])
    }

    @Test func runningAgainAfterARepairTakesBackItsOwnRulings() async throws {
        // Alone, the quadratic program fails input 8 and is out; with a repair that runs input 8 fine, input 8 is
        // valid and the ruling stands; the repair is chosen. Its runs are not made twice.
        let judge = ContestantScripts.judge(["slow": .quadratic, "fast": .correct])
        var state = StrategyState()
        state.candidates = [try await candidate(1, "slow", judge: judge)]
        state.inputs = inputs(1...10)
        let context = self.context(judge: judge)
        _ = try await ExecutionSelection().run(on: &state, in: context)
        #expect(state.candidates[0].ruledOut?.hasPrefix("TLE on generated input 8") == true)
        #expect(state.choice == nil && state.fallback == 1)
        let runs = judge.runs.count
        state.candidates.append(try await candidate(2, "fast", judge: judge))
        _ = try await ExecutionSelection().run(on: &state, in: context)
        #expect(state.choice == 2 && state.groups == [[2]])
        #expect(state.candidates[0].ruledOut?.hasPrefix("TLE on generated input 8") == true)
        #expect(judge.runs.count == runs + 10, "only the new candidate ran")
    }

    @Test func withACheckerProgramAgreementIsTheJudgesOwnCall() async throws {
        // A scripted judge standing in for a checker that accepts any output of the same length.
        final class LengthJudge: SubmissionJudge, @unchecked Sendable {  // immutable after init
            let base: ScriptedJudge
            init(_ base: ScriptedJudge) { self.base = base }
            func judge(_ submission: Submission, on problem: Problem, options: JudgeOptions) async throws -> JudgeReport
            {
                try await base.judge(submission, on: problem, options: options)
            }
            func execute(_ submission: Submission, on inputs: [Data], of problem: Problem, options: ExecutionOptions)
                async throws -> ExecutionReport
            {
                try await base.execute(submission, on: inputs, of: problem, options: options)
            }
            func outputsAgree(_ output: Data, _ reference: Data, input: Data, on problem: Problem) async throws -> Bool
            {
                output.count == reference.count
            }
        }
        let base = ContestantScripts.judge([
            "a": .init(run: { _ in .printed("1 2") }), "b": .init(run: { _ in .printed("2 1") }),
            "c": .init(run: { _ in .printed("1 22") }),
        ])
        var state = StrategyState()
        for (index, name) in ["a", "b", "c"].enumerated() {
            state.candidates.append(try await candidate(index + 1, name, judge: base))
        }
        state.inputs = inputs(1...3)
        _ = try await ExecutionSelection().run(on: &state, in: context(judge: base).with(judge: LengthJudge(base)))
        #expect(state.groups == [[1, 2], [3]])
    }

    // MARK: Repair

    @Test func noRepairWhenThereIsAChoiceOrNoBudget() async throws {
        let judge = ContestantScripts.judge(["fast": .correct, "wrong": .wrong])
        let chat = ContestantScripts.model(candidates: [:], repairs: [("fast", "cpp")])
        var chosen = StrategyState()
        chosen.candidates = [
            try await candidate(1, "fast", judge: judge), try await candidate(2, "wrong", judge: judge),
        ]
        chosen.choice = 1
        let repair = EvidenceRepair(then: [])
        #expect(try await repair.run(on: &chosen, in: context(chat, judge: judge)) == nil)
        var lost = chosen
        lost.choice = nil
        lost.attempts = []
        #expect(try await repair.run(on: &lost, in: context(chat, judge: judge, budget: 0)) == nil)
        #expect(chat.requests.isEmpty)
    }

    @Test func aCompileErrorIsEvidenceTooTheLast() async throws {
        let judge = ContestantScripts.judge(["broken": .broken, "wrong": .init(samples: .wrongAnswer, failing: 1)])
        var state = StrategyState()
        state.candidates = [try await candidate(1, "broken", judge: judge)]
        let (target, feedback, evidence) = try #require(
            EvidenceRepair.evidence(in: state, context: context(judge: judge)))
        #expect(target.attempt == 1 && evidence == "compile error")
        #expect(prompts.feedback(feedback, problem: problem, language: .cpp).contains("'vector' was not declared"))
        state.candidates.append(try await candidate(2, "wrong", judge: judge))
        #expect(EvidenceRepair.evidence(in: state, context: context(judge: judge))?.2 == "WA on sample-2")
    }

    // MARK: Pluggable

    @Test func aStepOfOnesOwnPlugsIn() async throws {
        // A stand-in for a stronger selection (a brute force as the reference): it rules out candidate 1 before
        // the selection runs, and the rest of the strategy takes it from there.
        struct RuleOutFirst: StrategyStep {
            let name = "reference"
            func run(on state: inout StrategyState, in context: StrategyContext) async throws -> String? {
                state.candidates[0].ruledOut = "disagrees with the reference on input 1"
                return "ruled out #1"
            }
        }
        let chat = ContestantScripts.model(candidates: [1: ("fast", "cpp"), 2: ("quick", "python")])
        let judge = ContestantScripts.judge(["fast": .correct, "quick": .correct])
        let strategy = Strategy(steps: [
            ParallelCandidates(count: 2), SampleFilter(), RuleOutFirst(), ExecutionSelection(),
        ])
        var state = StrategyState()
        try await strategy.run(on: &state, in: context(chat, judge: judge))
        #expect(state.choice == 2)
        #expect(state.costs.map(\.step) == ["candidates", "samples", "reference", "selection"])
    }

    @Test func aStepThatRunsStepsOfItsOwnIsChargedOnlyForItsOwnWork() async throws {
        let chat = ContestantScripts.model(candidates: [1: ("wrong", "cpp")], repairs: [("fast", "cpp")])
        let judge = ContestantScripts.judge(["wrong": .wrong, "fast": .correct])
        var state = StrategyState()
        try await Strategy.contestant(maxAttempts: 3).run(on: &state, in: context(chat, judge: judge, budget: 3))
        #expect(state.costs.map(\.step) == ["candidates", "samples", "selection", "samples", "selection", "repair"])
        let repair = try #require(state.costs.last)
        #expect(repair.requests == 1 && repair.judgeCalls == 1, "its request and its candidate's samples")
        #expect(state.costs.map(\.requests).reduce(0, +) == state.attempts.count)
        #expect(state.choice == 3)
    }
}

extension StrategyContext {
    /// The same context with another judge.
    func with(judge: any SubmissionJudge) -> StrategyContext {
        StrategyContext(
            problem: problem, model: model, languages: languages, budget: budget, prompts: prompts, judge: judge,
            endpoints: endpoints, seedOffset: seedOffset, earlierRequests: earlierRequests, transcript: transcript,
            onEvent: onEvent)
    }
}
