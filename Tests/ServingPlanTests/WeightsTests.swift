import Testing

@testable import ServingPlan

@Suite struct WeightsTests {
    @Test func sixteenBitIsTwoBytesPerParameter() throws {
        let spec = try TestCatalog.model("Qwen2.5-7B-Instruct")
        #expect(spec.parameters == 7_615_616_512)
        #expect(spec.weightBytes(.bf16) == 15_231_233_024)  // "~15 GB"
        #expect(spec.weightBytes(.fp16) == spec.weightBytes(.bf16))
    }

    @Test func quantizedCheckpointsKeepEmbeddingsIn16Bits() throws {
        let spec = try TestCatalog.model("qwen2.5-7b")
        let embedding: Int64 = 152_064 * 3584 * 2  // untied: embed_tokens and lm_head
        #expect(spec.embeddingParameters == embedding)
        #expect(spec.weightBytes(.fp8) == embedding * 2 + (7_615_616_512 - embedding))
        #expect(spec.weightBytes(.int8) == spec.weightBytes(.fp8))
        #expect(spec.weightBytes(.awq) == 5_570_253_934)
        #expect(spec.weightBytes(.gptqInt4) == spec.weightBytes(.awq))
    }

    @Test func int4CarriesGroupScales() {
        // 4 bits + 16-bit scale and 4-bit zero per 128 weights = 133/256 bytes per weight.
        #expect(Quantization.awq.bytes(forQuantizedWeights: 256) == 133)
        #expect(Quantization.awq.bytes(forQuantizedWeights: 1) == 1)  // rounded up
        #expect(Quantization.fp8.bytes(forQuantizedWeights: 1000) == 1000)
    }

    @Test func thirtyTwoBillionInAWQIsAboutEighteenGiB() throws {
        let spec = try TestCatalog.model("Qwen/Qwen2.5-Coder-32B-Instruct")
        let bytes = spec.weightBytes(.awq)
        #expect(bytes == 19_327_147_876)
        #expect(
            bytes > 18 * ByteCount.gibibyte - ByteCount.gibibyte / 10
                && bytes < 18 * ByteCount.gibibyte + ByteCount.gibibyte / 10)
    }

    @Test func tiedEmbeddingsAreCountedOnce() throws {
        let tied = try TestCatalog.model("Qwen/Qwen3-4B")
        #expect(tied.tiedEmbeddings)
        #expect(tied.embeddingParameters == 151_936 * 2560)
        let untied = try TestCatalog.model("r1-1.5b")
        #expect(!untied.tiedEmbeddings)
        #expect(untied.embeddingParameters == 151_936 * 1536 * 2)
    }

    @Test func naiveFigureIsParametersTimesBytesTimesOnePointThree() throws {
        let plan = try TestCatalog.plan("qwen2.5-7b", quantization: .fp16)
        #expect(plan.naiveBytes == Int64((7_615_616_512.0 * 2 * 1.3).rounded()))
        let awq = try TestCatalog.plan("coder-32b", quantization: .awq)
        #expect(awq.naiveBytes == Int64((32_763_876_352.0 * 0.5 * 1.3).rounded()))
    }

    /// Guards the catalog against typos: for dense models the architecture must add up to the published count.
    @Test(arguments: [
        "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B", "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",
        "deepseek-ai/DeepSeek-R1-Distill-Qwen-14B", "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B",
        "Qwen/Qwen2.5-Coder-1.5B-Instruct", "Qwen/Qwen2.5-Coder-7B-Instruct", "Qwen/Qwen2.5-Coder-14B-Instruct",
        "Qwen/Qwen2.5-Coder-32B-Instruct", "Qwen/Qwen2.5-3B-Instruct", "Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen3-4B",
        "Qwen/Qwen3-4B-Instruct-2507", "google/gemma-2-9b-it", "google/gemma-2-27b-it",
        "meta-llama/Meta-Llama-3-8B-Instruct", "meta-llama/Meta-Llama-3-70B-Instruct",
        "microsoft/Phi-3.5-mini-instruct",
    ])
    func architectureAddsUpToPublishedParameterCount(model: String) throws {
        let spec = try TestCatalog.model(model)
        let hidden = Int64(spec.hiddenSize)
        let query = Int64(spec.attentionHeads * spec.headDim)
        let keyValue = Int64(spec.kvHeads * spec.headDim)
        let attention = 2 * hidden * query + 2 * hidden * keyValue
        let mlp = 3 * hidden * Int64(spec.intermediateSize)
        let estimate = Int64(spec.layers) * (attention + mlp) + spec.embeddingParameters
        let error = abs(Double(estimate - spec.parameters) / Double(spec.parameters))
        #expect(error < 0.005, "\(model): architecture gives \(estimate), catalog says \(spec.parameters)")
    }

    @Test func mixtureOfExpertsLoadsEveryExpert() throws {
        let spec = try TestCatalog.model("deepseek-v2-lite")
        let moe = try #require(spec.moe)
        #expect(moe.experts == 64 && moe.expertsPerToken == 6 && moe.sharedExperts == 2)
        #expect(spec.weightBytes(.bf16) == spec.parameters * 2)
        #expect(spec.parameters > 15_000_000_000 && moe.activeParameters < 3_000_000_000)
    }
}
