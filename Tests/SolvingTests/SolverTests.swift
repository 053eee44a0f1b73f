import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat
import TestSupport
import Testing

@testable import Solving

/// The oracle loop — prompt, generate, extract, judge on every test, feed back — with an in-process scripted model
/// and judge: `--oracle` still does the loop of before the contestant protocol.
@Suite struct SolverTests {
    let problem: Problem

    init() throws {
        problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
    }

    /// A solver whose only model is `chat`, with `role`, judged by the two-sum judge.
    static func solver(
        _ chat: ScriptedChatModel, role: ModelRole = .code, language: String = "python",
        judge: ScriptedJudge = TwoSumScripts.judge()
    ) throws -> (Solver, ModelConfig) {
        let model =
            role == .reasoning
            ? ModelConfig.reasoningDefaults(alias: "m", served: chat.served, endpoints: ["http://scripted/v1"])
            : ModelConfig.codeDefaults(alias: "m", served: chat.served, endpoints: ["http://scripted/v1"])
        var config = SolveConfig.builtIn
        config.models = [model]
        config.language = language
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        return (Solver(config: config, prompts: prompts, judge: judge) { _, _ in chat }, model)
    }

    func solve(
        _ scenario: String, role: ModelRole = .code, attempts: Int = 4, language: String? = nil
    ) async throws -> (SolveOutcome, ScriptedChatModel) {
        let chat = TwoSumScripts.model(scenario)
        let (solver, _) = try Self.solver(chat, role: role)
        let options = SolveOptions(maxAttempts: attempts, language: language, protocol: .oracle)
        let outcome = try await solver.solve(problem, options: options)
        return (outcome, chat)
    }

    @Test func theFinalAnswerWinsOverTheDraftInTheReasoning() async throws {
        let (outcome, _) = try await solve("r1", role: .reasoning)
        #expect(outcome.verdict == "AC")
        #expect(outcome.attempts.count == 1)
        #expect(outcome.language == "cpp")
        #expect(outcome.code == TwoSumScripts.rightCpp)
        #expect(outcome.attempts[0].reasoning.contains("First draft"))
    }

    @Test func reasoningModelsGetNoSystemPromptAndTheirSampling() async throws {
        let (_, chat) = try await solve("r1", role: .reasoning)
        let sent = try #require(chat.requests.first)
        #expect(sent.messages.map(\.role) == [.user])
        #expect(sent.messages[0].content.contains("Two Sum"))
        #expect(sent.sampling.temperature == 0.6)
        #expect(sent.sampling.topP == 0.95)
        #expect((sent.sampling.maxTokens ?? 0) <= 4096, "capped by the server's max_model_len")
    }

    @Test func sampleFailureIsFedBackAndFixed() async throws {
        let (outcome, chat) = try await solve("feedback")
        #expect(outcome.attempts.map(\.verdict) == ["WA", "AC"])
        #expect(outcome.attempts.map(\.strategy) == [.first, .feedback])
        let messages = try #require(chat.requests.last?.messages)
        #expect(messages.map(\.role) == [.system, .user, .assistant, .user])
        let feedback = try #require(messages.last?.content)
        #expect(feedback.contains("Wrong Answer"))
        #expect(feedback.contains("4 9\n2 7 11 15"), "the failing sample's input")
        #expect(feedback.contains("Expected output:\n```\n1 2\n```"))
        #expect(feedback.contains("Your output:\n```\n0 1\n```"))
        #expect(!messages[2].content.contains("<think>"))
    }

