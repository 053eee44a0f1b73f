/// The named assumptions for memory that is neither weights nor KV cache, modelled on vLLM's V1 engine (0.8–0.10).
///
/// vLLM gives each server `usable memory × --gpu-memory-utilization`. Out of that budget it takes the weights, the
/// peak activation memory of a profiling forward pass, and non-PyTorch buffers; the rest becomes KV cache. The CUDA
/// context and the CUDA-graph pool live outside the budget, in the headroom the utilization leaves.
public struct OverheadModel: Sendable, Hashable, Codable {
    /// cuBLAS/attention workspaces and (with tensor parallelism) NCCL buffers, inside the budget, per GPU.
    public var runtimeBuffersBytes: Int64 = 512 * ByteCount.mebibyte
    /// CUDA context of one server process, per GPU, outside the budget.
    public var cudaContextBytes: Int64 = 512 * ByteCount.mebibyte
    /// CUDA-graph memory pool of one server, per GPU, outside the budget.
    public var cudaGraphBytes: Int64 = 512 * ByteCount.mebibyte
    /// Sampler memory per vocabulary entry per sequence: fp32 logits plus softmax, sort and index copies.
    public var samplerBytesPerVocabEntry: Int64 = 24
    /// Tokens per KV cache block (vLLM's default block size).
    public var blockSize: Int = 16

    /// Creates the default assumptions.
    public init() {}

    /// vLLM's default `--max-num-batched-tokens` for the OpenAI server: 8192 on cards with 70 GiB or more (except
    /// A100), 2048 elsewhere. Prefill chunks never exceed it, so the activation peak scales with it.
    public func maxNumBatchedTokens(on gpu: GPU) -> Int {
        isLargeCard(gpu) ? 8192 : 2048
    }

    /// vLLM's default `--max-num-seqs` for the OpenAI server: 1024 on large cards, 256 elsewhere.
    public func defaultMaxNumSeqs(on gpu: GPU) -> Int {
        isLargeCard(gpu) ? 1024 : 256
    }

    private func isLargeCard(_ gpu: GPU) -> Bool {
        gpu.usableGiB >= 70 && !gpu.name.lowercased().contains("a100")
    }

    /// Peak activation memory of vLLM's profiling pass on one GPU.
    ///
    /// Per batched token: the MLP's gate/up output and activation (2 × intermediate) plus four hidden-sized
    /// buffers, in 16 bits, split across tensor-parallel GPUs; plus the sampler's full-vocabulary fp32 buffers for
    /// `maxNumSeqs` sequences, which every GPU holds.
    public func activationBytes(for model: ModelSpec, on gpu: GPU, tensorParallel: Int, maxNumSeqs: Int) -> Int64 {
        let tokens = Int64(maxNumBatchedTokens(on: gpu))
        let widthPerGPU = Int64(2 * model.activeIntermediateSize / max(tensorParallel, 1) + 4 * model.hiddenSize)
        let forward = tokens * widthPerGPU * 2
        let sampler = Int64(maxNumSeqs) * Int64(model.vocabSize) * samplerBytesPerVocabEntry
        return forward + sampler
    }

    /// Memory one server needs outside its budget on each GPU.
    public var outsideBudgetBytes: Int64 { cudaContextBytes + cudaGraphBytes }

    /// The assumptions as sentences for reports.
    public func descriptions(for gpu: GPU) -> [String] {
        let mib = { (bytes: Int64) in "\(bytes / ByteCount.mebibyte) MiB" }
        return [
            "Card memory is what CUDA reports as the device total (\(ByteCount.decimal(gpu.usableGiB, places: 2)) GiB"
                + " here), a little under the marketed size; vLLM's --gpu-memory-utilization is a fraction of it,"
                + " per server.",
            "Weights: 2 bytes/param in FP16/BF16, 1 in INT8/FP8, 133/256 (~0.52) in AWQ/GPTQ int4 (4 bits plus an"
                + " fp16 scale and a 4-bit zero point per group of 128); quantized checkpoints keep the embedding"
                + " and lm_head in 16 bits.",
            "Activation peak: max-num-batched-tokens (\(maxNumBatchedTokens(on: gpu)), vLLM's server default here)"
                + " × (2 × intermediate + 4 × hidden) × 2 bytes, plus \(samplerBytesPerVocabEntry) bytes × vocab ×"
                + " max-num-seqs (\(defaultMaxNumSeqs(on: gpu))) for the sampler.",
            "Runtime buffers inside the budget (cuBLAS and attention workspaces, NCCL with tensor parallel):"
                + " \(mib(runtimeBuffersBytes)) per GPU.",
            "Outside the budget, in the 1 − utilization headroom: CUDA context \(mib(cudaContextBytes)) and CUDA"
                + " graphs \(mib(cudaGraphBytes)) per server per GPU; a desktop session on the same card needs more.",
            "KV cache: vLLM V1 memory profiling (0.8–0.10); every layer holds full KV (no hybrid allocator);"
                + " \(blockSize)-token blocks; KV dtype 'auto' means 16 bits even for quantized weights.",
            "Tensor parallel splits weights and KV heads evenly over GPUs (an MLA latent is replicated); sizes 1, 2, 4"
                + " or 8 that divide the attention heads.",
        ]
    }
}
