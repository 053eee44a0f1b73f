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
        abstract:
            "Evaluate models on a problem set; every attempt is stored (SQLite, or PostgreSQL shared by workers) as it finishes.",
        subcommands: [
            EvalRunCommand.self, EvalStatusCommand.self, EvalMergeCommand.self, EvalExportCommand.self,
            EvalImportCommand.self,
        ],
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
            crash or a dead server loses nothing: rerun with --resume (and the same --run) to continue. With --db \
            postgres://… every `solve eval` given the same --run and settings is one more worker on it, on any \
            machine: each claims one sample at a time, and the samples of a worker that dies go back to the others. \
            Exit code 0 when the run is complete, 1 when samples remain, 2 when it could not run.
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

    @Option(name: .long, help: ArgumentHelp(DatabaseOption.help))
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
                let session = try await EvaluationSession(
                    EvaluationRequest(
                        set: try setURL(), plan: plan, concurrency: concurrency, database: DatabaseOption.given(db),
                        runName: run, resume: resume),
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
                    onPrepared: { queue, name in
                        signals.onSignal { queue.release() }
                        signals.sayOnSignal { progress.interrupted(database: session.database.location, run: name) }
                    },
                    onEvent: { progress.show($0) })
                progress.finish()
                await session.database.close()
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
            try await EvaluationStore(path: into).merge(databases: from) { path, added in
                for (run, count) in added.sorted(by: { $0.key < $1.key }) {
                    print("\(path): run \(run): \(count) samples added")
                }
            }
        }
    }
}

/// `--db` and `SOLVE_DB`: an SQLite file or a PostgreSQL URL.
enum DatabaseOption {
    static let help = """
        The database: an SQLite file, or postgres://USER[:PASSWORD]@HOST[:PORT]/DB shared by workers on several \
        machines (default: $SOLVE_DB, else runs/eval.sqlite under runs_dir of solve.yaml).
        """

    /// `--db`, else `SOLVE_DB`, else nil (the default file).
    static func given(_ option: String?) -> String? {
        if let option { return option }
        let variable = ProcessInfo.processInfo.environment["SOLVE_DB"] ?? ""
        return variable.isEmpty ? nil : variable
    }
}

/// `--db` and `--config` of the commands that read or copy a database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(DatabaseOption.help))
    var db: String?

    @Option(name: .long, help: "Configuration file, for its runs_dir (default: ./solve.yaml).")
    var config: String?

    /// `--db`, else `SOLVE_DB`, else `runs/eval.sqlite` under the configured runs folder.
    func location() throws -> String {
        try DatabaseOption.given(db)
            ?? EvaluationStore.defaultPath(
                runsDirectory: SolveConfig.load(file: config.map { URL(fileURLWithPath: $0) }).runsDirectory)
    }
}

/// `solve eval status`: how far runs are, and what each worker did.
struct EvalStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show runs' progress and their workers (samples per minute, failures, samples held).",
        discussion: """
            Read while workers run. A worker is running, stopped (it ended), gone (its process on this machine \
            has ended without a word: its samples went back to the queue) or silent (no heartbeat for \
            30 s: its samples go back to the queue).
            """
    )

    @Option(name: .long, help: "Comma-separated run names (default: every run in the database).")
    var runs: String?

    @Flag(name: .long, help: "Print the status as JSON.")
    var json = false

    @OptionGroup var storage: DatabaseOptions

    func run() async throws {
        try await CommandFailure.funnel {
            let location = try storage.location()
            let status = try await EvaluationDatabases.with(location, mustExist: true) { database in
                let stored = try await database.runs()
                let names =
                    try runList(runs).map {
                        try RunSelection.named($0).names(among: stored, database: database.location)
                    }
                    ?? stored.map(\.name)
                guard !names.isEmpty else { throw EvaluationError.noRuns(database: database.location) }
                return try await database.status(of: names)
            }
            print(json ? status.json : status.table)
        }
    }
}

/// `solve eval export`: runs of any database (a PostgreSQL store) copied into one SQLite file to share.
struct EvalExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Copy runs (finished samples and their attempts) into an SQLite file.",
        discussion:
            "The file is created when missing; a run it already has must have the same settings, and gains the samples it lacks."
    )

    @Option(name: .long, help: "The SQLite file to write.")
    var to: String

    @Option(name: .long, help: "Comma-separated run names (default: every run).")
    var runs: String?

    @OptionGroup var storage: DatabaseOptions

    func run() async throws {
        try await CommandFailure.funnel {
            let source = try storage.location()
            guard !EvaluationDatabases.isServer(to) else {
                throw CommandFailure("--to names a file: export writes SQLite (import copies into PostgreSQL)")
            }
            let added = try await EvaluationDatabases.with(source, mustExist: true) { database in
                try await EvaluationStore(path: to).merge(from: database, runs: runList(runs))
            }
            for (run, count) in added.sorted(by: { $0.key < $1.key }) {
                print("\(to): run \(run): \(count) samples added")
            }
        }
    }
}

/// `solve eval import`: an SQLite file's runs copied into the database (a PostgreSQL store).
struct EvalImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Copy runs of an SQLite file into the database (a PostgreSQL store).",
        discussion:
            "A run the database already has must have the same settings, and gains the samples it lacks; refused while workers run it."
    )

    @Argument(help: "The SQLite file to read.")
    var file: String

    @Option(name: .long, help: "Comma-separated run names (default: every run).")
    var runs: String?

    @OptionGroup var storage: DatabaseOptions

    func run() async throws {
        try await CommandFailure.funnel {
            guard FileManager.default.fileExists(atPath: file) else {
                throw EvaluationError.noSuchDatabase(path: file)
            }
            let target = try storage.location()
            let source = try EvaluationStore(path: file)
            let added = try await EvaluationDatabases.with(target) { database in
                try await database.merge(from: source, runs: runList(runs))
            }
            for (run, count) in added.sorted(by: { $0.key < $1.key }) {
                print("run \(run): \(count) samples added")
            }
        }
    }
}

/// `--runs a,b` as names; nil without the option.
private func runList(_ option: String?) -> [String]? {
    option.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
}