    @Test func aFunctionProblemIsSolvedInPythonWithTheFailingCallFedBack() async throws {
        let chat = TwoSumScripts.model("function-feedback")
        let (solver, _) = try Self.solver(chat, language: "cpp")
        let problem = try ProblemLoader.load(Fixtures.fixture("markdown/pair-sum.md"))
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 3, protocol: .oracle))
        #expect(outcome.attempts.map(\.verdict) == ["WA", "AC"])
        #expect(outcome.language == "python")
        let first = try #require(chat.requests.first?.messages)
        #expect(first.last?.content.contains("class Solution:") == true)
        let feedback = try #require(chat.requests.last?.messages.last?.content)
        #expect(feedback.contains("Solution().pairSum([2, 7, 11, 15], 9)"))
        #expect(feedback.contains("Your function returned:\n```\n[0, 2]\n```"))
    }

    @Test func aRepeatedProgramIsNotJudgedAgainAndTriggersAFreshResample() async throws {
        let chat = TwoSumScripts.model("repeat")
        let judge = TwoSumScripts.judge()
        let (solver, _) = try Self.solver(chat, judge: judge)
        let outcome = try await solver.solve(
            problem, options: SolveOptions(maxAttempts: 4, language: "python", protocol: .oracle))
        #expect(outcome.attempts.map(\.verdict) == ["WA", "WA", "AC"])
        #expect(outcome.attempts.map(\.strategy) == [.first, .feedback, .resample])
        #expect(outcome.attempts[1].repeatOf == 1)
        #expect(outcome.attempts[1].judge?.tests.count == outcome.attempts[0].judge?.tests.count)
        #expect(judge.submissions.count == 2, "the repeat was not judged")
        let third = try #require(chat.requests.last?.messages)
        #expect(!third.contains { $0.role == .assistant }, "a resample starts a fresh conversation")
        let temperatures = chat.requests.compactMap(\.sampling.temperature)
        #expect(temperatures.count == 3 && temperatures[2] > temperatures[0])
        #expect(Set(chat.requests.compactMap(\.sampling.seed)).count == 3, "every attempt has its own seed")
    }

    @Test func compilerErrorsAreFedBack() async throws {
        let (outcome, chat) = try await solve("compile-error", language: "cpp")
        #expect(outcome.attempts.map(\.verdict) == ["CE", "AC"])
        #expect(chat.requests.last?.messages.last?.content.contains("error: expected") == true)
    }

    @Test func noCodeIsAnOutcomeNotACrash() async throws {
        let (outcome, chat) = try await solve("no-code", attempts: 2)
        #expect(outcome.attempts.map(\.verdict) == ["no code", "no code"])
        #expect(outcome.verdict == "no code")
        #expect(chat.requests.last?.messages.last?.content.contains("could not find a program") == true)
    }

    @Test func aProgramInALanguageTheJudgeDoesNotRunIsACompileErrorWithoutAReport() async throws {
        let chat = ScriptedChatModel(serving: "scripted/java") { _, _ in
            .answer(
                "```java\npublic class Main { public static void main(String[] a) { System.out.println(1); } }\n```\n")
        }
        let judge = TwoSumScripts.judge()
        let (solver, _) = try Self.solver(chat, judge: judge)
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 1, protocol: .oracle))
        #expect(outcome.verdict == "CE")
        #expect(outcome.attempts[0].message == "the answer is in java, which this machine cannot judge")
        #expect(outcome.attempts[0].judge == nil && judge.submissions.isEmpty)
    }

    @Test func truncatedAnswersStillYieldTheirProgram() async throws {
        let (unterminated, _) = try await solve("unterminated-fence")
        #expect(unterminated.verdict == "AC")
        #expect(unterminated.attempts[0].truncated && unterminated.attempts[0].program?.unterminated == true)
        let (inReasoning, _) = try await solve("truncated-in-reasoning", role: .reasoning)
        #expect(inReasoning.verdict == "AC")
        #expect(inReasoning.attempts[0].program?.origin == .reasoning)
    }

    @Test func aServerErrorEndsTheRunWithAnErrorAttempt() async throws {
        let (outcome, _) = try await solve("error-flat")
        #expect(outcome.attempts.count == 1)
        #expect(outcome.verdict == "error")
        #expect(outcome.attempts[0].message.contains("maximum context length is 4096"))
        #expect(outcome.serverFailure?.number == 1)
    }

    @Test func aHugeAnswerIsCutAtTheLimitAndItsTextWrittenOnce() async throws {
        let (solver, _) = try Self.solver(TwoSumScripts.model("huge-deltas"))
        let runs = try Fixtures.temporaryDirectory(prefix: "runs")
        defer { try? FileManager.default.removeItem(at: runs) }
        let transcript = try TranscriptWriter(runsDirectory: runs, problemSlug: problem.slug)
        let outcome = try await solver.solve(
            problem, options: SolveOptions(maxAttempts: 1, protocol: .oracle), transcript: transcript)
        let attempt = try #require(outcome.attempts.first)
        #expect(attempt.verdict == "no code" && attempt.truncated && attempt.finishReason == "answer_limit")
        #expect(
            attempt.message == "the answer passed solve's 4 MiB limit and was cut there; no program in what was kept")
        #expect(attempt.answer.utf8.count == 4 << 20)
        #expect(outcome.serverFailure == nil)
        let folder = transcript.folder
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("attempt-1.json")))
                as? [String: Any])
        #expect(json["answer"] == nil && json["reasoning"] == nil && json["messages"] == nil)
        #expect(json["answerBytes"] as? Int == 4 << 20 && json["text"] as? String == "attempt-1.md")
        let markdown = try String(contentsOf: folder.appendingPathComponent("attempt-1.md"), encoding: .utf8)
        #expect(markdown.contains("- finish reason: answer_limit (truncated)"))
        let sizes = try FileManager.default.contentsOfDirectory(atPath: folder.path).map {
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent($0).path)[.size] as? Int ?? 0
        }
        #expect(sizes.reduce(0, +) < (4 << 20) + (64 << 10), "the 4 MiB of text once, and little else: \(sizes)")
    }

    @Test func transcriptsAreWrittenPerAttempt() async throws {
        let (solver, _) = try Self.solver(TwoSumScripts.model("feedback"))
        let runs = try Fixtures.temporaryDirectory(prefix: "runs")
        defer { try? FileManager.default.removeItem(at: runs) }
        let transcript = try TranscriptWriter(runsDirectory: runs, problemSlug: problem.slug)
        let outcome = try await solver.solve(
            problem, options: SolveOptions(maxAttempts: 4, protocol: .oracle), transcript: transcript)
        let files = try FileManager.default.contentsOfDirectory(atPath: transcript.folder.path).sorted()
        #expect(files == ["attempt-1.json", "attempt-1.md", "attempt-2.json", "attempt-2.md", "result.json"])
        let first = try String(contentsOf: transcript.folder.appendingPathComponent("attempt-1.md"), encoding: .utf8)
        #expect(first.contains("# Attempt 1: WA"))
        #expect(first.contains("## User message"))
        #expect(first.contains("| sample-1 (sample) | WA |"))
        let result =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: transcript.folder.appendingPathComponent("result.json"))) as? [String: Any]
        #expect(result?["verdict"] as? String == "AC")
        #expect(outcome.transcript == transcript.folder.path)
    }

    @Test func anUnreachableServerSaysHowToStartOne() async throws {
        let chat = ScriptedChatModel(
            serving: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",
            unreachable: .unreachable(endpoint: "http://127.0.0.1:9/v1", detail: "Connection refused")
        ) { _, _ in .answer("") }
        var config = SolveConfig.builtIn
        config.models = [.reasoningDefaults(alias: "r1", served: chat.served, endpoints: ["http://127.0.0.1:9/v1"])]
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        let solver = Solver(config: config, prompts: prompts, judge: TwoSumScripts.judge()) { _, _ in chat }
        do {
            _ = try await solver.solve(problem, options: SolveOptions(maxAttempts: 1, protocol: .oracle))
            Issue.record("no error")
        } catch let error as ModelFleetError {
            let text = "\(error)"
            #expect(text.contains("vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-7B --port 9"))
            #expect(text.contains("--reasoning-parser deepseek_r1"))
            #expect(text.contains("--local"))
        }
        #expect(chat.requests.isEmpty, "nothing is sent before the server answers")
    }

    @Test func aModelTheServerDoesNotServeIsNamed() async throws {
        let (solver, _) = try Self.solver(TwoSumScripts.model("plain"))
        do {
            _ = try await solver.solve(
                problem, options: SolveOptions(model: "no-such-model", maxAttempts: 1, protocol: .oracle))
            Issue.record("no error")
        } catch let error as ModelFleetError {
            #expect("\(error)".contains("does not serve no-such-model"))
            #expect("\(error)".contains("scripted/plain"))
        }
    }
}

