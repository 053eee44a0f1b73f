/// How the weights are stored, as chosen with `--quant`.
public enum Quantization: String, Sendable, Hashable, Codable, CaseIterable {
    case fp16
    case bf16
    case int8
    case awq
    case gptqInt4 = "gptq-int4"
    case fp8

    /// Parses a `--quant` value, case-insensitively.
    /// - Throws: `ServingPlanError.unknownQuantization` for anything else.
    public init(parsing name: String) throws {
        guard let value = Self(rawValue: name.lowercased()) else {
            throw ServingPlanError.unknownQuantization(name)
        }
        self = value
    }

    /// A short upper-case label for reports.
    public var label: String {
        switch self {
        case .fp16: "FP16"
        case .bf16: "BF16"
        case .int8: "INT8"
        case .awq: "AWQ int4"
        case .gptqInt4: "GPTQ int4"
        case .fp8: "FP8"
        }
    }

    /// Whether weights keep 16 bits (no quantization at all).
    public var isSixteenBit: Bool { self == .fp16 || self == .bf16 }

    /// Whether weights are 4-bit with group-wise scales.
    public var isFourBit: Bool { self == .awq || self == .gptqInt4 }

    /// Whether serving this format needs a checkpoint that was quantized ahead of time.
    ///
    /// vLLM quantizes to FP8 while loading a 16-bit checkpoint; AWQ, GPTQ and INT8 weights must already exist.
    public var needsPrequantizedCheckpoint: Bool { self == .int8 || isFourBit }

    /// The round bytes per parameter that a back-of-the-envelope estimate uses (2, 1 or 0.5).
    public var nominalBytesPerParameter: Double {
        switch self {
        case .fp16, .bf16: 2
        case .int8, .fp8: 1
        case .awq, .gptqInt4: 0.5
        }
    }

    /// Bytes taken by `count` quantized weights, rounded up.
    ///
    /// 4-bit formats store one fp16 scale and one 4-bit zero point per group of 128 weights:
    /// 4 + 20/128 = 4.156 bits = 133/256 bytes per weight.
    public func bytes(forQuantizedWeights count: Int64) -> Int64 {
        switch self {
        case .fp16, .bf16: count * 2
        case .int8, .fp8: count
        case .awq, .gptqInt4: (count * 133 + 255) / 256
        }
    }

    /// Smaller formats to try, best quality first, when this one does not fit.
    ///
    /// INT8 and GPTQ are left out because they need a checkpoint quantized ahead of time; FP8 needs none.
    public func smallerAlternatives(on gpu: GPU) -> [Quantization] {
        let candidates: [Quantization] = isSixteenBit ? [.fp8, .awq] : (isFourBit ? [] : [.awq])
        return candidates.filter { gpu.unsupportedReason(for: $0) == nil }
    }

    /// The `--quantization` value for vLLM, or nil when vLLM needs none.
    ///
    /// For AWQ and GPTQ checkpoints the Marlin kernels are named explicitly on compute capability 8.0 and newer:
    /// an explicit `--quantization awq` forces vLLM's much slower plain AWQ kernel.
    public func vllmFlag(on gpu: GPU) -> String? {
        switch self {
        case .fp16, .bf16: nil
        case .fp8: "fp8"
        case .awq: gpu.supportsMarlin ? "awq_marlin" : "awq"
        case .gptqInt4, .int8: gpu.supportsMarlin ? "gptq_marlin" : "gptq"
        }
    }
}

/// The dtype of the KV cache, as chosen with `--kv-dtype`.
public enum KVCacheDType: String, Sendable, Hashable, Codable, CaseIterable {
    /// The model's activation dtype: 16 bits, whatever the weight quantization.
    case auto
    /// 8-bit floating point (`--kv-cache-dtype fp8`).
    case fp8

    /// Parses a `--kv-dtype` value, case-insensitively.
    /// - Throws: `ServingPlanError.unknownKVCacheDType` for anything else.
    public init(parsing name: String) throws {
        guard let value = Self(rawValue: name.lowercased()) else {
            throw ServingPlanError.unknownKVCacheDType(name)
        }
        self = value
    }

    /// Bytes per cached element.
    public var bytes: Int { self == .fp8 ? 1 : 2 }
}
