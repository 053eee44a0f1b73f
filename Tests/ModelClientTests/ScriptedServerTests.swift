import Foundation
import TestSupport
import Testing

@testable import ModelClient

/// The client against a real HTTP server on loopback that plays scripted answers and faults.
@Suite struct ScriptedServerTests {
    let server = ScriptedServer.shared
    let fastRetry = RetryPolicy(maxRetries: 3, baseDelay: 0.01, maxDelay: 2)

    func client(retry: RetryPolicy? = nil, timeouts: Timeouts = Timeouts(connect: 2, firstByte: 10, total: 20))
        -> ModelClient
    {
        ModelClient(baseURL: server.baseURL + "/", apiKey: "sk-test", timeouts: timeouts, retry: retry ?? fastRetry)
    }

    func request(_ model: String, choices: Int = 1) -> ChatRequest {
        ChatRequest(
            model: model, messages: [ChatMessage(.user, "Solve two-sum.")],
            sampling: Sampling(
                temperature: 0.6, topP: 0.95, topK: 20, repetitionPenalty: 1.05, maxTokens: 512, seed: 7),
            choices: choices)
    }

    @Test(arguments: ["r1-reasoning-content", "r1-reasoning", "think-inline", "think-no-open"])
    func reasoningIsSeparatedFromTheAnswer(scenario: String) async throws {
        let model = server.model(scenario)
        let events = EventLog()
        let result = try await client().chat(request(model), reasoningModel: true) { events.add($0) }
        let choice = try #require(result.choices.first)
        #expect(choice.reasoning.contains("First draft"))
        #expect(!choice.reasoning.contains("</think>") && !choice.answer.contains("</think>"))
        #expect(choice.answer.contains("Store each value's first index"))
        #expect(!choice.answer.contains("First draft"))
        #expect(choice.finishReason == "stop")
        #expect(result.usage?.completionTokens ?? 0 > 0)
        #expect(result.firstTokenSeconds != nil)
        #expect(events.reasoning == choice.reasoning, "streamed reasoning matches the final split")
        #expect(events.answer == choice.answer)
        #expect(events.count > 20, "text arrives in many deltas")
    }

    @Test func nonStreamingGivesTheSameSplit() async throws {
        for scenario in ["r1-reasoning-content", "think-inline"] {
            let result = try await client().chat(request(server.model(scenario)), stream: false)
            #expect(result.choices[0].reasoning.contains("First draft"))
            #expect(result.choices[0].answer.contains("Store each value's first index"))
            #expect(result.usage != nil)
        }
    }

    @Test func everySamplingParameterIsSentExplicitly() async throws {
        let model = server.model("plain")
        _ = try await client().chat(request(model))
        let sent = try #require(try server.requests(for: model).first)
        #expect(sent["temperature"] as? Double == 0.6)
        #expect(sent["top_p"] as? Double == 0.95)
        #expect(sent["top_k"] as? Int == 20)
        #expect(sent["repetition_penalty"] as? Double == 1.05)
        #expect(sent["repeat_penalty"] as? Double == 1.05)
        #expect(sent["max_tokens"] as? Int == 512)
        #expect(sent["seed"] as? Int == 7)
        #expect(sent["stream"] as? Bool == true)
        #expect((sent["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
        #expect((sent["_headers"] as? [String: String])?["Authorization"] == "Bearer sk-test")
    }

    @Test func truncationIsReported() async throws {
        let result = try await client().chat(request(server.model("truncated-in-reasoning")))
        #expect(result.choices[0].truncated)
        #expect(result.choices[0].answer.isEmpty)
        #expect(result.choices[0].reasoning.contains("```python"))
    }

    @Test func severalChoices() async throws {
        let result = try await client().chat(request(server.model("distinct-n"), choices: 2))
        #expect(result.choices.map(\.index) == [0, 1])
        #expect(result.choices[0].answer != result.choices[1].answer)
    }

    @Test func serviceUnavailableIsRetriedAfterRetryAfter() async throws {
        let events = EventLog()
        let started = Date()
        let result = try await client().chat(request(server.model("flaky-503"))) { events.add($0) }
        #expect(result.retries == 1)
        #expect(Date().timeIntervalSince(started) >= 1, "Retry-After: 1 honoured")
        #expect(events.retryMessages.first?.contains("HTTP 503: Service temporarily overloaded") == true)
    }

    @Test func rateLimitWithTheFlatErrorShapeIsRetried() async throws {
        let result = try await client().chat(request(server.model("rate-limit")))
        #expect(result.retries == 2)
        #expect(result.choices[0].answer.contains("```python"))
    }

    @Test func aStreamCutHalfWayIsRetried() async throws {
        let events = EventLog()
        let result = try await client().chat(request(server.model("cut-stream"))) { events.add($0) }
        #expect(result.retries == 1)
        #expect(events.retryMessages.first?.contains("stream ended before [DONE]") == true)
        #expect(result.choices[0].finishReason == "stop")
    }

