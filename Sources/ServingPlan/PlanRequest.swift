/// What the user asked `solve plan` for, before any catalog lookup.
public struct PlanRequest: Sendable, Hashable {
    /// The two routed models planned when no model is named: the reasoning model and the coding model.
    public static let defaultModels = ["deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "Qwen/Qwen2.5-Coder-7B-Instruct"]
    /// The GPU planned when none is named.
    public static let defaultGPU = "rtx-4090"
    /// vLLM's default `--gpu-memory-utilization`.
    public static let defaultUtilization = 0.90
    /// The context used for concurrency when none is given.
    public static let defaultContext = 4096

    /// `--gpu NAME`; nil means `defaultGPU`.
    public var gpuName: String?
    /// `--vram GiB`: replaces the GPU's memory (as CUDA reports it).
    public var vramGiB: Double?
    /// `--model ID`, in order; empty means `defaultModels`.
    public var modelNames: [String]
    /// `--quant`.
    public var quantization: Quantization
    /// `--kv-dtype`.
    public var kvCacheDType: KVCacheDType
    /// `--context`: tokens per sequence (prompt plus output), the `--max-model-len` to serve.
    public var context: Int
    /// `--concurrency`: sequences that must fit at once; nil means one, and `--max-num-seqs` is then what fits.
    public var concurrency: Int?
    /// `--gpu-memory-utilization`.
    public var gpuMemoryUtilization: Double
    /// `--catalog FILE` merged over the built-in catalog.
    public var catalogPath: String?
    /// Assumptions for memory that is not weights or KV cache.
    public var overheads: OverheadModel

    /// Creates a request; every argument has the command's default.
    public init(
        gpuName: String? = nil, vramGiB: Double? = nil, modelNames: [String] = [],
        quantization: Quantization = .bf16, kvCacheDType: KVCacheDType = .auto,
        context: Int = PlanRequest.defaultContext, concurrency: Int? = nil,
        gpuMemoryUtilization: Double = PlanRequest.defaultUtilization, catalogPath: String? = nil,
        overheads: OverheadModel = OverheadModel()
    ) {
        self.gpuName = gpuName
        self.vramGiB = vramGiB
        self.modelNames = modelNames
        self.quantization = quantization
        self.kvCacheDType = kvCacheDType
        self.context = context
        self.concurrency = concurrency
        self.gpuMemoryUtilization = gpuMemoryUtilization
        self.catalogPath = catalogPath
        self.overheads = overheads
    }

    /// Checks the numbers without touching the catalog.
    /// - Throws: `ServingPlanError.invalidValue` for the first bad one.
    public func checkValues() throws {
        if context <= 0 {
            throw ServingPlanError.invalidValue(
                name: "context", value: "\(context)", expected: "a positive token count")
        }
        if let concurrency, concurrency <= 0 {
            throw ServingPlanError.invalidValue(
                name: "concurrency", value: "\(concurrency)", expected: "a positive number of sequences")
        }
        if let vramGiB, !(vramGiB > 0 && vramGiB < 10_000) {
            throw ServingPlanError.invalidValue(name: "vram", value: "\(vramGiB)", expected: "a positive size in GiB")
        }
        if !(gpuMemoryUtilization > 0 && gpuMemoryUtilization <= 1) {
            throw ServingPlanError.invalidValue(
                name: "gpu-memory-utilization", value: "\(gpuMemoryUtilization)", expected: "a fraction in (0, 1]")
        }
    }

    /// The catalog, GPU and models this request names.
    /// - Throws: `ServingPlanError` for bad values, unknown names, an unreadable catalog or a quantization the GPU
    ///   cannot run.
    public func resolve() throws -> (catalog: Catalog, gpu: GPU, models: [ModelSpec]) {
        try checkValues()
        let catalog = try Catalog.load(userFile: catalogPath)
        var gpu = try catalog.gpu(named: gpuName ?? Self.defaultGPU)
        if let vramGiB { gpu = gpu.withMemory(gib: vramGiB) }
        if let reason = gpu.unsupportedReason(for: quantization) {
            throw ServingPlanError.unsupportedQuantization(quantization, gpu: gpu.name, reason: reason)
        }
        let names = modelNames.isEmpty ? Self.defaultModels : modelNames
        let models = try names.map { try catalog.model(named: $0) }
        return (catalog, gpu, models)
    }
}
