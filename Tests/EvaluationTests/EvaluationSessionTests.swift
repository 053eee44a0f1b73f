import Foundation
import ModelFleet
import Solving
import TestSupport
import Testing

@testable import Evaluation

/// `solve eval`'s and `solve compare`'s library side: naming runs, picking runs, and how a session ends.
@Suite struct EvaluationSessionTests {
    func session(
        models: [String] = ["plain"], samples: Int = 1, runName: String? = nil, resume: Bool = false,
        database: String? = nil
    ) async throws -> EvaluationSession {
        let set = try EvaluationRunnerTests.problemSet(count: 2)
        let plan = EvaluationPlan(models: models, samples: samples, maxAttempts: 2)
        let path = try database ?? Fixtures.temporaryDirectory(prefix: "evaldb").appendingPathComponent("e.sqlite").path
        return try await EvaluationSession(
            EvaluationRequest(
                set: URL(fileURLWithPath: set.source), plan: plan, concurrency: 2, database: path, runName: runName,
                resume: resume),
            runsDirectory: "unused")
    }

    func run(_ session: EvaluationSession, scenarios: [String]) async throws -> EvaluationSummary {
        let config = EvaluationRunnerTests.config(scenarios)
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        // The session's solver connects with the default client; the runner tests cover the loop with doubles, so
        // here every model is a scripted one behind the fleet's factory.
        let chats = Dictionary(uniqueKeysWithValues: scenarios.map { ("scripted/\($0)", TwoSumScripts.model($0)) })
        return try await session.run(
            config: config, prompts: prompts, judge: TwoSumScripts.judge(),
            connect: { _, model in chats[model.served] ?? TwoSumScripts.model("unknown") }, onEvent: { _ in })
    }

    @Test func runsAreNamedByOptionThenByTheLatestRunOnResumeThenByModelAndTime() async throws {
        let date = Date(timeIntervalSince1970: 0)
        #expect(try await session(runName: "mine").runName(date: date) == "mine")
        let named = try await session(models: ["a", "b"]).runName(date: date)
        #expect(named.hasPrefix("compare-19") || named.hasPrefix("compare-20"))
        #expect(try await session(models: []).runName(date: date).hasPrefix("routed-"))
        let unnamed = try await session(resume: true)
        await #expect(throws: EvaluationError.self) { try await unnamed.runName() }

        let first = try await session(models: ["plain", "feedback"], runName: "pair")
        let summary = try await run(first, scenarios: ["plain", "feedback"])
        #expect(summary.runs == ["pair/plain", "pair/feedback"])
        let resumed = try await session(
            models: ["plain", "feedback"], resume: true, database: first.database.location)
        #expect(try await resumed.runName() == "pair", "the latest run's name without its /alias")
    }

    @Test func aRunIsCompleteIncompleteOrStopped() async throws {
        let complete = try await run(try await session(models: ["plain"], runName: "ok"), scenarios: ["plain"])
        guard case .complete = complete.status else { Issue.record("\(complete.status)"); return }
        #expect(complete.report.runs.map(\.run) == ["ok"])

        // Two failed samples are fewer than the failures in a row that stop a run: they remain for a resume.
        let failed = try await run(try await session(models: ["always-500"], runName: "few"), scenarios: ["always-500"])
        guard case .incomplete(missing: 2, expected: 2) = failed.status else {
            Issue.record("\(failed.status)"); return
        }

        let dead = try await run(
            try session(models: ["always-500"], samples: 3, runName: "dead"), scenarios: ["always-500"])
        guard case .stopped(.serverFailing) = dead.status else { Issue.record("\(dead.status)"); return }
    }

    @Test func runSelectionsPickInDisplayOrderOrNameWhatIsMissing() throws {
        let store = try EvaluationRunnerTests.database()
        let runs = ["a", "b", "c"].map { name in
            RunRecord(
                name: name, model: name == "c" ? "x" : "y", samples: 1, maxAttempts: 1, problemSet: "set", shards: [],
                settings: "{}", settingsHash: "h", promptsHash: "p", createdAt: Date())
        }
        #expect(try RunSelection.all.names(among: runs, database: store.path) == ["a", "b", "c"])
        #expect(try RunSelection.named(["c", "a"]).names(among: runs, database: store.path) == ["c", "a"])
        #expect(try RunSelection.latest(ofModels: ["x", "y"]).names(among: runs, database: store.path) == ["c", "b"])
        #expect(throws: EvaluationError.unknownRun(name: "z", database: "db", known: ["a", "b", "c"])) {
            try RunSelection.named(["z"]).names(among: runs, database: "db")
        }
        #expect(throws: EvaluationError.noRunOfModel(model: "q", database: "db", models: ["x", "y"])) {
            try RunSelection.latest(ofModels: ["q"]).names(among: runs, database: "db")
        }
        #expect(throws: EvaluationError.noRuns(database: "db")) {
            try RunSelection.all.names(among: [], database: "db")
        }
        #expect(PassAtK.defaultKs(samplesPerProblem: 1) == [1] && PassAtK.defaultKs(samplesPerProblem: 5) == [1, 5])
    }
}
