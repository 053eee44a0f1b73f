import Foundation
import ModelClient
import ModelFleet
import Solving
import TestSupport
import Testing

@testable import Evaluation

/// The PostgreSQL store against a real throwaway server: the same results as SQLite, claims and their leases,
/// refusals, export and import.
@Suite("PostgreSQL store", .serialized)
struct PostgresStoreTests {
    static let enabled = PostgresClusterTests.installation != nil || PostgresClusterTests.required

    /// A throwaway cluster and a store on a fresh database of it; both stopped after `body`.
    func withStore(_ body: (PostgresStore, PostgresCluster) async throws -> Void) async throws {
        let installation = try #require(
            PostgresClusterTests.installation,
            "SOLVE_REQUIRE_POSTGRES=1 and no PostgreSQL binaries under /usr/lib/postgresql/*/bin")
        let cluster = try await PostgresCluster.start(installation: installation)
        defer { try? cluster.stop() }
        let store = try await PostgresStore.connect(url: cluster.url)
        do {
            try await body(store, cluster)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }

    /// An attempt whose answer held no program.
    static func attempt(_ answer: String) -> AttemptRecord {
        AttemptRecord(
            number: 1,
            model: .codeDefaults(alias: "plain", served: "scripted/plain", endpoints: ["http://scripted/v1"]),
            endpoint: "http://scripted/v1", strategy: .first, sampling: Sampling(), messages: [],
            generation: Generation(choice: ChatChoice(index: 0, reasoning: "", answer: answer, finishReason: nil)),
            outcome: .noProgram(truncated: false), message: "")
    }

    /// What a sample's result is, without its timing.
    static func outcome(_ sample: SampleResult) -> String {
        "\(sample.run) \(sample.problem) #\(sample.sample): accepted \(sample.accepted) at \(sample.acceptedAtAttempt ?? 0)"
            + " of \(sample.attempts), first \(sample.firstAttemptAccepted), \(sample.completionTokens) tokens"
    }

    @Test(
        "a run stored in PostgreSQL has the samples and attempts the same run has in SQLite, and exports whole",
        .enabled(if: enabled, "needs PostgreSQL's binaries (apt-get install postgresql)"))
    func sameResultsAsSQLite() async throws {
        try await withStore { store, cluster in
            let set = try EvaluationRunnerTests.problemSet(count: 3)
            let (solver, config) = try EvaluationRunnerTests().solver(["feedback", "plain"], requestLimit: 4)
            let plan = EvaluationPlan(models: ["feedback", "plain"], samples: 2, maxAttempts: 3, protocol: .oracle)
            let planned = try plan.runs(named: "t", set: set, config: config, promptsHash: "h")
            let runner = EvaluationRunner(solver: solver, plan: plan, concurrency: 4)

            let shared = try await store.queue(for: planned, set: set, samples: 2, resume: false)
            try await runner.run(shared) { _ in }
            shared.release()
            let sqlite = try EvaluationRunnerTests.database()
            let local = try sqlite.queue(for: planned, set: set, samples: 2, resume: false)
            try await runner.run(local) { _ in }
            local.release()

            let names = ["t/feedback", "t/plain"]
            let fromPostgres = try await store.samples(runs: names).map(Self.outcome)
            #expect(fromPostgres.count == 12)
            #expect(fromPostgres == (try sqlite.samples(runs: names).map(Self.outcome)))
            #expect(try await store.runs().map(\.name) == names)
            #expect(try await store.problems(of: "t/plain").map(\.slug) == ["p1", "p2", "p3"])
            #expect(try cluster.psql("SELECT status, count(*) FROM attempt GROUP BY status") == "final|18")
            #expect(try cluster.psql("SELECT state, count(*) FROM work GROUP BY state") == "done|12")

            let status = try await store.status(of: names)
            #expect(status.runs.map(\.finished) == [6, 6] && status.runs.map(\.total) == [6, 6])
            #expect(status.runs.map(\.accepted) == [6, 6])
            #expect(status.workers.count == 1)
            #expect(status.workers.first?.state == "stopped" && status.workers.first?.finished == 12)

            // Exported as one SQLite file: the same samples, whole by the store checks; a second export adds nothing.
            let file = try Fixtures.temporaryDirectory(prefix: "export").appendingPathComponent("out.sqlite").path
            let exported = try EvaluationStore(path: file)
            #expect(try await exported.merge(from: store) == ["t/feedback": 6, "t/plain": 6])
            #expect(try await exported.merge(from: store) == ["t/feedback": 0, "t/plain": 0])
            #expect(try exported.samples(runs: names).map(Self.outcome) == fromPostgres)
            #expect(try exported.attemptCounts(of: "t/feedback") == ["final": 12])
            #expect(try StoreChecks.violations(inDatabaseAt: file, finished: true) == [])

            // Imported into a fresh database of the server: the same again, and marked done for any worker.
            _ = try cluster.psql("CREATE DATABASE imported")
            let other = try await PostgresStore.connect(url: "postgres://postgres@127.0.0.1:\(cluster.port)/imported")
            #expect(try await other.merge(from: exported) == ["t/feedback": 6, "t/plain": 6])
            #expect(try await other.samples(runs: names).map(Self.outcome) == fromPostgres)
            let resumed = try await other.queue(for: planned, set: set, samples: 2, resume: false)
            #expect(try await resumed.start().finished == 12)
            #expect(try await resumed.next() == nil, "nothing left to claim")
            resumed.release()
            await other.close()
        }
    }

