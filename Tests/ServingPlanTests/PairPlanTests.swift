import Testing

@testable import ServingPlan

@Suite struct PairPlanTests {
    private func defaultPair(
        quantization: Quantization = .bf16, utilization: Double = 0.90, gpu: String? = nil
    ) throws -> PairPlan {
        let request = PlanRequest(gpuName: gpu, quantization: quantization, gpuMemoryUtilization: utilization)
        return try #require(try ServingPlanner.plan(request).pair)
    }

    @Test func defaultsAreTheRoutedPairOnA4090() throws {
        let report = try ServingPlanner.plan(PlanRequest())
        #expect(report.gpu.id == "rtx-4090")
        #expect(report.models.map(\.model.id) == PlanRequest.defaultModels)
        #expect(report.pair != nil)
    }

    @Test func twoSixteenBitSevenBsDoNotShareA24GBCard() throws {
        let pair = try defaultPair()
        #expect(!pair.requested.fits)
        #expect(pair.requested.requiredBytes > pair.requested.budgetBytes)
        #expect(pair.requested.reason?.contains("more than") == true)
        #expect(pair.alternatives.map(\.quantization) == [.fp8, .awq])
        #expect(pair.recommended?.quantization == .fp8)
    }

    @Test(arguments: [Quantization.fp8, .awq])
    func splitKeepsSharesWithinTheUtilization(quantization: Quantization) throws {
        let pair = try defaultPair(quantization: quantization)
        let option = pair.requested
        #expect(option.fits)
        #expect(option.servers.map(\.port) == [8000, 8001])
        let shares = option.servers.map(\.deployment.gpuMemoryUtilization)
        #expect(shares.reduce(0, +) <= 0.90 + 1e-9)
        #expect(shares.reduce(0, +) >= 0.88)  // whole hundredths, little left unused
        for server in option.servers {
            #expect(server.deployment.fits(context: 4096))
            #expect(server.command.value(of: "--port") == "\(server.port)")
            #expect(
                server.command.value(of: "--gpu-memory-utilization")
                    == VLLMCommand.format(utilization: server.deployment.gpuMemoryUtilization))
            #expect(server.command.value(of: "--max-model-len") == "4096")
        }
        #expect(option.servers[0].command.value(of: "--reasoning-parser") == "deepseek_r1")
        #expect(option.servers[1].command.value(of: "--reasoning-parser") == nil)
    }

    @Test func sameSizedModelsGetTheSameTokens() throws {
        let servers = try defaultPair(quantization: .awq).requested.servers
        let tokens = servers.map(\.deployment.kvTokens)
        let difference = abs(tokens[0] - tokens[1])
        #expect(difference <= tokens[0] / 10)
    }

    @Test func lowerUtilizationShrinksTheShares() throws {
        let pair = try defaultPair(quantization: .awq, utilization: 0.7)
        #expect(pair.requested.totalUtilization <= 0.70 + 1e-9)
        #expect(pair.requested.fits)
    }

    @Test func aTwelveGigabyteCardFitsNeither() throws {
        let pair = try defaultPair(gpu: "rtx-4070")
        #expect(!pair.requested.fits)
        #expect(pair.recommended == nil)
        #expect(pair.alternatives.allSatisfy { !$0.fits && $0.servers.isEmpty })
    }

    @Test func contextBeyondEitherModelRefusesTheSplit() throws {
        let request = PlanRequest(quantization: .awq, context: 65_536)  // the coder model stops at 32,768
        let pair = try #require(try ServingPlanner.plan(request).pair)
        #expect(!pair.requested.fits)
        #expect(pair.requested.reason?.contains("Qwen/Qwen2.5-Coder-7B-Instruct") == true)
    }

    @Test func oneOrThreeModelsHaveNoPair() throws {
        #expect(try ServingPlanner.plan(PlanRequest(modelNames: ["qwen2.5-7b"])).pair == nil)
        let three = PlanRequest(modelNames: ["qwen2.5-7b", "qwen3-4b", "coder-1.5b"])
        #expect(try ServingPlanner.plan(three).pair == nil)
    }
}
