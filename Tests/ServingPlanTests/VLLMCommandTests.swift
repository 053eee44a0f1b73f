import Foundation
import Testing

@testable import ServingPlan

@Suite struct VLLMCommandTests {
    @Test func sevenBFP16LineIsExact() throws {
        let plan = try TestCatalog.plan("qwen2.5-7b", quantization: .fp16, context: 8192, concurrency: 8)
        #expect(
            plan.command?.line
                == "vllm serve Qwen/Qwen2.5-7B-Instruct --dtype float16 --max-model-len 8192"
                + " --gpu-memory-utilization 0.90 --max-num-seqs 8")
    }

    @Test func reasoningModelLineIsExact() throws {
        let plan = try TestCatalog.plan("r1-7b", concurrency: 4)
        #expect(
            plan.command?.line
                == "vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-7B --max-model-len 4096"
                + " --gpu-memory-utilization 0.90 --max-num-seqs 4 --reasoning-parser deepseek_r1")
    }

    @Test func awqUsesThePrequantizedCheckpointAndMarlin() throws {
        let plan = try TestCatalog.plan("coder-32b", quantization: .awq)
        let command = try #require(plan.command)
        #expect(command.checkpoint == "Qwen/Qwen2.5-Coder-32B-Instruct-AWQ")
        #expect(command.value(of: "--quantization") == "awq_marlin")
        #expect(command.warnings.isEmpty)
    }

    @Test func olderCardsGetPlainAWQAndFloat16() throws {
        let plan = try TestCatalog.plan("qwen2.5-7b", gpu: "t4", quantization: .awq)
        let command = try #require(plan.command)
        #expect(command.value(of: "--quantization") == "awq")
        #expect(command.value(of: "--dtype") == "float16")
    }

    @Test func missingCheckpointIsAWarningNotASilentFailure() throws {
        let plan = try TestCatalog.plan("r1-7b", quantization: .awq)
        let command = try #require(plan.command)
        #expect(command.checkpoint == "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B")
        #expect(command.warnings.contains { $0.contains("No AWQ int4 checkpoint") })
        #expect(plan.notes.contains { $0.contains("No AWQ int4 checkpoint") })
    }

    @Test func fp8QuantizesWhileLoadingTheOriginalCheckpoint() throws {
        let plan = try TestCatalog.plan("qwen2.5-7b", quantization: .fp8)
        #expect(plan.command?.checkpoint == "Qwen/Qwen2.5-7B-Instruct")
        #expect(plan.command?.value(of: "--quantization") == "fp8")
        #expect(plan.command?.warnings.isEmpty == true)
    }

    @Test func maxNumSeqsIsWhatFitsWhenConcurrencyIsNotGiven() throws {
        let plan = try TestCatalog.plan("qwen2.5-7b")
        let fit = plan.single.maxConcurrency(context: 4096)
        #expect(plan.command?.value(of: "--max-num-seqs") == "\(min(fit, 256))")
    }

    @Test(arguments: [(0.9, "0.90"), (0.45, "0.45"), (0.925, "0.925"), (1.0, "1.00")])
    func utilizationFormatting(value: Double, expected: String) {
        #expect(VLLMCommand.format(utilization: value) == expected)
    }

    @Test func wrappedLinesStayWithinWidthAndJoinBackToTheLine() throws {
        let plan = try TestCatalog.plan("llama-3-70b", quantization: .awq, kvCacheDType: .fp8)
        let command = try #require(plan.command)
        let wrapped = command.wrapped(width: 60, indent: "  ")
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 60 })
        let joined = wrapped.replacingOccurrences(of: " \\\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        #expect(joined == command.line)
    }
}
