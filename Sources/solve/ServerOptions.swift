import ArgumentParser
import Foundation
import ModelFleet
import Solving

/// Where the model server is, shared by `solve PROBLEM` and `solve eval`: `--endpoint`, `--local`, `--local-model`,
/// and the configuration file that names the models.
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: "Send every request to this OpenAI-compatible API base, e.g. http://localhost:8000/v1.")
    var endpoint: String?

    @Flag(
        name: .long,
        help:
            "Start a llama.cpp server with a small coder model on this machine (installed by Scripts/install-local-model)."
    )
    var local = false

    @Option(name: .long, help: "The --local model: 1.5b (default) or 0.5b.")
    var localModel: String = LocalModel.coder1_5B.rawValue

    @Option(name: .long, help: "Configuration file (default: ./solve.yaml, else built-in defaults).")
    var config: String?

    @Option(
        name: .long,
        help: """
            The --local server's parallel slots (requests decoded at once). Default: solve PROBLEM, one per \
            candidate sent at once, at most \(LocalServer.defaultSlots); --oracle, 1; solve eval, --concurrency.
            """)
    var localSlots: Int?

    func validate() throws {
        if LocalModel(rawValue: localModel) == nil {
            throw ValidationError(
                "--local-model must be one of \(LocalModel.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if local, endpoint != nil {
            throw ValidationError("--local and --endpoint both say where the server is; give one.")
        }
        if let localSlots, localSlots < 1 || localSlots > 64 {
            throw ValidationError("--local-slots must be between 1 and 64.")
        }
    }

    /// The slots `solve PROBLEM` gives the local server: `--local-slots`, else 1 for the oracle loop (one request at
    /// a time) and one per candidate sent at once, at most `LocalServer.defaultSlots`, for a contestant.
    func slots(protocol: SolveProtocol, maxAttempts: Int) -> Int {
        if let localSlots { return localSlots }
        guard `protocol` == .contestant else { return 1 }
        return min(LocalServer.defaultSlots, ParallelCandidates.breadth(forBudget: maxAttempts))
    }

    /// The configuration file's settings, or the built-in defaults.
    func loadSettings() throws -> SolveConfig {
        try SolveConfig.load(file: config.map { URL(fileURLWithPath: $0) })
    }

    /// With `--local`: starts the server with `parallel` slots and makes its model the only one in `settings`. A
    /// signal while it starts, or later, stops it through `signals`; the caller stops it when done.
    func startLocalServer(
        parallel: Int, into settings: inout SolveConfig, status: Bool, signals: SignalExit
    ) async throws -> LocalServer? {
        guard local, let chosen = LocalModel(rawValue: localModel) else { return nil }
        let slots = parallel > 1 ? " (\(parallel) slots)" : ""
        if status { Terminal.status("starting llama-server with \(chosen.displayName) on this CPU\(slots)…") }
        let server = try LocalServer.launch(chosen, parallel: parallel)
        signals.onSignal { server.stop() }
        try await server.waitUntilReady()
        settings.models = [server.modelConfig]
        return server
    }
}
