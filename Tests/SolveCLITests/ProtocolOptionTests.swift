import Foundation
import Solving
import TestSupport
import Testing

@testable import solve

/// `--oracle` and `--local-slots`, parsed, and the protocols side by side in `solve compare`.
@Suite("protocol options")
struct ProtocolOptionTests {
    @Test func theContestantIsTheDefaultAndTheOracleIsAFlag() throws {
        let solve = try #require(try SolveCommand.parseAsRoot(["problem", "two-sum"]) as? SolveProblemCommand)
        #expect(!solve.oracle)
        #expect(solve.server.slots(protocol: .contestant, maxAttempts: 4) == 3, "one slot per candidate sent at once")
        #expect(solve.server.slots(protocol: .contestant, maxAttempts: 8) == 4, "at most four")
        #expect(solve.server.slots(protocol: .oracle, maxAttempts: 8) == 1)
        let oracle = try #require(
            try SolveCommand.parseAsRoot(["problem", "two-sum", "--oracle", "--local-slots", "2"])
                as? SolveProblemCommand)
        #expect(oracle.oracle && oracle.server.slots(protocol: .oracle, maxAttempts: 4) == 2)
        let eval = try #require(try SolveCommand.parseAsRoot(["eval", "run", "--oracle"]) as? EvalRunCommand)
        #expect(eval.oracle)
        #expect(throws: (any Error).self) {
            try SolveCommand.parseAsRoot(["problem", "two-sum", "--local-slots", "0"])
        }
    }
}

@Suite("solve compare with both protocols", .serialized)
struct ProtocolCompareTests {
    let server = ScriptedServer.shared

    @Test func runsAreLabelledByProtocolAndNeverPaired() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "protocols")
        try """
        language: python
        models:
          - {alias: plain, served: scripted/plain, role: code, endpoint: "\(server.baseURL)"}
        """.write(to: folder.appendingPathComponent("solve.yaml"), atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("eval.sqlite").path
        let config = folder.appendingPathComponent("solve.yaml").path
        let set = Fixtures.problems.appendingPathComponent("two-sum.md").path
        for (name, extra) in [("as-contestant", [String]()), ("as-oracle", ["--oracle"])] {
            let run = try runSolve(
                ["eval", set, "--config", config, "--model", "plain", "--db", db, "--run", name] + extra)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let compare = try runSolve(["compare", "--db", db, "--runs", "as-contestant,as-oracle", "--format", "markdown"])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("| protocol | contestant | oracle |"))
        #expect(compare.stdout.contains("as-contestant (contestant) and as-oracle (oracle) are not paired"))
        #expect(!compare.stdout.contains("Paired tests"))
        #expect(compare.stdout.contains("| as-contestant | 4 | 100.0%"))
        let json = try runSolve(["compare", "--db", db, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let runs = try #require(report["runs"] as? [[String: Any]])
        #expect(runs.map { $0["protocol"] as? String } == ["contestant", "oracle"])
        let selection = try #require(runs.first?["selection"] as? [String: Any])
        #expect(selection["efficiency"] as? Double == 1)
        #expect(try StoreChecks.violations(inDatabaseAt: db, finished: true) == [])
    }
}
