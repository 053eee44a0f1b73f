/// The sentences that explain a `ModelPlan`'s verdict and the model-specific assumptions.
extension ModelPlan {
    /// The verdict with what the other options would take, such as `fits with int4 (AWQ int4); BF16 needs 4 GPUs`.
    public var headline: String {
        let label = single.quantization.label
        switch (verdict, gpusNeeded) {
        case (.fitsWithFewerSequences, let gpus?) where gpus > 1:
            return verdict.summary + "; \(sequences) need \(gpus) GPUs with tensor parallel"
        case (.fitsWithQuantization, let gpus?) where gpus > 1:
            return verdict.summary + "; \(label) needs \(gpus) GPUs with tensor parallel"
        case (.fitsWithQuantization, nil):
            return verdict.summary + "; \(label) does not fit even on 8 GPUs"
        case (.fitsWithShorterContext, let gpus?) where gpus > 1:
            return verdict.summary + "; the memory for \(ByteCount.grouped(context)) tokens takes \(gpus) GPUs"
        default:
            return verdict.summary
        }
    }

    /// Sentences for `reasons`: the budget, the KV cache for one sequence, the limits and the other options.
    func explanation() -> [String] {
        var lines: [String] = []
        let label = single.quantization.label
        let tokens = "\(ByteCount.grouped(context))-token"
        if single.weightsFit {
            lines.append(
                "\(label) weights \(ByteCount.gib(single.weightsBytes)) GiB + activations"
                    + " \(ByteCount.gib(single.activationBytes)) GiB + buffers \(ByteCount.gib(single.runtimeBytes))"
                    + " GiB leave \(ByteCount.gib(single.kvBudgetBytes)) of the \(ByteCount.gib(single.budgetBytes))"
                    + " GiB budget for KV cache: \(ByteCount.grouped(single.kvTokens)) tokens.")
        } else {
            lines.append(
                "\(label) weights \(ByteCount.gib(single.weightsBytes)) GiB plus activations and buffers"
                    + " (\(ByteCount.gib(single.activationBytes + single.runtimeBytes)) GiB) exceed the"
                    + " \(ByteCount.gib(single.budgetBytes)) GiB budget of one GPU.")
        }
        let oneSequence = single.kvBytes(context: context)
        if oneSequence > gpu.usableBytes {
            lines.append(
                "The KV cache alone for one \(tokens) sequence is \(ByteCount.gib(oneSequence)) GiB, more than the"
                    + " whole card (\(ByteCount.gib(gpu.usableBytes)) GiB).")
        } else {
            lines.append("One \(tokens) sequence needs \(ByteCount.gib(oneSequence)) GiB of KV cache.")
        }
        if context > model.maxPositionEmbeddings {
            lines.append(
                "\(ByteCount.grouped(context)) tokens is beyond the model's max_position_embeddings"
                    + " (\(ByteCount.grouped(model.maxPositionEmbeddings))): vLLM refuses a longer --max-model-len.")
        }
        if fits {
            let count = single.maxConcurrency(context: context)
            lines.append(
                "One GPU holds \(ByteCount.counted(count, "sequence")) of \(ByteCount.grouped(context)) tokens at once"
                    + (concurrencyGiven ? " (\(sequences) asked)." : "."))
        }
        if let tensorParallel {
            let count = tensorParallel.maxConcurrency(context: context)
            lines.append(
                "On \(tensorParallel.tensorParallelSize) GPUs with tensor parallel: \(ByteCount.gib(tensorParallel.weightsBytes))"
                    + " GiB of weights and \(ByteCount.gib(tensorParallel.kvBudgetBytes)) GiB of KV cache per GPU,"
                    + " \(ByteCount.grouped(tensorParallel.kvTokens)) tokens: \(ByteCount.counted(count, "sequence")) of"
                    + " \(ByteCount.grouped(context)).")
        } else if gpusNeeded == nil {
            lines.append(
                "Even 8 GPUs with tensor parallel cannot hold the weights plus \(sequences) × \(tokens) sequences.")
        }
        if let smaller = smallerQuantization {
            lines.append(
                "In \(smaller.quantization.label): weights \(ByteCount.gib(smaller.weightsBytes)) GiB, KV room for"
                    + " \(ByteCount.grouped(smaller.kvTokens)) tokens on one GPU"
                    + " (\(ByteCount.counted(smaller.maxConcurrency(context: context), "sequence")) of"
                    + " \(ByteCount.grouped(context))).")
        }
        return lines
    }

    /// Catalog notes plus what this plan assumes about sliding windows, MLA, experts, quantized embeddings and FP8 KV.
    func modelNotes(kvCacheDType: KVCacheDType) -> [String] {
        var lines = model.notes
        if let window = model.slidingWindow {
            // At or below the window the hybrid manager saves nothing: show the saving at the model's limit then.
            let length = context > window.size ? context : model.maxPositionEmbeddings
            let perLayer = single.kvBytesPerToken / Int64(model.layers)
            let full = perLayer * Int64(model.layers) * Int64(length)
            let windowed =
                Int64(model.layers - window.layers) * perLayer * Int64(length)
                + Int64(window.layers) * perLayer * Int64(min(length, window.size))
            lines.append(
                "\(window.layers) of \(model.layers) layers use a \(ByteCount.grouped(window.size))-token sliding"
                    + " window. This plan gives every layer full KV, as vLLM does without its hybrid KV cache manager"
                    + " (V0, or --disable-hybrid-kv-cache-manager); with it, one \(ByteCount.grouped(length))-token"
                    + " sequence needs \(ByteCount.gib(windowed)) instead of \(ByteCount.gib(full)) GiB of KV cache.")
        }
        if let mla = model.mla {
            lines.append(
                "MLA caches kv_lora_rank + qk_rope_head_dim = \(mla.kvLoraRank + mla.qkRopeHeadDim) values per layer"
                    + " per token (\(model.layers) × \(mla.kvLoraRank + mla.qkRopeHeadDim) × \(kvCacheDType.bytes)"
                    + " bytes), replicated on every tensor-parallel GPU.")
        }
        if let moe = model.moe {
            lines.append(
                "Mixture of experts: all \(ByteCount.billions(model.parameters)) parameters are loaded, only"
                    + " \(ByteCount.billions(moe.activeParameters)) run per token (\(moe.expertsPerToken) of"
                    + " \(moe.experts) routed experts + \(moe.sharedExperts) shared).")
        }
        if !single.quantization.isSixteenBit {
            lines.append(
                "The embedding and lm_head (\(ByteCount.billions(model.embeddingParameters)) parameters) stay 16-bit"
                    + " in \(single.quantization.label) checkpoints.")
        }
        if kvCacheDType == .fp8 {
            lines.append(
                "FP8 KV cache halves KV memory at a small accuracy cost; it needs an attention backend"
                    + " that supports it (FlashInfer or FlashAttention 3).")
        }
        return lines
    }
}
