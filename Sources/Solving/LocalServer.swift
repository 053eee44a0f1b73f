import Foundation
import Judging
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

/// A llama.cpp `llama-server` on loopback that `solve --local` starts, waits for, and stops (also on Ctrl-C).
public final class LocalServer: @unchecked Sendable {  // `lock` guards stopping `process`
    public let model: LocalModel
    /// The API base, e.g. `http://127.0.0.1:39123/v1`.
    public let baseURL: String
    /// The server's own output (for when it fails).
    public let logFile: URL
    private let process: Process
    private let lock = NSLock()

    /// `<cache>/local`: where the installer puts `bin/llama-server` and `models/`.
    public static var installRoot: URL { PrecompiledHeaders.defaultCacheRoot().appendingPathComponent("local") }

    /// The command that installs what `--local` needs.
    public static func installCommand(for model: LocalModel) -> String {
        "Scripts/install-local-model" + (model == .coder1_5B ? "" : " \(model.rawValue)")
    }

    /// The server binary and weights, or an error that says how to install them.
    public static func installation(of model: LocalModel) throws -> (server: URL, weights: URL) {
        let server = installRoot.appendingPathComponent("bin/llama-server")
        let weights = installRoot.appendingPathComponent("models/\(model.fileName)")
        let missing = [server, weights].filter { !FileManager.default.fileExists(atPath: $0.path) }
        guard missing.isEmpty else {
            throw SolveError.configuration(
                "--local needs \(missing.map(\.path).joined(separator: " and ")), which is not installed; install it with\n  "
                    + installCommand(for: model) + "\n(run from the solve checkout; it builds llama-server and fetches the weights from PyPI, ~6 min)")
        }
        return (server, weights)
    }

    /// Starts the server on a free loopback port and waits until `/v1/models` answers. `parallel` requests are
    /// decoded at once, each with `contextSize` tokens; `metrics` serves Prometheus `/metrics`.
    public static func start(
        _ model: LocalModel, contextSize: Int = 8192, parallel: Int = 1, metrics: Bool = false,
        readyTimeout: Double = 180
    ) async throws -> LocalServer {
        let (server, weights) = try installation(of: model)
        let port = try freePort()
        let log = installRoot.appendingPathComponent("llama-server-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = server
        process.arguments = [
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
            throw SolveError.configuration("cannot start \(server.path): \((error as NSError).localizedDescription)")
        }
        let local = LocalServer(model: model, baseURL: "http://127.0.0.1:\(port)/v1", logFile: log, process: process)
        LocalServer.running.add(local)
        let client = ModelClient(baseURL: local.baseURL, timeouts: Timeouts(connect: 1, firstByte: 5, total: 5), retry: RetryPolicy(maxRetries: 0))
        let deadline = Date().addingTimeInterval(readyTimeout)
        while Date() < deadline {
            if !process.isRunning {
                local.stop()
                throw SolveError.configuration("llama-server exited during start-up (status \(process.terminationStatus)); its log:\n" + local.logTail())
            }
            if let models = try? await client.models(), models.contains(where: { $0.id == model.servedName }) { return local }
            try await Task.sleep(for: .milliseconds(200))
        }
        local.stop()
        throw SolveError.configuration("llama-server did not answer within \(Int(readyTimeout)) s; its log:\n" + local.logTail())
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

    /// Stops the server (SIGTERM, then SIGKILL after 3 s) and removes its log. Safe to call twice.
    public func stop() {
        lock.withLock {
            guard process.isRunning else { return }
            process.terminate()
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        LocalServer.running.remove(self)
        try? FileManager.default.removeItem(at: logFile)
    }

    public var isRunning: Bool { process.isRunning }

    func logTail() -> String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// Servers started by this process, stopped by `stopAll()` on Ctrl-C or exit.
    static let running = Registry()

    /// Stops every server this process started.
    public static func stopAll() {
        for server in running.all() { server.stop() }
    }

    final class Registry: @unchecked Sendable {  // `servers` is guarded by `lock`
        private let lock = NSLock()
        private var servers: [ObjectIdentifier: LocalServer] = [:]
        func add(_ server: LocalServer) { lock.withLock { servers[ObjectIdentifier(server)] = server } }
        func remove(_ server: LocalServer) { _ = lock.withLock { servers.removeValue(forKey: ObjectIdentifier(server)) } }
        func all() -> [LocalServer] { lock.withLock { Array(servers.values) } }
    }

    /// A loopback port nobody listens on (the kernel's choice for port 0).
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SolveError.configuration("cannot create a socket to find a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw SolveError.configuration("cannot find a free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
