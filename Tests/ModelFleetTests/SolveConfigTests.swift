import Foundation
import ModelClient
import TestSupport
import Testing

@testable import ModelFleet

@Suite struct ConfigTests {
    func write(_ yaml: String) throws -> URL {
        let folder = try Fixtures.temporaryDirectory(prefix: "config")
        let file = folder.appendingPathComponent("solve.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func builtInDefaultsAreTheSeedPair() throws {
        let config = try SolveConfig.load(file: nil, environment: [:])
        #expect(
            config.models.map(\.served) == [
                "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "Qwen/Qwen2.5-Coder-7B-Instruct",
            ])
        #expect(config.models.map { $0.endpoints } == [["http://localhost:8000/v1"], ["http://localhost:8001/v1"]])
        #expect(
            config.model(for: .code)?.sampling
                == Sampling(temperature: 0.7, topP: 0.8, topK: 20, repetitionPenalty: 1.05, maxTokens: 4096))
        #expect(config.model(for: .reasoning)?.systemPrompt == false)
    }

    @Test func environmentGivesKeyAndBaseURL() throws {
        let config = try SolveConfig.load(
            file: nil, environment: ["OPENAI_API_KEY": "sk-1", "OPENAI_BASE_URL": "http://gpu:9000/v1"])
        #expect(config.models.allSatisfy { $0.apiKey == "sk-1" && $0.endpoints == ["http://gpu:9000/v1"] })
    }

    @Test func aModelWithoutEndpointsInAFileUsesTheGivenEnvironment() throws {
        let file = try write("models:\n  - served: x\n")
        let config = try SolveConfig.load(file: file, environment: ["OPENAI_BASE_URL": "http://gpu:9000/v1"])
        #expect(config.models.first?.endpoints == ["http://gpu:9000/v1"])
    }

    @Test func aFullFileIsRead() throws {
        let file = try write(
            """
            language: python
            max_attempts: 6
            timeouts: {connect: 2s, first_token: 90s, total: 20m}
            models:
              - alias: r1-14b
                served: deepseek-ai/DeepSeek-R1-Distill-Qwen-14B
                role: reasoning
                endpoints: [http://gpu0:8000/v1, http://gpu1:8000/v1]
                sampling: {max_tokens: 16000}
              - alias: coder
                served: Qwen/Qwen2.5-Coder-7B-Instruct
                endpoint: http://gpu2:8001/v1
                sampling: {temperature: 0.2, seed: 1}
            """)
        let config = try SolveConfig.load(file: file, environment: [:])
        #expect(config.language == "python" && config.maxAttempts == 6)
        #expect(config.timeouts == Timeouts(connect: 2, firstByte: 90, total: 1200))
        let r1 = try #require(config.model(named: "r1-14b"))
        #expect(r1.endpoints.count == 2 && r1.role == .reasoning)
        #expect(r1.sampling == Sampling(temperature: 0.6, topP: 0.95, maxTokens: 16000))
        let coder = try #require(config.model(named: "Qwen/Qwen2.5-Coder-7B-Instruct"))
        #expect(coder.sampling.temperature == 0.2 && coder.sampling.topK == 20 && coder.sampling.seed == 1)
    }

    @Test(arguments: [
        (
            "models:\n  - served: x\n    endpoint: http://a/v1\n    temprature: 1\n",
            "solve.yaml:4: temprature \"temprature\" is not a known key of a model"
        ),
        ("max_attempts: zero\n", "solve.yaml:1: max_attempts \"zero\" is not a whole number"),
        (
            "models:\n  - served: x\n    role: thinker\n    endpoint: http://a/v1\n",
            "solve.yaml:3: role \"thinker\" is not a role; expected reasoning or code"
        ),
        (
            "models:\n  - served: x\n    endpoint: localhost:8000\n",
            "solve.yaml:3: endpoint \"localhost:8000\" is not an http(s) URL"
        ),
        ("models:\n  - served: x\n", "solve.yaml:2: endpoints \"\" is missing for x"),
        ("timeouts: {total: forever}\n", "solve.yaml:1: total \"forever\" is not a duration"),
        ("timeouts: {idel: 5s}\n", "solve.yaml:1: idel \"idel\" is not a known key of timeouts"),
        ("models: [\n", "solve.yaml:2: invalid YAML"),
    ])
    func badFilesNameTheLine(yaml: String, message: String) throws {
        let file = try write(yaml)
        do {
            _ = try SolveConfig.load(file: file, environment: [:])
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func everyTimeoutWithItsUnit() throws {
        let file = try write("timeouts: {connect: 500ms, first_token: 90, idle: 45s, total: 2h}\nretries: 0\n")
        let config = try SolveConfig.load(file: file, environment: [:])
        #expect(config.timeouts == Timeouts(connect: 0.5, firstByte: 90, idle: 45, total: 7200))
        #expect(config.retry.maxRetries == 0)
        #expect(SolveConfig.builtIn.timeouts.idle == 120)
    }

    /// Numbers past every sensible range (and past `Int`'s) where a count, a limit or a timeout is read: an error
    /// naming the line and the key, never a trap.
    @Test(arguments: [
        ("max_attempts: 1e300\n", "solve.yaml:1: max_attempts \"1e300\" is outside 1…100"),
        ("max_attempts: -1e300\n", "solve.yaml:1: max_attempts \"-1e300\" is outside 1…100"),
        ("max_attempts: 0\n", "solve.yaml:1: max_attempts \"0\" is outside 1…100"),
        ("max_attempts: 2.5\n", "solve.yaml:1: max_attempts \"2.5\" is not a whole number"),
        ("retries: 1e300\n", "solve.yaml:1: retries \"1e300\" is outside 0…100"),
        ("retries: -1\n", "solve.yaml:1: retries \"-1\" is outside 0…100"),
        ("retries: .nan\n", "solve.yaml:1: retries \".nan\" is not a whole number"),
        ("timeouts: {total: 1e300s}\n", "solve.yaml:1: total \"1e300s\" is out of range"),
        ("timeouts: {total: 1e300m}\n", "solve.yaml:1: total \"1e300m\" is out of range"),
        ("timeouts: {idle: -1e300}\n", "solve.yaml:1: idle \"-1e300\" is out of range"),
        ("timeouts: {first_token: 0s}\n", "solve.yaml:1: first_token \"0s\" is out of range"),
        ("timeouts: {connect: 200h}\n", "solve.yaml:1: connect \"200h\" is out of range"),
        ("timeouts: {connect: infm}\n", "solve.yaml:1: connect \"infm\" is not a duration"),
        ("timeouts: {connect: 5 parsecs}\n", "solve.yaml:1: connect \"5 parsecs\" is not a duration"),
        (
            "models:\n  - served: x\n    endpoint: http://a/v1\n    sampling: {max_tokens: 1e300}\n",
            "solve.yaml:4: max_tokens \"1e300\" is outside 1…10000000"
        ),
        (
            "models:\n  - served: x\n    endpoint: http://a/v1\n    sampling: {top_k: -1e300}\n",
            "solve.yaml:4: top_k \"-1e300\" is outside -1…1000000"
        ),
        (
            "models:\n  - served: x\n    endpoint: http://a/v1\n    sampling: {seed: 1e300}\n",
            "solve.yaml:4: seed \"1e300\" is outside 0…4294967295"
        ),
        (
            "models:\n  - served: x\n    endpoint: http://a/v1\n    sampling: {seed: 9223372036854775807}\n",
            "solve.yaml:4: seed \"9223372036854775807\" is outside 0…4294967295"
        ),
        (
            "models:\n  - served: x\n    endpoint: http://a/v1\n    sampling: {temperature: 1e300}\n",
            "solve.yaml:4: temperature \"1e+300\" is outside 0.0…10.0"
        ),
        (
            "models:\n  - served: x\n    endpoint: http://a/v1\n    sampling: {top_p: -0.5}\n",
            "solve.yaml:4: top_p \"-0.5\" is outside 0.0…1.0"
        ),
        (
            "models:\n  - served: x\n    endpoint: http://a/v1\n    sampling: {presence_penalty: 3}\n",
            "solve.yaml:4: presence_penalty \"3.0\" is outside -2.0…2.0"
        ),
    ])
    func numbersOutOfRangeNameTheLineAndKey(yaml: String, message: String) throws {
        let file = try write(yaml)
        let error = #expect(throws: ModelFleetError.self) { try SolveConfig.load(file: file, environment: [:]) }
        #expect(error.map { "\($0)".contains(message) } == true, "\(String(describing: error))")
    }
}
