import Foundation
import OutputFormat

/// The `--json` shape: one object with `gpu`, `settings`, `models` (one object per model), `pair` (null unless two
/// models) and `assumptions`. Keys are snake_case; absent values are `null`, never missing.
extension PlanReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case gpu, settings, models, pair, assumptions
    }

    enum GPUKeys: String, CodingKey {
        case id, name
        case usableBytes = "usable_bytes"
        case bandwidthGBps = "bandwidth_gbps"
        case computeCapability = "compute_capability"
    }

    enum SettingsKeys: String, CodingKey {
        case quantization, context, concurrency
        case kvCacheDType = "kv_cache_dtype"
        case gpuMemoryUtilization = "gpu_memory_utilization"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var gpuContainer = container.nestedContainer(keyedBy: GPUKeys.self, forKey: .gpu)
        try gpuContainer.encode(gpu.id, forKey: .id)
        try gpuContainer.encode(gpu.name, forKey: .name)
        try gpuContainer.encode(gpu.usableBytes, forKey: .usableBytes)
        try gpuContainer.encode(gpu.bandwidthGBps, forKey: .bandwidthGBps)
        try gpuContainer.encode(gpu.computeCapability, forKey: .computeCapability)
        var settings = container.nestedContainer(keyedBy: SettingsKeys.self, forKey: .settings)
        try settings.encode(request.quantization.rawValue, forKey: .quantization)
        try settings.encode(request.kvCacheDType.rawValue, forKey: .kvCacheDType)
        try settings.encode(request.context, forKey: .context)
        try settings.encode(request.concurrency, forKey: .concurrency)
        try settings.encode(request.gpuMemoryUtilization, forKey: .gpuMemoryUtilization)
        try container.encode(models, forKey: .models)
        try container.encode(pair, forKey: .pair)
        try container.encode(assumptions, forKey: .assumptions)
    }

    /// The report as pretty-printed JSON with sorted keys.
    /// - Throws: `EncodingError` (not expected: every value is finite).
    public func json() throws -> String {
        try JSONText.string(self)
    }
}

extension ModelPlan: Encodable {
    enum CodingKeys: String, CodingKey {
        case model, quantization, context, concurrency, parameters, fits, verdict, reasons, assumptions, checkpoint
        case kvCacheDType = "kv_cache_dtype"
        case weightsBytes = "weights_bytes"
        case naiveBytes = "naive_bytes"
        case kvBytesPerToken = "kv_bytes_per_token"
        case activationBytes = "activation_bytes"
        case runtimeBytes = "runtime_bytes"
        case budgetBytes = "budget_bytes"
        case kvBudgetBytes = "kv_budget_bytes"
        case kvTokens = "kv_tokens"
        case maxContext = "max_context"
        case maxConcurrency = "max_concurrency"
        case verdictSummary = "verdict_summary"
        case gpusNeeded = "gpus_needed"
        case fitsWith = "fits_with"
        case tensorParallel = "tensor_parallel"
        case smallerQuantization = "smaller_quantization"
        case vllmCommand = "vllm_command"
        case decodeCeiling = "decode_tokens_per_second_ceiling"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model.id, forKey: .model)
        try container.encode(single.quantization.rawValue, forKey: .quantization)
        try container.encode(single.kvCacheDType.rawValue, forKey: .kvCacheDType)
        try container.encode(context, forKey: .context)
        try container.encode(sequences, forKey: .concurrency)
        try container.encode(model.parameters, forKey: .parameters)
        try container.encode(single.weightsBytes, forKey: .weightsBytes)
        try container.encode(naiveBytes, forKey: .naiveBytes)
        try container.encode(single.kvBytesPerToken, forKey: .kvBytesPerToken)
        try container.encode(single.activationBytes, forKey: .activationBytes)
        try container.encode(single.runtimeBytes, forKey: .runtimeBytes)
        try container.encode(single.budgetBytes, forKey: .budgetBytes)
        try container.encode(single.kvBudgetBytes, forKey: .kvBudgetBytes)
        try container.encode(single.kvTokens, forKey: .kvTokens)
        try container.encode(single.weightsFit ? single.maxContext : 0, forKey: .maxContext)
        try container.encode(single.maxConcurrency(context: context), forKey: .maxConcurrency)
        try container.encode(fits, forKey: .fits)
        try container.encode(verdict.code, forKey: .verdict)
        try container.encode(headline, forKey: .verdictSummary)
        try container.encode(gpusNeeded, forKey: .gpusNeeded)
        try container.encode(smallerQuantization?.quantization.rawValue, forKey: .fitsWith)
        try container.encode(tensorParallel.map { DeploymentJSON($0, context: context) }, forKey: .tensorParallel)
        try container.encode(
            smallerQuantization.map { DeploymentJSON($0, context: context) }, forKey: .smallerQuantization)
        try container.encode(command?.line, forKey: .vllmCommand)
        try container.encode(command?.checkpoint, forKey: .checkpoint)
        try container.encode(decodeTokensPerSecondCeiling.map { ($0 * 10).rounded() / 10 }, forKey: .decodeCeiling)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(overheads.descriptions(for: gpu) + notes, forKey: .assumptions)
    }
}

