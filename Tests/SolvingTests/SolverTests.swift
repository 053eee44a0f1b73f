import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat
import Testing
import TestSupport

@testable import Solving

/// The whole loop — prompt, stream, extract, judge in the sandbox, feed back — against the scripted server.
@Suite(.serialized) struct SolverTests {
    static let judge = try! Judge()
    let server = ScriptedServer.shared
    let problem = try! ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))

    /// A solver whose only model is the scripted scenario, with an API key of its own (a fresh server counter).
    func solver(_ scenario: String, role: ModelRole = .code, language: String = "python") throws -> (Solver, ModelConfig) {
        var model = role == .reasoning
            ? ModelConfig.reasoningDefaults(alias: scenario, served: "scripted/\(scenario)", endpoints: [server.baseURL])
            : ModelConfig.codeDefaults(alias: scenario, served: "scripted/\(scenario)", endpoints: [server.baseURL])
        model.apiKey = UUID().uuidString
        var config = SolveConfig.builtIn
        config.models = [model]
        config.language = language
        config.retry = RetryPolicy(maxRetries: 2, baseDelay: 0.01, maxDelay: 1)
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        return (Solver(config: config, prompts: prompts, judge: Self.judge), model)
    }

    func solve(_ scenario: String, role: ModelRole = .code, attempts: Int = 4, language: String? = nil) async throws -> (SolveOutcome, ModelConfig) {
        let (solver, model) = try solver(scenario, role: role)
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: attempts, language: language))
        return (outcome, model)
    }

    @Test(arguments: ["r1-reasoning-content", "r1-reasoning", "think-inline", "think-no-open"])
    func theFinalAnswerWinsOverTheDraftInTheReasoning(scenario: String) async throws {
        let (outcome, _) = try await solve(scenario, role: .reasoning)
        #expect(outcome.verdict == "AC")
        #expect(outcome.attempts.count == 1)
        #expect(outcome.language == "cpp")
        #expect(outcome.code?.contains("it->second + 1") == true)
        #expect(outcome.attempts[0].reasoning.contains("First draft"))
    }

    @Test func reasoningModelsGetNoSystemPromptAndTheirSampling() async throws {
        let (_, model) = try await solve("r1-reasoning-content", role: .reasoning)
        let sent = try #require(try server.requests(for: model.served, apiKey: model.apiKey).first)
        let messages = try #require(sent["messages"] as? [[String: Any]])
        #expect(messages.map { $0["role"] as? String } == ["user"])
        #expect((messages[0]["content"] as? String)?.contains("Two Sum") == true)
        #expect(sent["temperature"] as? Double == 0.6)
        #expect(sent["top_p"] as? Double == 0.95)
        #expect((sent["max_tokens"] as? Int ?? 0) <= 4096, "capped by the server's max_model_len")
    }

    @Test func sampleFailureIsFedBackAndFixed() async throws {
        let (outcome, model) = try await solve("feedback")
        #expect(outcome.attempts.map(\.verdict) == ["WA", "AC"])
        #expect(outcome.attempts.map(\.strategy) == [.first, .feedback])
        let second = try #require(try server.requests(for: model.served, apiKey: model.apiKey).last)
        let messages = try #require(second["messages"] as? [[String: Any]])
        #expect(messages.map { $0["role"] as? String } == ["system", "user", "assistant", "user"])
        let feedback = try #require(messages.last?["content"] as? String)
        #expect(feedback.contains("Wrong Answer"))
        #expect(feedback.contains("4 9\n2 7 11 15"), "the failing sample's input")
        #expect(feedback.contains("Expected output:\n```\n1 2\n```"))
        #expect(feedback.contains("Your output:\n```\n0 1\n```"))
        #expect(!(messages[2]["content"] as? String ?? "").contains("<think>"))
    }

    @Test func aFunctionProblemIsSolvedInPythonWithTheFailingCallFedBack() async throws {
        let (solver, model) = try solver("function-feedback", language: "cpp")
        let problem = try ProblemLoader.load(Fixtures.fixture("markdown/pair-sum.md"))
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 3))
        #expect(outcome.attempts.map(\.verdict) == ["WA", "AC"])
        #expect(outcome.language == "python")
        let requests = try server.requests(for: model.served, apiKey: model.apiKey)
        let first = try #require(requests.first?["messages"] as? [[String: Any]])
        #expect((first.last?["content"] as? String)?.contains("class Solution:") == true)
        let feedback = try #require((requests.last?["messages"] as? [[String: Any]])?.last?["content"] as? String)
        #expect(feedback.contains("Solution().pairSum([2, 7, 11, 15], 9)"))
        #expect(feedback.contains("Your function returned:\n```\n[0, 2]\n```"))
    }

    @Test func aRepeatedProgramIsNotJudgedAgainAndTriggersAFreshResample() async throws {
        let (outcome, model) = try await solve("repeat", language: "python")
        #expect(outcome.attempts.map(\.verdict) == ["WA", "WA", "AC"])
        #expect(outcome.attempts.map(\.strategy) == [.first, .feedback, .resample])
        #expect(outcome.attempts[1].repeatOf == 1)
        #expect(outcome.attempts[1].judge?.tests.count == outcome.attempts[0].judge?.tests.count)
        let requests = try server.requests(for: model.served, apiKey: model.apiKey)
        let third = try #require(requests.last?["messages"] as? [[String: Any]])
        #expect(!third.contains { $0["role"] as? String == "assistant" }, "a resample starts a fresh conversation")
        let temperatures = requests.compactMap { $0["temperature"] as? Double }
        #expect(temperatures.count == 3 && temperatures[2] > temperatures[0])
        let seeds = requests.compactMap { $0["seed"] as? Int }
        #expect(Set(seeds).count == 3, "every attempt has its own seed")
    }

    @Test func compilerErrorsAreFedBack() async throws {
        let (outcome, model) = try await solve("compile-error", language: "cpp")
        #expect(outcome.attempts.map(\.verdict) == ["CE", "AC"])
        let second = try #require(try server.requests(for: model.served, apiKey: model.apiKey).last?["messages"] as? [[String: Any]])
        #expect((second.last?["content"] as? String)?.contains("error: expected") == true)
    }

    @Test func noCodeIsAnOutcomeNotACrash() async throws {
        let (outcome, model) = try await solve("no-code", attempts: 2)
        #expect(outcome.attempts.map(\.verdict) == ["no code", "no code"])
        #expect(outcome.verdict == "no code")
        let second = try #require(try server.requests(for: model.served, apiKey: model.apiKey).last?["messages"] as? [[String: Any]])
        #expect((second.last?["content"] as? String)?.contains("could not find a program") == true)
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
        let (solver, _) = try solver("huge-deltas")
        let runs = try Fixtures.temporaryDirectory(prefix: "runs")
        defer { try? FileManager.default.removeItem(at: runs) }
        let transcript = try TranscriptWriter(runsDirectory: runs, problemSlug: problem.slug)
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 1), transcript: transcript)
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

    @Test func transientFailuresAreRetriedWithinAnAttempt() async throws {
        let (outcome, _) = try await solve("flaky-503")
        #expect(outcome.verdict == "AC")
        #expect(outcome.attempts.count == 1)
    }

    @Test func transcriptsAreWrittenPerAttempt() async throws {
        let (solver, _) = try solver("feedback")
        let runs = try Fixtures.temporaryDirectory(prefix: "runs")
        defer { try? FileManager.default.removeItem(at: runs) }
        let transcript = try TranscriptWriter(runsDirectory: runs, problemSlug: problem.slug)
        let outcome = try await solver.solve(problem, options: SolveOptions(maxAttempts: 4), transcript: transcript)
        let files = try FileManager.default.contentsOfDirectory(atPath: transcript.folder.path).sorted()
        #expect(files == ["attempt-1.json", "attempt-1.md", "attempt-2.json", "attempt-2.md", "result.json"])
        let first = try String(contentsOf: transcript.folder.appendingPathComponent("attempt-1.md"), encoding: .utf8)
        #expect(first.contains("# Attempt 1: WA"))
        #expect(first.contains("## User message"))
        #expect(first.contains("| sample-1 (sample) | WA |"))
        let result = try JSONSerialization.jsonObject(with: Data(contentsOf: transcript.folder.appendingPathComponent("result.json"))) as? [String: Any]
        #expect(result?["verdict"] as? String == "AC")
        #expect(outcome.transcript == transcript.folder.path)
    }

    @Test func anUnreachableServerSaysHowToStartOne() async throws {
        var config = SolveConfig.builtIn
        config.models = [.reasoningDefaults(alias: "r1", served: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", endpoints: ["http://127.0.0.1:9/v1"])]
        let solver = Solver(config: config, prompts: try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path), judge: Self.judge)
        do {
            _ = try await solver.solve(problem, options: SolveOptions(maxAttempts: 1))
            Issue.record("no error")
        } catch let error as ModelFleetError {
            let text = "\(error)"
            #expect(text.contains("vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-7B --port 9"))
            #expect(text.contains("--reasoning-parser deepseek_r1"))
            #expect(text.contains("--local"))
        }
    }

    @Test func aModelTheServerDoesNotServeIsNamed() async throws {
        let (solver, _) = try solver("plain")
        do {
            _ = try await solver.solve(problem, options: SolveOptions(model: "no-such-model", maxAttempts: 1))
            Issue.record("no error")
        } catch let error as ModelFleetError {
            #expect("\(error)".contains("does not serve no-such-model"))
            #expect("\(error)".contains("scripted/plain"))
        }
    }
}

