import Foundation
import ModelClient
import TestSupport
import Testing

@testable import ModelFleet

@Suite struct EndpointPoolTests {
    /// Scripted models by endpoint, each serving `served`.
    static func connect(served: String = "c", unreachable: Set<String> = []) -> ChatModelFactory {
        { endpoint, _ in
            ScriptedChatModel(
                serving: served, contextLength: 4096,
                unreachable: unreachable.contains(endpoint)
                    ? .unreachable(endpoint: endpoint, detail: "Connection refused") : nil
            ) { _, _ in .answer("") }
        }
    }

    @Test func replicasShareTheLoad() async throws {
        let pool = EndpointPool(timeouts: Timeouts(), retry: RetryPolicy(), connect: Self.connect())
        let model = ModelConfig.codeDefaults(alias: "c", served: "c", endpoints: ["http://a/v1", "http://b/v1"])
        let (first, second, next) = try await pool.withEndpoint(of: model) { first in
            try await pool.withEndpoint(of: model) { second in
                (first.endpoint, second.endpoint, try await pool.withEndpoint(of: model) { $0.endpoint })
            }
        }
        #expect(Set([first, second]) == ["http://a/v1", "http://b/v1"])
        #expect(next == first, "with both busy once, the first listed")
        let idle = try await pool.withEndpoint(of: model) { busy in
            try await pool.withEndpoint(of: model) { $0.endpoint == busy.endpoint ? "same" : "other" }
        }
        #expect(idle == "other", "the idle replica gets the next request")
    }

    @Test func aReplicaIsGivenBackWhenTheRequestThrows() async throws {
        let pool = EndpointPool(timeouts: Timeouts(), retry: RetryPolicy(), requestLimit: 1, connect: Self.connect())
        let model = ModelConfig.codeDefaults(alias: "c", served: "c", endpoints: ["http://a/v1"])
        struct Failure: Error {}
        await #expect(throws: Failure.self) { try await pool.withEndpoint(of: model) { _ in throw Failure() } }
        // With a limit of one request, a slot still held would make this wait for ever.
        #expect(try await pool.withEndpoint(of: model) { $0.endpoint } == "http://a/v1")
    }

    @Test func theCheckReadsTheContextLengthThatCapsMaxTokens() async throws {
        let pool = EndpointPool(timeouts: Timeouts(), retry: RetryPolicy(), connect: Self.connect())
        let model = ModelConfig.reasoningDefaults(alias: "c", served: "c", endpoints: ["http://a/v1"])
        let unchecked = try await pool.withEndpoint(of: model) { $0.cappedMaxTokens(32768, messages: []) }
        #expect(unchecked == 32768)
        try await pool.check(model)
        let capped = try await pool.withEndpoint(of: model) {
            $0.cappedMaxTokens(32768, messages: [ChatMessage(.user, String(repeating: "x", count: 3000))])
        }
        #expect(capped == 4096 - (1000 + 16) - 64)
    }

    @Test func anUnreachableServerSaysHowToStartOneSizedByThePlanner() async throws {
        let pool = EndpointPool(
            timeouts: Timeouts(), retry: RetryPolicy(), connect: Self.connect(unreachable: ["http://127.0.0.1:9/v1"]))
        let model = ModelConfig.reasoningDefaults(
            alias: "r1", served: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", endpoints: ["http://127.0.0.1:9/v1"])
        let error = await #expect(throws: ModelFleetError.self) { try await pool.check(model) }
        let text = error.map { "\($0)" } ?? ""
        #expect(
            text.hasPrefix("no server answers for deepseek-ai/DeepSeek-R1-Distill-Qwen-7B at http://127.0.0.1:9/v1"))
        #expect(
            text.contains(
                "  vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-7B --port 9 --max-model-len 32768 "
                    + "--gpu-memory-utilization 0.90"), "\(text)")
        #expect(text.contains("--reasoning-parser deepseek_r1"))
        #expect(text.contains("`solve plan --model deepseek-ai/DeepSeek-R1-Distill-Qwen-7B --context 32768`"))
        #expect(text.contains("--local"))
    }

    @Test func aModelTheCatalogDoesNotKnowGetsAPlainLine() {
        let model = ModelConfig.codeDefaults(alias: "x", served: "someone/model", endpoints: ["http://gpu:8001/v1"])
        let text = StartHint.text(for: model, endpoint: "http://gpu:8001/v1")
        #expect(text.contains("  vllm serve someone/model --port 8001\n"), "\(text)")
    }

    @Test func aModelTheServerDoesNotServeIsNamed() async throws {
        let pool = EndpointPool(timeouts: Timeouts(), retry: RetryPolicy(), connect: Self.connect(served: "other"))
        let model = ModelConfig.codeDefaults(alias: "c", served: "c", endpoints: ["http://a/v1"])
        let error = await #expect(throws: ModelFleetError.self) { try await pool.check(model) }
        #expect(error.map { "\($0)" }?.contains("does not serve c; it serves: other") == true)
    }
}

@Suite struct EndpointCheckTests {
    @Test func everyEndpointIsCheckedAndItsProblemNamed() async throws {
        var config = SolveConfig.builtIn
        config.models = [
            .codeDefaults(alias: "plain", served: "a", endpoints: ["http://one/v1"]),
            .reasoningDefaults(alias: "ghost", served: "nobody", endpoints: ["http://one/v1"]),
            .codeDefaults(alias: "down", served: "x", endpoints: ["http://127.0.0.1:9/v1"]),
        ]
        let checks = await EndpointCheck.all(in: config) { endpoint, _ in
            ScriptedChatModel(
                serving: "a",
                unreachable: endpoint.contains(":9/") ? .unreachable(endpoint: endpoint, detail: "refused") : nil
            ) { _, _ in .answer("") }
        }
        #expect(checks.map(\.servedHere) == [true, false, false])
        #expect(checks[0].maxModelLength == 4096 && checks[0].problem == nil)
        #expect(checks[1].reachable && checks[1].problem == "serves a instead" && checks[1].otherModels == ["a"])
        #expect(!checks[2].reachable && checks[2].problem == "http://127.0.0.1:9/v1: no server answers (refused)")
    }
}
