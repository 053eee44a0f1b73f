import Foundation
import Testing

@testable import ServingPlan

/// Shared lookups for the tests in the built-in catalog.
enum TestCatalog {
    static func model(_ name: String) throws -> ModelSpec { try Catalog.builtIn().model(named: name) }

    static func gpu(_ name: String) throws -> GPU { try Catalog.builtIn().gpu(named: name) }

    /// Plans one model as `solve plan --model name …` would.
    static func plan(
        _ name: String, gpu: String = "rtx-4090", quantization: Quantization = .bf16, context: Int = 4096,
        concurrency: Int? = nil, kvCacheDType: KVCacheDType = .auto
    ) throws -> ModelPlan {
        let request = PlanRequest(
            gpuName: gpu, modelNames: [name], quantization: quantization, kvCacheDType: kvCacheDType,
            context: context, concurrency: concurrency)
        let report = try ServingPlanner.plan(request)
        return try #require(report.models.first)
    }

    /// A temporary file holding `text`, removed by the caller.
    static func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("serving-plan-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url
    }
}
