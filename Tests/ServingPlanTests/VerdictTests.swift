import Testing

@testable import ServingPlan

/// The claims from the issue that users will check.
@Suite struct VerdictTests {
    @Test func sevenBInFP16FitsComfortablyOnA4090() throws {
        let plan = try TestCatalog.plan("Qwen/Qwen2.5-7B-Instruct", quantization: .fp16)
        #expect(plan.fits)
        #expect(plan.verdict == .fits)
        #expect(plan.gpusNeeded == 1)
        #expect(plan.single.weightsBytes > 15_000_000_000 && plan.single.weightsBytes < 15_500_000_000)
        #expect(plan.single.maxContext == 32_768)  // capped by max_position_embeddings, not memory
        #expect(plan.single.kvTokens > 90_000)
        #expect(plan.single.maxConcurrency(context: 4096) >= 20)
    }

    @Test func thirtyTwoBInAWQFitsOnlyASmallContext() throws {
        let plan = try TestCatalog.plan("coder-32b", quantization: .awq)
        #expect(plan.fits)
        #expect(plan.verdict == .fits)
        #expect(plan.single.maxContext > 4096 && plan.single.maxContext < 8192)
        #expect(plan.single.maxConcurrency(context: 4096) == 1)
        let longer = try TestCatalog.plan("coder-32b", quantization: .awq, context: 16_384)
        #expect(!longer.fits)
        #expect(longer.verdict == .needsTensorParallel(gpus: 2))
    }

    @Test func thirtyTwoBInFP16DoesNotFitAndInt4Does() throws {
        let plan = try TestCatalog.plan("coder-32b", quantization: .fp16)
        #expect(!plan.fits)
        #expect(!plan.single.weightsFit)
        #expect(plan.single.kvBudgetBytes == 0)
        #expect(plan.verdict == .fitsWithQuantization(.awq))  // FP8 (34 GB) is still too big
        #expect(plan.gpusNeeded == 4)
        #expect(plan.command?.value(of: "--quantization") == "awq_marlin")
    }

    @Test func seventyBInInt4NeedsTwo24GBCards() throws {
        let plan = try TestCatalog.plan("llama-3-70b", quantization: .awq)
        #expect(!plan.fits)
        #expect(plan.verdict == .needsTensorParallel(gpus: 2))
        #expect(plan.gpusNeeded == 2)
        #expect(plan.tensorParallel?.tensorParallelSize == 2)
        #expect(plan.command?.value(of: "--tensor-parallel-size") == "2")
        let onA100 = try TestCatalog.plan("llama-3-70b", gpu: "a100-80gb", quantization: .awq)
        #expect(onA100.verdict == .fits)
    }

    @Test func qwen3At256KInFP16DoesNotFitA24GBCard() throws {
        let plan = try TestCatalog.plan("qwen3-4b", quantization: .fp16, context: 262_144)
        #expect(!plan.fits)
        let kvAlone = plan.single.kvBytes(context: 262_144)
        #expect(kvAlone == 262_144 * 147_456)
        #expect(kvAlone > plan.gpu.usableBytes)  // the KV cache alone is larger than the card
        #expect(plan.verdict == .fitsWithShorterContext(40_960))  // and the model stops at 40,960 anyway
        #expect(plan.command?.value(of: "--max-model-len") == "40960")
        #expect(plan.reasons.contains { $0.contains("more than the whole card") })
    }

    @Test func qwen3Instruct2507ReachesTheContextOnlyWithFourGPUs() throws {
        let plan = try TestCatalog.plan("qwen3-4b-2507", quantization: .fp16, context: 262_144)
        #expect(!plan.fits)
        #expect(plan.verdict == .needsTensorParallel(gpus: 4))
    }

    @Test func gemma27BInt4ForFifteenUsersNeedsTwoCards() throws {
        let plan = try TestCatalog.plan("gemma-2-27b", quantization: .awq, concurrency: 15)
        #expect(plan.fits)  // one sequence fits
        #expect(plan.verdict == .fitsWithFewerSequences(Int(plan.single.maxConcurrency(context: 4096))))
        #expect(plan.single.maxConcurrency(context: 4096) < 15)
        #expect(plan.gpusNeeded == 2)  // 48 GB of RTX 4090s
        let twenty = try TestCatalog.plan("gemma-2-27b", gpu: "a100-80gb", quantization: .awq, concurrency: 20)
        #expect(twenty.verdict == .fits)  // one 80 GB card
    }

    @Test func fp8KVCacheDoublesTheTokens() throws {
        let auto = try TestCatalog.plan("qwen2.5-7b")
        let fp8 = try TestCatalog.plan("qwen2.5-7b", kvCacheDType: .fp8)
        #expect(fp8.single.kvBytesPerToken * 2 == auto.single.kvBytesPerToken)
        #expect(fp8.single.kvTokens >= 2 * auto.single.kvTokens - 16)
        #expect(fp8.command?.value(of: "--kv-cache-dtype") == "fp8")
    }

    @Test func tooSmallACardDoesNotFitAtAll() throws {
        let request = PlanRequest(
            vramGiB: 1, modelNames: ["llama-3-70b"], quantization: .bf16)
        let plan = try #require(try ServingPlanner.plan(request).models.first)
        #expect(plan.verdict == .doesNotFit)
        #expect(plan.gpusNeeded == nil)
        #expect(plan.command == nil)
    }

    @Test func budgetSubtractsWeightsActivationsAndBuffers() throws {
        let plan = try TestCatalog.plan("qwen2.5-7b")
        let single = plan.single
        let gpu = try TestCatalog.gpu("rtx-4090")
        #expect(single.budgetBytes == Int64((Double(gpu.usableBytes) * 0.9).rounded(.down)))
        // 2,048 batched tokens × (2 × 18,944 + 4 × 3,584) × 2 bytes + 256 sequences × 152,064 × 24 bytes.
        #expect(single.activationBytes == 1_148_190_720)
        #expect(single.kvBudgetBytes == single.budgetBytes - 15_231_233_024 - 1_148_190_720 - 512 * 1_048_576)
    }

    @Test func largeCardsUseVLLMsLargerBatchDefaults() throws {
        let overheads = OverheadModel()
        #expect(overheads.maxNumBatchedTokens(on: try TestCatalog.gpu("h100")) == 8192)
        #expect(overheads.maxNumBatchedTokens(on: try TestCatalog.gpu("a100-80gb")) == 2048)
        #expect(overheads.defaultMaxNumSeqs(on: try TestCatalog.gpu("h200")) == 1024)
        #expect(overheads.defaultMaxNumSeqs(on: try TestCatalog.gpu("4090")) == 256)
    }
}
