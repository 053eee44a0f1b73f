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

/// `solve eval` and `solve compare` with the contestant protocol: what is stored, what is reported, what is never
/// paired.
@Suite struct ContestantEvaluationTests {
    /// A runner of one contestant run, `contestant`, whose model answers `candidates` and whose judge knows
    /// `behaviours` (the hidden tests reject `hidden`).
    func runner(
        _ store: EvaluationStore, candidates: [Int: (name: String, language: String)],
        behaviours: [String: ContestantScripts.Behaviour], hidden: [String: Verdict] = [:], attempts: Int = 5,
        protocol: SolveProtocol = .contestant
    ) throws -> (StoreRunner, SolveConfig) {
        var config = EvaluationRunnerTests.config(["m"])
        config.models[0].sampling.seed = ContestantScripts.seed
        config.language = "cpp"
        let chat = ContestantScripts.model(candidates: candidates, served: "scripted/m")
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        let judge = ContestantScripts.judge(behaviours, hidden: hidden)
        let solver = Solver(config: config, prompts: prompts, judge: judge, requestLimit: 4) { _, _ in chat }
        let plan = EvaluationPlan(models: ["m"], samples: 1, maxAttempts: attempts, protocol: `protocol`)
        return (StoreRunner(store: store, solver: solver, plan: plan, concurrency: 2), config)
    }

    static let candidates: [Int: (name: String, language: String)] = [
        1: ("slow", "python"), 2: ("fast", "cpp"), 3: ("quick", "python"), 4: ("wrong", "cpp"),
    ]
    static let behaviours: [String: ContestantScripts.Behaviour] = [
        "fast": .correct, "quick": .correct, "slow": .quadratic, "wrong": .wrong,
    ]

    @Test func aSampleIsStoredWithItsSubmissionItsReasonItsCostsAndTheOracleCheck() async throws {
        let set = try EvaluationRunnerTests.problemSet(count: 2)
        let store = try EvaluationRunnerTests.database()
        let (runner, config) = try runner(store, candidates: Self.candidates, behaviours: Self.behaviours)
        let planned = try runner.plan.runs(named: "c", set: set, config: config, promptsHash: "h")
        #expect(planned.first?.protocol == .contestant)
        #expect(planned.first?.settings.contains("\"protocol\":\"contestant\"") == true)
        let runs = try runner.prepare(planned, set: set, resume: false)
        let lease = try store.lease(runs: ["c"])
        try await runner.run(runs, set: set, lease: lease) { _ in }
        lease.release()
        #expect(try StoreChecks.violations(inDatabaseAt: store.path, finished: true) == [])
        let samples = try store.samples(runs: ["c"])
        #expect(samples.count == 2)
        for sample in samples {
            #expect(sample.accepted && sample.acceptedAtAttempt == 2 && sample.attempts == 5)
            #expect(sample.firstAttemptAccepted, "the first candidate, quadratic, passes the scripted hidden tests")
            let selection = try #require(sample.selection)
            #expect(selection.submitted == 2 && selection.groups == [[2, 3]])
            #expect(selection.steps.map(\.step) == ["candidates", "samples", "generator", "selection"])
            #expect(selection.oracle?.accepted == [1, 2, 3] && sample.oracleAnyAccepted == true)
        }
        #expect(try store.attemptCounts(of: "c") == ["final": 10])
        let verdicts = try StoreChecks.integers(
            "SELECT COUNT(*) FROM attempt WHERE verdict = 'OK' OR verdict = 'generator'", inDatabaseAt: store.path)
        #expect(verdicts == [8])
    }

