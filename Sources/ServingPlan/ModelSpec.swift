/// One model from the catalog, with the architecture numbers of its published `config.json`.
public struct ModelSpec: Sendable, Hashable, Codable {
    /// Layers that attend only to the last `size` tokens (Gemma-2 alternates them with global layers).
    public struct SlidingWindow: Sendable, Hashable, Codable {
        /// Window length in tokens.
        public var size: Int
        /// How many of the model's layers use the window.
        public var layers: Int

        /// Creates a sliding-window description.
        public init(size: Int, layers: Int) {
            self.size = size
            self.layers = layers
        }
    }

    /// Multi-head latent attention (DeepSeek-V2): one compressed latent plus a rope key is cached per layer.
    public struct LatentAttention: Sendable, Hashable, Codable {
        /// Width of the compressed KV latent (`kv_lora_rank`).
        public var kvLoraRank: Int
        /// Width of the decoupled rope key (`qk_rope_head_dim`).
        public var qkRopeHeadDim: Int

        enum CodingKeys: String, CodingKey {
            case kvLoraRank = "kv_lora_rank"
            case qkRopeHeadDim = "qk_rope_head_dim"
        }

        /// Creates a latent-attention description.
        public init(kvLoraRank: Int, qkRopeHeadDim: Int) {
            self.kvLoraRank = kvLoraRank
            self.qkRopeHeadDim = qkRopeHeadDim
        }
    }

    /// Mixture-of-experts layout: every expert is held in memory, a few run per token.
    public struct MixtureOfExperts: Sendable, Hashable, Codable {
        /// Routed experts per MoE layer.
        public var experts: Int
        /// Routed experts that run for each token.
        public var expertsPerToken: Int
        /// Shared experts that run for every token.
        public var sharedExperts: Int
        /// Intermediate size of one expert.
        public var expertIntermediateSize: Int
        /// Parameters that run for one token.
        public var activeParameters: Int64

        enum CodingKeys: String, CodingKey {
            case experts
            case expertsPerToken = "experts_per_token"
            case sharedExperts = "shared_experts"
            case expertIntermediateSize = "expert_intermediate_size"
            case activeParameters = "active_parameters"
        }
    }

