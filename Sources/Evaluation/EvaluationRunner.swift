import Foundation
import ModelFleet
import ProblemFormat
import Solving

/// What an evaluation reports while it runs (for the progress view).
public enum EvaluationEvent: Sendable {
    /// Work is about to start: `total` samples in all, `finished` of them stored before, `abandoned` attempts of
    /// interrupted samples set aside, `redone` half-written samples (stored apart from their attempts by an older
    /// `solve`) deleted to be run again.
    case started(runs: [RunRecord], total: Int, finished: Int, abandoned: Int, redone: Int)
    case attemptFinished(run: String, problem: String, sample: Int, AttemptRecord)
    case sampleFinished(SampleResult)
    /// A sample that could not finish (server error, judge failure): not stored as a result; `--resume` reruns it.
    case sampleFailed(run: String, problem: String, sample: Int, reason: String)
}

/// Runs every (run, problem, sample) not yet stored, committing each attempt as it finishes and each sample when it
/// is done.
///
/// Requests in flight are bounded by the solver's `requestLimit` (`--concurrency`), judging by the `Judge`'s own
/// pool. More samples than that are under way at once, so that while some are being judged others keep the server
/// at its full `concurrency`.
public struct EvaluationRunner: Sendable {
    public let store: EvaluationStore
    public let solver: Solver
    public let plan: EvaluationPlan
    public let concurrency: Int
    /// Samples under way at once: `concurrency` generating plus as many again being judged or waiting.
    var samplesUnderWay: Int { 2 * concurrency }
    /// Consecutive failed samples after which the server is taken to be down.
    public var failureLimit: Int

    /// - Parameter concurrency: the `requestLimit` `solver` was made with.
    public init(store: EvaluationStore, solver: Solver, plan: EvaluationPlan, concurrency: Int) {
        self.store = store
        self.solver = solver
        self.plan = plan
        self.concurrency = max(1, concurrency)
        self.failureLimit = max(3, 2 * concurrency)
    }

    /// Creates the runs, or checks that stored ones match when `resume` is set.
    public func prepare(_ runs: [RunRecord], set: ProblemSet, resume: Bool) throws -> [RunRecord] {
        var prepared: [RunRecord] = []
        for run in runs {
            if let existing = try store.run(named: run.name) {
                guard resume else { throw EvaluationError.runExists(name: run.name, database: store.path) }
                let differences =
                    existing.differences(from: run)
                    + (existing.shards == run.shards
                        ? [] : ["--shard \(run.shards.joined()) vs \(existing.shards.joined())"])
                guard differences.isEmpty else {
                    throw EvaluationError.resumeMismatch(name: run.name, differences: differences)
                }
                prepared.append(existing)
            } else {
                try store.create(run, problems: set.problems.map(ProblemEntry.init))
                prepared.append(run)
            }
        }
        return prepared
    }

    /// Runs what is left of `runs` on `set`, first setting aside what an earlier process left unfinished.
    /// - Parameter lease: this process's lease on `runs` (`EvaluationStore.lease(runs:)`); every write checks it.
    /// - Throws: `EvaluationError.serverFailing` after `failureLimit` failed samples in a row; `.database` when the
    ///   store fails (a full disk) and `.leaseLost` when another process took the run over: what is stored stays
    ///   whole; `ModelFleetError` when no server answers at all, `SolveError` for bad prompts or configuration; `CancellationError` when cancelled (everything finished
    ///   so far is stored).
    public func run(
        _ runs: [RunRecord], set: ProblemSet, lease: RunLease,
        onEvent: @escaping @Sendable (EvaluationEvent) -> Void
    ) async throws {
        var abandoned = 0
        var redone = 0
        var finished = 0
        var work: [(RunRecord, Problem, Int)] = []
        var done: [String: Set<SampleKey>] = [:]
        for run in runs {
            redone += try store.redoHalfWrittenSamples(of: run.name, lease: lease).count
            abandoned += try store.abandonPendingAttempts(of: run.name, lease: lease)
            done[run.name] = try store.finishedSamples(of: run.name)
        }
        // Sample-major, then problem, then run: stopping early leaves every model with the same problems done.
        for sample in 0..<plan.samples {
            for problem in set.problems {
                for run in runs {
                    if done[run.name, default: []].contains(SampleKey(problem: problem.slug, sample: sample)) {
                        finished += 1
                    } else {
                        work.append((run, problem, sample))
                    }
                }
            }
        }
        let total = work.count + finished
        onEvent(.started(runs: runs, total: total, finished: finished, abandoned: abandoned, redone: redone))

        var consecutiveFailures = 0
        var lastFailure = ""
        var completed = finished
        try await withThrowingTaskGroup(of: String?.self) { group in
            var next = work.makeIterator()
            var inFlight = 0
            func startNext() -> Bool {
                guard let (run, problem, sample) = next.next() else { return false }
                group.addTask {
                    try await solveSample(run: run, problem: problem, sample: sample, lease: lease, onEvent: onEvent)
                }
                inFlight += 1
                return true
            }
            for _ in 0..<samplesUnderWay where startNext() {}
            while inFlight > 0, let failure = try await group.next() {
                inFlight -= 1
                if let failure {
                    lastFailure = failure
                    consecutiveFailures += 1
                    if consecutiveFailures >= failureLimit {
                        group.cancelAll()
                        throw EvaluationError.serverFailing(
                            detail: lastFailure, completed: completed, remaining: work.count + finished - completed)
                    }
                } else {
                    consecutiveFailures = 0
                    completed += 1
                }
                _ = startNext()
            }
        }
    }

