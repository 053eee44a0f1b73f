import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat
import TestSupport
import Testing

@testable import Solving

/// The contestant protocol end to end with the in-process doubles: what the model is asked, what is submitted, what
/// the hidden tests say, and what is recorded.
@Suite struct ContestantSolverTests {
    let problem: Problem

    init() throws {
        problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
    }

    /// A solver whose only model is `chat` (a code model with the scripts' seed), judged by `judge`.
    static func solver(_ chat: ScriptedChatModel, judge: ScriptedJudge, language: String = "cpp") throws -> Solver {
        var model = ModelConfig.codeDefaults(alias: "m", served: chat.served, endpoints: ["http://scripted/v1"])
        model.sampling.seed = ContestantScripts.seed
        var config = SolveConfig.builtIn
        config.models = [model]
        config.language = language
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        return Solver(config: config, prompts: prompts, judge: judge) { _, _ in chat }
    }

    /// Five requests: candidates 1 and 3 (C++) are right and differ, 2 (Python) is quadratic, 4 (Python) fails the
    /// samples; the fifth request is the generator.
    static let fullCandidates: [Int: (name: String, language: String)] = [
        1: ("fast", "cpp"), 2: ("slow", "python"), 3: ("quick", "cpp"), 4: ("wrong", "python"),
    ]
    static let fullBehaviours: [String: ContestantScripts.Behaviour] = [
        "fast": .correct, "quick": .init(sampleMilliseconds: 5), "slow": .quadratic, "wrong": .wrong,
    ]

