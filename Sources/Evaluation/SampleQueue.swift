import Foundation
import ProblemFormat
import Solving

/// One sample for this process to solve.
public struct QueuedSample: Sendable {
    public var run: RunRecord
    public var problem: Problem
    public var sample: Int

    /// The sample's identity within its run.
    public var key: SampleKey { SampleKey(problem: problem.slug, sample: sample) }
}

/// What a queue found when it started: what `EvaluationEvent.started` reports.
public struct QueueStart: Sendable {
    /// Samples of this process's runs and problems, finished or not.
    public var total: Int
    /// Of them, stored before this process started.
    public var finished: Int
    /// Attempts of interrupted samples set aside.
    public var abandoned: Int
    /// Half-written samples (stored apart from their attempts by an older `solve`) deleted to be run again.
    public var redone: Int
}

/// The samples this process solves and where their attempts go: what `EvaluationRunner` needs of a database while it
/// runs. Every write checks, in its own transaction, that this process still holds the sample (its run's lease in
/// SQLite, its claim in PostgreSQL): a process that lost it writes nothing more.
public protocol SampleQueue: Sendable {
    /// The runs, as stored.
    var runs: [RunRecord] { get }
    /// Sets aside what earlier processes left unfinished and counts what there is to do.
    func start() async throws -> QueueStart
    /// The next sample to solve, nil when none is left for this process (PostgreSQL: waits while other workers hold
    /// the last ones, which come back if they die).
    func next() async throws -> QueuedSample?
    /// Stores a finished attempt of a sample still in progress, as `pending`.
    func record(_ attempt: AttemptRecord, of sample: QueuedSample) async throws
    /// Stores the finished sample with its attempts, in one transaction.
    func finish(_ result: SampleResult, attempts: [AttemptRecord], of sample: QueuedSample) async throws
    /// A sample that could not finish: its stored attempts are marked `abandoned`, and it is left to run again.
    func setAside(_ sample: QueuedSample, reason: String) async throws
    /// Gives back what this process holds (its lease, its claims); safe to call twice and from a signal handler.
    func release()
}

/// A sample set aside this many times is not claimed again by PostgreSQL workers (a resume retries it).
public let sampleFailureLimit = 3

/// The samples of SQLite runs this process holds the lease of, in sample-major, then problem, then run order:
/// stopping early leaves every model with the same problems done.
final class LocalSampleQueue: SampleQueue, @unchecked Sendable {  // `work` and `position` are guarded by `lock`
    let store: EvaluationStore
    let lease: RunLease
    let runs: [RunRecord]
    private let set: ProblemSet
    private let samplesPerProblem: Int
    private let lock = NSLock()
    private var work: [QueuedSample] = []
    private var position = 0

    init(store: EvaluationStore, lease: RunLease, runs: [RunRecord], set: ProblemSet, samples: Int) {
        self.store = store
        self.lease = lease
        self.runs = runs
        self.set = set
        samplesPerProblem = samples
    }

    func start() throws -> QueueStart {
        var abandoned = 0
        var redone = 0
        var done: [String: Set<SampleKey>] = [:]
        for run in runs {
            redone += try store.redoHalfWrittenSamples(of: run.name, lease: lease).count
            abandoned += try store.abandonPendingAttempts(of: run.name, lease: lease)
            done[run.name] = try store.finishedSamples(of: run.name)
        }
        var finished = 0
        var work: [QueuedSample] = []
        for sample in 0..<samplesPerProblem {
            for problem in set.problems {
                for run in runs {
                    if done[run.name, default: []].contains(SampleKey(problem: problem.slug, sample: sample)) {
                        finished += 1
                    } else {
                        work.append(QueuedSample(run: run, problem: problem, sample: sample))
                    }
                }
            }
        }
        lock.withLock {
            self.work = work
            position = 0
        }
        return QueueStart(total: work.count + finished, finished: finished, abandoned: abandoned, redone: redone)
    }

    func next() -> QueuedSample? {
        lock.withLock {
            guard position < work.count else { return nil }
            defer { position += 1 }
            return work[position]
        }
    }

    func record(_ attempt: AttemptRecord, of sample: QueuedSample) throws {
        try store.record(attempt, run: sample.run, problem: sample.problem.slug, sample: sample.sample, lease: lease)
    }

    func finish(_ result: SampleResult, attempts: [AttemptRecord], of sample: QueuedSample) throws {
        try store.finish(result, attempts: attempts, run: sample.run, lease: lease)
    }

    func setAside(_ sample: QueuedSample, reason: String) throws {
        try store.abandonAttempts(of: sample.key, run: sample.run.name, lease: lease)
    }

    func release() { lease.release() }
}
