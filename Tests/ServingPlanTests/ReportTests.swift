import Foundation
import Testing

@testable import ServingPlan

@Suite struct ReportTests {
    private func jsonObject(_ request: PlanRequest) throws -> [String: Any] {
        let text = try ServingPlanner.render(request, as: .json)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonHasOneObjectPerModelWithTheDocumentedKeys() throws {
        let root = try jsonObject(PlanRequest())
        #expect(Set(root.keys) == ["gpu", "settings", "models", "pair", "assumptions"])
        let models = try #require(root["models"] as? [[String: Any]])
        #expect(models.count == 2)
        let required = [
            "weights_bytes", "kv_bytes_per_token", "kv_budget_bytes", "max_context", "max_concurrency", "fits",
            "gpus_needed", "vllm_command", "assumptions", "verdict", "naive_bytes", "model",
        ]
        for model in models {
            for key in required { #expect(model[key] != nil, "missing \(key)") }
            let assumptions = try #require(model["assumptions"] as? [String])
            #expect(assumptions.contains { $0.contains("max-num-batched-tokens") })
        }
        let first = models[0]
        #expect(first["model"] as? String == "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B")
        #expect(first["kv_bytes_per_token"] as? Int == 57_344)
        #expect(first["weights_bytes"] as? Int == 15_231_233_024)
        #expect(first["fits"] as? Bool == true)
        #expect(first["gpus_needed"] as? Int == 1)
        #expect(
            (first["vllm_command"] as? String)?.hasPrefix("vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-7B") == true)
    }

    @Test func jsonNumbersMatchThePlan() throws {
        let request = PlanRequest(modelNames: ["coder-32b"], quantization: .awq)
        let plan = try #require(try ServingPlanner.plan(request).models.first)
        let model = try #require((try jsonObject(request)["models"] as? [[String: Any]])?.first)
        #expect(model["kv_budget_bytes"] as? Int == Int(plan.single.kvBudgetBytes))
        #expect(model["max_context"] as? Int == Int(plan.single.maxContext))
        #expect(model["max_concurrency"] as? Int == 1)
        #expect(model["vllm_command"] as? String == plan.command?.line)
    }

    @Test func pairIsNullForOneModelAndAnObjectForTwo() throws {
        let single = try jsonObject(PlanRequest(modelNames: ["qwen2.5-7b"]))
        #expect(single["pair"] is NSNull)
        let pair = try #require(try jsonObject(PlanRequest())["pair"] as? [String: Any])
        #expect(pair["fits"] as? Bool == false)
        #expect(pair["recommended_quantization"] as? String == "fp8")
        let alternatives = try #require(pair["alternatives"] as? [[String: Any]])
        let servers = try #require(alternatives.first?["servers"] as? [[String: Any]])
        #expect(servers.compactMap { $0["port"] as? Int } == [8000, 8001])
        let shares = servers.compactMap { $0["gpu_memory_utilization"] as? Double }
        #expect(shares.count == 2 && shares.reduce(0, +) <= 0.9 + 1e-9)
    }

    @Test func absentValuesAreNullNotMissing() throws {
        let request = PlanRequest(vramGiB: 1, modelNames: ["llama-3-70b"])
        let model = try #require((try jsonObject(request)["models"] as? [[String: Any]])?.first)
        #expect(model["gpus_needed"] is NSNull)
        #expect(model["vllm_command"] is NSNull)
        #expect(model["verdict"] as? String == "does_not_fit")
    }

    @Test(arguments: [
        PlanRequest(),
        PlanRequest(modelNames: ["coder-32b", "r1-32b"], quantization: .awq, context: 2048, concurrency: 1000),
        PlanRequest(modelNames: ["qwen3-4b"], quantization: .fp16, context: 262_144),
        PlanRequest(gpuName: "a100-80gb", modelNames: ["gemma-2-9b", "deepseek-coder-v2-lite"], kvCacheDType: .fp8),
        PlanRequest(modelNames: ["llama-3-70b"], quantization: .awq),
    ])
    func textFitsInOneHundredColumns(request: PlanRequest) throws {
        let text = try ServingPlanner.render(request, as: .text)
        for line in text.split(separator: "\n") {
            #expect(line.count <= 100, "too wide: \(line)")
        }
    }

    @Test func textShowsTheNaiveFigureVerdictAndCommand() throws {
        let text = try ServingPlanner.render(PlanRequest(modelNames: ["qwen2.5-7b"], quantization: .fp16), as: .text)
        #expect(text.contains("naive: params × 2.0 × 1.3"))
        #expect(text.contains("18.44"))  // 7.62e9 × 2 × 1.3 bytes in GiB
        #expect(text.contains("Verdict: fits"))
        #expect(text.contains("vllm serve Qwen/Qwen2.5-7B-Instruct --dtype float16"))
        #expect(text.contains("57,344 bytes = 2 × 28 layers × 4 KV heads × 128 × 2 bytes"))
        #expect(text.contains("Assumptions"))
    }

    @Test func textShowsBothServerLinesOfTheRecommendedSplit() throws {
        let text = try ServingPlanner.render(PlanRequest(), as: .text)
        #expect(text.contains("BF16: does not fit"))
        #expect(text.contains("--port 8000"))
        #expect(text.contains("--port 8001"))
    }

    @Test(arguments: [(Int64(0), "0"), (999, "999"), (1000, "1,000"), (131_072, "131,072"), (-1234, "-1,234")])
    func groupedNumbers(value: Int64, expected: String) {
        #expect(ByteCount.grouped(value) == expected)
    }
}
