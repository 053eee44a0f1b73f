/// Two vLLM servers sharing one GPU, as the routed pair (reasoning model + coding model) runs them.
///
/// Each server gets its own `--gpu-memory-utilization`; vLLM treats it as that server's share of the whole card, so
/// the two shares add up to at most the chosen utilization. Each server first needs its weights, activations,
/// buffers and KV cache for `concurrency × context` tokens; what is left is shared so that both servers gain the
/// same number of KV tokens. Shares are whole hundredths.
public struct PairPlan: Sendable, Hashable {
    /// One of the two servers.
    public struct Server: Sendable, Hashable {
        /// The model it serves.
        public var model: ModelSpec
        /// Its port (8000 for the first model, 8001 for the second).
        public var port: Int
        /// Its share of the card and the resulting arithmetic.
        public var deployment: Deployment
        /// Longest single sequence its KV cache holds.
        public var maxContext: Int64
        /// Sequences of the requested context it holds at once.
        public var maxConcurrency: Int64
        /// Its `vllm serve` line.
        public var command: VLLMCommand
    }

    /// The split for one weight format.
    public struct Option: Sendable, Hashable {
        /// Weight format of both servers.
        public var quantization: Quantization
        /// Memory both servers need at minimum: fixed memory plus KV for the requested sequences.
        public var requiredBytes: Int64
        /// `usable memory × utilization`, what the two shares may add up to.
        public var budgetBytes: Int64
        /// The two servers, when the pair fits; empty otherwise.
        public var servers: [Server]
        /// Why the pair does not fit, when it does not.
        public var reason: String?

        /// Whether both servers fit.
        public var fits: Bool { !servers.isEmpty }

        /// Sum of the two servers' utilizations.
        public var totalUtilization: Double { servers.map(\.deployment.gpuMemoryUtilization).reduce(0, +) }
    }

    /// The split in the requested format.
    public var requested: Option
    /// Smaller formats tried because the requested one does not fit (empty when it fits).
    public var alternatives: [Option]
    /// Problems with the split, such as too little headroom for two CUDA contexts.
    public var warnings: [String]

    /// The option to run: the requested one if it fits, otherwise the first alternative that does.
    public var recommended: Option? {
        requested.fits ? requested : alternatives.first(where: \.fits)
    }

    /// Splits `gpu` between the two models of `models` as `request` asks.
    public init(models: [ModelSpec], gpu: GPU, request: PlanRequest) {
        requested = Self.split(models, on: gpu, quantization: request.quantization, request: request)
        alternatives =
            requested.fits
            ? []
            : request.quantization.smallerAlternatives(on: gpu).map {
                Self.split(models, on: gpu, quantization: $0, request: request)
            }
        warnings = []
        if let chosen = recommended {
            let headroom = Int64(Double(gpu.usableBytes) * (1 - chosen.totalUtilization))
            let needed = 2 * request.overheads.outsideBudgetBytes
            if headroom < needed {
                warnings.append(
                    "Only \(ByteCount.gib(headroom)) GiB stay outside the two shares for two CUDA contexts and graph"
                        + " pools (~\(ByteCount.gib(needed)) GiB): lower --gpu-memory-utilization or add"
                        + " --enforce-eager.")
            }
            warnings += chosen.servers.flatMap(\.command.warnings)
        }
    }

    /// The split of `gpu` between `models` in one weight format, or the reason there is none.
    static func split(_ models: [ModelSpec], on gpu: GPU, quantization: Quantization, request: PlanRequest) -> Option {
        let usable = gpu.usableBytes
        let context = request.context
        let sequences = request.concurrency ?? 1
        func deploy(_ model: ModelSpec, _ utilization: Double) -> Deployment {
            Deployment(
                model: model, gpu: gpu, quantization: quantization, kvCacheDType: request.kvCacheDType,
                gpuMemoryUtilization: utilization, overheads: request.overheads)
        }
        let probes = models.map { deploy($0, request.gpuMemoryUtilization) }
        let needs = probes.map { $0.fixedBytes + $0.kvBytes(context: context, sequences: sequences) }
        let required = needs.reduce(0, +)
        let budget = probes.first?.budgetBytes ?? 0
        var option = Option(
            quantization: quantization, requiredBytes: required, budgetBytes: budget, servers: [], reason: nil)
        if let model = models.first(where: { context > $0.maxPositionEmbeddings }) {
            option.reason =
                "\(ByteCount.grouped(context)) tokens is beyond \(model.id)'s limit"
                + " (\(ByteCount.grouped(model.maxPositionEmbeddings)))."
            return option
        }
        let cap = Int((request.gpuMemoryUtilization * 100 + 1e-6).rounded(.down))
        let minimum = needs.map { Int((Double($0) / Double(usable) * 100).rounded(.up)) }
        guard required <= budget, minimum.reduce(0, +) <= cap else {
            option.reason =
                "Both servers need \(ByteCount.gib(required)) GiB (weights, activations, buffers and"
                + " \(sequences) × \(ByteCount.grouped(context))-token KV each), more than the"
                + " \(ByteCount.gib(budget)) GiB that \(VLLMCommand.format(utilization: request.gpuMemoryUtilization))"
                + " of the card allows."
            return option
        }
        // Share what is left so both servers gain the same number of KV tokens.
        let perToken = probes.map(\.kvBytesPerToken).reduce(0, +)
        let extraTokens = (budget - required) / max(perToken, 1)
        let targets = zip(needs, probes).map { need, probe in
            Double(need + extraTokens * probe.kvBytesPerToken) / Double(usable) * 100
        }
        var shares = targets.indices.map { max(minimum[$0], Int(targets[$0].rounded(.down))) }
        // Whole hundredths: trim the share furthest above its minimum, or hand spare ones to the furthest below target.
        while shares.reduce(0, +) > cap {
            guard let index = shares.indices.max(by: { shares[$0] - minimum[$0] < shares[$1] - minimum[$1] }),
                shares[index] > minimum[index]
            else { break }
            shares[index] -= 1
        }
        while shares.reduce(0, +) < cap,
            let index = shares.indices.max(by: { targets[$0] - Double(shares[$0]) < targets[$1] - Double(shares[$1]) })
        {
            shares[index] += 1
        }
        let overheads = request.overheads
        option.servers = zip(models, shares).enumerated().map { index, pair in
            let deployment = deploy(pair.0, Double(pair.1) / 100)
            let concurrency = deployment.maxConcurrency(context: context)
            let maxNumSeqs = request.concurrency ?? Int(min(concurrency, Int64(overheads.defaultMaxNumSeqs(on: gpu))))
            let command = VLLMCommand(
                serving: pair.0, on: gpu, as: deployment, maxModelLen: context, maxNumSeqs: maxNumSeqs,
                port: 8000 + index)
            return Server(
                model: pair.0, port: 8000 + index, deployment: deployment, maxContext: deployment.maxContext,
                maxConcurrency: concurrency, command: command)
        }
        return option
    }
}