    @Test(
        "a claim whose worker stops beating expires: another worker takes the sample, the first writes nothing more",
        .enabled(if: enabled, "needs PostgreSQL's binaries (apt-get install postgresql)"))
    func leaseExpiry() async throws {
        try await withStore { store, cluster in
            let set = try EvaluationRunnerTests.problemSet(count: 1)
            let (solver, config) = try EvaluationRunnerTests().solver(["plain"], requestLimit: 1)
            let plan = EvaluationPlan(models: ["plain"], samples: 1, maxAttempts: 2, protocol: .oracle)
            let planned = try plan.runs(named: "e", set: set, config: config, promptsHash: "h")
            // A worker on another machine that claims the one sample, stores an attempt, then goes silent.
            let elsewhere = LeaseHolder(host: "elsewhere", pid: 4242, pidNamespace: "pid:[1]", processStart: 7)
            let silent = try await store.queue(
                for: planned, set: set, samples: 1, resume: false, holder: elsewhere, heartbeatInterval: 3600,
                expiry: 1.5)
            #expect(try await silent.start().total == 1)
            let claimed = try #require(try await silent.next())
            try await silent.record(Self.attempt("draft"), of: claimed)
            #expect(try cluster.psql("SELECT status FROM attempt") == "pending")

            let started = Date()
            let taker = try await store.queue(for: planned, set: set, samples: 1, resume: false)
            try await EvaluationRunner(solver: solver, plan: plan, concurrency: 1).run(taker) { _ in }
            taker.release()
            let waited = Date().timeIntervalSince(started)
            #expect(waited >= 1, "taken only once the claim expired (after \(waited) s)")
            #expect(try await store.samples(runs: ["e"]).count == 1)
            #expect(
                try cluster.psql("SELECT status, count(*) FROM attempt GROUP BY status ORDER BY status")
                    == "abandoned|1\nfinal|1")
            // The silent worker comes back: whatever it writes is refused, and the sample stays finished once.
            await #expect(throws: EvaluationError.self) {
                try await silent.record(Self.attempt("late"), of: claimed)
            }
            await #expect(throws: EvaluationError.self) { try await silent.setAside(claimed, reason: "late") }
            #expect(try cluster.psql("SELECT count(*) FROM attempt") == "2")
            #expect(try cluster.psql("SELECT state, claims FROM work") == "done|2")
            silent.release()
        }
    }

    @Test(
        "a worker with other settings than the stored run is refused; one with the same settings joins it",
        .enabled(if: enabled, "needs PostgreSQL's binaries (apt-get install postgresql)"))
    func mismatchedRunIsRefused() async throws {
        try await withStore { store, _ in
            let set = try EvaluationRunnerTests.problemSet(count: 2)
            let config = EvaluationRunnerTests.config(["plain"])
            let plan = EvaluationPlan(models: ["plain"], samples: 2, maxAttempts: 2)
            let planned = try plan.runs(named: "m", set: set, config: config, promptsHash: "h")
            let first = try await store.queue(for: planned, set: set, samples: 2, resume: false)
            first.release()
            let later = try plan.runs(
                named: "m", set: set, config: config, promptsHash: "h", date: Date(timeIntervalSinceNow: 60))
            let joined = try await store.queue(for: later, set: set, samples: 2, resume: false)
            // Joined the stored run: its creation time (to the microsecond PostgreSQL keeps), not the new plan's.
            let created = try #require(first.runs.first?.createdAt.timeIntervalSince1970)
            #expect(abs((joined.runs.first?.createdAt.timeIntervalSince1970 ?? 0) - created) < 0.001)
            #expect(try await store.runs().count == 1)
            joined.release()
            for (other, named) in [
                (EvaluationPlan(models: ["plain"], samples: 3, maxAttempts: 2), "--samples 2 vs 3"),
                (EvaluationPlan(models: ["plain"], samples: 2, maxAttempts: 4), "--max-attempts 2 vs 4"),
                (EvaluationPlan(models: ["plain"], samples: 2, maxAttempts: 2, protocol: .oracle), "protocol"),
            ] {
                let mismatched = try other.runs(named: "m", set: set, config: config, promptsHash: "h")
                let error = await #expect(throws: EvaluationError.self) {
                    _ = try await store.queue(for: mismatched, set: set, samples: other.samples, resume: false)
                }
                guard case .resumeMismatch(let name, let differences)? = error else {
                    Issue.record("\(String(describing: error))")
                    continue
                }
                #expect(name == "m" && differences.first?.hasPrefix(named) == true, "\(differences)")
            }
            let prompts = try plan.runs(named: "m", set: set, config: config, promptsHash: "other")
            await #expect(throws: EvaluationError.self) {
                _ = try await store.queue(for: prompts, set: set, samples: 2, resume: false)
            }
        }
    }

    @Test(
        "a server that refuses the connection, or a database that does not exist, is a clear error naming the URL",
        .enabled(if: enabled, "needs PostgreSQL's binaries (apt-get install postgresql)"))
    func unreachableServerIsAClearError() async throws {
        try await withStore { _, cluster in
            let missing = "postgres://postgres@127.0.0.1:\(cluster.port)/nosuchdb"
            let error = await #expect(throws: EvaluationError.self) { try await PostgresStore.connect(url: missing) }
            #expect("\(error.map(String.init(describing:)) ?? "")".contains("nosuchdb"))
            let port = try HostProbes.freeLoopbackPort()
            let refused = await #expect(throws: EvaluationError.self) {
                try await PostgresStore.connect(url: "postgres://postgres@127.0.0.1:\(port)/x")
            }
            let text = refused.map(String.init(describing:)) ?? ""
            #expect(text.contains("127.0.0.1:\(port)") && text.contains("cannot connect"), "\(text)")
        }
    }
}

