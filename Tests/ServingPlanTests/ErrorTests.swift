import Testing

@testable import ServingPlan

@Suite struct ErrorTests {
    @Test func unknownGPUListsCloseNames() throws {
        #expect {
            try TestCatalog.gpu("RTX 4009")
        } throws: { error in
            guard case .unknownGPU(let name, let suggestions) = error as? ServingPlanError else { return false }
            return name == "RTX 4009" && suggestions.contains("rtx-4090")
        }
        #expect {
            try TestCatalog.gpu("a100")
        } throws: { error in
            guard case .unknownGPU(_, let suggestions) = error as? ServingPlanError else { return false }
            return suggestions.contains("a100-40gb") && suggestions.contains("a100-80gb")
        }
    }

    @Test func farOffNamesStillGetSuggestions() throws {
        #expect {
            try TestCatalog.gpu("voodoo5")
        } throws: { error in
            guard case .unknownGPU(_, let suggestions) = error as? ServingPlanError else { return false }
            return suggestions.count == 4
        }
    }

    @Test func unknownModelListsCloseNames() throws {
        #expect {
            try TestCatalog.model("qwen2.5-coder-7")
        } throws: { error in
            guard case .unknownModel(_, let suggestions) = error as? ServingPlanError else { return false }
            return suggestions.contains("Qwen/Qwen2.5-Coder-7B-Instruct")
        }
    }

    @Test func messagesNameTheInputAndTheWayOut() {
        let gpu = ServingPlanError.unknownGPU("rtx 4009", suggestions: ["rtx-4090", "rtx-4080"])
        #expect(
            gpu.description
                == "unknown GPU 'rtx 4009' (did you mean: rtx-4090, rtx-4080?); add others with --catalog FILE"
                + " (same schema as the built-in gpus.json)")
        let quant = ServingPlanError.unknownQuantization("int3")
        #expect(
            quant.description == "unknown quantization 'int3': expected one of fp16, bf16, int8, awq, gptq-int4, fp8")
        #expect(ServingPlanError.unknownModel("x", suggestions: []).description.contains("--catalog"))
    }

    @Test(arguments: ["int3", "q4_K_M", ""])
    func badQuantizationIsRejected(name: String) {
        #expect(throws: ServingPlanError.unknownQuantization(name)) { try Quantization(parsing: name) }
    }

    @Test func quantizationAndKVDTypeParseCaseInsensitively() throws {
        #expect(try Quantization(parsing: "GPTQ-INT4") == .gptqInt4)
        #expect(try KVCacheDType(parsing: "FP8") == .fp8)
        #expect(throws: ServingPlanError.unknownKVCacheDType("int8")) { try KVCacheDType(parsing: "int8") }
    }

    @Test(arguments: [
        (PlanRequest(context: -1), "context"),
        (PlanRequest(context: 0), "context"),
        (PlanRequest(concurrency: 0), "concurrency"),
        (PlanRequest(vramGiB: -2), "vram"),
        (PlanRequest(gpuMemoryUtilization: 1.5), "gpu-memory-utilization"),
        (PlanRequest(gpuMemoryUtilization: 0), "gpu-memory-utilization"),
    ])
    func badNumbersAreRejected(request: PlanRequest, field: String) {
        #expect {
            try ServingPlanner.plan(request)
        } throws: { error in
            guard case .invalidValue(let name, _, _) = error as? ServingPlanError else { return false }
            return name == field
        }
    }

    @Test func fp8WeightsOnATuringCardAreUnsupported() {
        #expect {
            try ServingPlanner.plan(PlanRequest(gpuName: "t4", modelNames: ["qwen2.5-7b"], quantization: .fp8))
        } throws: { error in
            guard case .unsupportedQuantization(.fp8, _, _) = error as? ServingPlanError else { return false }
            return true
        }
    }

    @Test func vramOverridesTheCardsMemory() throws {
        let request = PlanRequest(gpuName: "rtx-4090", vramGiB: 48, modelNames: ["qwen2.5-7b"])
        let report = try ServingPlanner.plan(request)
        #expect(report.gpu.usableGiB == 48)
        #expect(report.gpu.computeCapability == "8.9")
        #expect(report.assumptions.contains { $0.contains("--vram") })
    }
}
