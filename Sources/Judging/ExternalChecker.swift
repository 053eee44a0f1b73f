import Foundation
import ProblemFormat

/// Builds and runs checker programs: testlib-style (`checker IN OUT ANS`, exit 0/1) and Kattis output
/// validators (`validator IN ANS FEEDBACK_DIR < OUT`, exit 42/43). They are the problem setter's code and
/// run as the judge's user (they read the answer files) but still in the sandbox's tool profile.
actor ExternalCheckers {
    private var commands: [CheckerSpec: [String]] = [:]
    private let workspace: Workspace
    private let toolPool: SandboxPool

    init(workspace: Workspace, toolPool: SandboxPool) {
        self.workspace = workspace
        self.toolPool = toolPool
    }

    /// The most read of a checker's stdout, stderr or judge message, which only give the first 500 characters.
    static let messageBytes = 64 << 10

    /// The checker's verdict on one output: nil when accepted, else the checker's message.
    /// - Throws: `JudgingError.checker` when the checker cannot be built or fails itself.
    func mismatch(spec: CheckerSpec, input: URL, output: URL, answer: URL) async throws -> String? {
        let command = try await command(for: spec)
        let feedback = try workspace.makePrivateDirectory("feedback-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: feedback) }
        let isKattis: Bool
        let arguments: [String]
        switch spec {
        case .kattisValidator:
            isKattis = true
            arguments = command + [input.path, answer.path, feedback.path + "/"]
        default:
            isKattis = false
            arguments = command + [input.path, output.path, answer.path]
        }
        let program = URL(fileURLWithPath: command.last ?? "/")
        let readable = [program.deletingLastPathComponent().path, input.path, output.path, answer.path]
        let request = SandboxRequest.tool(
            arguments, in: feedback, stdin: isKattis ? .file(output) : .empty, readable: readable,
            writable: [feedback.path],
            cpuLimitMilliseconds: 20_000, wallLimitMilliseconds: 60_000, outputLimitBytes: 16 << 20, maxTasks: 16)
        let (outcome, stdout, stderr) = try await toolPool.withSlot { slot in
            let outcome = try await slot.run(request)
            let stdout = Judge.head(of: outcome.stdoutFile, bytes: Self.messageBytes)
            let stderr = Judge.head(of: outcome.stderrFile, bytes: Self.messageBytes)
            return (outcome, stdout, stderr)
        }
        let judgeMessage = Judge.head(of: feedback.appendingPathComponent("judgemessage.txt"), bytes: Self.messageBytes)
        let message =
            [judgeMessage, stdout, stderr].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty } ?? ""
        let accepted = isKattis ? 42 : 0
        let rejected: Set<Int32> = isKattis ? [43] : [1, 2]
        if outcome.exitCode == Int32(accepted) { return nil }
        if let code = outcome.exitCode, rejected.contains(code) {
            return message.isEmpty ? "the checker rejected the output" : String(message.prefix(500))
        }
        let how = outcome.exitCode.map { "exit code \($0)" } ?? "signal \(outcome.signal ?? 0)"
        throw JudgingError.checker("\(arguments[0]) failed with \(how): \(message.prefix(500))")
    }

    /// The command that runs the checker (building it on first use).
    private func command(for spec: CheckerSpec) async throws -> [String] {
        if let command = commands[spec] { return command }
        let sources: [URL]
        switch spec {
        case .testlib(let source):
            sources = [source]
        case .kattisValidator(let directory):
            let files =
                (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
            sources = files.filter { Self.language(of: $0) != nil }.sorted { $0.path < $1.path }
        default:
            throw JudgingError.checker("not an external checker")
        }
        let command = try await build(sources)
        commands[spec] = command
        return command
    }

    /// The checker language of a source file, from its extension.
    private static func language(of file: URL) -> Language? {
        Language.checkerLanguages.first { $0.extensions.contains(file.pathExtension) }
    }

    private func build(_ sources: [URL]) async throws -> [String] {
        if let python = sources.first(where: { Self.language(of: $0) == .python }) {
            return [Language.python.runCommand[0], "-I", "-S", "-B", python.path]
        }
        guard let first = sources.first else { throw JudgingError.checker("no checker source (.py, .cpp or .c) found") }
        let isC = sources.allSatisfy { Self.language(of: $0) == .c }
        let directory = try workspace.makePrivateDirectory("checker-\(UUID().uuidString)")
        let binary = directory.appendingPathComponent("checker")
        let compiler = isC ? Language.c.compileCommand[0] : Language.cpp.compileCommand[0]
        let standard = isC ? "-std=gnu17" : "-std=gnu++20"
        let arguments =
            [compiler, "-O2", standard, "-I", first.deletingLastPathComponent().path, "-o", binary.path]
            + sources.map(\.path) + (isC ? ["-lm"] : [])
        let request = SandboxRequest.tool(
            arguments, in: directory, readable: [first.deletingLastPathComponent().path],
            writable: [directory.path, "/dev/null"], cpuLimitMilliseconds: 60_000, wallLimitMilliseconds: 120_000,
            outputLimitBytes: 512 << 20)
        let (outcome, log) = try await toolPool.withSlot { slot in
            let outcome = try await slot.run(request)
            return (outcome, Compiler.readLog(outcome))
        }
        guard outcome.exitCode == 0 else {
            throw JudgingError.checker("cannot compile \(first.path):\n\(log.prefix(2000))")
        }
        return [binary.path]
    }
}
