import ArgumentParser
import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat
import Solving

/// `solve PROBLEM`: route the problem to a model and solve it as a contestant (candidates, samples, generated inputs,
/// one submission), or with `--oracle` in the loop that judges every attempt on every test.
struct SolveProblemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problem",
        abstract: "Have a local model solve a problem as a contestant (the default command: `solve PROBLEM`).",
        discussion: """
            The model sees the statement and the samples; several candidates go out at once, the samples and inputs \
            the model's own generator writes choose one, and the hidden tests judge that one program, once. \
            Exit code 0 when the submitted program (--oracle: any attempt) was accepted, 1 when it was not, 2 when \
            solve could not run (no server, a server failure that left a request without an answer, bad problem \
            file, bad configuration). Transcripts of every request go to runs/.
            """
    )

    @Argument(help: "A Markdown problem (.md), a Kattis package folder, or a bundled problem's slug (two-sum).")
    var problem: String

    @Option(name: .long, help: "A configured model alias or a served model id (default: the router's choice).")
    var model: String?

    @Option(name: .long, help: "Generations per model (default 4, or max_attempts in solve.yaml).")
    var maxAttempts: Int?

    @Option(
        name: .long, help: "Language to ask for: cpp, c, python, … (default cpp; retries may switch when not given).")
    var language: String?

    @Flag(name: .long, help: "Print why the router chose the model.")
    var explain = false

    @Flag(name: .long, help: "When the routed model fails every attempt, try the other model.")
    var escalate = false

    @Flag(
        name: .long,
        help: """
            Judge every attempt on the hidden tests too and feed their failures back (the loop before the contestant \
            protocol), for people who own the full tests. Labelled oracle in the output.
            """)
    var oracle = false

    @Flag(name: .long, help: "Print one JSON object (also the default when stdout is not a terminal).")
    var json = false

    @OptionGroup var server: ServerOptions

    @Option(name: .long, help: "Folder for transcripts (default: runs, or runs_dir in solve.yaml).")
    var runsDir: String?

    func validate() throws {
        if let maxAttempts, maxAttempts < 1 { throw ValidationError("--max-attempts must be at least 1.") }
        if let language {
            do { _ = try Language.named(language) } catch { throw ValidationError("\(error)") }
        }
    }

    func run() async throws {
        let interactive = !json && isatty(STDOUT_FILENO) == 1
        try await CommandFailure.funnel {
            try await SignalExit.watching { signals in
                let loaded = try ProblemLocator.load(problem)
                var settings = try server.loadSettings()
                let solveProtocol: SolveProtocol = oracle ? .oracle : .contestant
                let attempts = maxAttempts ?? settings.maxAttempts
                let localServer = try await server.startLocalServer(
                    parallel: server.slots(protocol: solveProtocol, maxAttempts: attempts), into: &settings,
                    status: interactive, signals: signals)
                defer { localServer?.stop() }
                let notes = localServer.map {
                    ["--local: both routes use \($0.model.displayName) on llama.cpp at \($0.baseURL)"]
                }
                let options = SolveOptions(
                    model: model, endpoint: server.endpoint, maxAttempts: attempts, language: language,
                    escalate: escalate, protocol: solveProtocol)
                let view =
                    interactive
                    ? SolveView(
                        problem: loaded, maxAttempts: options.maxAttempts, explain: explain, protocol: solveProtocol)
                    : nil
                let outcome = try await Solver.solve(
                    loaded, config: settings, options: options, judge: try Judge(),
                    runsDirectory: URL(fileURLWithPath: runsDir ?? settings.runsDirectory), notes: notes ?? []
                ) { view?.show($0) }
                if let view {
                    view.finish(outcome)
                } else {
                    print(try CommandOutput.json(SolveSummary(outcome)))
                }
                if let failed = outcome.serverFailure {
                    // The model never answered: not a wrong answer, a run that could not finish.
                    throw CommandFailure.exit(
                        "attempt \(failed.number) got no answer from \(failed.model): \(failed.message)")
                }
                if !outcome.accepted { throw ExitCode(1) }
            }
        }
    }
}

/// The `--json` form of an outcome: the essentials of every attempt (transcripts hold the rest).
struct SolveSummary: Encodable {
    var problem: String
    var verdict: String
    var model: String
    var route: RouteDecision
    var language: String
    var code: String?
    var attempts: [Attempt]
    var usage: Usage
    var transcript: String?
    var notes: [String]
    var promptsHash: String
    var `protocol`: SolveProtocol
    /// Contestant: the attempt submitted, and how it was chosen.
    var submitted: Int?
    var selection: SelectionReport?
    /// Contestant: the submitted program's verdict on every test.
    var final: Final?

    struct Final: Encodable {
        var verdict: String
        var message: String
        var tests: Int
    }

    struct Attempt: Encodable {
        var number: Int
        var model: String
        var strategy: String
        var verdict: String
        var message: String
        var language: String?
        var tokens: Int?
        var seconds: Double
        var truncated: Bool
        var finishReason: String?
        var repeatOf: Int?

        enum CodingKeys: String, CodingKey {
            case number, model, strategy, verdict, message, language, tokens, seconds, truncated
            case finishReason = "finish_reason", repeatOf = "repeat_of"
        }
    }

    enum CodingKeys: String, CodingKey {
        case problem, verdict, model, route, language, code, attempts, usage, transcript, notes, submitted, selection
        case final
        case `protocol`
        case promptsHash = "prompts_hash"
    }

    init(_ outcome: SolveOutcome) {
        problem = outcome.problem
        verdict = outcome.verdict
        model = outcome.model
        route = outcome.route
        language = outcome.language
        code = outcome.code
        usage = outcome.usage
        transcript = outcome.transcript
        notes = outcome.notes
        promptsHash = outcome.promptsHash
        self.protocol = outcome.protocol
        submitted = outcome.selection?.submitted
        selection = outcome.selection
        final = outcome.finalReport.map {
            Final(verdict: $0.verdict.code, message: $0.message, tests: $0.tests.count)
        }
        attempts = outcome.attempts.map {
            Attempt(
                number: $0.number, model: $0.model, strategy: $0.strategy.rawValue, verdict: $0.verdict,
                message: $0.message,
                language: $0.program?.language, tokens: $0.usage?.completionTokens,
                seconds: ($0.seconds * 100).rounded() / 100,
                truncated: $0.truncated, finishReason: $0.finishReason, repeatOf: $0.repeatOf)
        }
    }
}
