import AsyncLimits
import Foundation
import ModelClient

/// The model servers in use: which replica is least loaded, what each serves, and how long a context it takes.
actor EndpointDirectory {
    private let timeouts: Timeouts
    private let retry: RetryPolicy
    private var inFlight: [String: Int] = [:]
    /// `max_model_len` per endpoint and served id, once checked.
    private var contextLengths: [String: Int] = [:]
    private var checked: Set<String> = []
    /// One permit per request allowed in flight at once over all endpoints (nil: no limit).
    private let requestPermits: AsyncSemaphore?

    init(timeouts: Timeouts, retry: RetryPolicy, requestLimit: Int? = nil) {
        self.timeouts = timeouts
        self.retry = retry
        requestPermits = requestLimit.map { AsyncSemaphore(permits: $0) }
    }

    func client(for endpoint: String, model: ModelConfig) -> ModelClient {
        ModelClient(baseURL: endpoint, apiKey: model.apiKey, timeouts: timeouts, retry: retry)
    }

    /// The endpoint of `model` with the fewest requests in flight from this process (ties: the first listed), once
    /// fewer than `requestLimit` requests are in flight.
    func acquire(_ model: ModelConfig) async -> String {
        await requestPermits?.wait()
        let endpoint = model.endpoints.min { (inFlight[$0] ?? 0) < (inFlight[$1] ?? 0) } ?? model.endpoints[0]
        inFlight[endpoint, default: 0] += 1
        return endpoint
    }

    func release(_ endpoint: String) {
        inFlight[endpoint, default: 1] -= 1
        requestPermits?.signal()
    }

    /// Asks every endpoint of `model` for its models once: reachable, serving `model.served`, with what context length.
    func check(_ model: ModelConfig) async throws {
        for endpoint in model.endpoints where !checked.contains(Self.key(endpoint, model)) {
            let served: [ServedModel]
            do {
                served = try await client(for: endpoint, model: model).models()
            } catch let error as ModelServerError {
                throw SolveError.serverUnavailable(
                    model: model.served, endpoint: endpoint, detail: Self.shortDetail(error), hint: Self.startHint(for: model, endpoint: endpoint))
            }
            guard let entry = served.first(where: { $0.id == model.served }) else {
                throw SolveError.modelNotServed(model: model.served, endpoint: endpoint, served: served.map(\.id))
            }
            if let length = entry.maxModelLength { contextLengths[Self.key(endpoint, model)] = length }
            checked.insert(Self.key(endpoint, model))
        }
    }

    /// `maxTokens` lowered so that prompt + answer fit the server's context (prompt estimated at 3 characters a token).
    func cappedMaxTokens(_ maxTokens: Int?, messages: [ChatMessage], endpoint: String, model: ModelConfig) -> Int? {
        guard let length = contextLengths[Self.key(endpoint, model)] else { return maxTokens }
        let promptEstimate = messages.reduce(0) { $0 + $1.content.utf8.count } / 3 + 16 * messages.count
        let room = max(256, length - promptEstimate - 64)
        return min(maxTokens ?? room, room)
    }

    /// One served model at one endpoint.
    private static func key(_ endpoint: String, _ model: ModelConfig) -> String { endpoint + "|" + model.served }

    private static func shortDetail(_ error: ModelServerError) -> String {
        switch error {
        case .unreachable(_, let detail): return detail
        default: return "\(error)"
        }
    }

    /// How to start a server for `model` at `endpoint` (vLLM on the endpoint's port), and the `--local` alternative.
    static func startHint(for model: ModelConfig, endpoint: String) -> String {
        let port = URLComponents(string: endpoint)?.port ?? 8000
        var command = "vllm serve \(model.served) --port \(port) --served-model-name \(model.served)"
        if model.role == .reasoning { command += " --reasoning-parser deepseek_r1" }
        return """
            Start it with:
              \(command)
            (`solve plan \(model.served)` prints a vllm serve line sized for your GPU), or point solve at another server \
            with --endpoint URL or solve.yaml, or run a small model on this CPU with --local.
            """
    }
}
