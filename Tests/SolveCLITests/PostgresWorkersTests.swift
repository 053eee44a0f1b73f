import Foundation
import TestSupport
import Testing

/// `solve eval --db postgres://…` as users run it on several machines: workers that claim samples, one of them
/// killed, and the same figures as one process with SQLite.
@Suite("solve eval workers on PostgreSQL", .serialized)
struct PostgresWorkersTests {
    static let installation = PostgresInstallation.find()
    static let enabled = installation != nil || ProcessInfo.processInfo.environment["SOLVE_REQUIRE_POSTGRES"] == "1"
    /// A scripted server of this suite's own: three workers at once would slow the shared one, whose other tests
    /// measure timeouts.
    static let server: ScriptedServer = {
        do { return try ScriptedServer() } catch { fatalError("cannot start a scripted server: \(error)") }
    }()
    let cli = EvalCommandTests(server: PostgresWorkersTests.server)

    /// Waits until `sql` (one number) reaches `minimum`; false after `seconds`.
    func waitFor(_ sql: String, atLeast minimum: Int, in cluster: PostgresCluster, seconds: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? cluster.psql(sql), let count = Int(text), count >= minimum { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Every sample of the SQLite file at `path`: run, problem, sample, accepted, at which attempt, attempts.
    static func outcomes(_ path: String) throws -> [String] {
        try StoreChecks.strings(
            """
            SELECT run || ' ' || problem || ' #' || sample || ' ' || accepted || ' ' || coalesce(accepted_at_attempt, 0)
                || ' of ' || attempts || ' first ' || first_attempt_accepted FROM sample ORDER BY run, problem, sample
            """, inDatabaseAt: path)
    }

    /// The pass@k figures (estimates and intervals) of `solve compare --format json`, by run.
    static func passAtK(_ path: String) throws -> [String] {
        let compare = try runSolve(["compare", "--db", path, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        let runs = try #require(report["runs"] as? [[String: Any]])
        return try runs.map { run in
            let figures = try #require(run["pass_at_k"] as? [[String: Any]], "no pass_at_k in \(run.keys)")
            let text = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
            return "\(run["run"] ?? "?"): \(String(decoding: text, as: UTF8.self))"
        }
    }

    @Test(
        "three workers on one run, one killed with SIGKILL mid-run, store exactly what one SQLite process stores",
        .enabled(if: enabled, "needs PostgreSQL's binaries (apt-get install postgresql)"))
    func threeWorkersOneKilled() async throws {
        let installation = try #require(Self.installation, "SOLVE_REQUIRE_POSTGRES=1 and no PostgreSQL binaries")
        let cluster = try await PostgresCluster.start(installation: installation)
        defer { try? cluster.stop() }
        let folder = try cli.workspace()
        // `slow` answers after 3 s (accepted), `fb` at once (its first answers are wrong): 18 samples.
        let common = [
            "--model", "slow", "--model", "fb", "--samples", "3", "--max-attempts", "2", "--concurrency", "1",
            "--run", "w",
        ]
        let workers = try (1...3).map { try cli.startEval(folder, common + ["--db", cluster.url], label: "w\($0)") }
        let victim = workers[1].processIdentifier
        #expect(
            waitFor(
                """
                SELECT count(*) FROM work w JOIN worker k ON k.id = w.worker
                WHERE k.pid = \(victim) AND w.state = 'claimed'
                """, atLeast: 1, in: cluster), "the second worker claimed a sample")
        kill(victim, SIGKILL)
        workers[1].waitUntilExit()
        for worker in [workers[0], workers[2]] {
            worker.waitUntilExit()
            #expect(worker.terminationStatus == 0)
        }
        let logs = try (1...3).map {
            try String(contentsOf: folder.appendingPathComponent("w\($0).err"), encoding: .utf8)
        }
        #expect(workers[1].terminationReason == .uncaughtSignal, "\(logs[1])")

        // Nothing lost, nothing twice: every sample once, its final attempts 1…n, nothing pending.
        #expect(try cluster.psql("SELECT count(*) FROM sample") == "18", "\(logs)")
        #expect(try cluster.psql("SELECT count(*) FROM attempt WHERE status = 'pending'") == "0")
        #expect(try cluster.psql("SELECT state, count(*) FROM work GROUP BY state") == "done|18")
        let status = try runSolve(["eval", "status", "--db", cluster.url])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("w/slow") && status.stdout.contains("9 of 9"), "\(status.stdout)")
        let states = status.stdout.split(separator: "\n").filter { $0.contains(" \(victim) ") }
        #expect(states.count == 1 && states[0].contains("gone"), "the killed worker is found out: \(status.stdout)")
        #expect(status.stdout.components(separatedBy: " stopped ").count - 1 == 2, "\(status.stdout)")

        // The same settings in one process with SQLite: the same samples and the same pass@k.
        let single = folder.appendingPathComponent("single.sqlite").path
        let alone = try cli.eval(folder, common + ["--db", single])
        #expect(alone.status == 0, "\(alone.stderr)")
        let exported = folder.appendingPathComponent("exported.sqlite").path
        let export = try runSolve(["eval", "export", "--db", cluster.url, "--to", exported])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("run w/slow: 9 samples added"), "\(export.stdout)")
        #expect(try Self.outcomes(exported) == (try Self.outcomes(single)))
        #expect(try Self.outcomes(exported).count == 18)
        #expect(try StoreChecks.violations(inDatabaseAt: exported, finished: true) == [])
        let figures = try Self.passAtK(exported)
        let singleFigures = try Self.passAtK(single)
        #expect(figures.count == 2 && figures == singleFigures)
        let live = try runSolve(["compare", "--db", cluster.url, "--format", "csv"])
        #expect(live.status == 0 && live.stdout.contains("w/slow"), "\(live.stderr)")

        // A worker with other settings is refused before it claims anything.
        let other = try cli.eval(
            folder,
            [
                "--model", "slow", "--model", "fb", "--samples", "3", "--max-attempts", "4", "--run", "w", "--db",
                cluster.url,
            ])
        #expect(other.status == 2)
        #expect(other.stderr.contains("--max-attempts"), "\(other.stderr)")
    }

    @Test(
        "SOLVE_DB names the store; a malformed URL or an unreachable server is a clear error",
        .enabled(if: enabled, "needs PostgreSQL's binaries (apt-get install postgresql)"))
    func databaseFromTheEnvironmentAndBadURLs() async throws {
        let installation = try #require(Self.installation, "SOLVE_REQUIRE_POSTGRES=1 and no PostgreSQL binaries")
        let cluster = try await PostgresCluster.start(installation: installation)
        defer { try? cluster.stop() }
        let folder = try cli.workspace()
        let run = try runSolve(
            [
                "eval", folder.appendingPathComponent("set").path, "--config",
                folder.appendingPathComponent("solve.yaml").path, "--model", "plain", "--run", "env",
            ], environment: ["SOLVE_DB": cluster.url])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try cluster.psql("SELECT count(*) FROM sample WHERE run = 'env'") == "3")
        #expect(run.stdout.contains("database: postgres://postgres@127.0.0.1:\(cluster.port)/postgres"))

        let bad = try runSolve(["compare", "--db", "postgres://h:70000/x"])
        #expect(bad.status == 2 && bad.stderr.contains("a port from 1 to 65535"), "\(bad.stderr)")
        let port = try HostProbes.freeLoopbackPort()
        let down = try runSolve(["eval", "status", "--db", "postgres://postgres@127.0.0.1:\(port)/x"])
        #expect(down.status == 2 && down.stderr.contains("cannot connect"), "\(down.stderr)")
    }
}