/// `--db postgres://…` as libpq reads such URLs, and what is wrong with a bad one.
@Suite struct PostgresTargetTests {
    @Test func urlsNameAServerOrASocket() throws {
        let tcp = try PostgresTarget(url: "postgres://ann:s%40cret@db.lab:6543/evals", environment: [:])
        #expect(tcp.endpoint == .tcp(host: "db.lab", port: 6543))
        #expect(tcp.user == "ann" && tcp.password == "s@cret" && tcp.database == "evals")
        #expect(tcp.sslMode == .require, "TLS by default off loopback")
        #expect(tcp.redacted == "postgres://ann@db.lab:6543/evals", "no password in messages")

        let local = try PostgresTarget(url: "postgresql://127.0.0.1/evals", environment: ["USER": "bob"])
        #expect(local.endpoint == .tcp(host: "127.0.0.1", port: 5432) && local.sslMode == .disable)
        #expect(local.user == "bob")

        let socket = try PostgresTarget(url: "postgres:///evals?host=/run/pg", environment: ["PGUSER": "carol"])
        #expect(socket.endpoint == .socket(path: "/run/pg/.s.PGSQL.5432") && socket.user == "carol")
        let defaults = try PostgresTarget(url: "postgres://", environment: ["USER": "dan", "PGPASSWORD": "pw"])
        #expect(defaults.endpoint == .socket(path: "/var/run/postgresql/.s.PGSQL.5432"))
        #expect(defaults.database == "dan" && defaults.password == "pw")
        #expect(try PostgresTarget(url: "postgres://h/d?sslmode=verify-full", environment: [:]).sslMode == .verifyFull)
        #expect(EvaluationDatabases.isServer("POSTGRES://h/d") && !EvaluationDatabases.isServer("runs/eval.sqlite"))
    }

    @Test func badURLsSayWhatWasExpected() {
        for (url, expected) in [
            ("postgres://h:0/d", "a port from 1 to 65535"),
            ("postgres://h:99999/d", "a port from 1 to 65535"),
            ("postgres://h/d?sslmode=maybe", "sslmode disable, require or verify-full"),
            ("postgres://h/d?colour=red", "parameters host, port"),
            ("postgres://h/a/b", "one database name"),
            ("mysql://h/d", "postgres://USER"),
        ] {
            #expect(throws: EvaluationError.self) { try PostgresTarget(url: url, environment: [:]) }
            do {
                _ = try PostgresTarget(url: url, environment: [:])
            } catch {
                #expect("\(error)".contains(expected), "\(url): \(error)")
            }
        }
    }
}
