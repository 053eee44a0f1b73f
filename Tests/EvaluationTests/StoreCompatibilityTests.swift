import Foundation
import GRDB
import Judging
import ModelClient
import ModelFleet
import ProblemFormat
import Solving
import TestSupport
import Testing

@testable import Evaluation

/// An `eval.sqlite` that an earlier `solve` wrote (`Tests/Fixtures/evaldb`) opens, reads, resumes and merges: the
/// schema and the strings stored in the columns stay what they were.
@Suite struct StoreCompatibilityTests {
    /// The fixture's set: two copies of two-sum, `a` and `b`.
    static func problemSet() throws -> ProblemSet {
        let folder = try Fixtures.temporaryDirectory(prefix: "evalset")
        for slug in ["a", "b"] {
            try FileManager.default.copyItem(
                at: Fixtures.problems.appendingPathComponent("two-sum.md"),
                to: folder.appendingPathComponent("\(slug).md"))
            try FileManager.default.copyItem(
                at: Fixtures.problems.appendingPathComponent("two-sum"), to: folder.appendingPathComponent(slug))
        }
        return try ProblemSet.load(folder)
    }

    /// The rows `sql` selects from the database at `path`.
    static func rows(_ sql: String, inDatabaseAt path: String) throws -> [Row] {
        try DatabaseQueue(path: path).read { db in try Row.fetchAll(db, sql: sql) }
    }

    @Test func aNewDatabaseHasTheSchemaAndMigrationsOfTheEarlierOne() throws {
        let earlier = try Fixtures.evaluationDatabase()
        _ = try EvaluationStore(path: earlier)
        let fresh = try EvaluationRunnerTests.database()
        let schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
        let migrations = "SELECT identifier FROM grdb_migrations ORDER BY identifier"
        #expect(try Self.rows(schema, inDatabaseAt: fresh.path) == Self.rows(schema, inDatabaseAt: earlier))
        #expect(try Self.rows(migrations, inDatabaseAt: fresh.path) == Self.rows(migrations, inDatabaseAt: earlier))
    }

