import Foundation
import Synchronization

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
    /// The most bytes of text one completion keeps (`ChatStreamAccumulator.defaultAnswerLimit`, 4 MiB): past it the
    /// stream is cut and the open choices end with finish reason `answer_limit`.
    public var answerLimit: Int

    public init(
        baseURL: String, apiKey: String? = nil, timeouts: Timeouts = Timeouts(), retry: RetryPolicy = RetryPolicy(),
        answerLimit: Int = ChatStreamAccumulator.defaultAnswerLimit
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.apiKey = apiKey
        self.timeouts = timeouts
        self.retry = retry
        self.answerLimit = answerLimit
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
                var result = try await chatOnce(
                    request, stream: stream, reasoningModel: reasoningModel, onEvent: onEvent)
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
        else {
            throw ModelServerError.malformed(endpoint: baseURL, detail: "expected {\"data\": [models]}", body: body)
        }
        var models = data.compactMap { entry -> ServedModel? in
            guard let id = entry["id"] as? String else { return nil }
            let meta = entry["meta"] as? [String: Any]
            return ServedModel(id: id, maxModelLength: (entry["max_model_len"] as? Int) ?? (meta?["n_ctx"] as? Int))
        }
        if models.contains(where: { $0.maxModelLength == nil }), let context = try? await llamaCppContextSize() {
            for index in models.indices where models[index].maxModelLength == nil {
                models[index].maxModelLength = context
            }
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
        guard head.status == 200, let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            return nil
        }
        let settings = object["default_generation_settings"] as? [String: Any]
        return (settings?["n_ctx"] as? Int) ?? (object["n_ctx"] as? Int)
    }

    private func get(_ url: String) async throws -> (HTTPResponseHead, Data) {
        let body = BodyBuffer(limit: 4 << 20)
        var shortTimeouts = timeouts
        shortTimeouts.total = min(timeouts.total, 30)
        shortTimeouts.firstByte = min(timeouts.firstByte, 30)
        let head = try await send(HTTPRequest(url: url, headers: headers(), timeouts: shortTimeouts)) { _, chunk in
            _ = body.append(chunk)
            return true
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
        let reader = CompletionReader(
            accumulator: ChatStreamAccumulator(
                endpoint: baseURL, reasoningModel: reasoningModel, answerLimit: answerLimit, onEvent: onEvent),
            stream: stream)
        let head: HTTPResponseHead
        do {
            let post = HTTPRequest(
                url: baseURL + "/chat/completions", method: "POST", headers: headers,
                body: try request.body(stream: stream), timeouts: timeouts)
            head = try await send(post) { head, chunk in reader.receive(head, chunk) }
        } catch ModelServerError.cancelled where reader.stopped {
            // The reader stopped the transfer: [DONE], a failure it holds, or the answer limit.
            guard let seen = reader.head else { throw ModelServerError.cancelled }
            head = seen
        }
        var result = try reader.result(head: head, model: request.model)
        result.seconds = Date().timeIntervalSince(started)
        result.firstTokenSeconds = reader.firstText.map { $0.timeIntervalSince(started) }
        result.lastTokenSeconds = reader.lastText.map { $0.timeIntervalSince(started) }
        return result
    }

    /// One HTTP exchange, with transport failures turned into `ModelServerError`s.
    private func send(_ request: HTTPRequest, onBody: @escaping @Sendable (HTTPResponseHead, Data) -> Bool) async throws
        -> HTTPResponseHead
    {
        do {
            return try await HTTPTransport.perform(request, onBody: onBody)
        } catch let failure as TransportFailure {
            switch failure {
            case .connectionRefused(let detail): throw ModelServerError.unreachable(endpoint: baseURL, detail: detail)
            case .timedOut(let kind, let detail):
                throw ModelServerError.timedOut(endpoint: baseURL, kind: kind, detail: detail)
            case .cancelled: throw ModelServerError.cancelled
            case .cutOff(let detail): throw ModelServerError.streamCut(endpoint: baseURL, detail: detail)
            case .option(let name, let detail):
                throw ModelServerError.rejectedOption(endpoint: baseURL, option: name, detail: detail)
            case .other(let detail): throw ModelServerError.unreachable(endpoint: baseURL, detail: detail)
            }
        }
    }
}