    @Test func persistentServerErrorsGiveUpWithTheServersMessage() async throws {
        let model = server.model("always-500")
        await #expect(
            throws: ModelServerError.http(
                endpoint: server.baseURL, status: 500, message: "CUDA out of memory", retryAfter: nil)
        ) {
            try await client().chat(request(model))
        }
        #expect(try server.requests(for: model).count == 4, "first request + 3 retries")
    }

    @Test func anErrorEventInsideA200Stream() async throws {
        await #expect(
            throws: ModelServerError.streamError(endpoint: server.baseURL, message: "Engine crashed mid-generation")
        ) {
            try await client(retry: RetryPolicy(maxRetries: 0)).chat(request(server.model("error-event")))
        }
    }

    @Test(arguments: [
        ("error-nested", "max_tokens is too large: 100000. This model's maximum context length is 4096 tokens"),
        ("error-flat", "This model's maximum context length is 4096 tokens."),
    ])
    func clientErrorsAreNotRetried(scenario: String, message: String) async throws {
        let model = server.model(scenario)
        await #expect(
            throws: ModelServerError.http(endpoint: server.baseURL, status: 400, message: message, retryAfter: nil)
        ) {
            try await client().chat(request(model))
        }
        #expect(try server.requests(for: model).count == 1)
    }

    @Test func malformedJSONIsAClearError() async throws {
        for stream in [true, false] {
            do {
                _ = try await client().chat(request(server.model("malformed")), stream: stream)
                Issue.record("malformed JSON accepted")
            } catch let error as ModelServerError {
                guard case .malformedResponse(_, _, let excerpt) = error else { Issue.record("\(error)"); continue }
                #expect(excerpt.contains("{\"choices\": ["))
            }
        }
    }

    @Test func firstTokenAndTotalTimeouts() async throws {
        let impatient = client(
            retry: RetryPolicy(maxRetries: 0), timeouts: Timeouts(connect: 2, firstByte: 1, total: 20))
        await #expect(
            throws: ModelServerError.timedOut(
                endpoint: server.baseURL, kind: .firstByte, detail: "no answer within 1.0 s")
        ) {
            try await impatient.chat(request(server.model("slow")))
        }
        let short = client(retry: RetryPolicy(maxRetries: 0), timeouts: Timeouts(connect: 2, firstByte: 10, total: 1))
        do {
            _ = try await short.chat(request(server.model("slow")))
            Issue.record("total timeout ignored")
        } catch let error as ModelServerError {
            guard case .timedOut(_, .total, _) = error else { Issue.record("\(error)"); return }
        }
    }

    @Test func cancellationStopsTheRequest() async throws {
        // A server that sends nothing for a minute: only a cancelled request ends early. libcurl notices the
        // cancellation at its next progress call (about once a second); the bound leaves room for a loaded machine.
        let patient = client(
            retry: RetryPolicy(maxRetries: 0), timeouts: Timeouts(connect: 5, firstByte: 120, total: 120))
        let task = Task { try await patient.chat(request(server.model("stall-before-headers"))) }
        try await Task.sleep(for: .milliseconds(300))
        let started = Date()
        task.cancel()
        await #expect(throws: ModelServerError.cancelled) { try await task.value }
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test func connectionRefusedSaysNoServerAnswers() async throws {
        let closed = ModelClient(baseURL: "http://127.0.0.1:9/v1", retry: fastRetry)
        do {
            _ = try await closed.models()
            Issue.record("a closed port answered")
        } catch let error as ModelServerError {
            guard case .unreachable = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains("no server answers"))
        }
    }

    @Test func modelsAndHealth() async throws {
        let models = try await client().models()
        #expect(models.contains(ServedModel(id: "scripted/plain", maxModelLength: 4096)))
        #expect(try await client().health() == true)
    }

    @Test func streamTimesAndTextDeltas() async throws {
        // paced: the first token 0.2 s after the request, then one token every 1/50 s.
        var request = request(server.model("paced;ttft=0.2;rate=50"))
        request.sampling.maxTokens = 11
        let streamed = try await client().chat(request)
        #expect(streamed.textDeltas == 11)
        let first = try #require(streamed.firstTokenSeconds)
        let last = try #require(streamed.lastTokenSeconds)
        #expect(first >= 0.2 && first < 2, "first token at \(first) s (0.2 s scripted, slower on a busy machine)")
        #expect(last - first >= 0.19 && last - first < 0.5, "10 tokens at 50/s took \(last - first) s")
        #expect(streamed.seconds >= last)
        let whole = try await client().chat(request, stream: false)
        #expect(whole.firstTokenSeconds == nil && whole.lastTokenSeconds == nil && whole.textDeltas == 0)
    }

    @Test func metricsPageOrTheServersRefusal() async throws {
        let model = server.model("paced;ttft=0;rate=1000")
        _ = try await client().chat(request(model))
        let page = try await client().metrics()
        #expect(page.contains("# TYPE vllm:num_requests_running gauge"))
        #expect(page.contains("vllm:request_success_total{model_name=\"\(model)\"} 1.0"))
        let without = ModelClient(baseURL: server.baseURL.replacingOccurrences(of: "/v1", with: "/no-metrics/v1"))
        let error = await #expect(throws: ModelServerError.self) { try await without.metrics() }
        guard case .http(let endpoint, let status, _, _) = error else {
            Issue.record("expected an HTTP error, got \(String(describing: error))")
            return
        }
        #expect(endpoint.hasSuffix("/no-metrics/metrics") && status == 404)
    }
}
