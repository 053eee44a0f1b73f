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
    /// The database: an SQLite file's path or a `postgres://` URL; nil: `eval.sqlite` in the configured runs folder.
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
    /// The database's path or URL (without its password).
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
    public let database: any EvaluationDatabase

    /// Loads the problem set and opens (or creates) the database: their errors come before any server is started.
    /// - Parameter runsDirectory: where the database is by default.
    public init(_ request: EvaluationRequest, runsDirectory: String) async throws {
        self.request = request
        problemSet = try ProblemSet.load(request.set).shard(request.plan.shard)
        database = try await EvaluationDatabases.open(
            request.database ?? EvaluationStore.defaultPath(runsDirectory: runsDirectory))
    }

    /// `--run`; else with `--resume` the latest stored run's name (without its `/alias`); else the model (`routed`, or
    /// `compare` for several) and the time.
    /// - Throws: `EvaluationError.nothingToResume` when resuming a database without runs.
    public func runName(date: Date = Date()) async throws -> String {
        if let name = request.runName { return name }
        if request.resume {
            guard let latest = try await database.runs().last else {
                throw EvaluationError.nothingToResume(database: database.location)
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

    /// Names the runs, takes them (SQLite: leases them, so a second process on them is refused here, before anything
    /// is written; PostgreSQL: joins them as one more worker), creates them or checks the stored ones, runs what is
    /// left, and reports on everything stored.
    /// - Parameters:
    ///   - connect: the client for a model's endpoint (default: libcurl's `ModelClient`).
    ///   - onPrepared: called with the queue and the name once the runs are ready (the command releases the queue
    ///     and says how to resume if it is stopped).
    ///   - onEvent: progress.
    /// - Throws: `EvaluationError` when the runs cannot start (a run that exists without `resume`, other settings,
    ///   a busy run); `ModelFleetError` or `SolveError` when nothing can run; `CancellationError`. A run that stops
    ///   early is a summary with status `stopped`.
    public func run(
        config: SolveConfig, prompts: PromptLibrary, judge: any SubmissionJudge, connect: ChatModelFactory? = nil,
        onPrepared: (any SampleQueue, String) -> Void = { _, _ in },
        onEvent: @escaping @Sendable (EvaluationEvent) -> Void
    ) async throws -> EvaluationSummary {
        let plan = request.plan
        let name = try await runName()
        let solver = Solver(
            config: config, prompts: prompts, judge: judge, requestLimit: request.concurrency, connect: connect)
        let runner = EvaluationRunner(solver: solver, plan: plan, concurrency: request.concurrency)
        let planned = try plan.runs(named: name, set: problemSet, config: config, promptsHash: prompts.hash)
        let queue = try await database.queue(
            for: planned, set: problemSet, samples: plan.samples, resume: request.resume)
        defer { queue.release() }
        let runs = queue.runs
        onPrepared(queue, name)
        var status = EvaluationSummary.Status.complete
        do {
            try await runner.run(queue, onEvent: onEvent)
        } catch let error as EvaluationError {
            status = .stopped(error)
        }
        queue.release()
        let names = runs.map(\.name)
        let results = try await database.samples(runs: names)
        let report = ComparisonReport(
            samples: results, runs: names, ks: PassAtK.defaultKs(samplesPerProblem: plan.samples),
            protocols: Dictionary(runs.map { ($0.name, $0.protocol) }, uniquingKeysWith: { first, _ in first }))
        // Samples of this process's problems: with PostgreSQL, other workers may cover other shards.
        let mine = Set(problemSet.problems.map(\.slug))
        let stored = results.filter { mine.contains($0.problem) }.count
        let expected = runs.count * problemSet.problems.count * plan.samples
        if case .complete = status, stored < expected {
            status = .incomplete(missing: expected - stored, expected: expected)
        }
        return EvaluationSummary(
            name: name, runs: names, database: database.location, report: report, status: status)
    }
}