/// Bytes kept up to `limit`.
private struct BoundedBytes {
    let limit: Int
    private(set) var data = Data()
    /// Whether more than `limit` bytes came (the rest was not kept).
    private(set) var overflowed = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Keeps what fits; false once the body passed the limit.
    mutating func append(_ chunk: Data) -> Bool {
        let room = max(0, limit - data.count)
        if chunk.count > room { overflowed = true }
        data.append(chunk.prefix(room))
        return !overflowed
    }
}

/// Bytes collected on a transfer thread and read after the transfer ends, up to `limit`.
private final class BodyBuffer: Sendable {
    private let bytes: Mutex<BoundedBytes>

    init(limit: Int) {
        bytes = Mutex(BoundedBytes(limit: limit))
    }

    var data: Data { bytes.withLock { $0.data } }

    /// Keeps what fits; false once the body passed the limit.
    func append(_ chunk: Data) -> Bool {
        bytes.withLock { $0.append(chunk) }
    }
}

/// Reads a chat completion body — an SSE stream or one JSON object — as it arrives, through a
/// `ChatStreamAccumulator`: the transfer thread feeds it chunk by chunk, then the caller reads the result.
private final class CompletionReader: Sendable {
    private enum Body { case events, whole }

    private struct State {
        var accumulator: ChatStreamAccumulator
        var body: Body?
        var raw: BoundedBytes
        /// The response head, once the body began.
        var head: HTTPResponseHead?
        /// Whether the reader stopped the transfer itself.
        var stopped = false
    }

    private let stream: Bool
    /// Taken by the transfer thread for each chunk, then by the caller once the transfer has ended.
    private let state: Mutex<State>

    init(accumulator: ChatStreamAccumulator, stream: Bool) {
        self.stream = stream
        // A whole completion (or an error body) gets the room of one event, at least 4 MiB.
        let raw = BoundedBytes(limit: max(4 << 20, accumulator.eventLimit))
        state = Mutex(State(accumulator: accumulator, raw: raw))
    }

    /// The response head, once the body began.
    var head: HTTPResponseHead? { state.withLock { $0.head } }
    /// Whether the reader stopped the transfer itself.
    var stopped: Bool { state.withLock { $0.stopped } }
    var firstText: Date? { state.withLock { $0.accumulator.firstText } }
    var lastText: Date? { state.withLock { $0.accumulator.lastText } }

    func receive(_ head: HTTPResponseHead, _ chunk: Data) -> Bool {
        state.withLock { state in
            state.head = head
            if state.body == nil {
                let type = (head.headers["content-type"] ?? "").lowercased()
                let isDocument = type.hasPrefix("application/json") || type.hasPrefix("text/html")
                state.body = head.status == 200 && stream && !isDocument ? .events : .whole
            }
            let more = state.body == .events ? state.accumulator.feed(chunk) : state.raw.append(chunk)
            if !more { state.stopped = true }
            return more
        }
    }

    func result(head: HTTPResponseHead, model: String) throws -> ChatResult {
        try state.withLock { state in
            let endpoint = state.accumulator.endpoint
            guard head.status == 200 else {
                throw ModelServerError.http(endpoint: endpoint, head: head, body: state.raw.data)
            }
            if (head.headers["content-type"] ?? "").lowercased().hasPrefix("text/html") {
                let detail = "an HTML page, not the API's JSON: is \(endpoint) the API base (…/v1)?"
                throw ModelServerError.malformed(endpoint: endpoint, detail: detail, body: state.raw.data)
            }
            if state.body == .whole || (state.body == nil && !stream) {
                guard !state.raw.overflowed else {
                    let detail = "the body passed \(state.raw.limit >> 20) MiB before it ended"
                    throw ModelServerError.malformed(endpoint: endpoint, detail: detail, body: state.raw.data)
                }
                try state.accumulator.readCompletion(state.raw.data)
            }
            let choices = try state.accumulator.finish()
            return ChatResult(
                model: model, endpoint: endpoint, choices: choices, usage: state.accumulator.usage,
                firstTokenSeconds: nil, lastTokenSeconds: nil, textDeltas: state.accumulator.textDeltas, seconds: 0,
                retries: 0)
        }
    }
}
