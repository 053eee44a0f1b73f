import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat
import Solving
import TestSupport
import Testing

/// Against a real llama.cpp server and a real model (Qwen2.5-Coder-0.5B, installed by
/// `Scripts/install-local-model 0.5b`): a missing installation fails these tests, it does not skip them.
@Suite(.serialized) struct LocalModelTests {
    @Test func theServerSpeaksTheProtocol() async throws {
        let server = try await LocalServer.start(.coder0_5B)
        defer { server.stop() }
        let client = ModelClient(baseURL: server.baseURL, timeouts: Timeouts(connect: 2, firstByte: 120, total: 300))

        let models = try await client.models()
        #expect(models.map(\.id).contains(LocalModel.coder0_5B.servedName))
        #expect((models.first?.maxModelLength ?? 0) >= 4096, "context length from llama.cpp's /props")
        #expect(try await client.health() == true)

        let request = ChatRequest(
            model: LocalModel.coder0_5B.servedName,
            messages: [
                ChatMessage(
                    .user, "Write a Python program that reads two integers and prints their sum. Only the code.")
            ],
            sampling: Sampling(temperature: 0.7, topP: 0.8, topK: 20, repetitionPenalty: 1.05, maxTokens: 200, seed: 1))
        let deltas = Counter()
        let streamed = try await client.chat(request) { event in
            if case .answer = event { deltas.increment() }
        }
        #expect(deltas.value > 5, "the answer arrives as many deltas")
        #expect(streamed.choices[0].finishReason == "stop")
        #expect(streamed.choices[0].answer.contains("print"))
        #expect((streamed.usage?.completionTokens ?? 0) > 5, "usage from stream_options.include_usage")
        #expect(streamed.firstTokenSeconds != nil)

        var short = request
        short.sampling.maxTokens = 8
        let cut = try await client.chat(short, stream: false)
        #expect(cut.choices[0].finishReason == "length")
        #expect(cut.choices[0].truncated)
        #expect(cut.usage?.completionTokens == 8)
    }

    @Test(arguments: ["two-sum", "lis"])
    func solveRunsABundledProblemToTheEnd(slug: String) async throws {
        let server = try await LocalServer.start(.coder0_5B)
        defer { server.stop() }
        var config = SolveConfig.builtIn
        config.models = [server.modelConfig]
        config.models[0].sampling.maxTokens = 1024  // keeps CI time bounded on 2 cores
        let solver = Solver(
            config: config, prompts: try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path),
            judge: try Judge())
        let problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("\(slug).md"))
        let runs = try Fixtures.temporaryDirectory(prefix: "runs")
        defer { try? FileManager.default.removeItem(at: runs) }
        let outcome = try await solver.solve(
            problem, options: SolveOptions(maxAttempts: 1),
            transcript: TranscriptWriter(runsDirectory: runs, problemSlug: slug))
        #expect(outcome.attempts.count == 1)
        #expect(outcome.attempts.allSatisfy { $0.verdict != "error" }, "the server answered every request")
        #expect(outcome.attempts.allSatisfy { ($0.usage?.completionTokens ?? 0) > 0 })
        let known = Set(["AC", "WA", "TLE", "MLE", "RE", "OLE", "CE", "SV", "no code"])
        #expect(known.contains(outcome.verdict), "verdict recorded: \(outcome.verdict)")
        #expect(
            FileManager.default.fileExists(
                atPath: runs.appendingPathComponent(
                    "\(outcome.transcript.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "")/result.json"
                ).path))
    }

    @Test func theCommandStartsAndStopsItsServer() throws {
        #expect(try localServers(of: .coder0_5B).isEmpty)
        let runs = try Fixtures.temporaryDirectory(prefix: "runs")
        defer { try? FileManager.default.removeItem(at: runs) }
        let (status, stdout, _) = try runSolve([
            "two-sum", "--local", "--local-model", "0.5b", "--max-attempts", "1", "--json", "--runs-dir", runs.path,
        ])
        let data = Data(stdout.utf8)
        #expect([0, 1].contains(status), "0 accepted, 1 not accepted")
        let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(result["problem"] as? String == "two-sum")
        #expect((result["attempts"] as? [[String: Any]])?.count == 1)
        #expect(
            (result["notes"] as? [String])?.first?.contains("--local: both routes use Qwen2.5-Coder-0.5B-Instruct")
                == true)
        #expect(try localServers(of: .coder0_5B).isEmpty, "the server stopped with solve")
    }
}

/// Running llama-server processes that serve `model`.
func localServers(of model: LocalModel) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.allSatisfy(\.isNumber) }.filter { pid in
        let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
        return command.contains("llama-server") && command.contains(model.servedName)
    }
}

/// A count shared with a streaming callback.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