/// A `Deployment` as JSON, with per-GPU bytes and whole-deployment token counts.
struct DeploymentJSON: Encodable {
    var deployment: Deployment
    var context: Int

    init(_ deployment: Deployment, context: Int) {
        self.deployment = deployment
        self.context = context
    }

    enum CodingKeys: String, CodingKey {
        case quantization
        case tensorParallelSize = "tensor_parallel_size"
        case gpuMemoryUtilization = "gpu_memory_utilization"
        case weightsBytesPerGPU = "weights_bytes_per_gpu"
        case kvBudgetBytesPerGPU = "kv_budget_bytes_per_gpu"
        case kvBytesPerTokenPerGPU = "kv_bytes_per_token_per_gpu"
        case kvTokens = "kv_tokens"
        case maxContext = "max_context"
        case maxConcurrency = "max_concurrency"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deployment.quantization.rawValue, forKey: .quantization)
        try container.encode(deployment.tensorParallelSize, forKey: .tensorParallelSize)
        try container.encode(deployment.gpuMemoryUtilization, forKey: .gpuMemoryUtilization)
        try container.encode(deployment.weightsBytes, forKey: .weightsBytesPerGPU)
        try container.encode(deployment.kvBudgetBytes, forKey: .kvBudgetBytesPerGPU)
        try container.encode(deployment.kvBytesPerToken, forKey: .kvBytesPerTokenPerGPU)
        try container.encode(deployment.kvTokens, forKey: .kvTokens)
        try container.encode(deployment.maxContext, forKey: .maxContext)
        try container.encode(deployment.maxConcurrency(context: context), forKey: .maxConcurrency)
    }
}

extension PairPlan: Encodable {
    enum CodingKeys: String, CodingKey {
        case fits, quantization, requested, alternatives, warnings
        case recommendedQuantization = "recommended_quantization"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(requested.fits, forKey: .fits)
        try container.encode(requested.quantization.rawValue, forKey: .quantization)
        try container.encode(recommended?.quantization.rawValue, forKey: .recommendedQuantization)
        try container.encode(requested, forKey: .requested)
        try container.encode(alternatives, forKey: .alternatives)
        try container.encode(warnings, forKey: .warnings)
    }
}

extension PairPlan.Option: Encodable {
    enum CodingKeys: String, CodingKey {
        case quantization, fits, reason, servers
        case requiredBytes = "required_bytes"
        case budgetBytes = "budget_bytes"
        case totalUtilization = "total_gpu_memory_utilization"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(quantization.rawValue, forKey: .quantization)
        try container.encode(fits, forKey: .fits)
        try container.encode(reason, forKey: .reason)
        try container.encode(requiredBytes, forKey: .requiredBytes)
        try container.encode(budgetBytes, forKey: .budgetBytes)
        try container.encode((totalUtilization * 100).rounded() / 100, forKey: .totalUtilization)
        try container.encode(servers, forKey: .servers)
    }
}

extension PairPlan.Server: Encodable {
    enum CodingKeys: String, CodingKey {
        case model, port
        case gpuMemoryUtilization = "gpu_memory_utilization"
        case weightsBytes = "weights_bytes"
        case kvBudgetBytes = "kv_budget_bytes"
        case kvTokens = "kv_tokens"
        case maxContext = "max_context"
        case maxConcurrency = "max_concurrency"
        case vllmCommand = "vllm_command"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model.id, forKey: .model)
        try container.encode(port, forKey: .port)
        try container.encode(deployment.gpuMemoryUtilization, forKey: .gpuMemoryUtilization)
        try container.encode(deployment.weightsBytes, forKey: .weightsBytes)
        try container.encode(deployment.kvBudgetBytes, forKey: .kvBudgetBytes)
        try container.encode(deployment.kvTokens, forKey: .kvTokens)
        try container.encode(maxContext, forKey: .maxContext)
        try container.encode(maxConcurrency, forKey: .maxConcurrency)
        try container.encode(command.line, forKey: .vllmCommand)
    }
}
