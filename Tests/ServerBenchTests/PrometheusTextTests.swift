import Foundation
import TestSupport
import Testing

@testable import ServerBench

/// The Prometheus text parser and the load figures read from vLLM's, SGLang's and llama.cpp's names.
@Suite struct PrometheusTextTests {
    let vllmModel = "Qwen/Qwen2.5-Coder-7B-Instruct"

    func fixture(_ name: String) throws -> PrometheusText {
        PrometheusText(parsing: try String(contentsOf: Fixtures.fixture("metrics/\(name)"), encoding: .utf8))
    }

    @Test func aVLLMPageParsesCompletely() throws {
        let page = try fixture("vllm.txt")
        #expect(page.unreadableLines.isEmpty)
        #expect(page.samples.count == 31)
        let running = try #require(page.samples(named: "vllm:num_requests_running").first)
        #expect(running.labels == ["engine": "0", "model_name": vllmModel])
        #expect(running.value == 12)
        let buckets = page.samples(named: "vllm:time_to_first_token_seconds_bucket")
        #expect(buckets.map { $0.labels["le"] } == ["0.001", "0.04", "0.1", "1.0", "+Inf"])
        #expect(page.samples(named: "process_resident_memory_bytes").first?.value == 2.147713024e+09)
        #expect(page.samples(named: "vllm:cache_config_info").first?.labels["num_gpu_blocks"] == "28416")
    }

    @Test func vLLMLoad() throws {
        let load = try #require(ServerLoad(try fixture("vllm.txt"), model: vllmModel))
        #expect(
            load
                == ServerLoad(server: "vllm", running: 12, waiting: 4, kvCacheUsage: 0.8731343283582089, preemptions: 3)
        )
        #expect(load.presentFigures == ["running", "waiting", "KV cache", "preemptions"])
    }

    @Test func llamaCppLoadFromARealPage() throws {
        // Captured from llama-server (the build Scripts/install-local-model makes) started with --metrics.
        let page = try fixture("llamacpp.txt")
        #expect(page.unreadableLines.isEmpty)
        #expect(page.samples(named: "llamacpp:tokens_predicted_total").first?.value == 84)
        let load = try #require(ServerLoad(page, model: "qwen2.5-coder-0.5b-instruct"))
        #expect(load == ServerLoad(server: "llama.cpp", running: 0, waiting: 0))
    }

    @Test func theOlderVLLMNameAndSGLang() throws {
        let v0 = """
            vllm:num_requests_running{model_name="m"} 2.0
            vllm:gpu_cache_usage_perc{model_name="m"} 0.25
            """
        #expect(
            ServerLoad(PrometheusText(parsing: v0), model: "m")
                == ServerLoad(server: "vllm", running: 2, kvCacheUsage: 0.25))
        let sglang = """
            sglang:num_running_reqs{model_name="m"} 5.0
            sglang:num_queue_reqs{model_name="m"} 1.0
            sglang:token_usage{model_name="m"} 0.5
            """
        #expect(
            ServerLoad(PrometheusText(parsing: sglang), model: "m")
                == ServerLoad(server: "sglang", running: 5, waiting: 1, kvCacheUsage: 0.5))
    }

    @Test func seriesOfTheModelAreChosenAndEnginesAddUp() {
        let page = PrometheusText(
            parsing: """
                vllm:num_requests_running{engine="0",model_name="a"} 3
                vllm:num_requests_running{engine="1",model_name="a"} 4
                vllm:num_requests_running{engine="0",model_name="b"} 100
                vllm:kv_cache_usage_perc{engine="0",model_name="a"} 0.5
                vllm:kv_cache_usage_perc{engine="1",model_name="a"} 0.75
                vllm:kv_cache_usage_perc{engine="0",model_name="b"} 0.99
                """)
        #expect(ServerLoad(page, model: "a") == ServerLoad(server: "vllm", running: 7, kvCacheUsage: 0.75))
        #expect(ServerLoad(page, model: "unlisted")?.running == 107, "no series names it: all of them count")
    }

    @Test func pagesWithoutKnownNamesGiveNoLoad() {
        #expect(ServerLoad(PrometheusText(parsing: "process_open_fds 12\n"), model: nil) == nil)
        #expect(ServerLoad(PrometheusText(parsing: "vllm:prompt_tokens_total 5\n"), model: nil) == nil)
    }

    @Test func escapesSpecialValuesAndBadLines() throws {
        let page = PrometheusText(
            parsing: """
                # HELP odd A metric with awkward labels.
                odd{path="C:\\\\dir",quote="say \\"hi\\"",multi="a\\nb",comma="x,y}",} 1.5 1700000000000
                  spaced { a = "1" , b="2" } -Inf
                nan_value NaN
                inf_value +Inf
                broken{unterminated="x} 1
                9starts_with_a_digit 1
                no_value
                """)
        try #require(page.samples.count == 4)
        #expect(page.unreadableLines == [6, 7, 8])
        let odd = page.samples[0]
        #expect(odd.labels == ["path": "C:\\dir", "quote": "say \"hi\"", "multi": "a\nb", "comma": "x,y}"])
        #expect(odd.value == 1.5)
        #expect(page.samples[1].labels == ["a": "1", "b": "2"])
        #expect(page.samples[1].value == -.infinity)
        #expect(page.samples[2].value.isNaN)
        #expect(page.samples[3].value == .infinity)
    }

    @Test func thePeakTakesTheLargerOfEachFigure() {
        let first = ServerLoad(server: "vllm", running: 4, waiting: 0, kvCacheUsage: 0.5)
        let second = ServerLoad(server: "vllm", running: 2, waiting: 3, preemptions: 1)
        #expect(
            first.peak(with: second)
                == ServerLoad(server: "vllm", running: 4, waiting: 3, kvCacheUsage: 0.5, preemptions: 1))
    }
}
