import Foundation
import Judging
import ModelClient
import ProblemFormat
import Solving
import Testing
import TestSupport

@testable import Evaluation

/// `solve eval`'s engine against the scripted server and the real sandbox: storage, resume, shards, merge.
@Suite(.serialized) struct EvaluationRunnerTests {
    static let judge = try! Judge(concurrency: 2)
    let server = ScriptedServer.shared

    /// A folder with `count` copies of two-sum under the slugs p1, p2, … (the scripted server answers two-sum).
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
        try EvaluationStore(path: try Fixtures.temporaryDirectory(prefix: "evaldb").appendingPathComponent("eval.sqlite").path)
    }

    /// A solver whose models are scripted scenarios (aliases = scenario names), with a fresh server counter.
    func solver(_ scenarios: [String], requestLimit: Int? = nil) throws -> (Solver, SolveConfig) {
        var config = SolveConfig.builtIn
        let key = UUID().uuidString
        config.models = scenarios.map {
            var model = ModelConfig.codeDefaults(alias: $0, served: "scripted/\($0)", endpoints: [server.baseURL])
            model.apiKey = key
            return model
        }
        config.language = "python"
        config.retry = RetryPolicy(maxRetries: 1, baseDelay: 0.01, maxDelay: 0.1)
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        return (Solver(config: config, prompts: prompts, judge: Self.judge, requestLimit: requestLimit), config)
    }

    func runner(_ store: EvaluationStore, _ scenarios: [String], samples: Int = 1, attempts: Int = 3, concurrency: Int = 4) throws
        -> (EvaluationRunner, SolveConfig)
    {
        let (solver, config) = try solver(scenarios, requestLimit: concurrency)
        let plan = EvaluationPlan(models: scenarios, samples: samples, maxAttempts: attempts)
        return (EvaluationRunner(store: store, solver: solver, plan: plan, concurrency: concurrency), config)
    }

    @Test func everyAttemptAndSampleIsStoredWithItsOutcome() async throws {
        let set = try Self.problemSet(count: 3)
        let store = try Self.database()
        let (runner, config) = try runner(store, ["feedback", "plain"], samples: 2)
        let runs = try runner.prepare(runner.plan.runs(named: "t", set: set, config: config, promptsHash: "h"), set: set, resume: false)
        #expect(runs.map(\.name) == ["t/feedback", "t/plain"])
        let events = EventLog()
        try await runner.run(runs, set: set) { events.append($0) }

        let feedback = try store.samples(runs: ["t/feedback"])
        #expect(feedback.count == 6)
        #expect(feedback.allSatisfy { !$0.firstAttemptAccepted && $0.accepted && $0.acceptedAtAttempt == 2 && $0.attempts == 2 })
        let plain = try store.samples(runs: ["t/plain"])
        #expect(plain.count == 6)
        #expect(plain.allSatisfy { $0.firstAttemptAccepted && $0.attempts == 1 && $0.tags == ["arrays", "hashing"] && $0.difficulty == "easy" })
        #expect(try store.attemptCounts(of: "t/feedback") == ["final": 12])
        #expect(try store.attemptCounts(of: "t/plain") == ["final": 6])
        #expect(events.finished == 12)
        #expect(try store.problems(of: "t/plain").map(\.slug) == ["p1", "p2", "p3"])
    }

    @Test func aCancelledRunLosesNothingAndResumesWhereItStopped() async throws {
        let set = try Self.problemSet(count: 6)
        let store = try Self.database()
        let (runner, config) = try runner(store, ["feedback"], concurrency: 2)
        let runs = try runner.prepare(runner.plan.runs(named: "r", set: set, config: config, promptsHash: "h"), set: set, resume: false)
        let events = EventLog()
        let task = Task {
            try await runner.run(runs, set: set) { event in
                events.append(event)
                if case .sampleFinished = event, events.finished == 2 { events.stop() }
            }
        }
        events.onStop = { task.cancel() }
        let outcome = await task.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        let stored = try store.samples(runs: ["r"])
        #expect(stored.count >= 2 && stored.count < 6, "stopped early: \(stored.count)")

        // Same run, same settings: only the missing samples run, interrupted attempts are set aside.
        let (again, _) = try self.runner(store, ["feedback"], concurrency: 2)
        #expect(throws: EvaluationError.self) { _ = try again.prepare(runs, set: set, resume: false) }
        let resumed = try again.prepare(runs, set: set, resume: true)
        let resumeEvents = EventLog()
        try await again.run(resumed, set: set) { resumeEvents.append($0) }
        #expect(resumeEvents.startedFinished == stored.count)
        let all = try store.samples(runs: ["r"])
        #expect(all.count == 6)
        #expect(Set(all.map(\.problem)) == ["p1", "p2", "p3", "p4", "p5", "p6"])
        #expect(try store.attemptCounts(of: "r")["final"] == 12)
    }

    @Test func resumeRefusesOtherSettings() throws {
        let set = try Self.problemSet(count: 1)
        let store = try Self.database()
        let (runner, config) = try runner(store, ["plain"])
        _ = try runner.prepare(runner.plan.runs(named: "x", set: set, config: config, promptsHash: "h"), set: set, resume: false)
        var other = runner.plan
        other.maxAttempts = 5
        #expect(throws: EvaluationError.self) {
            _ = try runner.prepare(other.runs(named: "x", set: set, config: config, promptsHash: "h"), set: set, resume: true)
        }
        #expect(throws: EvaluationError.self) {
            _ = try runner.prepare(runner.plan.runs(named: "x", set: set, config: config, promptsHash: "other"), set: set, resume: true)
        }
    }

    @Test func aDeadServerStopsTheRunWithoutRecordingFailures() async throws {
        let set = try Self.problemSet(count: 6)
        let store = try Self.database()
        let (runner, config) = try runner(store, ["always-500"], concurrency: 1)
        let runs = try runner.prepare(runner.plan.runs(named: "d", set: set, config: config, promptsHash: "h"), set: set, resume: false)
        await #expect(throws: EvaluationError.self) { try await runner.run(runs, set: set) { _ in } }
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
            let plan = EvaluationPlan(models: ["plain"], samples: 1, maxAttempts: 2, shard: Shard(index: index + 1, count: 2))
            let runner = EvaluationRunner(store: store, solver: solver, plan: plan, concurrency: 2)
            let runs = try runner.prepare(plan.runs(named: "s", set: part, config: config, promptsHash: "h"), set: part, resume: false)
            try await runner.run(runs, set: part) { _ in }
            stores.append(store)
        }
        let merged = try Self.database()
        #expect(try merged.merge(from: stores[0]) == ["s": 3])
        #expect(try merged.merge(from: stores[1]) == ["s": 2])
        #expect(try merged.merge(from: stores[1]) == ["s": 0], "merging twice adds nothing")
        #expect(try merged.samples(runs: ["s"]).map(\.problem) == ["p1", "p2", "p3", "p4", "p5"])
        #expect(try merged.run(named: "s")?.shards == ["1/2", "2/2"])
        #expect(try merged.attemptCounts(of: "s") == ["final": 5])
        #expect(try merged.problems(of: "s").count == 5)
    }

    @Test func problemSetFilesListProblemsAndNameTheBadLine() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "setfile")
        let list = folder.appendingPathComponent("easy.txt")
        try "# easy ones\n\(Fixtures.problems.path)/two-sum.md\n\n\(Fixtures.problems.path)/polygon-area.md  # geometry\n"
            .write(to: list, atomically: true, encoding: .utf8)
        #expect(try ProblemSet.load(list).problems.map(\.slug) == ["two-sum", "polygon-area"])
        try "\(Fixtures.problems.path)/two-sum.md\n\(Fixtures.problems.path)/two-sum.md\n".write(to: list, atomically: true, encoding: .utf8)
        #expect(throws: EvaluationError.badProblemSet(path: "\(list.path):2", reason: "two-sum is already listed on line 1")) {
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

    var finished: Int {
        lock.withLock { events.filter { if case .sampleFinished = $0 { return true } else { return false } }.count }
    }

    var startedFinished: Int? {
        lock.withLock {
            for case .started(_, _, let finished, _) in events { return finished }
            return nil
        }
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