    /// One sample: solve, store each attempt as it finishes, then the sample with all its attempts in one
    /// transaction. Returns why it could not finish, if so (its stored attempts are then set aside).
    /// - Throws: a store failure (the run stops: a full disk fails every later sample too), `SolveError`,
    ///   `ModelFleetError`, or
    ///   `CancellationError`.
    private func solveSample(
        run: RunRecord, problem: Problem, sample: Int, lease: RunLease,
        onEvent: @escaping @Sendable (EvaluationEvent) -> Void
    ) async throws -> String? {
        let store = store
        let started = ContinuousClock.now
        let storeFailure = FirstError()
        let outcome: SolveOutcome
        do {
            outcome = try await solver.solve(problem, options: plan.solveOptions(for: run, sample: sample)) { event in
                guard case .attemptFinished(let attempt) = event else { return }
                // A failed request is not an attempt of the model; the sample is rerun.
                guard !attempt.outcome.isServerFailure else { return }
                do {
                    try store.record(attempt, run: run, problem: problem.slug, sample: sample, lease: lease)
                } catch {
                    storeFailure.keep(error)
                }
                onEvent(.attemptFinished(run: run.name, problem: problem.slug, sample: sample, attempt))
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as SolveError {
            // Bad prompts or configuration: nothing can run.
            throw error
        } catch let error as ModelFleetError {
            // No server for this model before its first request: nothing can run.
            throw error
        } catch {
            try storeFailure.rethrow()
            return try setAside(run: run, problem: problem, sample: sample, lease: lease, reason: "\(error)", onEvent)
        }
        try storeFailure.rethrow()
        if let failed = outcome.serverFailure {
            return try setAside(
                run: run, problem: problem, sample: sample, lease: lease, reason: failed.message, onEvent)
        }
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let result = SampleResult(outcome: outcome, run: run, problem: problem, sample: sample, seconds: seconds)
        try store.finish(result, attempts: outcome.attempts, run: run, lease: lease)
        onEvent(.sampleFinished(result))
        return nil
    }

    /// Reports a sample that could not finish and marks its stored attempts `abandoned`; returns `reason`.
    private func setAside(
        run: RunRecord, problem: Problem, sample: Int, lease: RunLease, reason: String,
        _ onEvent: @Sendable (EvaluationEvent) -> Void
    ) throws -> String {
        try store.abandonAttempts(of: SampleKey(problem: problem.slug, sample: sample), run: run.name, lease: lease)
        onEvent(.sampleFailed(run: run.name, problem: problem.slug, sample: sample, reason: reason))
        return reason
    }
}

/// The first error of several reported from callbacks.
private final class FirstError: @unchecked Sendable {  // `error` is guarded by `lock`
    private let lock = NSLock()
    private var error: Error?

    func keep(_ error: Error) { lock.withLock { self.error = self.error ?? error } }

    func rethrow() throws {
        if let error = lock.withLock({ error }) { throw error }
    }
}

extension SampleResult {
    /// The stored summary of one finished solve.
    /// Oracle: accepted when an attempt was, single-shot when the first was. Contestant: accepted when the
    /// submitted program was, single-shot when the first candidate passes the hidden tests (the oracle check, made
    /// after the submission).
    init(outcome: SolveOutcome, run: RunRecord, problem: Problem, sample: Int, seconds: Double) {
        let attempts = outcome.attempts
        let accepted: Bool
        let acceptedAt: Int?
        let firstAccepted: Bool
        switch outcome.protocol {
        case .oracle:
            acceptedAt = attempts.first(where: \.accepted)?.number
            accepted = acceptedAt != nil
            firstAccepted = attempts.first?.accepted ?? false
        case .contestant:
            accepted = outcome.accepted
            acceptedAt = accepted ? outcome.selection?.submitted : nil
            let first = attempts.first { $0.strategy == .candidate }?.number
            firstAccepted = first.map { outcome.selection?.oracle?.accepted.contains($0) ?? false } ?? false
        }
        self.init(
            run: run.name, model: run.model, problem: problem.slug, difficulty: problem.difficulty, tags: problem.tags,
            sample: sample,
            maxAttempts: run.maxAttempts, attempts: attempts.count, firstAttemptAccepted: firstAccepted,
            accepted: accepted, acceptedAtAttempt: acceptedAt,
            completionTokens: attempts.reduce(0) { $0 + ($1.usage?.completionTokens ?? 0) }, seconds: seconds,
            truncatedAttempts: attempts.filter(\.truncated).count, noCodeAttempts: attempts.filter(\.isNoCode).count,
            selection: outcome.selection)
    }
}

extension ProblemEntry {
    init(_ problem: Problem) {
        self.init(slug: problem.slug, title: problem.title, difficulty: problem.difficulty, tags: problem.tags)
    }
}
