import Foundation
import ModelFleet
import TestSupport
import Testing

/// `solve bench-server` against the real llama.cpp server with Qwen2.5-Coder-0.5B (installed by
/// `Scripts/install-local-model 0.5b`; a missing installation fails this test, like the others here).
@Suite(.serialized) struct BenchServerTests {
    @Test func measuresTheLocalServer() async throws {
        let server = try await LocalServer.start(.coder0_5B, contextSize: 2048, parallel: 2, metrics: true)
        defer { server.stop() }
        let result = try runSolve([
            "bench-server", "--endpoint", server.baseURL, "--max-tokens", "16", "--prompt-tokens", "64",
            "--concurrency", "1,2", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["model"] as? String == LocalModel.coder0_5B.servedName, "the first served model by default")
        #expect(report["output_tokens_source"] as? String == "usage")
        let prompt = try #require(report["prompt"] as? [String: Any])
        #expect((prompt["server_tokens"] as? Double ?? 0) > 64, "64 words and Qwen's chat template")
        let metrics = try #require(report["metrics"] as? [String: Any])
        #expect(metrics["server"] as? String == "llama.cpp", "\(metrics)")
        #expect(metrics["figures"] as? [String] == ["running", "waiting"])

        let levels = try #require(report["levels"] as? [[String: Any]])
        #expect(levels.map { $0["concurrency"] as? Int } == [1, 2])
        for level in levels {
            #expect(level["errors"] as? Int == 0, "\(level["first_error"] ?? "")")
            #expect(level["short_requests"] as? Int == 0, "llama.cpp honours ignore_eos: 16 tokens every time")
            let ttft = try #require(level["ttft_seconds"] as? [String: Any])
            #expect((ttft["min"] as? Double ?? 0) > 0)
            let decode = try #require(level["decode_tokens_per_second_per_stream"] as? [String: Any])
            #expect((decode["mean"] as? Double ?? 0) > 0)
            #expect((level["output_tokens_per_second"] as? Double ?? 0) > 0)
            #expect((level["requests_per_second"] as? Double ?? 0) > 0)
        }
        let peak = (levels[1]["metrics"] as? [String: Any])?["peak"] as? [String: Any]
        #expect((1...2).contains(peak?["running"] as? Int ?? 0), "two slots busy at most: \(peak ?? [:])")
    }
}
