import ArgumentParser
import ServingPlan

/// `solve plan`: how much GPU memory serving open models with vLLM takes, and the `vllm serve` lines to do it.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan GPU memory for serving models with vLLM and print the `vllm serve` lines.",
        discussion: """
            Weights, KV cache per token, overheads, the longest context and the concurrency that fit, a verdict \
            (fits / fits with a smaller quantization / needs N GPUs with tensor parallel) and the vllm command. \
            With no --model it plans the two routed models (DeepSeek-R1-Distill-Qwen-7B and \
            Qwen2.5-Coder-7B-Instruct) as two servers sharing one RTX 4090. With exactly two --model it also \
            splits one card between two servers (ports 8000 and 8001).

            --json prints one object: {"gpu", "settings", "models": [one object per model], "pair" (null unless \
            two models), "assumptions"}. Each model has weights_bytes, kv_bytes_per_token, kv_budget_bytes, \
            max_context, max_concurrency, fits, verdict, gpus_needed, vllm_command and assumptions. "pair" has \
            fits (in the requested format), recommended_quantization, and requested/alternatives splits whose \
            servers carry port, gpu_memory_utilization and vllm_command.

            --catalog FILE adds or replaces entries: {"gpus": [...], "models": [...]} with the schema of the \
            built-in Sources/ServingPlan/Catalog/*.json; an entry whose id matches a built-in one replaces it.
            """
    )

    @Option(help: "GPU by name or alias, such as 'RTX 4090', 4090, a100-80gb, h100 (default: rtx-4090).")
    var gpu: String?

    @Option(help: ArgumentHelp("Memory of the card in GiB as CUDA reports it; overrides the GPU's.", valueName: "GiB"))
    var vram: Double?

    @Option(name: .customLong("model"), help: "Model id or alias; repeat for several (default: the routed pair).")
    var models: [String] = []

    @Option(help: "Weight format: fp16, bf16, int8, awq, gptq-int4 or fp8.")
    var quant: String = Quantization.bf16.rawValue

    @Option(name: .customLong("kv-dtype"), help: "KV cache dtype: auto (16-bit) or fp8.")
    var kvDType: String = KVCacheDType.auto.rawValue

    @Option(help: "Tokens per sequence (prompt + output), served as --max-model-len.")
    var context: Int = PlanRequest.defaultContext

    @Option(help: "Sequences that must fit at once (default: 1; --max-num-seqs is then what fits).")
    var concurrency: Int?

    @Option(name: .customLong("gpu-memory-utilization"), help: "Fraction of the card vLLM may use.")
    var gpuMemoryUtilization: Double = PlanRequest.defaultUtilization

    @Option(
        help: ArgumentHelp("JSON file of extra GPUs and models merged over the built-in catalog.", valueName: "FILE"))
    var catalog: String?

    @Flag(help: "Print JSON instead of the report.")
    var json = false

    func validate() throws {
        do {
            _ = try makeRequest().resolve()
        } catch let error as ServingPlanError {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        print(try ServingPlanner.render(try makeRequest(), as: json ? .json : .text))
    }

    /// The library request for these options.
    /// - Throws: `ServingPlanError` for an unknown quantization or KV dtype.
    func makeRequest() throws -> PlanRequest {
        PlanRequest(
            gpuName: gpu, vramGiB: vram, modelNames: models, quantization: try Quantization(parsing: quant),
            kvCacheDType: try KVCacheDType(parsing: kvDType), context: context, concurrency: concurrency,
            gpuMemoryUtilization: gpuMemoryUtilization, catalogPath: catalog)
    }
}
