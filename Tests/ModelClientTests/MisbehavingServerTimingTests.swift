import Foundation
import TestSupport
import Testing

@testable import ModelClient

/// The client against a server that misbehaves: stalls, huge answers, broken streams. Each ends within seconds. A
/// `TimingTests` suite: it runs in its own `swift test` stage.
@Suite(.timeLimit(.minutes(2))) struct MisbehavingServerTimingTests {
    let server = ScriptedServer.shared
    let shortTimeouts = Timeouts(connect: 2, firstByte: 1.5, idle: 1.5, total: 60)

    func client(retries: Int = 0) -> ModelClient {
        ModelClient(
            baseURL: server.baseURL, timeouts: shortTimeouts,
            retry: RetryPolicy(maxRetries: retries, baseDelay: 0.01, maxDelay: 0.1))
    }

    func chat(_ scenario: String, retries: Int = 0) async throws -> ChatResult {
        let messages = [ChatMessage(.user, "Solve two-sum.")]
        return try await client(retries: retries).chat(
            ChatRequest(model: server.model(scenario), messages: messages, sampling: Sampling()))
    }

    @Test(arguments: [
        ("stall-before-headers", TimeoutKind.firstByte), ("stall-after-headers", .firstByte),
        ("stall-mid-stream", .idle),
    ])
    func aStallEndsAtItsTimeoutAndIsRetried(scenario: String, kind: TimeoutKind) async throws {
        let started = ContinuousClock.now
        let error = await #expect(throws: ModelServerError.self) { try await chat(scenario, retries: 1) }
        guard case .timedOut(let endpoint, let timedOut, _) = error else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(endpoint == server.baseURL && timedOut == kind)
        #expect(error?.isTransient == true)
        let elapsed = started.duration(to: .now)
        // Two requests of 1.5 s each, far from one total timeout (60 s; two would end past the time limit), even
        // on a loaded machine.
        #expect(elapsed > .seconds(3) && elapsed < .seconds(45), "\(elapsed)")
    }

    @Test func bytesThatKeepComingAreNotIdle() async throws {
        // A token every 0.4 s for 3 s: longer than the idle timeout in all, never silent for that long.
        var request = ChatRequest(
            model: server.model("paced;ttft=0.2;rate=2.5"), messages: [ChatMessage(.user, "x")], sampling: Sampling())
        request.sampling.maxTokens = 8
        let result = try await client().chat(request)
        #expect(result.textDeltas == 8 && result.choices[0].finishReason == "length")
    }

    @Test func aHugeAnswerInOneEventEndsAsATruncatedAnswer() async throws {
        let result = try await chat("huge-event")
        #expect(result.choices == [ChatChoice(index: 0, reasoning: "", answer: "", finishReason: "answer_limit")])
        #expect(result.choices[0].truncated)
    }

    @Test func aHugeAnswerInDeltasIsKeptUpToTheLimit() async throws {
        let result = try await chat("huge-deltas")
        let choice = try #require(result.choices.first)
        #expect(choice.finishReason == ChatStreamAccumulator.answerLimitReason && choice.truncated)
        #expect(choice.answer.utf8.count == ChatStreamAccumulator.defaultAnswerLimit)
        #expect(choice.answer.hasPrefix("the quick brown fox jumps over the lazy dog\n"))
    }

    @Test func aSmallerLimitOfTheClientIsHonoured() async throws {
        var client = client()
        client.answerLimit = 1000
        let result = try await client.chat(
            ChatRequest(model: server.model("huge-deltas"), messages: [ChatMessage(.user, "x")], sampling: Sampling()))
        #expect(result.choices[0].answer.utf8.count == 1000)
    }

    @Test func oneCharacterPerEventGivesTheWholeAnswer() async throws {
        let result = try await chat("tiny-deltas")
        let choice = try #require(result.choices.first)
        #expect(result.textDeltas == choice.answer.count)
        let ending =
            "print(i + 1, j + 1)\n            return\n        if x not in seen:\n"
            + "            seen[x] = j\n\n\nif __name__ == \"__main__\":\n    main()\n```\n"
        #expect(choice.answer.hasSuffix(ending))
        #expect(choice.finishReason == "stop")
    }

    @Test(arguments: [
        ("html", false, "malformed response (an HTML page, not the API's JSON"),
        ("no-done", true, "stream ended before [DONE] (no finish_reason)"),
        ("reset", true, "stream ended before [DONE]"),
        ("rate-limit-forever", true, "HTTP 429: Too many requests"),
        ("error-flat", false, "HTTP 400: This model's maximum context length is 4096 tokens."),
        ("malformed", false, "malformed response (an event is not a chat completion chunk: not JSON at byte"),
    ])
    func brokenAnswersAreErrorsThatNameTheEndpoint(scenario: String, retried: Bool, message: String) async throws {
        let model = server.model(scenario)
        let error = await #expect(throws: ModelServerError.self) {
            try await client(retries: 2).chat(
                ChatRequest(model: model, messages: [ChatMessage(.user, "x")], sampling: Sampling()))
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.hasPrefix(server.baseURL + ": ") && text.contains(message), "\(text)")
        #expect(try server.requests(for: model).count == (retried ? 3 : 1))
    }
}

/// Events seen by a streaming callback (called on the transfer thread).
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [ChatEvent] = []

    func add(_ event: ChatEvent) { lock.withLock { events.append(event) } }
    var count: Int { lock.withLock { events.count } }
    var reasoning: String {
        lock.withLock { events.map { if case .reasoning(_, let text) = $0 { text } else { "" } }.joined() }
    }
    var answer: String {
        lock.withLock { events.map { if case .answer(_, let text) = $0 { text } else { "" } }.joined() }
    }
    func reasoning(choice: Int) -> String {
        lock.withLock { events.map { if case .reasoning(choice, let text) = $0 { text } else { "" } }.joined() }
    }
    func answer(choice: Int) -> String {
        lock.withLock { events.map { if case .answer(choice, let text) = $0 { text } else { "" } }.joined() }
    }
    var retryMessages: [String] {
        lock.withLock { events.compactMap { if case .retrying(let error, _) = $0 { "\(error)" } else { nil } } }
    }
}