@Suite struct RoutingChoicesTests {
    let problem: Problem

    init() throws {
        problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
    }

    @Test func escalationTriesTheOtherModelAfterEveryAttemptFailed() async throws {
        let models = [
            "scripted/no-code": TwoSumScripts.model("no-code"), "scripted/plain": TwoSumScripts.model("plain"),
        ]
        var config = SolveConfig.builtIn
        config.models = [
            .codeDefaults(alias: "coder", served: "scripted/no-code", endpoints: ["http://scripted/v1"]),
            .reasoningDefaults(alias: "thinker", served: "scripted/plain", endpoints: ["http://scripted/v1"]),
        ]
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        let solver = Solver(config: config, prompts: prompts, judge: TwoSumScripts.judge()) { _, model in
            models[model.served] ?? TwoSumScripts.model("unknown")
        }
        let without = try await solver.solve(problem, options: SolveOptions(maxAttempts: 2, protocol: .oracle))
        #expect(without.verdict == "no code" && without.attempts.count == 2)
        let with = try await solver.solve(
            problem, options: SolveOptions(maxAttempts: 2, escalate: true, protocol: .oracle))
        #expect(with.attempts.map(\.alias) == ["coder", "coder", "thinker"])
        #expect(with.verdict == "AC" && with.model == "scripted/plain")
        #expect(with.notes.contains { $0.contains("escalated to thinker") })
    }
}

