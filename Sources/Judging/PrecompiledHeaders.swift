import Caches
import Foundation

/// Builds `bits/stdc++.h.gch` once per compiler version and flag set into a cache folder and reuses it.
public actor PrecompiledHeaders {
    /// The flags C++ solutions compile with; the header is only used when they match exactly.
    static let flags = ["-O2", "-std=gnu++20", "-DONLINE_JUDGE"]

    private let cacheRoot: URL
    private var resolved: URL??
    private let workspace: Workspace

    public init(cacheRoot: URL = CacheFolder.root(), workspace: Workspace) {
        self.cacheRoot = cacheRoot
        self.workspace = workspace
    }

    /// Where the headers of every compiler version live under `cacheRoot`.
    public static func folder(in cacheRoot: URL) -> URL {
        cacheRoot.appendingPathComponent("pch")
    }

    /// Makes `folder` (and its parents) traversable by every uid, so a sandboxed compile can read it; false when
    /// it cannot be made.
    static func prepare(_ folder: URL) -> Bool {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return false
        }
        for dir in [folder.deletingLastPathComponent(), folder] { chmod(dir.path, 0o755) }
        return true
    }

    /// The folder to pass with `-I` (it holds `bits/stdc++.h.gch`), building it on first use; nil when the
    /// header cannot be built (C++ then compiles without it).
    func directory(toolPool: SandboxPool) async -> URL? {
        if let resolved { return resolved }
        let built = try? await build(toolPool: toolPool)
        resolved = .some(built)
        return built
    }

    private func build(toolPool: SandboxPool) async throws -> URL? {
        let compiler = Language.cpp.compileCommand[0]
        let version = try await runTool([compiler, "-dumpfullversion"], toolPool: toolPool)
        let machine = try await runTool([compiler, "-dumpmachine"], toolPool: toolPool)
        guard let version, let machine else { return nil }
        let key = "g++-\(version)-\(machine)-" + PrecompiledHeaders.flags.joined().filter { $0.isLetter || $0.isNumber }
        let folder = PrecompiledHeaders.folder(in: cacheRoot).appendingPathComponent(key)
        let header = folder.appendingPathComponent("bits/stdc++.h.gch")
        if FileManager.default.fileExists(atPath: header.path) { return folder }
        let major = version.split(separator: ".").first.map(String.init) ?? version
        let source = ["/usr/include/\(machine)/c++/\(major)/bits/stdc++.h", "/usr/include/c++/\(major)/bits/stdc++.h"]
            .first { FileManager.default.fileExists(atPath: $0) }
        guard let source else { return nil }
        try FileManager.default.createDirectory(
            at: header.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        for dir in [cacheRoot, cacheRoot.appendingPathComponent("pch"), folder, header.deletingLastPathComponent()] {
            chmod(dir.path, 0o755)
        }
        // A name of its own per build: judges in one process (or several processes) may build at the same time, and
        // two compilers writing one file would install a corrupt header.
        let partial = header.deletingLastPathComponent().appendingPathComponent(
            "stdc++.h.gch.\(getpid()).\(UUID().uuidString.prefix(8)).partial")
        let arguments = [compiler] + PrecompiledHeaders.flags + ["-x", "c++-header", source, "-o", partial.path]
        let status = try await runTool(arguments, toolPool: toolPool, writable: [folder.path])
        guard status != nil, FileManager.default.fileExists(atPath: partial.path) else { return nil }
        chmod(partial.path, 0o644)
        guard rename(partial.path, header.path) == 0 else { return nil }
        return folder
    }

    /// Runs a trusted tool in the sandbox and returns its trimmed stdout, or nil when it failed.
    private func runTool(_ arguments: [String], toolPool: SandboxPool, writable: [String] = []) async throws
        -> String?
    {
        let directory = try workspace.makePrivateDirectory("tool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try await toolPool.withSlot { slot in
            let request = SandboxRequest.tool(
                arguments, in: directory, readable: [directory.path],
                writable: writable + [directory.path, "/dev/null"],
                cpuLimitMilliseconds: 60_000, wallLimitMilliseconds: 120_000, outputLimitBytes: 1 << 30)
            let outcome = try await slot.run(request)
            let output = (try? String(contentsOf: outcome.stdoutFile, encoding: .utf8)) ?? ""
            return outcome.exitCode == 0 ? output.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        }
        return outcome
    }
}