    @Test func theFirstRequestsGoOutTogetherWithTheirOwnSeedTemperatureAndLanguage() async throws {
        let chat = ContestantScripts.model(candidates: Self.fullCandidates)
        let solver = try Self.solver(chat, judge: ContestantScripts.judge(Self.fullBehaviours))
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 5))
        let candidates = outcome.attempts.filter { $0.strategy == .candidate }
        #expect(candidates.map(\.number) == [1, 2, 3, 4])
        #expect(Set(candidates.map(\.seed)).count == 4)
        #expect(candidates.map(\.temperature) == [0.7, 0.7, 0.8, 0.8])
        let asked = candidates.map { $0.messages.last?.content.contains("```cpp") == true ? "cpp" : "python" }
        #expect(asked == ["cpp", "python", "cpp", "python"])
        #expect(outcome.attempts.map(\.strategy) == [.candidate, .candidate, .candidate, .candidate, .generator])
        #expect(chat.requests.count == 5, "every request counts against --max-attempts 5")
    }

    @Test func anON2CandidateIsRuledOutByAMaximumSizeGeneratedInputAndTheLargestGroupIsSubmitted() async throws {
        let chat = ContestantScripts.model(candidates: Self.fullCandidates)
        let judge = ContestantScripts.judge(Self.fullBehaviours)
        let solver = try Self.solver(chat, judge: judge)
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 5))
        let selection = try #require(outcome.selection)
        #expect(selection.submitted == 1)
        #expect(outcome.verdict == "AC" && outcome.accepted && outcome.protocol == .contestant)
        #expect(selection.groups == [[1, 3]])
        #expect(selection.generatedInputs == 10)
        let ruled = selection.candidates.map { $0.ruledOut ?? "in" }
        #expect(ruled[1].hasPrefix("TLE on generated input 8"))
        #expect(ruled[3] == "WA on sample-1 and 1 more")
        #expect(ruled[0] == "in" && ruled[2] == "in")
        #expect(selection.reason.contains("passed every sample (2)"))
        #expect(selection.reason.contains("largest that agreed on 10 generated inputs (2 of 2)"))
        #expect(outcome.code == ContestantScripts.program("fast", "cpp"))
        #expect(outcome.attempts.map(\.verdict) == ["OK", "OK", "OK", "WA", "generator"])
        // The generator ran once per test number, the three sample survivors once per input.
        let generatorRuns = judge.runs.filter { $0.submission.name.hasPrefix("generator") }
        #expect(generatorRuns.map { String(decoding: $0.input, as: UTF8.self) } == (1...10).map { "\($0)\n" })
        #expect(judge.runs.count - generatorRuns.count == 3 * 10)
    }

    @Test func everyStepsCostIsRecorded() async throws {
        let chat = ContestantScripts.model(candidates: Self.fullCandidates)
        let solver = try Self.solver(chat, judge: ContestantScripts.judge(Self.fullBehaviours))
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 5))
        let steps = try #require(outcome.selection?.steps)
        #expect(steps.map(\.step) == ["candidates", "samples", "generator", "selection"])
        #expect(steps[0].requests == 4 && steps[0].judgeCalls == 4 && steps[0].completionTokens > 0)
        #expect(steps[0].promptTokens == 400, "the scripted model counts 100 prompt tokens a request")
        #expect(steps[2].requests == 1 && steps[2].programRuns == 10)
        #expect(steps[3].requests == 0 && steps[3].programRuns == 30 && steps[3].judgeCalls == 3)
        #expect(steps.map(\.requests).reduce(0, +) == outcome.attempts.count)
        let tokens = outcome.attempts.compactMap(\.usage?.completionTokens).reduce(0, +)
        #expect(steps.map(\.completionTokens).reduce(0, +) == tokens)
    }

    @Test func noHiddenTestInformationReachesAnyRequest() async throws {
        // The same problem with and without its hidden tests, which reject the programs the samples like: the model
        // must be asked exactly the same things, attempt by attempt; only the final verdict may differ.
        var withoutHidden = problem
        withoutHidden.tests = problem.samples
        var attempts: [[String]] = []
        var received: [[ChatRequest]] = []
        var verdicts: [String] = []
        for current in [problem, withoutHidden] {
            let chat = ContestantScripts.model(candidates: Self.fullCandidates, repairs: [("fast", "cpp")])
            let judge = ContestantScripts.judge(
                Self.fullBehaviours, hidden: ["fast": .wrongAnswer, "quick": .timeLimitExceeded])
            let outcome = try await Self.solver(chat, judge: judge).solve(
                current, options: SolveOptions(maxAttempts: 8))
            attempts.append(
                outcome.attempts.map { attempt in
                    let sent = attempt.messages.map { "\($0.role): \($0.content)" }.joined(separator: "\n")
                    return "\(attempt.number) \(attempt.strategy) \(attempt.temperature ?? 0) \(attempt.seed)\n\(sent)"
                })
            received.append(Self.sorted(chat.requests))
            verdicts.append(outcome.verdict)
        }
        #expect(attempts[0] == attempts[1])
        #expect(received[0] == received[1])
        #expect(received[0].count == 7, "six candidates and the generator")
        #expect(verdicts == ["WA", "AC"], "the hidden tests decide the verdict, and only the verdict")
    }

    /// Requests in a fixed order (parallel requests reach the model in any order).
    static func sorted(_ requests: [ChatRequest]) -> [ChatRequest] {
        requests.sorted { ($0.sampling.seed ?? 0, $0.messages.count) < ($1.sampling.seed ?? 0, $1.messages.count) }
    }

    @Test(arguments: [
        ("floods its output", ProgramRun.failed(.outputLimitExceeded, "wrote more than 16 MiB")),
        ("never ends", ProgramRun.failed(.timeLimitExceeded, "still running after 6000 ms wall time")),
        ("crashes", ProgramRun.failed(.runtimeError, "exit code 1")),
        ("prints nothing", ProgramRun.printed("\n")),
        ("prints what is not an input in the samples' format", ProgramRun.printed("t = 1\nn = 3\n")),
    ])
    func aGeneratorThatFailsItsFirstTestIsDroppedAndTheSolveGoesOn(what: String, run: ProgramRun) async throws {
        let chat = ContestantScripts.model(candidates: Self.fullCandidates)
        let judge = ContestantScripts.judge(Self.fullBehaviours) { _ in run }
        let solver = try Self.solver(chat, judge: judge)
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 5))
        let generator = try #require(outcome.attempts.last)
        #expect(generator.strategy == .generator && generator.message.hasPrefix("dropped: test 1 "), "\(what)")
        #expect(judge.runs.filter { $0.submission.name.hasPrefix("generator") }.count == 1, "not run again")
        let selection = try #require(outcome.selection)
        #expect(selection.generatedInputs == 0)
        #expect(judge.runs.allSatisfy { $0.submission.name.hasPrefix("generator") }, "no candidate ran on its inputs")
        // Without inputs only identical programs group: three groups of one; the cheapest sample runs win.
        #expect(selection.groups == [[1], [2], [3]])
        #expect(selection.submitted == 1 && outcome.verdict == "AC")
        #expect(selection.reason.contains("tied on size, failures and CPU time: the earlier attempt"))
    }

    @Test(arguments: [
        (
            ProgramRun.failed(.timeLimitExceeded, "still running after 6000 ms wall time"),
            "ended with TLE (still running after 6000 ms wall time)"
        ),
        (ProgramRun.printed(" \n"), "printed nothing"),
        (ProgramRun.printed("[2, 7]\n"), "has \"[2,\" where the sample inputs have only integers"),
        (ProgramRun.printed("3\n1 2 3\n"), "has 1 token on its first line where every sample has 2"),
    ])
    func aGeneratorsFailingTestsAreLeftOutAndItsOthersKept(run: ProgramRun, why: String) async throws {
        let chat = ContestantScripts.model(candidates: Self.fullCandidates)
        let judge = ContestantScripts.judge(Self.fullBehaviours) { test in
            test < 6 || test == 8 ? .printed(ContestantScripts.generated(test)) : run
        }
        let solver = try Self.solver(chat, judge: judge)
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 5))
        let generator = try #require(outcome.attempts.last)
        #expect(generator.message == "6 inputs (largest 12 bytes); 4 tests left out (test 6 \(why))")
        let selection = try #require(outcome.selection)
        #expect(selection.generatedInputs == 6)
        #expect(selection.candidates[1].ruledOut?.hasPrefix("TLE on generated input 8") == true, "the large one")
        #expect(selection.submitted == 1 && outcome.verdict == "AC")
    }

    @Test func aGeneratorThatPrintsTheSameInputForEveryTestGivesOneInput() async throws {
        let chat = ContestantScripts.model(candidates: Self.fullCandidates)
        let judge = ContestantScripts.judge(Self.fullBehaviours) { _ in .printed("2 1\n0 1\n") }
        let outcome = try await Self.solver(chat, judge: judge).solve(problem, options: SolveOptions(maxAttempts: 5))
        #expect(outcome.attempts.last?.message == "1 input (8 bytes)")
        #expect(outcome.selection?.generatedInputs == 1)
    }

    @Test func aSecondGeneratorIsAskedForWhenTheFirstGaveNothingAndSurvivorsDiffer() async throws {
        let chat = ContestantScripts.model(candidates: Self.fullCandidates)
        let runs = Counter()
        let judge = ContestantScripts.judge(Self.fullBehaviours) { test in
            runs.next() == 0 ? .failed(.runtimeError, "exit code 1") : .printed(ContestantScripts.generated(test))
        }
        let solver = try Self.solver(chat, judge: judge)
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 6))
        #expect(
            outcome.attempts.map(\.strategy) == [
                .candidate, .candidate, .candidate, .candidate, .generator, .generator,
            ])
        #expect(outcome.attempts[4].message == "dropped: test 1 ended with RE (exit code 1)")
        #expect(outcome.attempts[5].message == "10 inputs (largest 13 bytes)")
        #expect(outcome.attempts[5].temperature == 0.8, "a step hotter than the first")
        #expect(outcome.selection?.generatedInputs == 10)
        #expect(outcome.selection?.candidates[1].ruledOut?.hasPrefix("TLE on generated input 8") == true)
        // The same first generator failing with survivors that are one program: no second request.
        let same = ContestantScripts.model(candidates: [1: ("fast", "cpp"), 2: ("fast", "cpp"), 3: ("wrong", "cpp")])
        let failing = ContestantScripts.judge(Self.fullBehaviours) { _ in .failed(.runtimeError, "exit code 1") }
        let alone = try await Self.solver(same, judge: failing).solve(problem, options: SolveOptions(maxAttempts: 6))
        #expect(alone.attempts.filter { $0.strategy == .generator }.count == 1)
    }

    @Test func aProblemWithoutSamplesIsDecidedByAgreementAlone() async throws {
        // Pair-sum with its sample hidden too, as HumanEval's problems come: every candidate that compiles is in,
        // and the generated inputs decide.
        var problem = try ProblemLoader.load(Fixtures.fixture("markdown/pair-sum.md"))
        problem.tests = problem.tests.map { test in
            var hidden = test
            hidden.isSample = false
            return test.isSample ? hidden : test
        }
        #expect(problem.samples.isEmpty)
        let candidates: [Int: (name: String, language: String)] = [
            1: ("lonely", "python"), 2: ("agreeing", "python"), 3: ("also_agreeing", "python"),
        ]
        let judge = ContestantScripts.judge(
            ["lonely": .otherwise, "agreeing": .correct, "also_agreeing": .correct],
            generator: { .printed("[\($0), 2, 3]\n\($0 + 2)\n") })
        let chat = ContestantScripts.model(candidates: candidates)
        let solver = try Self.solver(chat, judge: judge)
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 4))
        let selection = try #require(outcome.selection)
        #expect(selection.groups == [[2, 3], [1]])
        #expect(selection.submitted == 2)
        #expect(selection.reason.hasPrefix("compiles (no samples to run)"))
        #expect(chat.requests.allSatisfy { $0.messages.last?.content.contains("```python") == true })
    }

    @Test func aTieIsBrokenByFewerFailures() async throws {
        // Nothing passes every sample: the ones that compile are ranked like groups, and fewer failures win.
        let chat = ContestantScripts.model(candidates: [1: ("wrong_everywhere", "cpp"), 2: ("half_right", "python")])
        let judge = ContestantScripts.judge([
            "wrong_everywhere": .wrong, "half_right": .init(samples: .wrongAnswer, failing: 1),
        ])
        let outcome = try await Self.solver(chat, judge: judge).solve(problem, options: SolveOptions(maxAttempts: 2))
        let selection = try #require(outcome.selection)
        #expect(selection.submitted == 2)
        #expect(selection.reason.contains("this one passed 1 of 2 samples"))
        #expect(selection.reason.contains("tied on size, with fewer failures (1 against 2)"))
        #expect(selection.groups.isEmpty, "no clean group: nothing passed the samples")
        #expect(outcome.verdict == "WA", "submitted all the same: a contestant submits one program")
    }

    @Test func aTieOfSizeAndFailuresIsBrokenByTheCheaperThenByTheEarlier() async throws {
        // Two requests, no generator: two different survivors, one group each.
        let chat = ContestantScripts.model(candidates: [1: ("slower", "cpp"), 2: ("faster", "python")])
        let judge = ContestantScripts.judge(["slower": .init(sampleMilliseconds: 7), "faster": .correct])
        let outcome = try await Self.solver(chat, judge: judge).solve(problem, options: SolveOptions(maxAttempts: 2))
        #expect(outcome.selection?.groups == [[2], [1]])
        #expect(outcome.selection?.submitted == 2)
        #expect(outcome.selection?.reason.contains("cheaper (2 ms of CPU against 14 ms)") == true)

        let even = ContestantScripts.judge(["slower": .correct, "faster": .correct])
        let tied = try await Self.solver(chat, judge: even).solve(problem, options: SolveOptions(maxAttempts: 2))
        #expect(tied.selection?.submitted == 1)
        #expect(tied.selection?.reason.contains("tied on size, failures and CPU time: the earlier attempt") == true)
    }

    @Test func aFailedSampleIsRepairedWithItsInputExpectedAndGotAtMostTwice() async throws {
        // Every candidate fails the samples; the repairs fail them too, then one passes: but only two rounds.
        let chat = ContestantScripts.model(
            candidates: [1: ("wrong_a", "cpp"), 2: ("wrong_b", "python")],
            repairs: [("wrong_c", "cpp"), ("wrong_d", "python"), ("fast", "cpp")])
        let judge = ContestantScripts.judge([
            "wrong_a": .wrong, "wrong_b": .init(samples: .wrongAnswer, failing: 1), "wrong_c": .wrong,
            "wrong_d": .wrong, "fast": .correct,
        ])
        let outcome = try await Self.solver(chat, judge: judge).solve(problem, options: SolveOptions(maxAttempts: 8))
        let repairs = outcome.attempts.filter { $0.strategy == .repair }
        #expect(repairs.count == 2, "at most two rounds, whatever the budget")
        #expect(outcome.attempts.count == 6 + 2, "six candidates, no generator (nothing survived), two repairs")
        let first = try #require(repairs.first?.messages)
        #expect(first.map(\.role) == [.system, .user, .assistant, .user])
        #expect(first[2].content.contains("wrong_b = 1"), "the candidate that passed the most samples is repaired")
        let feedback = first[3].content
        #expect(feedback.contains("On example sample-2") && feedback.contains("Expected output:\n```\n"))
        #expect(feedback.contains("Your output:\n```\n0 1\n```"))
        #expect(!feedback.contains("hidden"), "nothing about hidden tests")
        #expect(outcome.selection?.candidates.compactMap(\.repairs) == [2, 1], "then the earliest of the rest")
        #expect(outcome.selection?.submitted == 2, "the best of the rest: one failed sample")
    }

    @Test func aCrashOrTimeOutOnAGeneratedInputIsRepairedWithThatInput() async throws {
        // The only survivor is too slow on the largest inputs: repaired on that evidence, the repair is chosen.
        let chat = ContestantScripts.model(
            candidates: [1: ("slow", "python"), 2: ("wrong", "cpp"), 3: ("broken", "cpp")],
            repairs: [("fast", "python")])
        let judge = ContestantScripts.judge(["slow": .quadratic, "wrong": .wrong, "broken": .broken, "fast": .correct])
        let outcome = try await Self.solver(chat, judge: judge).solve(problem, options: SolveOptions(maxAttempts: 6))
        #expect(
            outcome.attempts.map(\.strategy) == [.candidate, .candidate, .candidate, .candidate, .generator, .repair])
        let repair = try #require(outcome.attempts.last)
        let feedback = try #require(repair.messages.last?.content)
        #expect(
            feedback.contains("It passed the examples. Then, on an input generated from the constraints (12 bytes)"))
        #expect(feedback.contains("Time Limit Exceeded") && feedback.contains("99999 8"))
        #expect(repair.messages[2].content.contains("slow = 1"))
        #expect(outcome.selection?.submitted == 6 && outcome.verdict == "AC")
        #expect(outcome.selection?.groups == [[6]])
    }

    @Test func candidatesThatOnlyDisagreeAreNeverRepaired() async throws {
        // Two survivors disagree on the generated inputs: the tie is decided, nobody is told the majority's output.
        let chat = ContestantScripts.model(candidates: [1: ("one_way", "cpp"), 2: ("other_way", "python")])
        let judge = ContestantScripts.judge(["one_way": .correct, "other_way": .otherwise])
        let outcome = try await Self.solver(chat, judge: judge).solve(problem, options: SolveOptions(maxAttempts: 8))
        #expect(!outcome.attempts.contains { $0.strategy == .repair })
        #expect(outcome.selection?.groups == [[1], [2]])
        #expect(outcome.attempts.count == 7, "six candidates (four without a program) and the generator: budget left")
    }

    @Test func afterTheVerdictEveryCandidateIsJudgedOnTheHiddenTestsForOracleAnyOfN() async throws {
        let chat = ContestantScripts.model(candidates: Self.fullCandidates)
        let judge = ContestantScripts.judge(Self.fullBehaviours, hidden: ["fast": .wrongAnswer])
        let outcome = try await Self.solver(chat, judge: judge).solve(
            problem, options: SolveOptions(maxAttempts: 5, checkEveryCandidate: true))
        #expect(outcome.verdict == "WA" && outcome.selection?.submitted == 1)
        let oracle = try #require(outcome.selection?.oracle)
        #expect(oracle.judged == [1, 2, 3, 4])
        #expect(oracle.accepted == [2, 3], "the quadratic one passes the scripted hidden tests; 4 fails its samples")
        #expect(oracle.anyAccepted)
        // Judged after the submission: the judge saw the full problem only for these five calls.
        let full = judge.submissions.suffix(4)
        #expect(full.map(\.name) == ["submission", "check-2", "check-3", "check-4"])
    }

    @Test func theTranscriptSaysWhatWasSubmittedAndWhy() async throws {
        let chat = ContestantScripts.model(candidates: Self.fullCandidates)
        let solver = try Self.solver(chat, judge: ContestantScripts.judge(Self.fullBehaviours))
        let runs = try Fixtures.temporaryDirectory(prefix: "runs")
        defer { try? FileManager.default.removeItem(at: runs) }
        let transcript = try TranscriptWriter(runsDirectory: runs, problemSlug: problem.slug)
        _ = try await solver.solve(problem, options: SolveOptions(maxAttempts: 5), transcript: transcript)
        let files = try FileManager.default.contentsOfDirectory(atPath: transcript.folder.path).sorted()
        #expect(files.contains("attempt-5.md") && files.contains("result.json") && files.contains("submission.md"))
        let submission = try String(
            contentsOf: transcript.folder.appendingPathComponent("submission.md"), encoding: .utf8)
        #expect(submission.hasPrefix("# Submission: AC\n"))
        #expect(submission.contains("- protocol: contestant"))
        #expect(submission.contains("- submitted: attempt 1"))
        #expect(submission.contains("| 2 | python | 2/2 | 3 | 3009 ms | TLE on generated input 8 (12 bytes) |"))
        #expect(submission.contains("| generator | 1 |"))
        let result = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: transcript.folder.appendingPathComponent("result.json")))
                as? [String: Any])
        #expect(result["protocol"] as? String == "contestant")
        #expect((result["selection"] as? [String: Any])?["submitted"] as? Int == 1)
        #expect((result["final"] as? [String: Any])?["verdict"] as? String == "AC")
    }

    @Test func escalationAsAContestantAsksTheOtherModelWhenNoCandidateSurvived() async throws {
        let coder = ContestantScripts.model(candidates: [1: ("wrong", "cpp")], served: "scripted/coder")
        // The second model's first candidate is request 2 of the solve, seeded 1001 + its budget's offset.
        let thinker = ContestantScripts.model(candidates: [2: ("fast", "cpp")], served: "scripted/thinker")
        var config = SolveConfig.builtIn
        var first = ModelConfig.codeDefaults(
            alias: "coder", served: "scripted/coder", endpoints: ["http://scripted/v1"])
        first.sampling.seed = ContestantScripts.seed
        var second = ModelConfig.reasoningDefaults(
            alias: "thinker", served: "scripted/thinker", endpoints: ["http://scripted/v1"])
        second.sampling.seed = ContestantScripts.seed
        config.models = [first, second]
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        let judge = ContestantScripts.judge(["wrong": .wrong, "fast": .correct])
        let solver = Solver(config: config, prompts: prompts, judge: judge) { _, model in
            model.served == "scripted/coder" ? coder : thinker
        }
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 1, escalate: true))
        #expect(outcome.attempts.map(\.alias) == ["coder", "thinker"])
        #expect(outcome.selection?.submitted == 2 && outcome.verdict == "AC" && outcome.model == "scripted/thinker")
        #expect(outcome.notes.contains { $0.contains("escalated to thinker: no candidate of coder survived") })
    }
}