    @Test func compareReportsContestantFiguresAndNeverPairsProtocols() async throws {
        let set = try EvaluationRunnerTests.problemSet(count: 2)
        let store = try EvaluationRunnerTests.database()
        // The hidden tests reject "fast", the one submitted: single-shot (slow) passes, the submission does not.
        let (contestant, config) = try runner(
            store, candidates: Self.candidates, behaviours: Self.behaviours, hidden: ["fast": .wrongAnswer])
        let (oracle, _) = try runner(
            store, candidates: Self.candidates, behaviours: Self.behaviours, protocol: .oracle)
        for (runner, name) in [(contestant, "c"), (oracle, "o")] {
            let runs = try runner.prepare(
                runner.plan.runs(named: name, set: set, config: config, promptsHash: "h"), set: set, resume: false)
            let lease = try store.lease(runs: [name])
            try await runner.run(runs, set: set, lease: lease) { _ in }
            lease.release()
        }
        let (report, _, _) = try await ComparisonReport.comparing(.named(["c", "o"]), database: store.path, ks: nil)
        #expect(report.runs.map(\.protocol) == [.contestant, .oracle])
        #expect(report.pairedTests.isEmpty)
        #expect(report.notes.contains { $0.hasPrefix("c (contestant) and o (oracle) are not paired") })
        let figures = try #require(report.runs[0].selection)
        #expect(figures.singleShot.estimate?.value == 1)
        #expect(figures.contestant.estimate?.value == 0)
        #expect(figures.oracleAnyOfN?.estimate?.value == 1)
        #expect(figures.efficiency == 0)
        #expect(report.runs[1].selection == nil && report.runs[1].feedback != nil)
        let markdown = report.render(.markdown)
        #expect(markdown.contains("|  | c (m) | o (m) |\n| :-- | --: | --: |\n| protocol | contestant | oracle |"))
        #expect(markdown.contains("Solving as a contestant"))
        #expect(
            markdown.contains(
                "| c | 5 | 100.0% [34.2, 100.0] | 0.0% [0.0, 65.8] | -100.0 pp | 0.500 | 100.0% [34.2, 100.0] | 0.00 |")
        )
        #expect(markdown.contains("| tokens per problem |"))
        #expect(!markdown.contains("| c vs o |"))
    }

    @Test func aRunStoredBeforeTheContestantProtocolIsAnOracleRunAndResumesOnlyAsOne() throws {
        let set = try EvaluationRunnerTests.problemSet(count: 1)
        let store = try EvaluationRunnerTests.database()
        let (oracle, config) = try runner(
            store, candidates: Self.candidates, behaviours: Self.behaviours, protocol: .oracle)
        let planned = try oracle.plan.runs(named: "old", set: set, config: config, promptsHash: "h")
        #expect(!planned[0].settings.contains("protocol"), "an oracle run's settings hash the same as before")
        #expect(planned[0].protocol == .oracle)
        _ = try oracle.prepare(planned, set: set, resume: false)
        let (contestant, _) = try runner(store, candidates: Self.candidates, behaviours: Self.behaviours)
        do {
            _ = try contestant.prepare(
                contestant.plan.runs(named: "old", set: set, config: config, promptsHash: "h"), set: set, resume: true)
            Issue.record("resumed an oracle run as a contestant")
        } catch let error as EvaluationError {
            #expect("\(error)".contains("protocol oracle vs contestant (add --oracle)"), "\(error)")
        }
        #expect(try oracle.prepare(planned, set: set, resume: true).map(\.name) == ["old"])
    }

    @Test func aSelectionThatDoesNotDecodeIsAnErrorNamingTheSample() async throws {
        let set = try EvaluationRunnerTests.problemSet(count: 1)
        let store = try EvaluationRunnerTests.database()
        let (runner, config) = try runner(store, candidates: Self.candidates, behaviours: Self.behaviours)
        let runs = try runner.prepare(
            runner.plan.runs(named: "bad", set: set, config: config, promptsHash: "h"), set: set, resume: false)
        let lease = try store.lease(runs: ["bad"])
        try await runner.run(runs, set: set, lease: lease) { _ in }
        lease.release()
        try await DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE sample SET selection = '{\"submitted\": \"two\"}'")
        }
        do {
            _ = try store.samples(runs: ["bad"])
            Issue.record("decoded a broken selection")
        } catch let error as EvaluationError {
            #expect("\(error)".contains(#"run "bad", problem p1, column selection: cannot read"#), "\(error)")
        }
    }
}