    /// Hugging Face model id, such as `Qwen/Qwen2.5-7B-Instruct`.
    public var id: String
    /// Short names that select this model.
    public var aliases: [String]
    /// Total parameter count, as published.
    public var parameters: Int64
    /// `num_hidden_layers`.
    public var layers: Int
    /// `hidden_size`.
    public var hiddenSize: Int
    /// `intermediate_size` of the dense MLP.
    public var intermediateSize: Int
    /// `num_attention_heads`.
    public var attentionHeads: Int
    /// `num_key_value_heads`.
    public var kvHeads: Int
    /// `head_dim` (for MLA models the query/key width, unused for the cache).
    public var headDim: Int
    /// `vocab_size`.
    public var vocabSize: Int
    /// `tie_word_embeddings`: the output head reuses the input embedding.
    public var tiedEmbeddings: Bool
    /// `max_position_embeddings`: the longest context the checkpoint is configured for.
    public var maxPositionEmbeddings: Int
    /// vLLM `--reasoning-parser` for reasoning models.
    public var reasoningParser: String?
    /// Sliding-window layers, if any.
    public var slidingWindow: SlidingWindow?
    /// Latent attention, if the model uses MLA.
    public var mla: LatentAttention?
    /// Expert layout, if the model is a mixture of experts.
    public var moe: MixtureOfExperts?
    /// Pre-quantized checkpoints by `Quantization` raw value (`awq`, `gptq-int4`, `int8`, `fp8`).
    public var checkpoints: [String: String]
    /// Remarks printed with the plan.
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case id, aliases, parameters, layers, checkpoints, notes, mla, moe
        case hiddenSize = "hidden_size"
        case intermediateSize = "intermediate_size"
        case attentionHeads = "attention_heads"
        case kvHeads = "kv_heads"
        case headDim = "head_dim"
        case vocabSize = "vocab_size"
        case tiedEmbeddings = "tied_embeddings"
        case maxPositionEmbeddings = "max_position_embeddings"
        case reasoningParser = "reasoning_parser"
        case slidingWindow = "sliding_window"
    }

    /// Decodes an entry; `aliases`, `tied_embeddings`, `checkpoints` and `notes` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        parameters = try container.decode(Int64.self, forKey: .parameters)
        layers = try container.decode(Int.self, forKey: .layers)
        hiddenSize = try container.decode(Int.self, forKey: .hiddenSize)
        intermediateSize = try container.decode(Int.self, forKey: .intermediateSize)
        attentionHeads = try container.decode(Int.self, forKey: .attentionHeads)
        kvHeads = try container.decode(Int.self, forKey: .kvHeads)
        headDim = try container.decode(Int.self, forKey: .headDim)
        vocabSize = try container.decode(Int.self, forKey: .vocabSize)
        tiedEmbeddings = try container.decodeIfPresent(Bool.self, forKey: .tiedEmbeddings) ?? false
        maxPositionEmbeddings = try container.decode(Int.self, forKey: .maxPositionEmbeddings)
        reasoningParser = try container.decodeIfPresent(String.self, forKey: .reasoningParser)
        slidingWindow = try container.decodeIfPresent(SlidingWindow.self, forKey: .slidingWindow)
        mla = try container.decodeIfPresent(LatentAttention.self, forKey: .mla)
        moe = try container.decodeIfPresent(MixtureOfExperts.self, forKey: .moe)
        checkpoints = try container.decodeIfPresent([String: String].self, forKey: .checkpoints) ?? [:]
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    /// The part of the id after the organisation, such as `Qwen2.5-7B-Instruct`.
    public var shortName: String {
        id.split(separator: "/").last.map(String.init) ?? id
    }

    /// Parameters in the input embedding and the output head (counted once when they are tied).
    public var embeddingParameters: Int64 {
        Int64(vocabSize) * Int64(hiddenSize) * (tiedEmbeddings ? 1 : 2)
    }

    /// Bytes of weights in `quantization`.
    ///
    /// Quantized checkpoints (AWQ, GPTQ, INT8, FP8) keep the embedding and the output head in 16 bits; only the
    /// transformer layers shrink.
    public func weightBytes(_ quantization: Quantization) -> Int64 {
        if quantization.isSixteenBit { return parameters * 2 }
        let layerParameters = max(parameters - embeddingParameters, 0)
        return embeddingParameters * 2 + quantization.bytes(forQuantizedWeights: layerParameters)
    }

    /// KV cache bytes for one token of one sequence across all layers, with every layer holding full KV.
    ///
    /// Standard attention: 2 (K and V) × layers × KV heads × head_dim × bytes.
    /// MLA: layers × (kv_lora_rank + qk_rope_head_dim) × bytes.
    public func kvBytesPerToken(_ dtype: KVCacheDType) -> Int64 {
        kvBytesPerTokenPerGPU(dtype, tensorParallel: 1)
    }

    /// KV cache bytes one GPU holds for one token under tensor parallelism.
    ///
    /// KV heads are split across GPUs (and replicated when there are more GPUs than KV heads); the MLA latent is
    /// replicated on every GPU.
    public func kvBytesPerTokenPerGPU(_ dtype: KVCacheDType, tensorParallel: Int) -> Int64 {
        let bytes = Int64(dtype.bytes)
        if let mla {
            return Int64(layers) * Int64(mla.kvLoraRank + mla.qkRopeHeadDim) * bytes
        }
        let headsPerGPU = max(kvHeads / max(tensorParallel, 1), 1)
        return 2 * Int64(layers) * Int64(headsPerGPU) * Int64(headDim) * bytes
    }

    /// Whether vLLM can split this model over `size` GPUs: attention heads and KV heads must divide evenly.
    public func allowsTensorParallel(_ size: Int) -> Bool {
        guard size >= 1, attentionHeads % size == 0 else { return false }
        if mla != nil { return true }
        return size <= kvHeads ? kvHeads % size == 0 : size % kvHeads == 0
    }

    /// Width of the largest MLP activation per token: the dense MLP or the experts that run for one token.
    public var activeIntermediateSize: Int {
        guard let moe else { return intermediateSize }
        return max(intermediateSize, moe.expertIntermediateSize * (moe.expertsPerToken + moe.sharedExperts))
    }

    /// Checks that every number is positive and consistent.
    /// - Throws: `ServingPlanError.invalidCatalog` naming the first bad field.
    public func validate(source: String) throws {
        let positive: [(String, Int64)] = [
            ("parameters", parameters), ("layers", Int64(layers)), ("hidden_size", Int64(hiddenSize)),
            ("intermediate_size", Int64(intermediateSize)), ("attention_heads", Int64(attentionHeads)),
            ("kv_heads", Int64(kvHeads)), ("head_dim", Int64(headDim)), ("vocab_size", Int64(vocabSize)),
            ("max_position_embeddings", Int64(maxPositionEmbeddings)),
        ]
        for (field, value) in positive where value <= 0 {
            throw ServingPlanError.invalidCatalog(source: source, reason: "model '\(id)': \(field) must be positive")
        }
        if let slidingWindow, slidingWindow.size <= 0 || slidingWindow.layers > layers {
            throw ServingPlanError.invalidCatalog(
                source: source,
                reason: "model '\(id)': sliding_window needs a positive size and at most \(layers) layers")
        }
        if let mla, mla.kvLoraRank <= 0 || mla.qkRopeHeadDim < 0 {
            throw ServingPlanError.invalidCatalog(source: source, reason: "model '\(id)': mla ranks must be positive")
        }
        for key in checkpoints.keys where Quantization(rawValue: key) == nil {
            throw ServingPlanError.invalidCatalog(
                source: source, reason: "model '\(id)': checkpoint key '\(key)' is not a quantization")
        }
    }
}
