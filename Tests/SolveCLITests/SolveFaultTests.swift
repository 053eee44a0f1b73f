import Foundation
import TestSupport
import Testing

/// `solve PROBLEM` against a misbehaving server, with short timeouts: each case ends within seconds. A server that
/// never answered is exit 2 with its message (solve could not run); an answer cut at the size limit is an attempt
/// like any other (exit 1 when it holds no accepted program).
@Suite("solve PROBLEM against a misbehaving server", .serialized)
struct SolveFaultTests {
    let server = ScriptedServer.shared

    func solve(_ scenario: String) throws -> (status: Int32, stdout: String, stderr: String, seconds: Double) {
        let folder = try Fixtures.temporaryDirectory(prefix: "faults")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("solve.yaml")
        try "timeouts: {connect: 2s, first_token: 1.5s, idle: 1.5s, total: 30s}\nretries: 1\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let started = ContinuousClock.now
        let result = try runSolve([
            "two-sum", "--endpoint", server.baseURL, "--model", "scripted/\(scenario)", "--config", config.path,
            "--max-attempts", "2", "--runs-dir", folder.appendingPathComponent("runs").path,
        ])
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return (result.status, result.stdout, result.stderr, seconds)
    }

    @Test(arguments: [
        ("stall-before-headers", "first token timeout (no answer within 1.5 s)"),
        ("stall-after-headers", "first token timeout (no answer within 1.5 s)"),
        ("stall-mid-stream", "idle timeout (nothing arrived for 1.5 s in the middle of the body)"),
        ("html", "malformed response (an HTML page, not the API's JSON"),
        ("no-done", "stream ended before [DONE] (no finish_reason)"),
        ("reset", "stream ended before [DONE]"),
        ("rate-limit-forever", "HTTP 429: Too many requests"),
        ("error-flat", "HTTP 400: This model's maximum context length is 4096 tokens."),
        ("malformed", "malformed response (an event is not a chat completion chunk"),
    ])
    func aServerThatNeverAnsweredExitsWithTwoAndItsMessage(scenario: String, message: String) throws {
        let (status, stdout, stderr, seconds) = try solve(scenario)
        #expect(status == 2, "\(stderr)")
        #expect(
            stderr.contains("error: attempt 1 got no answer from scripted/\(scenario): \(server.baseURL): \(message)"),
            "\(stderr)")
        #expect(stdout.contains("\"verdict\" : \"error\""), "the outcome is still printed")
        #expect(seconds < 30, "took \(seconds) s")
    }

    @Test(arguments: ["huge-event", "huge-deltas"])
    func aHugeAnswerIsATruncatedAttempt(scenario: String) throws {
        let (status, stdout, stderr, seconds) = try solve(scenario)
        #expect(status == 1, "\(stderr)")
        #expect(stdout.contains("the answer passed solve's 4 MiB limit and was cut there"))
        #expect(stdout.contains("\"finish_reason\" : \"answer_limit\""))
        #expect(seconds < 30, "took \(seconds) s")
    }

    @Test func oneCharacterPerEventIsAnAnswerLikeAnyOther() throws {
        let (status, stdout, stderr, seconds) = try solve("tiny-deltas")
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("\"verdict\" : \"AC\""))
        #expect(seconds < 30, "took \(seconds) s")
    }
}
