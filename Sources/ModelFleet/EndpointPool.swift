import AsyncLimits
import Foundation
import ModelClient

/// Makes the client for one endpoint of a model: by default the libcurl `ModelClient`; tests pass scripted models.
public typealias ChatModelFactory = @Sendable (_ endpoint: String, _ model: ModelConfig) -> any ChatModel

/// One replica of a model, lent for one request by ``EndpointPool/withEndpoint(of:_:)``.
public struct Replica: Sendable {
    /// The API base, e.g. `http://localhost:8000/v1`.
    public let endpoint: String
    /// The client that talks to it.
    public let client: any ChatModel
    /// The server's `max_model_len` for the model, once a health check read it.
    public let contextLength: Int?

    /// `maxTokens` lowered so that prompt + answer fit the server's context (prompt estimated at 3 characters a token).
    public func cappedMaxTokens(_ maxTokens: Int?, messages: [ChatMessage]) -> Int? {
        guard let contextLength else { return maxTokens }
        let promptEstimate = messages.reduce(0) { $0 + $1.content.utf8.count } / 3 + 16 * messages.count
        let room = max(256, contextLength - promptEstimate - 64)
        return min(maxTokens ?? room, room)
    }
}

/// The model servers in use: which replica is least loaded, whether each serves its model, and how long a context
/// it takes.
public actor EndpointPool {
    private let connect: ChatModelFactory
    private var inFlight: [String: Int] = [:]
    /// `max_model_len` per endpoint and served id, once checked.
    private var contextLengths: [String: Int] = [:]
    private var checked: Set<String> = []
    /// One permit per request allowed in flight at once over all endpoints (nil: no limit).
    private let requestPermits: AsyncSemaphore?

    /// - Parameters:
    ///   - requestLimit: requests in flight at once over every endpoint (nil: no limit); more wait their turn.
    ///   - connect: the client for an endpoint (default: a `ModelClient` with `timeouts`, `retry` and the model's key).
    public init(
        timeouts: Timeouts, retry: RetryPolicy, requestLimit: Int? = nil, connect: ChatModelFactory? = nil
    ) {
        requestPermits = requestLimit.map { AsyncSemaphore(permits: $0) }
        self.connect =
            connect ?? { endpoint, model in
                ModelClient(baseURL: endpoint, apiKey: model.apiKey, timeouts: timeouts, retry: retry)
            }
    }

    /// Runs `body` with the replica of `model` that has the fewest requests in flight from this process (ties: the
    /// first listed), once fewer than `requestLimit` requests are in flight; the replica is given back when `body`
    /// returns or throws.
    public func withEndpoint<T: Sendable>(
        of model: ModelConfig, _ body: @Sendable (Replica) async throws -> T
    ) async throws -> T {
        let replica = await acquire(model)
        defer { release(replica.endpoint) }
        return try await body(replica)
    }

    /// Asks every endpoint of `model` for its models once: reachable, serving `model.served`, with what context
    /// length.
    /// - Throws: `ModelFleetError.serverUnavailable` (with how to start a server) or `.modelNotServed`; whatever
    ///   else listing the models threw (a cancellation).
    public func check(_ model: ModelConfig) async throws {
        for endpoint in model.endpoints where !checked.contains(Self.key(endpoint, model)) {
            switch await EndpointHealth.probe(model, at: endpoint, with: connect(endpoint, model)) {
            case .unreachable(let error as ModelServerError):
                throw ModelFleetError.serverUnavailable(
                    model: model.served, endpoint: endpoint, detail: Self.shortDetail(error),
                    hint: StartHint.text(for: model, endpoint: endpoint))
            case .unreachable(let error):
                throw error
            case .notServing(let served):
                throw ModelFleetError.modelNotServed(model: model.served, endpoint: endpoint, served: served)
            case .serving(let entry, _):
                if let length = entry.maxModelLength { contextLengths[Self.key(endpoint, model)] = length }
                checked.insert(Self.key(endpoint, model))
            }
        }
    }

    private func acquire(_ model: ModelConfig) async -> Replica {
        await requestPermits?.wait()
        let endpoint = model.endpoints.min { (inFlight[$0] ?? 0) < (inFlight[$1] ?? 0) } ?? model.endpoints[0]
        inFlight[endpoint, default: 0] += 1
        return Replica(
            endpoint: endpoint, client: connect(endpoint, model),
            contextLength: contextLengths[Self.key(endpoint, model)])
    }

    private func release(_ endpoint: String) {
        inFlight[endpoint, default: 1] -= 1
        requestPermits?.signal()
    }

    /// One served model at one endpoint.
    private static func key(_ endpoint: String, _ model: ModelConfig) -> String { endpoint + "|" + model.served }

    private static func shortDetail(_ error: ModelServerError) -> String {
        switch error {
        case .unreachable(_, let detail): return detail
        default: return "\(error)"
        }
    }
}
