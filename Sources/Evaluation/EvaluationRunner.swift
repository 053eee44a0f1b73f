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

/// Runs every sample a `SampleQueue` hands out, committing each attempt as it finishes and each sample when it is
/// done.
///
/// Requests in flight are bounded by the solver's `requestLimit` (`--concurrency`), judging by the `Judge`'s own
/// pool. More samples than that are under way at once, so that while some are being judged others keep the server
/// at its full `concurrency`.
public struct EvaluationRunner: Sendable {
    public let solver: Solver
    public let plan: EvaluationPlan
    public let concurrency: Int
    /// Samples under way at once: `concurrency` generating plus as many again being judged or waiting.
    var samplesUnderWay: Int { 2 * concurrency }
    /// Consecutive failed samples after which the server is taken to be down.
    public var failureLimit: Int

    /// - Parameter concurrency: the `requestLimit` `solver` was made with.
    public init(solver: Solver, plan: EvaluationPlan, concurrency: Int) {
        self.solver = solver
        self.plan = plan
        self.concurrency = max(1, concurrency)
        self.failureLimit = max(3, 2 * concurrency)
    }

    /// Runs what `queue` hands out, after it has set aside what an earlier process left unfinished.
    /// - Throws: `EvaluationError.serverFailing` after `failureLimit` failed samples in a row; `.database` when the
    ///   store fails (a full disk) and `.leaseLost` when another process took the run or sample over: what is stored
    ///   stays whole; `ModelFleetError` when no server answers at all, `SolveError` for bad prompts or
    ///   configuration; `CancellationError` when cancelled (everything finished so far is stored).
    public func run(_ queue: any SampleQueue, onEvent: @escaping @Sendable (EvaluationEvent) -> Void) async throws {
        let start = try await queue.start()
        onEvent(
            .started(
                runs: queue.runs, total: start.total, finished: start.finished, abandoned: start.abandoned,
                redone: start.redone))
        let failures = FailureStreak(limit: failureLimit, completed: start.finished, total: start.total)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<samplesUnderWay {
                group.addTask {
                    while let sample = try await queue.next() {
                        let failure = try await solve(sample, queue: queue, onEvent: onEvent)
                        try failures.count(failure)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// One sample: solve, store each attempt as it finishes, then the sample with all its attempts in one
    /// transaction. Returns why it could not finish, if so (its stored attempts are then set aside).
    /// - Throws: a store failure (the run stops: a full disk fails every later sample too), `SolveError`,
    ///   `ModelFleetError`, or `CancellationError`.
    private func solve(
        _ queued: QueuedSample, queue: any SampleQueue, onEvent: @escaping @Sendable (EvaluationEvent) -> Void
    ) async throws -> String? {
        let (run, problem, sample) = (queued.run, queued.problem, queued.sample)
        let started = ContinuousClock.now
        let writer = AttemptWriter(queue: queue, sample: queued)
        let outcome: SolveOutcome
        do {
            outcome = try await solver.solve(problem, options: plan.solveOptions(for: run, sample: sample)) { event in
                guard case .attemptFinished(let attempt) = event else { return }
                // A failed request is not an attempt of the model; the sample is rerun.
                guard !attempt.outcome.isServerFailure else { return }
                writer.write(attempt)
                onEvent(.attemptFinished(run: run.name, problem: problem.slug, sample: sample, attempt))
            }
        } catch is CancellationError {
            await writer.close()
            throw CancellationError()
        } catch let error as SolveError {
            // Bad prompts or configuration: nothing can run.
            throw error
        } catch let error as ModelFleetError {
            // No server for this model before its first request: nothing can run.
            throw error
        } catch {
            try await writer.finish()
            return try await setAside(queued, queue: queue, reason: "\(error)", onEvent)
        }
        try await writer.finish()
        if let failed = outcome.serverFailure {
            return try await setAside(queued, queue: queue, reason: failed.message, onEvent)
        }
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let result = SampleResult(outcome: outcome, run: run, problem: problem, sample: sample, seconds: seconds)
        try await queue.finish(result, attempts: outcome.attempts, of: queued)
        onEvent(.sampleFinished(result))
        return nil
    }

    /// Reports a sample that could not finish and marks its stored attempts `abandoned`; returns `reason`.
    private func setAside(
        _ queued: QueuedSample, queue: any SampleQueue, reason: String,
        _ onEvent: @Sendable (EvaluationEvent) -> Void
    ) async throws -> String {
        try await queue.setAside(queued, reason: reason)
        onEvent(
            .sampleFailed(run: queued.run.name, problem: queued.problem.slug, sample: queued.sample, reason: reason))
        return reason
    }
}

/// Consecutive failed samples, over all of a runner's loops: past `limit` the server is taken to be down.
private final class FailureStreak: @unchecked Sendable {  // every property is guarded by `lock`
    private let lock = NSLock()
    private let limit: Int
    private let total: Int
    private var completed: Int
    private var streak = 0

    init(limit: Int, completed: Int, total: Int) {
        self.limit = limit
        self.completed = completed
        self.total = total
    }

    /// Counts one sample: finished when `failure` is nil.
    /// - Throws: `EvaluationError.serverFailing` when this failure makes `limit` in a row.
    func count(_ failure: String?) throws {
        try lock.withLock {
            guard let failure else {
                streak = 0
                completed += 1
                return
            }
            streak += 1
            if streak >= limit {
                throw EvaluationError.serverFailing(
                    detail: failure, completed: completed, remaining: max(0, total - completed))
            }
        }
    }
}

/// The attempts of one sample, stored in the order they finish by one task of their own: the solver reports them
/// from a synchronous callback, and a database write may wait.
private final class AttemptWriter: Sendable {
    private let continuation: AsyncStream<AttemptRecord>.Continuation
    private let task: Task<Void, Never>
    private let failure: FirstError

    init(queue: any SampleQueue, sample: QueuedSample) {
        let (stream, continuation) = AsyncStream.makeStream(of: AttemptRecord.self)
        let failure = FirstError()
        self.continuation = continuation
        self.failure = failure
        task = Task {
            for await attempt in stream {
                do {
                    try await queue.record(attempt, of: sample)
                } catch {
                    failure.keep(error)
                }
            }
        }
    }

    /// Queues `attempt` for storing.
    func write(_ attempt: AttemptRecord) { continuation.yield(attempt) }

    /// Waits until every queued attempt is stored.
    func close() async {
        continuation.finish()
        await task.value
    }

    /// Waits until every queued attempt is stored; rethrows the first write's failure.
    func finish() async throws {
        await close()
        try failure.rethrow()
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
