import Foundation
import Judging
import ModelFleet
import Solving

/// What `solve eval` was asked for.
public struct EvaluationRequest: Sendable {
    /// The problem set (a folder, a set file or one problem).
    public var set: URL
    /// The models, samples, attempts, language, endpoint and shard.
    public var plan: EvaluationPlan
    /// Samples in flight at once (requests to the server).
    public var concurrency: Int
    /// The database; nil: `eval.sqlite` in the configured runs folder.
    public var database: String?
    /// `--run`; nil: with `resume` the latest run's name, else the models and the time.
    public var runName: String?
    /// Continue the named run instead of refusing an existing one.
    public var resume: Bool

    public init(
        set: URL, plan: EvaluationPlan, concurrency: Int, database: String? = nil, runName: String? = nil,
        resume: Bool = false
    ) {
        self.set = set
        self.plan = plan
        self.concurrency = concurrency
        self.database = database
        self.runName = runName
        self.resume = resume
    }
}

/// How an evaluation ended, and the report of its runs.
public struct EvaluationSummary: Sendable {
    /// Whether every sample is stored.
    public enum Status: Sendable {
        /// Every sample of every run is stored.
        case complete
        /// `missing` of the `expected` samples could not finish; a resume runs them.
        case incomplete(missing: Int, expected: Int)
        /// The run stopped early (a server that keeps failing, a full disk, a lost lease); what is stored is whole.
        case stopped(EvaluationError)
    }

    /// The name given to the runs (`NAME`, or `NAME/alias` each for several models).
    public var name: String
    /// The runs' names.
    public var runs: [String]
    /// The database's path.
    public var database: String
    /// The runs' figures, from everything stored.
    public var report: ComparisonReport
    public var status: Status
}

/// One `solve eval`: the problem set and the database, then the runs named, leased, prepared and run.
public struct EvaluationSession: Sendable {
    public let request: EvaluationRequest
    /// The set, or the shard of it the plan names.
    public let problemSet: ProblemSet
    public let store: EvaluationStore

    /// Loads the problem set and opens (or creates) the database: their errors come before any server is started.
    /// - Parameter runsDirectory: where the database is by default.
    public init(_ request: EvaluationRequest, runsDirectory: String) throws {
        self.request = request
        problemSet = try ProblemSet.load(request.set).shard(request.plan.shard)
        store = try EvaluationStore(path: request.database ?? EvaluationStore.defaultPath(runsDirectory: runsDirectory))
    }

    /// `--run`; else with `--resume` the latest stored run's name (without its `/alias`); else the model (`routed`, or
    /// `compare` for several) and the time.
    /// - Throws: `EvaluationError.nothingToResume` when resuming a database without runs.
    public func runName(date: Date = Date()) throws -> String {
        if let name = request.runName { return name }
        if request.resume {
            guard let latest = try store.runs().last else {
                throw EvaluationError.nothingToResume(database: store.path)
            }
            let suffix = "/" + latest.model
            return latest.name.hasSuffix(suffix) ? String(latest.name.dropLast(suffix.count)) : latest.name
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let models = request.plan.models
        let label = models.count == 1 ? models[0] : models.isEmpty ? EvaluationPlan.routedLabel : "compare"
        return "\(label)-\(formatter.string(from: date))"
    }

    /// Names the runs, leases them (a second process on them is refused here, before anything is written), creates
    /// them or checks the stored ones on resume, runs what is left, and reports on everything stored.
    /// - Parameters:
    ///   - connect: the client for a model's endpoint (default: libcurl's `ModelClient`).
    ///   - onPrepared: called with the lease and the name once the runs are ready (the command releases the lease
    ///     and says how to resume if it is stopped).
    ///   - onEvent: progress.
    /// - Throws: `EvaluationError` when the runs cannot start (a run that exists without `resume`, other settings,
    ///   a busy run); `ModelFleetError` or `SolveError` when nothing can run; `CancellationError`. A run that stops
    ///   early is a summary with status `stopped`.
    public func run(
        config: SolveConfig, prompts: PromptLibrary, judge: any SubmissionJudge, connect: ChatModelFactory? = nil,
        onPrepared: (RunLease, String) -> Void = { _, _ in },
        onEvent: @escaping @Sendable (EvaluationEvent) -> Void
    ) async throws -> EvaluationSummary {
        let plan = request.plan
        let name = try runName()
        let solver = Solver(
            config: config, prompts: prompts, judge: judge, requestLimit: request.concurrency, connect: connect)
        let runner = EvaluationRunner(store: store, solver: solver, plan: plan, concurrency: request.concurrency)
        let planned = try plan.runs(named: name, set: problemSet, config: config, promptsHash: prompts.hash)
        let lease = try store.lease(runs: planned.map(\.name))
        defer { lease.release() }
        let runs = try runner.prepare(planned, set: problemSet, resume: request.resume)
        onPrepared(lease, name)
        var status = EvaluationSummary.Status.complete
        do {
            try await runner.run(runs, set: problemSet, lease: lease, onEvent: onEvent)
        } catch let error as EvaluationError {
            status = .stopped(error)
        }
        let names = runs.map(\.name)
        let results = try store.samples(runs: names)
        let report = ComparisonReport(
            samples: results, runs: names, ks: PassAtK.defaultKs(samplesPerProblem: plan.samples),
            protocols: Dictionary(runs.map { ($0.name, $0.protocol) }, uniquingKeysWith: { first, _ in first }))
        let expected = runs.count * problemSet.problems.count * plan.samples
        if case .complete = status, results.count < expected {
            status = .incomplete(missing: expected - results.count, expected: expected)
        }
        return EvaluationSummary(name: name, runs: names, database: store.path, report: report, status: status)
    }
}
