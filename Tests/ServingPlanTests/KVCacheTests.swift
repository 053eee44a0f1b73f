import Testing

@testable import ServingPlan

@Suite struct KVCacheTests {
    /// Hand-computed from the published config.json files: 2 × layers × KV heads × head_dim × 2 bytes,
    /// or layers × (kv_lora_rank + qk_rope_head_dim) × 2 bytes for MLA.
    @Test(arguments: [
        ("Qwen/Qwen2.5-7B-Instruct", 2 * 28 * 4 * 128 * 2),  // 57,344
        ("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", 57_344),
        ("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B", 2 * 28 * 2 * 128 * 2),
        ("Qwen/Qwen2.5-3B-Instruct", 2 * 36 * 2 * 128 * 2),
        ("deepseek-ai/DeepSeek-R1-Distill-Qwen-14B", 2 * 48 * 8 * 128 * 2),
        ("Qwen/Qwen2.5-Coder-32B-Instruct", 2 * 64 * 8 * 128 * 2),  // 262,144
        ("Qwen/Qwen3-4B", 2 * 36 * 8 * 128 * 2),  // 147,456
        ("google/gemma-2-9b-it", 2 * 42 * 8 * 256 * 2),
        ("google/gemma-2-27b-it", 2 * 46 * 16 * 128 * 2),
        ("meta-llama/Meta-Llama-3-8B-Instruct", 2 * 32 * 8 * 128 * 2),
        ("meta-llama/Meta-Llama-3-70B-Instruct", 2 * 80 * 8 * 128 * 2),
        ("microsoft/Phi-3.5-mini-instruct", 2 * 32 * 32 * 96 * 2),
        ("deepseek-ai/DeepSeek-V2-Lite", 27 * (512 + 64) * 2),  // 31,104
        ("deepseek-ai/DeepSeek-Coder-V2-Lite-Instruct", 31_104),
    ])
    func bytesPerTokenMatchPublishedConfigs(model: String, expected: Int) throws {
        let spec = try TestCatalog.model(model)
        #expect(spec.kvBytesPerToken(.auto) == Int64(expected))
        #expect(spec.kvBytesPerToken(.fp8) == Int64(expected / 2))
    }

    @Test func qwen7BNumbersAreTheHandComputedOnes() throws {
        let spec = try TestCatalog.model("qwen2.5-7b")
        #expect(spec.kvBytesPerToken(.auto) == 57_344)
        #expect(spec.layers == 28 && spec.attentionHeads == 28 && spec.kvHeads == 4 && spec.headDim == 128)
        #expect(spec.hiddenSize == 3584 && spec.vocabSize == 152_064)
    }

    @Test func tensorParallelSplitsKVHeadsAndReplicatesTheLatent() throws {
        let qwen = try TestCatalog.model("qwen2.5-7b")
        #expect(qwen.kvBytesPerTokenPerGPU(.auto, tensorParallel: 2) == 28_672)
        #expect(qwen.kvBytesPerTokenPerGPU(.auto, tensorParallel: 4) == 14_336)
        let llama = try TestCatalog.model("llama-3-70b")
        #expect(llama.kvBytesPerTokenPerGPU(.auto, tensorParallel: 8) == 2 * 80 * 1 * 128 * 2)
        let mla = try TestCatalog.model("deepseek-v2-lite")
        #expect(mla.kvBytesPerTokenPerGPU(.auto, tensorParallel: 2) == 31_104)
    }

    @Test func tensorParallelNeedsHeadsThatDivide() throws {
        let qwen = try TestCatalog.model("qwen2.5-7b")  // 28 heads, 4 KV heads
        #expect(qwen.allowsTensorParallel(2) && qwen.allowsTensorParallel(4))
        #expect(!qwen.allowsTensorParallel(8))
        let small = try TestCatalog.model("coder-1.5b")  // 12 heads, 2 KV heads
        #expect(small.allowsTensorParallel(4))  // 2 KV heads each replicated twice
        #expect(!small.allowsTensorParallel(8))
    }

    @Test func slidingWindowAndLatentAttentionAreRecorded() throws {
        let gemma = try TestCatalog.model("gemma-2-27b")
        #expect(gemma.slidingWindow == ModelSpec.SlidingWindow(size: 4096, layers: 23))
        let lite = try TestCatalog.model("deepseek-v2-lite")
        #expect(lite.mla == ModelSpec.LatentAttention(kvLoraRank: 512, qkRopeHeadDim: 64))
        #expect(lite.layers == 27)
    }

    @Test func gemmaNoteStatesTheFullKVAssumptionAndTheHybridSaving() throws {
        let plan = try TestCatalog.plan("gemma-2-9b", context: 8192)
        let note = try #require(plan.notes.first { $0.contains("sliding window") })
        #expect(note.contains("full KV"))
        // 42 layers × 8,192 tokens in full vs 21 layers × 8,192 + 21 layers × 4,096 with the hybrid manager.
        let perLayer = 344_064 / 42
        let full = Int64(perLayer * 42 * 8192)
        let hybrid = Int64(perLayer * 21 * 8192 + perLayer * 21 * 4096)
        #expect(note.contains("needs \(ByteCount.gib(hybrid)) instead of \(ByteCount.gib(full)) GiB"))
    }

    @Test func deploymentRoundsTokensToWholeBlocks() throws {
        let plan = try TestCatalog.plan("qwen2.5-7b")
        let single = plan.single
        #expect(single.kvTokens % 16 == 0)
        #expect(single.kvTokens * single.kvBytesPerToken <= single.kvBudgetBytes)
        #expect((single.kvTokens + 16) * single.kvBytesPerToken > single.kvBudgetBytes)
        #expect(single.kvBytes(context: 4000) == 4000 * 57_344)  // 250 whole blocks
        #expect(single.kvBytes(context: 4001) == 4016 * 57_344)
    }
}
