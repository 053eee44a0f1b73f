import Foundation

/// Compiles (or syntax-checks) a source file inside the sandbox's tool profile.
struct Compiler {
    /// CPU seconds a compile may use (per compiler process).
    static let cpuLimitMilliseconds = 10_000
    static let wallLimitMilliseconds = 30_000
    /// Compiler messages are cut here.
    static let logLimitBytes = 64 << 10

    let workspace: Workspace
    let precompiledHeaders: PrecompiledHeaders

    /// Compiles `language`'s source in `directory` with `slot`, as the slot's uid.
    func compile(_ language: Language, in directory: URL, slot: SandboxSlot, toolPool: SandboxPool) async throws
        -> CompileReport
    {
        var pchArguments: [String] = []
        var readable = [directory.path]
        if language.usesPrecompiledHeader, let pch = await precompiledHeaders.directory(toolPool: toolPool) {
            pchArguments = ["-I", pch.path]
            readable.append(pch.path)
        }
        let arguments = language.compileCommand.flatMap { part -> [String] in
            switch part {
            case "{pch}": return pchArguments
            case "{source}": return [language.sourceFileName]
            case "{binary}": return [Language.binaryName]
            default: return [part]
            }
        }
        workspace.chown(directory, to: slot.uid)
        defer {
            workspace.chown(directory, to: nil)
            chmod(directory.path, 0o755)
        }
        var request = SandboxRequest.tool(
            arguments, in: directory, readable: readable, writable: [directory.path, "/dev/null"],
            cpuLimitMilliseconds: Compiler.cpuLimitMilliseconds, wallLimitMilliseconds: Compiler.wallLimitMilliseconds,
            outputLimitBytes: 512 << 20)
        // The runtime's own settings apply to its syntax check too (PyPy's nursery, which would warn otherwise).
        request.environment.merge(language.runEnvironment) { tool, _ in tool }
        let outcome = try await slot.run(request)
        var log = Compiler.readLog(outcome)
        let cpuExceeded = outcome.cpuMicroseconds >= Compiler.cpuLimitMilliseconds * 1000 || outcome.cpuLimitHit
        if let violation = outcome.violation {
            log = "the compiler made a forbidden system call (\(violation))\n" + log
        } else if outcome.wallLimitHit || cpuExceeded || outcome.signal == SIGXCPU {
            log = "compilation exceeded the \(Compiler.cpuLimitMilliseconds / 1000) s CPU limit\n" + log
        } else if outcome.memoryLimitHit {
            log = "compilation exceeded the \(SandboxRequest.toolMemoryLimitBytes >> 20) MiB memory limit\n" + log
        }
        let ok = outcome.exitCode == 0 && outcome.violation == nil
        return CompileReport(ok: ok, log: log, timeMilliseconds: outcome.wallMicroseconds / 1000)
    }

    /// stderr then stdout of the compiler, at most 64 KiB, valid UTF-8.
    static func readLog(_ outcome: SandboxOutcome) -> String {
        var data = Data()
        for file in [outcome.stderrFile, outcome.stdoutFile] {
            if let handle = try? FileHandle(forReadingFrom: file) {
                data.append((try? handle.read(upToCount: logLimitBytes - data.count)) ?? Data())
                try? handle.close()
            }
        }
        var log = String(decoding: data, as: UTF8.self)
        if data.count >= logLimitBytes { log += "\n[compiler messages cut at 64 KiB]" }
        return log
    }
}
