/// One GPU model from the catalog.
public struct GPU: Sendable, Hashable, Codable {
    /// Catalog key, such as `rtx-4090`.
    public var id: String
    /// Marketing name, such as `NVIDIA GeForce RTX 4090`.
    public var name: String
    /// Other names that select this GPU.
    public var aliases: [String]
    /// Memory on the spec sheet; GPU makers' "24 GB" is 24 GiB of memory chips.
    public var memoryGiB: Double
    /// Memory that CUDA reports as the device total, in GiB: what `--gpu-memory-utilization` multiplies.
    ///
    /// It is below the marketing figure because the driver reserves some, and ECC reserves more on data-centre cards.
    public var usableGiB: Double
    /// Memory bandwidth in GB/s (0 when unknown).
    public var bandwidthGBps: Double
    /// CUDA compute capability, such as `8.9`.
    public var computeCapability: String

    enum CodingKeys: String, CodingKey {
        case id, name, aliases
        case memoryGiB = "memory_gib"
        case usableGiB = "usable_gib"
        case bandwidthGBps = "bandwidth_gbps"
        case computeCapability = "compute_capability"
    }

    /// Creates a GPU description.
    public init(
        id: String, name: String, aliases: [String] = [], memoryGiB: Double, usableGiB: Double,
        bandwidthGBps: Double, computeCapability: String
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.memoryGiB = memoryGiB
        self.usableGiB = usableGiB
        self.bandwidthGBps = bandwidthGBps
        self.computeCapability = computeCapability
    }

    /// Decodes an entry; `aliases` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        memoryGiB = try container.decode(Double.self, forKey: .memoryGiB)
        usableGiB = try container.decode(Double.self, forKey: .usableGiB)
        bandwidthGBps = try container.decodeIfPresent(Double.self, forKey: .bandwidthGBps) ?? 0
        computeCapability = try container.decode(String.self, forKey: .computeCapability)
    }

    /// The device total in bytes as CUDA reports it.
    public var usableBytes: Int64 { Int64((usableGiB * Double(ByteCount.gibibyte)).rounded(.down)) }

    /// The compute capability as a number (8.9, 12.0); 0 when it cannot be parsed.
    public var capability: Double { Double(computeCapability) ?? 0 }

    /// Whether vLLM's Marlin kernels (AWQ/GPTQ/FP8 weight-only) run here: Ampere (8.0) and newer.
    public var supportsMarlin: Bool { capability >= 8.0 }

    /// Whether the card computes in bfloat16: Ampere (8.0) and newer.
    public var supportsBF16: Bool { capability >= 8.0 }

    /// Whether FP8 matrix multiplies run natively (Ada 8.9, Hopper and newer); older Ampere cards use weight-only FP8.
    public var hasNativeFP8: Bool { capability >= 8.9 }

    /// Why vLLM cannot serve weights in `quantization` on this card, or nil when it can.
    public func unsupportedReason(for quantization: Quantization) -> String? {
        switch quantization {
        case .fp8 where !supportsMarlin:
            "FP8 weights need compute capability 8.0 or newer (this card has \(computeCapability))"
        case .awq, .gptqInt4, .int8:
            capability >= 7.5 ? nil : "4- and 8-bit kernels need compute capability 7.5 or newer"
        default:
            nil
        }
    }

    /// A copy whose memory is replaced by `gib` GiB (the `--vram` override).
    public func withMemory(gib: Double) -> GPU {
        var copy = self
        copy.usableGiB = gib
        copy.memoryGiB = gib
        copy.name = "\(name) with \(ByteCount.decimal(gib, places: 2)) GiB (--vram)"
        return copy
    }
}