@Suite struct RoutingChoicesTests {
    let server = ScriptedServer.shared
    let problem = try! ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))

    @Test func escalationTriesTheOtherModelAfterEveryAttemptFailed() async throws {
        var coder = ModelConfig.codeDefaults(alias: "coder", served: "scripted/no-code", endpoints: [server.baseURL])
        var thinker = ModelConfig.reasoningDefaults(alias: "thinker", served: "scripted/plain", endpoints: [server.baseURL])
        coder.apiKey = UUID().uuidString
        thinker.apiKey = coder.apiKey
        var config = SolveConfig.builtIn
        config.models = [coder, thinker]
        let solver = Solver(
            config: config, prompts: try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path), judge: SolverTests.judge)
        let without = try await solver.solve(problem, options: SolveOptions(maxAttempts: 2))
        #expect(without.verdict == "no code" && without.attempts.count == 2)
        let with = try await solver.solve(problem, options: SolveOptions(maxAttempts: 2, escalate: true))
        #expect(with.attempts.map(\.alias) == ["coder", "coder", "thinker"])
        #expect(with.verdict == "AC" && with.model == "scripted/plain")
        #expect(with.notes.contains { $0.contains("escalated to thinker") })
    }
}

@Suite("Feedback turns")
struct ResentAnswerTests {
    static func record(answer: String, reasoning: String = "") -> AttemptRecord {
        AttemptRecord(
            number: 1, model: .codeDefaults(alias: "m", served: "m", endpoints: ["http://localhost:1/v1"]),
            endpoint: "http://localhost:1/v1", strategy: .first, sampling: Sampling(), messages: [],
            generation: Generation(choice: ChatChoice(index: 0, reasoning: reasoning, answer: answer, finishReason: nil)),
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