    @Test func itsRunsProblemsAndSamplesReadAsStored() throws {
        let path = try Fixtures.evaluationDatabase()
        let store = try EvaluationStore(path: path)
        let runs = try store.runs()
        #expect(runs.map(\.name) == ["done/cut", "done/fb", "done/nocode", "done/plain", "part", "killed"])
        #expect(runs.map(\.shards) == [[], [], [], [], ["1/2"], []])
        let killed = try #require(try store.run(named: "killed"))
        #expect(killed.model == "fb" && killed.samples == 40 && killed.maxAttempts == 4)
        #expect(
            try store.problems(of: "done/fb") == [
                ProblemEntry(slug: "a", title: "Two Sum", difficulty: "easy", tags: ["arrays", "hashing"]),
                ProblemEntry(slug: "b", title: "Two Sum", difficulty: "hard", tags: ["graphs/trees", "math"]),
            ])
        let samples = try store.samples()
        #expect(samples.count == 19)
        #expect(samples.filter { $0.run == "done/nocode" }.allSatisfy { !$0.accepted && $0.noCodeAttempts == 2 })
        #expect(
            samples.filter { $0.run == "done/cut" }.allSatisfy { $0.firstAttemptAccepted && $0.truncatedAttempts == 1 })
        #expect(samples.first { $0.run == "done/fb" && $0.problem == "b" }?.tags == ["graphs/trees", "math"])
        #expect(try store.attemptCounts(of: "killed") == ["final": 4, "pending": 1])
        #expect(try StoreChecks.violations(inDatabaseAt: path, finished: false) == [])
    }

    /// The `killed` run, whose process was killed with a sample half done, resumes with the settings it was started
    /// with (the same configuration, as an oracle run, gives the same settings and hash) and finishes whole.
    @Test func anInterruptedRunResumesAndFinishes() async throws {
        let path = try Fixtures.evaluationDatabase()
        let store = try EvaluationStore(path: path)
        let stored = try #require(try store.run(named: "killed"))
        var config = SolveConfig.builtIn
        config.models = [
            ModelConfig.codeDefaults(alias: "fb", served: "scripted/feedback", endpoints: ["http://scripted/v1"])
        ]
        config.language = "python"
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        let solver = Solver(config: config, prompts: prompts, judge: TwoSumScripts.judge(), requestLimit: 4) { _, _ in
            TwoSumScripts.model("feedback")
        }
        let plan = EvaluationPlan(models: ["fb"], samples: 40, maxAttempts: 4, protocol: .oracle)
        let set = try Self.problemSet()
        let planned = try plan.runs(named: "killed", set: set, config: config, promptsHash: stored.promptsHash)
        #expect(planned.map(\.settings) == [stored.settings])
        #expect(planned.map(\.settingsHash) == [stored.settingsHash])
        let runner = StoreRunner(store: store, solver: solver, plan: plan, concurrency: 4)
        let runs = try runner.prepare(planned, set: set, resume: true)
        // The killed process's lease is left behind; it has expired by now.
        let heartbeat = try #require(try Self.rows("SELECT heartbeat_at FROM run_lease", inDatabaseAt: path).first)
        let now = Date(timeIntervalSince1970: heartbeat["heartbeat_at"] as Double + RunLease.expiry + 1)
        let lease = try store.lease(runs: ["killed"], now: now)
        try await runner.run(runs, set: set, lease: lease) { _ in }
        lease.release()
        #expect(try StoreChecks.violations(inDatabaseAt: path, finished: true) == [])
        #expect(try store.samples(runs: ["killed"]).count == 80)
        #expect(try store.attemptCounts(of: "killed") == ["final": 160, "abandoned": 1])
    }

    /// The JSON the store writes for an attempt's messages and judge report is the text stored for the same values.
    @Test func attemptJSONIsWrittenAsBefore() throws {
        let attempts = try Self.rows(
            "SELECT run, problem, messages, judge FROM attempt", inDatabaseAt: try Fixtures.evaluationDatabase())
        #expect(attempts.count == 30)
        for row in attempts {
            let place = (run: row["run"] as String, problem: row["problem"] as String)
            let messages: String = row["messages"]
            let decoded = try JSONDecoder().decode([ChatMessage].self, from: Data(messages.utf8))
            #expect(try StoredJSON.text(decoded, run: place.run, problem: place.problem, column: "m") == messages)
            if let judge = row["judge"] as String? {
                let report = try JSONDecoder().decode(JudgeReport.self, from: Data(judge.utf8))
                #expect(try StoredJSON.text(report, run: place.run, problem: place.problem, column: "j") == judge)
            }
        }
    }

    /// A merge copies every run, problem, sample and final attempt, each column as stored.
    @Test func aMergeCopiesEveryStoredValueAsItIs() async throws {
        let earlier = try Fixtures.evaluationDatabase()
        let merged = try EvaluationRunnerTests.database()
        let added = try await merged.merge(from: EvaluationStore(path: earlier))
        #expect(added == ["done/cut": 4, "done/fb": 4, "done/nocode": 4, "done/plain": 4, "part": 1, "killed": 2])
        let attemptColumns = try await DatabaseQueue(path: earlier).read { db in
            try db.columns(in: "attempt").map(\.name).filter { $0 != "id" }.joined(separator: ", ")
        }
        let sampleColumns = try await DatabaseQueue(path: earlier).read { db in
            try db.columns(in: "sample").map(\.name).joined(separator: ", ")
        }
        for sql in [
            "SELECT * FROM run ORDER BY name", "SELECT * FROM problem ORDER BY run, slug",
            "SELECT \(sampleColumns) FROM sample ORDER BY run, problem, sample",
            "SELECT \(attemptColumns) FROM attempt WHERE status = 'final' ORDER BY run, problem, sample, number",
        ] {
            let copied = try Self.rows(sql, inDatabaseAt: merged.path)
            #expect(!copied.isEmpty)
            #expect(copied == (try Self.rows(sql, inDatabaseAt: earlier)), "\(sql)")
        }
    }
}
