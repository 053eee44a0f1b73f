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

/// `solve eval`'s engine with in-process scripted models and judge: storage, resume, shards, merge.
@Suite struct EvaluationRunnerTests {
    /// A folder with `count` copies of two-sum under the slugs p1, p2, … (the scripted models answer two-sum).
    static func problemSet(count: Int) throws -> ProblemSet {
        let folder = try Fixtures.temporaryDirectory(prefix: "evalset")
        let source = Fixtures.problems.appendingPathComponent("two-sum.md")
        let tests = Fixtures.problems.appendingPathComponent("two-sum")
        for index in 1...count {
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("p\(index).md"))
            try FileManager.default.copyItem(at: tests, to: folder.appendingPathComponent("p\(index)"))
        }
        return try ProblemSet.load(folder)
    }

    static func database() throws -> EvaluationStore {
        try EvaluationStore(
            path: try Fixtures.temporaryDirectory(prefix: "evaldb").appendingPathComponent("eval.sqlite").path)
    }

    /// The configuration of scripted models (aliases = scenario names, served as `scripted/NAME`).
    static func config(_ scenarios: [String], endpoint: String = "http://scripted/v1") -> SolveConfig {
        var config = SolveConfig.builtIn
        config.models = scenarios.map {
            ModelConfig.codeDefaults(alias: $0, served: "scripted/\($0)", endpoints: [endpoint])
        }
        config.language = "python"
        return config
    }

    /// A solver whose models are in-process scripted scenarios (`models` by served id, else `TwoSumScripts`'), judged
    /// by the two-sum judge.
    func solver(
        _ scenarios: [String], requestLimit: Int? = nil, models: [String: ScriptedChatModel] = [:]
    ) throws -> (Solver, SolveConfig) {
        let config = Self.config(scenarios)
        var chats = models
        for scenario in scenarios where chats["scripted/\(scenario)"] == nil {
            chats["scripted/\(scenario)"] = TwoSumScripts.model(scenario)
        }
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        let solver = Solver(config: config, prompts: prompts, judge: TwoSumScripts.judge(), requestLimit: requestLimit)
        {
            [chats] _, model in chats[model.served] ?? TwoSumScripts.model("unknown")
        }
        return (solver, config)
    }

    /// A runner of `scenarios`; the oracle loop by default, whose attempts these storage tests count.
    func runner(
        _ store: EvaluationStore, _ scenarios: [String], samples: Int = 1, attempts: Int = 3, concurrency: Int = 4,
        models: [String: ScriptedChatModel] = [:], protocol: SolveProtocol = .oracle
    ) throws -> (StoreRunner, SolveConfig) {
        let (solver, config) = try solver(scenarios, requestLimit: concurrency, models: models)
        let plan = EvaluationPlan(
            models: scenarios, samples: samples, maxAttempts: attempts, protocol: `protocol`)
        return (StoreRunner(store: store, solver: solver, plan: plan, concurrency: concurrency), config)
    }

    @Test func everyAttemptAndSampleIsStoredWithItsOutcome() async throws {
        let set = try Self.problemSet(count: 3)
        let store = try Self.database()
        let (runner, config) = try runner(store, ["feedback", "plain"], samples: 2)
        let runs = try runner.prepare(
            runner.plan.runs(named: "t", set: set, config: config, promptsHash: "h"), set: set, resume: false)
        #expect(runs.map(\.name) == ["t/feedback", "t/plain"])
        let events = EventLog()
        let lease = try store.lease(runs: runs.map(\.name))
        try await runner.run(runs, set: set, lease: lease) { events.append($0) }

        let feedback = try store.samples(runs: ["t/feedback"])
        #expect(feedback.count == 6)
        #expect(
            feedback.allSatisfy {
                !$0.firstAttemptAccepted && $0.accepted && $0.acceptedAtAttempt == 2 && $0.attempts == 2
            })
        let plain = try store.samples(runs: ["t/plain"])
        #expect(plain.count == 6)
        #expect(
            plain.allSatisfy {
                $0.firstAttemptAccepted && $0.attempts == 1 && $0.tags == ["arrays", "hashing"]
                    && $0.difficulty == "easy"
            })
        #expect(try store.attemptCounts(of: "t/feedback") == ["final": 12])
        #expect(try store.attemptCounts(of: "t/plain") == ["final": 6])
        #expect(events.finished == 12)
        #expect(try store.problems(of: "t/plain").map(\.slug) == ["p1", "p2", "p3"])
        lease.release()
        #expect(try StoreChecks.violations(inDatabaseAt: store.path, finished: true) == [])
    }

    @Test func aCancelledRunLosesNothingAndResumesWhereItStopped() async throws {
        let set = try Self.problemSet(count: 6)
        let store = try Self.database()
        // Once the run is stopped, requests get no answer until they are cancelled: samples stay under way.
        let stopped = EventLog()
        let chat = ScriptedChatModel(serving: "scripted/feedback") { request, number in
            stopped.isStopped ? .hang : TwoSumScripts.reply("feedback", to: request, number: number)
        }
        let (runner, config) = try runner(store, ["feedback"], concurrency: 2, models: ["scripted/feedback": chat])
        let runs = try runner.prepare(
            runner.plan.runs(named: "r", set: set, config: config, promptsHash: "h"), set: set, resume: false)
        let events = EventLog()
        let lease = try store.lease(runs: runs.map(\.name))
        let task = Task {
            try await runner.run(runs, set: set, lease: lease) { event in
                events.append(event)
                if case .sampleFinished = event, events.finished == 2 { events.stop() }
            }
        }
        events.onStop = {
            stopped.stop()
            task.cancel()
        }
        let outcome = await task.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        let stored = try store.samples(runs: ["r"])
        #expect(stored.count >= 2 && stored.count < 6, "stopped early: \(stored.count)")

        // Same run, same settings: only the missing samples run, interrupted attempts are set aside.
        let (again, _) = try self.runner(store, ["feedback"], concurrency: 2)
        #expect(throws: EvaluationError.self) { _ = try again.prepare(runs, set: set, resume: false) }
        let resumed = try again.prepare(runs, set: set, resume: true)
        let resumeEvents = EventLog()
        lease.release()
        let resumedLease = try store.lease(runs: ["r"])
        try await again.run(resumed, set: set, lease: resumedLease) { resumeEvents.append($0) }
        resumedLease.release()
        #expect(try StoreChecks.violations(inDatabaseAt: store.path, finished: true) == [])
        #expect(resumeEvents.startedFinished == stored.count)
        let all = try store.samples(runs: ["r"])
        #expect(all.count == 6)
        #expect(Set(all.map(\.problem)) == ["p1", "p2", "p3", "p4", "p5", "p6"])
        #expect(try store.attemptCounts(of: "r")["final"] == 12)
    }

    @Test func aSampleIsStoredWithAllItsAttemptsOrNotAtAll() async throws {
        let set = try Self.problemSet(count: 1)
        let store = try Self.database()
        let (runner, config) = try runner(store, ["feedback"])
        let planned = try runner.plan.runs(named: "w", set: set, config: config, promptsHash: "h")
        let runs = try runner.prepare(planned, set: set, resume: false)
        let run = try #require(runs.first)
        let problem = try #require(set.problems.first)
        let outcome = try await runner.runner.solver.solve(
            problem, options: runner.plan.solveOptions(for: run, sample: 0))
        #expect(outcome.attempts.map(\.verdict) == ["WA", "AC"])
        let lease = try store.lease(runs: ["w"])
        defer { lease.release() }
        // Attempt 2's own write failed (a full disk): the sample's transaction writes it.
        try store.record(outcome.attempts[0], run: run, problem: problem.slug, sample: 0, lease: lease)
        let result = SampleResult(outcome: outcome, run: run, problem: problem, sample: 0, seconds: 1)
        try store.finish(result, attempts: outcome.attempts, run: run, lease: lease)
        #expect(try store.attemptCounts(of: "w") == ["final": 2])
        #expect(try StoreChecks.violations(inDatabaseAt: store.path, finished: false) == [])

        // A sample whose transaction fails (here: it is stored already) writes nothing, its attempts stay pending.
        try store.record(outcome.attempts[0], run: run, problem: problem.slug, sample: 0, lease: lease)
        #expect(throws: EvaluationError.self) {
            try store.finish(result, attempts: outcome.attempts, run: run, lease: lease)
        }
        #expect(try store.attemptCounts(of: "w") == ["final": 2, "pending": 1])
        #expect(try StoreChecks.violations(inDatabaseAt: store.path, finished: false) == [])
    }

    /// What an older `solve` could leave (a sample stored apart from its attempts on a full disk, or by two processes
    /// at once) is found by the checks and run again by a resume.
    @Test func resumeRunsHalfWrittenSamplesAgain() async throws {
        let set = try Self.problemSet(count: 4)
        let store = try Self.database()
        let (runner, config) = try runner(store, ["feedback"])
        let planned = try runner.plan.runs(named: "h", set: set, config: config, promptsHash: "h")
        let runs = try runner.prepare(planned, set: set, resume: false)
        let lease = try store.lease(runs: ["h"])
        try await runner.run(runs, set: set, lease: lease) { _ in }
        lease.release()
        #expect(try StoreChecks.violations(inDatabaseAt: store.path, finished: true) == [])

        try await DatabaseQueue(path: store.path).write { db in
            // p1: its final attempt 2 was never written; p2: attempt 1 twice; p3: no attempt 1.
            try db.execute(sql: "DELETE FROM attempt WHERE problem = 'p1' AND number = 2")
            let columns = try db.columns(in: "attempt").map(\.name).filter { $0 != "id" }.joined(separator: ", ")
            let copy = "INSERT INTO attempt (\(columns)) SELECT \(columns) FROM attempt"
            try db.execute(sql: copy + " WHERE problem = 'p2' AND number = 1")
            try db.execute(sql: "DELETE FROM attempt WHERE problem = 'p3' AND number = 1")
            // p4: final attempts whose sample row is missing.
            try db.execute(sql: "DELETE FROM sample WHERE problem = 'p4'")
        }
        #expect(
            try StoreChecks.violations(inDatabaseAt: store.path, finished: true) == [
                "run h p1 #0: says 2 attempts, final attempts stored: [1]",
                "run h p2 #0: says 2 attempts, final attempts stored: [1, 1, 2]",
                "run h p3 #0: says 2 attempts, final attempts stored: [2]",
                "run h p4 #0: final attempt 1 without its sample", "run h p4 #0: final attempt 2 without its sample",
            ])

        let resumeLease = try store.lease(runs: ["h"])
        let events = EventLog()
        try await runner.run(try runner.prepare(runs, set: set, resume: true), set: set, lease: resumeLease) {
            events.append($0)
        }
        resumeLease.release()
        #expect(events.startedFinished == 0)
        #expect(events.redone == 3)
        #expect(try StoreChecks.violations(inDatabaseAt: store.path, finished: true) == [])
        #expect(try store.samples(runs: ["h"]).count == 4)
        #expect(try store.attemptCounts(of: "h") == ["final": 8, "abandoned": 7])
    }

    @Test func resumeRefusesOtherSettings() throws {
        let set = try Self.problemSet(count: 1)
        let store = try Self.database()
        let (runner, config) = try runner(store, ["plain"])
        _ = try runner.prepare(
            runner.plan.runs(named: "x", set: set, config: config, promptsHash: "h"), set: set, resume: false)
        var other = runner.plan
        other.maxAttempts = 5
        #expect(throws: EvaluationError.self) {
            _ = try runner.prepare(
                other.runs(named: "x", set: set, config: config, promptsHash: "h"), set: set, resume: true)
        }
        #expect(throws: EvaluationError.self) {
            _ = try runner.prepare(
                runner.plan.runs(named: "x", set: set, config: config, promptsHash: "other"), set: set, resume: true)
        }
    }

    @Test func aDeadServerStopsTheRunWithoutRecordingFailures() async throws {
        let set = try Self.problemSet(count: 6)
        let store = try Self.database()
        let (runner, config) = try runner(store, ["always-500"], concurrency: 1)
        let runs = try runner.prepare(
            runner.plan.runs(named: "d", set: set, config: config, promptsHash: "h"), set: set, resume: false)
        let lease = try store.lease(runs: ["d"])
        await #expect(throws: EvaluationError.self) { try await runner.run(runs, set: set, lease: lease) { _ in } }
        #expect(try store.samples(runs: ["d"]).isEmpty)
    }

    @Test func shardsAreDisjointAndMergeIntoTheWholeRun() async throws {
        let set = try Self.problemSet(count: 5)
        let shards = (1...2).map { set.shard(Shard(index: $0, count: 2)) }
        #expect(shards.map { $0.problems.map(\.slug) } == [["p1", "p3", "p5"], ["p2", "p4"]])
        var stores: [EvaluationStore] = []
        for (index, part) in shards.enumerated() {
            let store = try Self.database()
            let (solver, config) = try solver(["plain"])
            let plan = EvaluationPlan(
                models: ["plain"], samples: 1, maxAttempts: 2, shard: Shard(index: index + 1, count: 2),
                protocol: .oracle)
            let runner = StoreRunner(store: store, solver: solver, plan: plan, concurrency: 2)
            let runs = try runner.prepare(
                plan.runs(named: "s", set: part, config: config, promptsHash: "h"), set: part, resume: false)
            try await runner.run(runs, set: part, lease: try store.lease(runs: ["s"])) { _ in }
            stores.append(store)
        }
        let merged = try Self.database()
        #expect(try await merged.merge(from: stores[0]) == ["s": 3])
        #expect(try await merged.merge(from: stores[1]) == ["s": 2])
        #expect(try await merged.merge(from: stores[1]) == ["s": 0], "merging twice adds nothing")
        #expect(try merged.samples(runs: ["s"]).map(\.problem) == ["p1", "p2", "p3", "p4", "p5"])
        #expect(try merged.run(named: "s")?.shards == ["1/2", "2/2"])
        #expect(try merged.attemptCounts(of: "s") == ["final": 5])
        #expect(try merged.problems(of: "s").count == 5)
    }

    @Test func problemSetFilesListProblemsAndNameTheBadLine() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "setfile")
        let list = folder.appendingPathComponent("easy.txt")
        try
            "# easy ones\n\(Fixtures.problems.path)/two-sum.md\n\n\(Fixtures.problems.path)/polygon-area.md  # geometry\n"
            .write(to: list, atomically: true, encoding: .utf8)
        #expect(try ProblemSet.load(list).problems.map(\.slug) == ["two-sum", "polygon-area"])
        try "\(Fixtures.problems.path)/two-sum.md\n\(Fixtures.problems.path)/two-sum.md\n".write(
            to: list, atomically: true, encoding: .utf8)
        #expect(
            throws: EvaluationError.badProblemSet(path: "\(list.path):2", reason: "two-sum is already listed on line 1")
        ) {
            try ProblemSet.load(list)
        }
        try "nope.md\n".write(to: list, atomically: true, encoding: .utf8)
        do {
            _ = try ProblemSet.load(list)
            Issue.record("a missing problem must fail")
        } catch let error as EvaluationError {
            #expect("\(error)".hasPrefix("\(list.path):1: nope.md"))
        }
        #expect(throws: EvaluationError.self) { try Shard(parsing: "3/2") }
        #expect(try Shard(parsing: "2/4") == Shard(index: 2, count: 4))
    }
}

