import ArgumentParser
import Evaluation
import Foundation
import Judging
import ModelFleet
import Solving

/// `solve eval`: run a problem set against models, storing every attempt; `solve eval merge` joins databases.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate models on a problem set; every attempt is stored in SQLite as it finishes.",
        subcommands: [EvalRunCommand.self, EvalMergeCommand.self],
        defaultSubcommand: EvalRunCommand.self
    )
}

struct EvalRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a problem set (the default: `solve eval SET`).",
        discussion: """
            Each --model becomes a run of its own (NAME/alias); without --model the router picks per problem (one run, \
            model "routed"). A sample is one independent solve with up to --max-attempts model requests, as a \
            contestant (the hidden tests judge the one submitted program; then every candidate, for oracle any-of-N, \
            never fed back) or with --oracle; its first candidate (or attempt) is the single-shot result. Ctrl-C, a \
            crash or a dead server loses nothing: rerun with --resume (and the same --run) to continue. Exit code 0 \
            when the run is complete, 1 when samples remain, 2 when it could not run.
            """
    )

    @Argument(
        help:
            "A folder of Markdown problems or Kattis packages, a problem-set file (one path per line), or one problem. Default: the bundled Problems/."
    )
    var set: String?

    @Option(name: .long, help: "A configured model alias or served id; repeat to compare models (one run each).")
    var model: [String] = []

    @Flag(name: .long, help: "Let the router choose the model per problem (the default when no --model is given).")
    var routed = false

    @Option(name: .long, help: "Independent samples per problem (for pass@k).")
    var samples = 1

    @Option(
        name: .long,
        help: "Model requests per sample: candidates, generator, repairs (default 4, or max_attempts in solve.yaml)."
    )
    var maxAttempts: Int?

    @Option(name: .long, help: "Samples in flight at once (requests to the server).")
    var concurrency = 8

    @Option(name: .long, help: "The SQLite database (default: runs/eval.sqlite, under runs_dir of solve.yaml).")
    var db: String?

    @Option(
        name: .long, help: "Run name (default: the model and the time). With several models each run is NAME/alias.")
    var run: String?

    @Flag(name: .long, help: "Continue the run named by --run (default: the latest in the database) where it stopped.")
    var resume = false

    @Option(
        name: .long,
        help: "Run only shard I of N (1-based): every N-th problem in slug order. Merge shards with `solve eval merge`."
    )
    var shard: String?

    @Option(name: .long, help: "Language to ask for; pins it (no switching on resample).")
    var language: String?

    @Flag(
        name: .long,
        help: """
            Judge every attempt on the hidden tests and feed their failures back (the loop before the contestant \
            protocol). Stored with the run; compare labels it and never pairs it with a contestant run.
            """)
    var oracle = false

    @OptionGroup var server: ServerOptions

    @Flag(name: .long, help: "Print the summary as JSON on stdout (progress stays on stderr).")
    var json = false

    func validate() throws {
        if samples < 1 { throw ValidationError("--samples must be at least 1.") }
        if let maxAttempts, maxAttempts < 1 { throw ValidationError("--max-attempts must be at least 1.") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
        if routed, !model.isEmpty { throw ValidationError("--routed and --model both choose the model; give one.") }
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError("\(error)") }
        }
        if let language {
            do { _ = try Language.named(language) } catch { throw ValidationError("\(error)") }
        }
        if let run, run.isEmpty || run.contains("/") {
            throw ValidationError("--run must be a non-empty name without '/'.")
        }
    }

    func run() async throws {
        try await CommandFailure.funnel {
            try await SignalExit.watching { signals in
                var settings = try server.loadSettings()
                let plan = EvaluationPlan(
                    models: model, samples: samples, maxAttempts: maxAttempts ?? settings.maxAttempts,
                    language: language,
                    endpoint: server.endpoint, shard: try shard.map(Shard.init(parsing:)),
                    protocol: oracle ? .oracle : .contestant)
                let session = try EvaluationSession(
                    EvaluationRequest(
                        set: try setURL(), plan: plan, concurrency: concurrency, database: db, runName: run,
                        resume: resume),
                    runsDirectory: settings.runsDirectory)
                let localServer = try await server.startLocalServer(
                    parallel: server.localSlots ?? concurrency, into: &settings, status: true, signals: signals)
                defer { localServer?.stop() }
                let prompts = try PromptLibrary(folder: settings.promptsDirectory)
                if prompts.folder == nil {
                    FileHandle.standardError.write(
                        Data("no Prompts/ folder found: using the templates built into solve\n".utf8))
                }
                let progress = EvalProgress(bar: isatty(STDERR_FILENO) == 1)
                let summary = try await session.run(
                    config: settings, prompts: prompts,
                    judge: try Judge(concurrency: ProcessInfo.processInfo.activeProcessorCount),
                    onPrepared: { lease, name in
                        signals.onSignal { lease.release() }
                        signals.sayOnSignal { progress.interrupted(database: session.store.path, run: name) }
                    },
                    onEvent: { progress.show($0) })
                progress.finish()
                if json {
                    print(summary.report.render(.json))
                } else {
                    print(summary.report.render(.table))
                    print(
                        "database: \(summary.database)   again: solve compare --db \(summary.database) --runs \(summary.runs.joined(separator: ","))"
                    )
                }
                switch summary.status {
                case .complete:
                    return
                case .stopped(let failure):
                    throw CommandFailure.exit("\(failure)")
                case .incomplete(let missing, let expected):
                    FileHandle.standardError.write(
                        Data(
                            "\(missing) of \(expected) samples could not finish; continue with --resume --run \(summary.name)\n"
                                .utf8))
                    throw ExitCode(1)
                }
            }
        }
    }

    private func setURL() throws -> URL {
        if let set { return URL(fileURLWithPath: try ProblemLocator.existingPath(set) ?? set) }
        guard let bundled = ProjectFolders.candidates(named: "Problems", environmentKey: "SOLVE_PROBLEMS").first else {
            throw CommandFailure(
                "no problem set given and no bundled Problems/ folder found (set SOLVE_PROBLEMS or pass SET)")
        }
        return bundled
    }
}

struct EvalMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge evaluation databases (shards run on other machines) into one.",
        discussion:
            "Runs present in several databases must have the same settings; their shards and samples are united."
    )

    @Argument(help: "The database to merge into (created when missing).")
    var into: String

    @Argument(help: "Databases to merge from.")
    var from: [String]

    func validate() throws {
        if from.isEmpty { throw ValidationError("name at least one database to merge from.") }
    }

    func run() async throws {
        try await CommandFailure.funnel {
            try EvaluationStore(path: into).merge(databases: from) { path, added in
                for (run, count) in added.sorted(by: { $0.key < $1.key }) {
                    print("\(path): run \(run): \(count) samples added")
                }
            }
        }
    }
}