/// The loop end to end: the model client against the scripted Python server, programs in the real sandbox.
@Suite(.serialized, .tags(.integration)) struct SolverIntegrationTests {
    let judge: Judge
    let server = ScriptedServer.shared
    let problem: Problem

    init() throws {
        judge = try Judge()
        problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
    }

    /// A solver whose only model is the scripted scenario, with an API key of its own (a fresh server counter).
    func solve(_ scenario: String, role: ModelRole = .code) async throws -> SolveOutcome {
        var model =
            role == .reasoning
            ? ModelConfig.reasoningDefaults(
                alias: scenario, served: "scripted/\(scenario)", endpoints: [server.baseURL])
            : ModelConfig.codeDefaults(alias: scenario, served: "scripted/\(scenario)", endpoints: [server.baseURL])
        model.apiKey = UUID().uuidString
        var config = SolveConfig.builtIn
        config.models = [model]
        config.language = "python"
        config.retry = RetryPolicy(maxRetries: 2, baseDelay: 0.01, maxDelay: 1)
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        let solver = Solver(config: config, prompts: prompts, judge: judge)
        return try await solver.solve(problem, options: SolveOptions(maxAttempts: 4, protocol: .oracle))
    }

    @Test(arguments: ["r1-reasoning-content", "r1-reasoning", "think-inline", "think-no-open"])
    func theFinalAnswerWinsOverTheDraftInTheReasoning(scenario: String) async throws {
        let outcome = try await solve(scenario, role: .reasoning)
        #expect(outcome.verdict == "AC")
        #expect(outcome.attempts.count == 1)
        #expect(outcome.language == "cpp")
        #expect(outcome.code?.contains("it->second + 1") == true)
        #expect(outcome.attempts[0].reasoning.contains("First draft"))
    }

    @Test func sampleFailureIsFedBackAndFixed() async throws {
        let outcome = try await solve("feedback")
        #expect(outcome.attempts.map(\.verdict) == ["WA", "AC"])
        #expect(outcome.attempts[0].judge?.tests.first?.output == "0 1\n")
    }

    @Test func transientFailuresAreRetriedWithinAnAttempt() async throws {
        let outcome = try await solve("flaky-503")
        #expect(outcome.verdict == "AC")
        #expect(outcome.attempts.count == 1)
    }
}

@Suite("Feedback turns")
struct ResentAnswerTests {
    static func record(answer: String, reasoning: String = "") -> AttemptRecord {
        AttemptRecord(
            number: 1, model: .codeDefaults(alias: "m", served: "m", endpoints: ["http://localhost:1/v1"]),
            endpoint: "http://localhost:1/v1", strategy: .first, sampling: Sampling(), messages: [],
            generation: Generation(
                choice: ChatChoice(index: 0, reasoning: reasoning, answer: answer, finishReason: nil)),
            outcome: .noProgram(truncated: false), message: "")
    }

    @Test("a long answer (one cut at the 4 MiB limit) goes back as its end, where the program is")
    func longAnswer() {
        let answer = String(repeating: "x", count: 4 << 20) + "```cpp\nint main() {}\n```"
        let resent = Solver.resentAnswer(of: Self.record(answer: answer))
        #expect(resent.count == Solver.resentAnswerLimit + 1)
        #expect(resent.hasPrefix("…") && resent.hasSuffix("int main() {}\n```"))
        #expect(Solver.resentAnswer(of: Self.record(answer: "short")) == "short")
        let thinking = String(repeating: "y", count: 10_000)
        #expect(Solver.resentAnswer(of: Self.record(answer: "", reasoning: thinking)).count == 4000)
    }
}