/// Events collected from the runner's callback.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [EvaluationEvent] = []

    /// Called by `stop()`, or at once when set after `stop()` was called.
    var onStop: (@Sendable () -> Void)? {
        get { lock.withLock { stopHandler } }
        set {
            let stopNow = lock.withLock {
                stopHandler = newValue
                return stopRequested
            }
            if stopNow { newValue?() }
        }
    }
    private var stopHandler: (@Sendable () -> Void)?
    private var stopRequested = false

    func append(_ event: EvaluationEvent) { lock.withLock { events.append(event) } }

    func stop() {
        let handler = lock.withLock {
            stopRequested = true
            return stopHandler
        }
        handler?()
    }

    /// Whether `stop()` was called.
    var isStopped: Bool { lock.withLock { stopRequested } }

    var finished: Int {
        lock.withLock { events.filter { if case .sampleFinished = $0 { return true } else { return false } }.count }
    }

    var redone: Int? {
        lock.withLock {
            for case .started(_, _, _, _, let redone) in events { return redone }
            return nil
        }
    }

    var startedFinished: Int? {
        lock.withLock {
            for case .started(_, _, let finished, _, _) in events { return finished }
            return nil
        }
    }
}

/// The engine end to end: the model client against the scripted Python server, programs in the real sandbox.
@Suite(.serialized, .tags(.integration)) struct EvaluationIntegrationTests {
    let server = ScriptedServer.shared

    @Test func everyAttemptAndSampleIsStoredWithItsOutcome() async throws {
        let set = try EvaluationRunnerTests.problemSet(count: 2)
        let store = try EvaluationRunnerTests.database()
        var config = EvaluationRunnerTests.config(["feedback", "plain"], endpoint: server.baseURL)
        let key = UUID().uuidString
        for index in config.models.indices { config.models[index].apiKey = key }
        config.retry = RetryPolicy(maxRetries: 1, baseDelay: 0.01, maxDelay: 0.1)
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        let solver = Solver(config: config, prompts: prompts, judge: try Judge(concurrency: 2), requestLimit: 4)
        let plan = EvaluationPlan(models: ["feedback", "plain"], samples: 1, maxAttempts: 3, protocol: .oracle)
        let runner = StoreRunner(store: store, solver: solver, plan: plan, concurrency: 4)
        let runs = try runner.prepare(
            plan.runs(named: "t", set: set, config: config, promptsHash: "h"), set: set, resume: false)
        let lease = try store.lease(runs: runs.map(\.name))
        try await runner.run(runs, set: set, lease: lease) { _ in }
        lease.release()
        #expect(try store.samples(runs: ["t/feedback"]).allSatisfy { $0.accepted && $0.acceptedAtAttempt == 2 })
        #expect(try store.samples(runs: ["t/plain"]).allSatisfy { $0.firstAttemptAccepted })
        #expect(try store.attemptCounts(of: "t/feedback") == ["final": 4])
        #expect(try StoreChecks.violations(inDatabaseAt: store.path, finished: true) == [])
    }
}

@Suite struct ImportedSetTests {
    @Test func aHumanEvalFileIsASetAndShardsGiveAFixedSample() throws {
        let set = try ProblemSet.load(Fixtures.fixture("humaneval/HumanEval.jsonl.gz"))
        #expect(set.problems.count == 164)
        let sample = set.shard(Shard(index: 1, count: 8))
        #expect(sample.problems.count == 21)
        #expect(sample.problems.map(\.slug) == set.shard(Shard(index: 1, count: 8)).problems.map(\.slug))
    }
}
