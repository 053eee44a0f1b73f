/// The load a server reports on its Prometheus `/metrics`: requests running and waiting, KV cache use, preemptions.
/// Each figure is nil when the server does not export it.
public struct ServerLoad: Sendable, Hashable {
    /// Which naming scheme the figures came from: `vllm`, `sglang` or `llama.cpp`.
    public var server: String
    /// Requests being decoded (vLLM's running batch; llama.cpp's busy slots).
    public var running: Double?
    /// Requests queued for a place in the batch (llama.cpp: deferred for want of a free slot).
    public var waiting: Double?
    /// Fraction (0–1) of the KV cache in use.
    public var kvCacheUsage: Double?
    /// Requests preempted since the server started (vLLM), a counter.
    public var preemptions: Double?

    public init(
        server: String, running: Double? = nil, waiting: Double? = nil, kvCacheUsage: Double? = nil,
        preemptions: Double? = nil
    ) {
        self.server = server
        self.running = running
        self.waiting = waiting
        self.kvCacheUsage = kvCacheUsage
        self.preemptions = preemptions
    }

    /// The metric names each server uses; the first name found for a figure wins.
    struct Names {
        var server: String
        var prefix: String
        var running: [String]
        var waiting: [String]
        var kvCacheUsage: [String]
        var preemptions: [String]
    }

    static let schemes = [
        // vLLM V1 renamed gpu_cache_usage_perc to kv_cache_usage_perc; both are fractions despite the name.
        Names(
            server: "vllm", prefix: "vllm:", running: ["vllm:num_requests_running"],
            waiting: ["vllm:num_requests_waiting"],
            kvCacheUsage: ["vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc"],
            preemptions: ["vllm:num_preemptions_total", "vllm:num_preemptions"]),
        Names(
            server: "sglang", prefix: "sglang:", running: ["sglang:num_running_reqs"],
            waiting: ["sglang:num_queue_reqs"],
            kvCacheUsage: ["sglang:token_usage"], preemptions: []),
        // llama.cpp exports these only when started with --metrics; kv_cache_usage_ratio is gone in newer builds.
        Names(
            server: "llama.cpp", prefix: "llamacpp:", running: ["llamacpp:requests_processing"],
            waiting: ["llamacpp:requests_deferred"], kvCacheUsage: ["llamacpp:kv_cache_usage_ratio"], preemptions: []),
    ]

    /// The load in `metrics`, for `model` when the series carry a `model_name` label (vLLM, SGLang) and some name
    /// it; otherwise over every series. Running, waiting and preemptions add up over series (engines of a
    /// data-parallel server); KV cache use is the fullest one. Nil when no scheme's names are present.
    public init?(_ metrics: PrometheusText, model: String?) {
        for scheme in Self.schemes where metrics.samples.contains(where: { $0.name.hasPrefix(scheme.prefix) }) {
            func series(_ names: [String]) -> [Double]? {
                for name in names {
                    var found = metrics.samples(named: name)
                    if let model, found.contains(where: { $0.labels["model_name"] == model }) {
                        found = found.filter { $0.labels["model_name"] == model }
                    }
                    if !found.isEmpty { return found.map(\.value) }
                }
                return nil
            }
            let load = ServerLoad(
                server: scheme.server, running: series(scheme.running).map { $0.reduce(0, +) },
                waiting: series(scheme.waiting).map { $0.reduce(0, +) },
                kvCacheUsage: series(scheme.kvCacheUsage)?.max(),
                preemptions: series(scheme.preemptions).map { $0.reduce(0, +) })
            if !load.presentFigures.isEmpty {
                self = load
                return
            }
        }
        return nil
    }

    /// The larger of each figure of `self` and `other` (for the peak over a level's samples).
    public func peak(with other: ServerLoad) -> ServerLoad {
        func larger(_ first: Double?, _ second: Double?) -> Double? {
            guard let first else { return second }
            guard let second else { return first }
            return max(first, second)
        }
        return ServerLoad(
            server: server, running: larger(running, other.running), waiting: larger(waiting, other.waiting),
            kvCacheUsage: larger(kvCacheUsage, other.kvCacheUsage), preemptions: larger(preemptions, other.preemptions))
    }

    /// The names of the figures present, e.g. `running, waiting, KV cache`.
    public var presentFigures: [String] {
        [("running", running), ("waiting", waiting), ("KV cache", kvCacheUsage), ("preemptions", preemptions)]
            .filter { $0.1 != nil }.map(\.0)
    }
}
