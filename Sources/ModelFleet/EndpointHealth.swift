import ModelClient

/// What one endpoint says about one configured model: the health check both `solve` (before its first request)
/// and `solve models` make.
public enum EndpointHealth: Sendable {
    /// Listing the served models failed (a `ModelServerError` when the server did not answer or answered wrongly).
    case unreachable(any Error)
    /// The endpoint serves the model (`entry`), besides the `others`.
    case serving(ServedModel, others: [String])
    /// The endpoint answers but serves only `served`.
    case notServing(served: [String])

    /// Asks `client` (talking to `endpoint`) which models it serves.
    public static func probe(_ model: ModelConfig, at endpoint: String, with client: any ChatModel) async
        -> EndpointHealth
    {
        let served: [ServedModel]
        do {
            served = try await client.models()
        } catch {
            return .unreachable(error)
        }
        guard let entry = served.first(where: { $0.id == model.served }) else {
            return .notServing(served: served.map(\.id))
        }
        return .serving(entry, others: served.map(\.id).filter { $0 != model.served })
    }
}

/// One row of `solve models`: a configured model at one of its endpoints, and what the endpoint said.
public struct EndpointCheck: Sendable, Hashable, Encodable {
    public var alias: String
    public var served: String
    public var role: String
    public var endpoint: String
    public var reachable: Bool
    public var servedHere: Bool
    public var maxModelLength: Int?
    public var otherModels: [String]
    /// Why the endpoint cannot be used for the model (nil when it can).
    public var problem: String?

    enum CodingKeys: String, CodingKey {
        case alias, served, role, endpoint, reachable, problem
        case servedHere = "served_here"
        case maxModelLength = "max_model_len"
        case otherModels = "other_models"
    }

    /// The row for `model` at `endpoint` from what the endpoint said.
    public init(model: ModelConfig, endpoint: String, health: EndpointHealth) {
        alias = model.alias
        served = model.served
        role = model.role.rawValue
        self.endpoint = endpoint
        reachable = false
        servedHere = false
        otherModels = []
        switch health {
        case .unreachable(let error):
            problem = "\(error)"
        case .serving(let entry, let others):
            reachable = true
            servedHere = true
            maxModelLength = entry.maxModelLength
            otherModels = others
        case .notServing(let ids):
            reachable = true
            otherModels = ids.filter { $0 != model.served }
            problem = "serves \(ids.joined(separator: ", ")) instead"
        }
    }

    /// Checks every endpoint of every model in `config`, one at a time, each with short timeouts and no retries.
    public static func all(in config: SolveConfig, connect: ChatModelFactory? = nil) async -> [EndpointCheck] {
        let connect =
            connect ?? { endpoint, model in
                ModelClient(
                    baseURL: endpoint, apiKey: model.apiKey, timeouts: Timeouts(connect: 3, firstByte: 10, total: 10),
                    retry: RetryPolicy(maxRetries: 0))
            }
        var checks: [EndpointCheck] = []
        for model in config.models {
            for endpoint in model.endpoints {
                let health = await EndpointHealth.probe(model, at: endpoint, with: connect(endpoint, model))
                checks.append(EndpointCheck(model: model, endpoint: endpoint, health: health))
            }
        }
        return checks
    }
}
