/// A `vllm serve` command line.
public struct VLLMCommand: Sendable, Hashable, Codable {
    /// One `--flag value` pair.
    public struct Argument: Sendable, Hashable, Codable {
        /// The flag, such as `--max-model-len`.
        public var flag: String
        /// Its value.
        public var value: String
    }

    /// The checkpoint to serve (a pre-quantized repository when the catalog lists one).
    public var checkpoint: String
    /// Flags in the order they are printed.
    public var arguments: [Argument]
    /// Problems a user must fix before the line works, such as a missing AWQ checkpoint.
    public var warnings: [String]

    /// Builds the command that serves `model` as `deployment` describes.
    ///
    /// - Parameters:
    ///   - maxModelLen: `--max-model-len`, the longest sequence.
    ///   - maxNumSeqs: `--max-num-seqs`, sequences scheduled at once.
    ///   - port: `--port`, printed only when given (two servers share a card).
    public init(
        serving model: ModelSpec, on gpu: GPU, as deployment: Deployment, maxModelLen: Int, maxNumSeqs: Int,
        port: Int? = nil
    ) {
        let quantization = deployment.quantization
        var warnings: [String] = []
        var checkpoint = model.id
        if let repository = model.checkpoints[quantization.rawValue] {
            checkpoint = repository
        } else if quantization.needsPrequantizedCheckpoint {
            warnings.append(
                "No \(quantization.label) checkpoint of \(model.id) is in the catalog: vLLM cannot quantize to"
                    + " \(quantization.label) while loading, so replace the model id with a pre-quantized"
                    + " repository (or list one under \"checkpoints\" in a --catalog file).")
        }
        var arguments: [Argument] = []
        func add(_ flag: String, _ value: String) { arguments.append(Argument(flag: flag, value: value)) }
        if let port { add("--port", "\(port)") }
        if let flag = quantization.vllmFlag(on: gpu) { add("--quantization", flag) }
        if quantization == .fp16 || !gpu.supportsBF16 {
            add("--dtype", "float16")
            if !gpu.supportsBF16 && quantization == .bf16 {
                warnings.append("\(gpu.name) has no bfloat16: the model runs in float16 (--dtype float16).")
            }
        }
        if deployment.kvCacheDType == .fp8 { add("--kv-cache-dtype", "fp8") }
        add("--max-model-len", "\(maxModelLen)")
        add("--gpu-memory-utilization", Self.format(utilization: deployment.gpuMemoryUtilization))
        add("--max-num-seqs", "\(max(maxNumSeqs, 1))")
        if deployment.tensorParallelSize > 1 { add("--tensor-parallel-size", "\(deployment.tensorParallelSize)") }
        if let parser = model.reasoningParser { add("--reasoning-parser", parser) }
        self.checkpoint = checkpoint
        self.arguments = arguments
        self.warnings = warnings
    }

    /// The value of `flag`, if the command has it.
    public func value(of flag: String) -> String? {
        arguments.first { $0.flag == flag }?.value
    }

    /// The whole command on one line.
    public var line: String {
        (["vllm", "serve", checkpoint] + arguments.map { "\($0.flag) \($0.value)" }).joined(separator: " ")
    }

    /// The command broken with `\` continuations so no line is longer than `width` columns.
    public func wrapped(width: Int, indent: String) -> String {
        var lines: [String] = []
        var current = indent + "vllm serve " + checkpoint
        for argument in arguments {
            let piece = "\(argument.flag) \(argument.value)"
            if current.count + 1 + piece.count + 2 > width {
                lines.append(current + " \\")
                current = indent + "    " + piece
            } else {
                current += " " + piece
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// A utilization as vLLM takes it: two decimals (`0.90`), three when needed (`0.925`).
    static func format(utilization: Double) -> String {
        let hundredths = utilization * 100
        let places = abs(hundredths - hundredths.rounded()) < 1e-9 ? 2 : 3
        return ByteCount.decimal(utilization, places: places)
    }
}
