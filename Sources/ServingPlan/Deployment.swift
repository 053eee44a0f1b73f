/// One model served by one vLLM server on `tensorParallelSize` identical GPUs, with the memory arithmetic done.
///
/// All byte figures are per GPU; `kvTokens` is the number of tokens the whole deployment can cache.
public struct Deployment: Sendable, Hashable, Codable {
    /// Weight format.
    public var quantization: Quantization
    /// KV cache dtype.
    public var kvCacheDType: KVCacheDType
    /// GPUs the model is split over.
    public var tensorParallelSize: Int
    /// Fraction of each GPU's memory this server may use.
    public var gpuMemoryUtilization: Double
    /// `usable memory × utilization`.
    public var budgetBytes: Int64
    /// Weights held by one GPU.
    public var weightsBytes: Int64
    /// Peak activation memory (see `OverheadModel.activationBytes`).
    public var activationBytes: Int64
    /// Non-PyTorch buffers inside the budget.
    public var runtimeBytes: Int64
    /// What is left for the KV cache (0 when the weights alone overflow the budget).
    public var kvBudgetBytes: Int64
    /// KV bytes one GPU holds per cached token.
    public var kvBytesPerToken: Int64
    /// Whole KV blocks that fit.
    public var kvBlocks: Int64
    /// Tokens per block.
    public var blockSize: Int
    /// The model's `max_position_embeddings`.
    public var modelContextLimit: Int

    /// Does the arithmetic for `model` on `tensorParallelSize` copies of `gpu`.
    public init(
        model: ModelSpec, gpu: GPU, quantization: Quantization, kvCacheDType: KVCacheDType,
        tensorParallelSize: Int = 1, gpuMemoryUtilization: Double, overheads: OverheadModel = OverheadModel()
    ) {
        let parallel = max(tensorParallelSize, 1)
        self.quantization = quantization
        self.kvCacheDType = kvCacheDType
        self.tensorParallelSize = parallel
        self.gpuMemoryUtilization = gpuMemoryUtilization
        budgetBytes = Int64((Double(gpu.usableBytes) * gpuMemoryUtilization).rounded(.down))
        let totalWeights = model.weightBytes(quantization)
        weightsBytes = (totalWeights + Int64(parallel) - 1) / Int64(parallel)
        activationBytes = overheads.activationBytes(
            for: model, on: gpu, tensorParallel: parallel, maxNumSeqs: overheads.defaultMaxNumSeqs(on: gpu))
        runtimeBytes = overheads.runtimeBuffersBytes
        kvBudgetBytes = max(budgetBytes - weightsBytes - activationBytes - runtimeBytes, 0)
        kvBytesPerToken = model.kvBytesPerTokenPerGPU(kvCacheDType, tensorParallel: parallel)
        blockSize = overheads.blockSize
        kvBlocks = kvBudgetBytes / (kvBytesPerToken * Int64(overheads.blockSize))
        modelContextLimit = model.maxPositionEmbeddings
    }

    /// Memory the server needs before any KV cache: weights, activations and runtime buffers.
    public var fixedBytes: Int64 { weightsBytes + activationBytes + runtimeBytes }

    /// Whether the weights, activations and buffers fit in the budget at all.
    public var weightsFit: Bool { fixedBytes <= budgetBytes }

    /// Tokens of KV cache that fit (whole blocks).
    public var kvTokens: Int64 { kvBlocks * Int64(blockSize) }

    /// The longest single sequence: the KV-fitting tokens capped by the model's `max_position_embeddings`.
    public var maxContext: Int64 { min(kvTokens, Int64(modelContextLimit)) }

    /// How many sequences of `context` tokens fit in the KV cache at once.
    public func maxConcurrency(context: Int) -> Int64 {
        kvBlocks / Int64(blocks(for: context))
    }

    /// Whether `sequences` sequences of `context` tokens fit at once.
    public func fits(context: Int, sequences: Int = 1) -> Bool {
        weightsFit && maxConcurrency(context: context) >= Int64(sequences)
    }

    /// KV bytes one GPU needs for `sequences` sequences of `context` tokens.
    public func kvBytes(context: Int, sequences: Int = 1) -> Int64 {
        Int64(blocks(for: context)) * Int64(blockSize) * kvBytesPerToken * Int64(sequences)
    }

    private func blocks(for context: Int) -> Int {
        max((context + blockSize - 1) / blockSize, 1)
    }
}
