import Foundation

/// How often and how patiently transient failures are retried.
public struct RetryPolicy: Sendable, Hashable, Codable {
    /// Retries after the first request (0: none).
    public var maxRetries: Int
    /// Delay before the first retry; doubled each time, with jitter, capped at `maxDelay`.
    public var baseDelay: Double
    public var maxDelay: Double

    public init(maxRetries: Int = 4, baseDelay: Double = 1, maxDelay: Double = 30) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Seconds to wait before retry number `retry` (1-based): the server's `Retry-After` when it sent one,
    /// else exponential backoff with "equal jitter" (between half and all of the step).
    func delay(beforeRetry retry: Int, retryAfter: Double?) -> Double {
        if let retryAfter { return min(max(retryAfter, 0), maxDelay) }
        let step = min(maxDelay, baseDelay * pow(2, Double(retry - 1)))
        return step / 2 + Double.random(in: 0...(step / 2))
    }
}

/// An OpenAI-compatible server (vLLM, SGLang, llama.cpp, Ollama): chat completions, model list, health.
public struct ModelClient: Sendable {
    /// The API base, e.g. `http://localhost:8000/v1`.
    public var baseURL: String
    public var apiKey: String?
    public var timeouts: Timeouts
    public var retry: RetryPolicy

    public init(baseURL: String, apiKey: String? = nil, timeouts: Timeouts = Timeouts(), retry: RetryPolicy = RetryPolicy()) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.apiKey = apiKey
        self.timeouts = timeouts
        self.retry = retry
    }

    /// The server's root, without the `/v1` suffix (where `/health` and `/metrics` live).
    public var rootURL: String { baseURL.hasSuffix("/v1") ? String(baseURL.dropLast(3)) : baseURL }

    /// Sends `request`, streaming by default, retrying transient failures. `onEvent` sees text as it arrives
    /// (on a transfer thread). `reasoningModel`: show content before any `<think>` tag as reasoning while streaming.
    public func chat(
        _ request: ChatRequest, stream: Bool = true, reasoningModel: Bool = false,
        onEvent: @escaping @Sendable (ChatEvent) -> Void = { _ in }
    ) async throws -> ChatResult {
        var retries = 0
        while true {
            do {
                var result = try await chatOnce(request, stream: stream, reasoningModel: reasoningModel, onEvent: onEvent)
                result.retries = retries
                return result
            } catch let error as ModelServerError where error.isTransient && retries < retry.maxRetries {
                retries += 1
                var retryAfter: Double?
                if case .http(_, _, _, let after) = error { retryAfter = after }
                let delay = retry.delay(beforeRetry: retries, retryAfter: retryAfter)
                onEvent(.retrying(error, delay: delay))
                try await Task.sleep(for: .seconds(delay))
            }
        }
    }

    /// `GET /models`, with each model's context length where the server tells it.
    public func models() async throws -> [ServedModel] {
        let (head, body) = try await get(baseURL + "/models")
        guard head.status == 200 else { throw ModelServerError.http(endpoint: baseURL, head: head, body: body) }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let data = object["data"] as? [[String: Any]]
        else { throw ModelServerError.malformed(endpoint: baseURL, detail: "expected {\"data\": [models]}", body: body) }
        var models = data.compactMap { entry -> ServedModel? in
            guard let id = entry["id"] as? String else { return nil }
            let meta = entry["meta"] as? [String: Any]
            return ServedModel(id: id, maxModelLength: (entry["max_model_len"] as? Int) ?? (meta?["n_ctx"] as? Int))
        }
        if models.contains(where: { $0.maxModelLength == nil }), let context = try? await llamaCppContextSize() {
            for index in models.indices where models[index].maxModelLength == nil { models[index].maxModelLength = context }
        }
        return models
    }

    /// `GET /health` (vLLM, SGLang, llama.cpp): true when the server says it is ready; nil when it has no such route.
    public func health() async throws -> Bool? {
        let (head, _) = try await get(rootURL + "/health")
        if head.status == 404 { return nil }
        return head.status == 200
    }

    /// `GET <root>/metrics`: the server's Prometheus text (vLLM; llama.cpp started with `--metrics`).
    /// - Throws: `ModelServerError.http` when the server has no such endpoint (404, llama.cpp's 501), or a
    ///   transport error.
    public func metrics() async throws -> String {
        let (head, body) = try await get(rootURL + "/metrics")
        guard head.status == 200 else {
            throw ModelServerError.http(endpoint: rootURL + "/metrics", head: head, body: body)
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// llama.cpp's `/props` carries the context size its `/v1/models` lacks.
    private func llamaCppContextSize() async throws -> Int? {
        let (head, body) = try await get(rootURL + "/props")
        guard head.status == 200, let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        let settings = object["default_generation_settings"] as? [String: Any]
        return (settings?["n_ctx"] as? Int) ?? (object["n_ctx"] as? Int)
    }

    private func get(_ url: String) async throws -> (HTTPResponseHead, Data) {
        let body = BodyBuffer()
        var shortTimeouts = timeouts
        shortTimeouts.total = min(timeouts.total, 30)
        shortTimeouts.firstByte = min(timeouts.firstByte, 30)
        let head = try await send(HTTPRequest(url: url, headers: headers(), timeouts: shortTimeouts)) { _, chunk in
            body.append(chunk)
        }
        return (head, body.data)
    }

    private func headers() -> [String: String] {
        var headers = ["Accept": "application/json, text/event-stream"]
        if let apiKey, !apiKey.isEmpty { headers["Authorization"] = "Bearer \(apiKey)" }
        return headers
    }

    private func chatOnce(
        _ request: ChatRequest, stream: Bool, reasoningModel: Bool, onEvent: @escaping @Sendable (ChatEvent) -> Void
    ) async throws -> ChatResult {
        var headers = headers()
        headers["Content-Type"] = "application/json"
        let started = Date()
        let reader = CompletionReader(endpoint: baseURL, stream: stream, reasoningModel: reasoningModel, started: started, onEvent: onEvent)
        let head: HTTPResponseHead
        do {
            head = try await send(
                HTTPRequest(url: baseURL + "/chat/completions", method: "POST", headers: headers, body: try request.body(stream: stream), timeouts: timeouts)
            ) { head, chunk in reader.receive(head, chunk) }
        } catch ModelServerError.cancelled where reader.failure != nil {
            throw reader.failure!  // the reader stopped the transfer
        }
        return try reader.result(head: head, model: request.model, seconds: Date().timeIntervalSince(started))
    }

    /// One HTTP exchange, with transport failures turned into `ModelServerError`s.
    private func send(_ request: HTTPRequest, onBody: @escaping @Sendable (HTTPResponseHead, Data) -> Bool) async throws -> HTTPResponseHead {
        do {
            return try await HTTPTransport.perform(request, onBody: onBody)
        } catch let failure as TransportFailure {
            switch failure {
            case .connectionRefused(let detail): throw ModelServerError.unreachable(endpoint: baseURL, detail: detail)
            case .timedOut(let kind, let detail): throw ModelServerError.timedOut(endpoint: baseURL, kind: kind, detail: detail)
            case .cancelled: throw ModelServerError.cancelled
            case .cutOff(let detail): throw ModelServerError.streamCut(endpoint: baseURL, detail: detail)
            case .other(let detail): throw ModelServerError.unreachable(endpoint: baseURL, detail: detail)
            }
        }
    }
}

/// Bytes collected on a transfer thread and read after the transfer ends.
private final class BodyBuffer: @unchecked Sendable {
    private(set) var data = Data()
    private let limit = 4 << 20

    func append(_ chunk: Data) -> Bool {
        data.append(chunk.prefix(max(0, limit - data.count)))
        return true
    }
}

/// Reads a chat completion body — an SSE stream or one JSON object — as it arrives.
/// Touched only by the transfer thread until the transfer ends, then read by the caller.
final class CompletionReader: @unchecked Sendable {
    private let endpoint: String
    private let stream: Bool
    private let reasoningModel: Bool
    private let started: Date
    private let onEvent: @Sendable (ChatEvent) -> Void
    private var events = ServerSentEvents()
    private let raw = BodyBuffer()
    private var choices: [Int: Accumulator] = [:]
    private var usage: Usage?
    private var done = false
    private(set) var failure: ModelServerError?
    private var firstToken: Date?
    private var lastToken: Date?
    private var textDeltas = 0

    /// One choice's text so far.
    private struct Accumulator {
        var reasoningField = ""
        var content = ""
        var finishReason: String?
        var display: ThinkTags.Stream
    }

    init(endpoint: String, stream: Bool, reasoningModel: Bool, started: Date, onEvent: @escaping @Sendable (ChatEvent) -> Void) {
        self.endpoint = endpoint
        self.stream = stream
        self.reasoningModel = reasoningModel
        self.started = started
        self.onEvent = onEvent
    }

    func receive(_ head: HTTPResponseHead, _ chunk: Data) -> Bool {
        guard head.status == 200, stream, !(head.headers["content-type"] ?? "").hasPrefix("application/json") else {
            return raw.append(chunk)
        }
        for event in events.feed(chunk) where !handle(event) { return false }
        return true
    }

    func result(head: HTTPResponseHead, model: String, seconds: Double) throws -> ChatResult {
        if let failure { throw failure }
        guard head.status == 200 else {
            throw ModelServerError.http(endpoint: endpoint, head: head, body: raw.data)
        }
        if stream, raw.data.isEmpty {
            if let event = events.finish(), !handle(event), let failure { throw failure }
            let finished = !choices.isEmpty && choices.values.allSatisfy { $0.finishReason != nil }
            guard done || finished else {
                throw ModelServerError.streamCut(endpoint: endpoint, detail: choices.isEmpty ? "no events" : "no finish_reason")
            }
        } else {
            try decodeWhole(raw.data)
        }
        let ordered = choices.keys.sorted().map { index -> ChatChoice in
            let accumulated = choices[index]!
            var (reasoning, answer) = ThinkTags.split(accumulated.content)
            if !accumulated.reasoningField.isEmpty { reasoning = accumulated.reasoningField + reasoning }
            return ChatChoice(index: index, reasoning: reasoning, answer: answer, finishReason: accumulated.finishReason)
        }
        guard !ordered.isEmpty else { throw ModelServerError.malformed(endpoint: endpoint, detail: "no choices", body: raw.data) }
        return ChatResult(
            model: model, endpoint: endpoint, choices: ordered, usage: usage,
            firstTokenSeconds: firstToken.map { $0.timeIntervalSince(started) },
            lastTokenSeconds: lastToken.map { $0.timeIntervalSince(started) }, textDeltas: textDeltas, seconds: seconds,
            retries: 0)
    }

    /// Handles one SSE event; false stops the transfer (the reason is in `failure`).
    private func handle(_ event: ServerSentEvents.Event) -> Bool {
        let data = event.data.trimmingCharacters(in: .whitespaces)
        if data == "[DONE]" {
            done = true
            return true
        }
        guard let chunk = try? JSONDecoder().decode(Chunk.self, from: Data(data.utf8)) else {
            failure = .malformed(endpoint: endpoint, detail: "an event is not JSON", body: Data(data.utf8))
            return false
        }
        if let message = chunk.errorMessage ?? (event.name == "error" ? data : nil) {
            failure = .streamError(endpoint: endpoint, message: message)
            return false
        }
        absorb(chunk, streaming: true)
        return true
    }

    private func decodeWhole(_ body: Data) throws {
        guard let chunk = try? JSONDecoder().decode(Chunk.self, from: body), chunk.choices != nil else {
            throw ModelServerError.malformed(endpoint: endpoint, detail: "expected a chat.completion object", body: body)
        }
        if let message = chunk.errorMessage { throw ModelServerError.streamError(endpoint: endpoint, message: message) }
        absorb(chunk, streaming: false)
    }

    private func absorb(_ chunk: Chunk, streaming: Bool) {
        if let usage = chunk.usage { self.usage = usage }
        for choice in chunk.choices ?? [] {
            let index = choice.index ?? 0
            var accumulated = choices[index] ?? Accumulator(display: ThinkTags.Stream(startInReasoning: reasoningModel))
            let text = choice.delta ?? choice.message
            var carriesText = false
            if let reasoning = text?.reasoningContent ?? text?.reasoning, !reasoning.isEmpty {
                accumulated.reasoningField += reasoning
                carriesText = true
                accumulated.display.answerOnly()
                if streaming { onEvent(.reasoning(choice: index, text: reasoning)) }
            }
            if let content = text?.content, !content.isEmpty {
                accumulated.content += content
                carriesText = true
                if streaming {
                    for part in accumulated.display.feed(content) { emit(part, choice: index) }
                }
            }
            if let reason = choice.finishReason {
                accumulated.finishReason = reason
                if streaming {
                    for part in accumulated.display.finish() { emit(part, choice: index) }
                }
            }
            if streaming, carriesText {
                let now = Date()
                if firstToken == nil { firstToken = now }
                lastToken = now
                textDeltas += 1
            }
            choices[index] = accumulated
        }
    }

    private func emit(_ part: ThinkTags.Stream.Part, choice: Int) {
        switch part {
        case .reasoning(let text): onEvent(.reasoning(choice: choice, text: text))
        case .answer(let text): onEvent(.answer(choice: choice, text: text))
        }
    }

    /// A streamed chunk or a whole completion; also either error shape.
    private struct Chunk: Decodable {
        var choices: [Choice]?
        var usage: Usage?
        var error: ErrorField?
        var object: String?
        var message: String?

        var errorMessage: String? {
            if let error { return error.message }
            if object == "error" { return message ?? "unspecified error" }
            return nil
        }

        struct Choice: Decodable {
            var index: Int?
            var delta: Text?
            var message: Text?
            var finishReason: String?
            enum CodingKeys: String, CodingKey { case index, delta, message, finishReason = "finish_reason" }
        }

        struct Text: Decodable {
            var content: String?
            var reasoningContent: String?
            var reasoning: String?
            enum CodingKeys: String, CodingKey { case content, reasoning, reasoningContent = "reasoning_content" }
        }

        struct ErrorField: Decodable {
            var message: String
            init(from decoder: Decoder) throws {
                if let text = try? decoder.singleValueContainer().decode(String.self) {
                    message = text
                } else {
                    message = try decoder.container(keyedBy: Key.self).decodeIfPresent(String.self, forKey: .message) ?? "unspecified error"
                }
            }
            enum Key: String, CodingKey { case message }
        }
    }
}
