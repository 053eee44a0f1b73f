import Caches
import Foundation
import ProblemFormat

/// A program to judge.
public struct Submission: Sendable, Hashable {
    public var source: String
    public var language: Language
    /// Where it came from, for messages.
    public var name: String

    public init(source: String, language: Language, name: String) {
        self.source = source
        self.language = language
        self.name = name
    }

    /// Reads a source file; the language comes from `language` or the file's extension.
    /// - Throws: `JudgingError.unreadableSource`, `.cannotInferLanguage`, `.unknownLanguage`.
    public static func load(_ file: URL, language: String? = nil) throws -> Submission {
        let resolved = try language.map { try Language.named($0) } ?? Language.inferred(from: file)
        let source: String
        do {
            source = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        } catch {
            throw JudgingError.unreadableSource(file: file.path, reason: (error as NSError).localizedDescription)
        }
        // Kattis tells Python 2 from 3 by the first line; this judge has no Python 2 to run such a file on.
        if language == nil, resolved.id == Language.python.id,
            let first = source.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("#!"),
            first.contains("python2")
        {
            throw JudgingError.languageUnavailable(
                "python2 (\(file.lastPathComponent) starts with \(first))", missing: "a Python 2 interpreter")
        }
        return Submission(source: source, language: resolved, name: file.path)
    }
}

/// How to judge.
public struct JudgeOptions: Sendable {
    /// Stop at the first test that is not accepted (the default), or run them all.
    public var stopAtFirstFailure: Bool
    /// Which tests to run (all when nil): e.g. only the samples while a model is still trying.
    public var testFilter: (@Sendable (TestCase) -> Bool)?
    /// Caps stdout and stderr of each run.
    public var outputLimitBytes: Int

    public init(
        stopAtFirstFailure: Bool = true, testFilter: (@Sendable (TestCase) -> Bool)? = nil,
        outputLimitBytes: Int = 64 << 20
    ) {
        self.stopAtFirstFailure = stopAtFirstFailure
        self.testFilter = testFilter
        self.outputLimitBytes = outputLimitBytes
    }
}

/// Compiles a submission and runs it on a problem's tests in the sandbox.
public final class Judge: SubmissionJudge {
    public let workspace: Workspace
    let runPool: SandboxPool
    let toolPool: SandboxPool
    let compiler: Compiler
    let checkers: ExternalCheckers

    /// - Parameter concurrency: how many submissions may be judged at once (one sandbox slot each).
    /// - Throws: `JudgingError.workspace` when no temporary directory can be made.
    public init(concurrency: Int = 1, cacheRoot: URL = CacheFolder.root()) throws {
        workspace = try Workspace()
        // Compiles read the precompiled headers there, so the programs' view shows that folder (made now if new).
        let headers = PrecompiledHeaders.folder(in: cacheRoot)
        runPool = SandboxPool(
            capacity: concurrency, isolation: .unprivilegedWhenRoot, workspace: workspace,
            visiblePaths: PrecompiledHeaders.prepare(headers) ? [headers.path] : [])
        toolPool = SandboxPool(capacity: concurrency, isolation: .judgeUser, workspace: workspace)
        compiler = Compiler(
            workspace: workspace, precompiledHeaders: PrecompiledHeaders(cacheRoot: cacheRoot, workspace: workspace))
        checkers = ExternalCheckers(workspace: workspace, toolPool: toolPool)
    }

    /// The protections solutions run under.
    public func protections() async throws -> SandboxProtections {
        try await runPool.protections()
    }

    /// Judges `submission` on `problem`: compile, then every test (samples first) until one fails.
    /// - Throws: `JudgingError` when the judge itself cannot work (no sandbox, no work directory).
    public func judge(_ submission: Submission, on problem: Problem, options: JudgeOptions) async throws -> JudgeReport
    {
        let (directory, language) = try stage(submission, on: problem, standalone: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tests = problem.tests.filter { options.testFilter?($0) ?? true }
        return try await runPool.withSlot { slot in
            let compile = try await self.compiler.compile(language, in: directory, slot: slot, toolPool: self.toolPool)
            var report = JudgeReport(
                verdict: .accepted, message: "", language: language.id, compile: compile, tests: [],
                timeMilliseconds: 0, memoryKiB: 0, sandbox: slot.protections.active)
            guard compile.ok else {
                report.verdict = .compileError
                report.message = compile.log.split(separator: "\n").first.map(String.init) ?? "compilation failed"
                return report
            }
            if let size = Self.oversizedImage(of: language, in: directory, limits: problem.limits),
                let first = tests.first
            {
                report.verdict = .memoryLimitExceeded
                let message =
                    "its static data alone needs \(size >> 20) MiB, over the \(problem.limits.memoryBytes >> 20) MiB limit"
                report.message = "test \(first.name): \(message)"
                report.tests = [
                    TestReport(
                        name: first.name, isSample: first.isSample, verdict: .memoryLimitExceeded, timeMilliseconds: 0,
                        wallMilliseconds: 0, memoryKiB: size / 1024, message: message, exitCode: nil, signal: nil,
                        output: "", stderr: "")
                ]
                return report
            }
            let inline = try self.workspace.makePrivateDirectory("tests-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: inline) }
            for (index, test) in tests.enumerated() {
                let result = try await self.run(
                    test, index: index, of: language, in: directory, problem: problem, slot: slot,
                    inlineDirectory: inline, options: options)
                report.tests.append(result)
                report.timeMilliseconds = max(report.timeMilliseconds, result.timeMilliseconds)
                report.memoryKiB = max(report.memoryKiB, result.memoryKiB)
                if result.verdict != .accepted, report.verdict == .accepted {
                    report.verdict = result.verdict
                    report.message = "test \(result.name): \(result.message)"
                    if options.stopAtFirstFailure { break }
                }
            }
            if report.verdict == .accepted {
                report.message = "\(report.tests.count) of \(tests.count) tests passed"
            }
            return report
        }
    }

    private func run(
        _ test: TestCase, index: Int, of language: Language, in directory: URL, problem: Problem, slot: SandboxSlot,
        inlineDirectory: URL, options: JudgeOptions
    ) async throws -> TestReport {
        let limits = problem.limits
        if let function = problem.interface.function, test.kind == .output {
            // The judge reads the arguments itself: a solution cannot pass off its own failure as a broken test.
            do {
                _ = try PythonFunction.arguments(String(decoding: try test.input.read(), as: UTF8.self))
            } catch let error as FunctionTestError {
                return Judge.brokenTest(test, "\(error)", function: function)
            }
        }
        var request = Self.runRequest(
            language, in: directory, input: test.input,
            function: problem.interface.function.map { ($0, test.kind) }, limits: limits,
            outputLimitBytes: options.outputLimitBytes)
        if let function = problem.interface.function, test.kind == .pythonCheck {
            return try await runCheck(test, function: function, problem: problem, request: &request, slot: slot)
        }
        let outcome = try await slot.run(request)
        let stderrTail = Judge.tail(of: outcome.stderrFile, bytes: 1024)
        var report = TestReport(
            name: test.name, isSample: test.isSample, verdict: .accepted,
            timeMilliseconds: outcome.cpuMicroseconds / 1000, wallMilliseconds: outcome.wallMicroseconds / 1000,
            memoryKiB: outcome.peakMemoryBytes / 1024, message: "", exitCode: outcome.exitCode,
            signal: outcome.signal, output: Judge.head(of: outcome.stdoutFile, bytes: 1024), stderr: stderrTail)
        if let (verdict, message) = RunClassifier.classify(
            outcome, limits: limits, outputLimitBytes: options.outputLimitBytes, stderrTail: stderrTail)
        {
            report.verdict = verdict
            report.message = message
            return report
        }
        if problem.interface.function != nil {
            judgeFunctionRun(outcome, test: test, into: &report)
            return report
        }
        do {
            let mismatch: String?
            switch problem.checker {
            case .tokens, .exact:
                mismatch = try OutputComparison.mismatch(
                    outputFile: outcome.stdoutFile, answer: test.answer, checker: problem.checker)
            case .testlib, .kattisValidator:
                let input = try materialize(test.input, as: "\(index).in", in: inlineDirectory)
                let answer = try materialize(test.answer, as: "\(index).ans", in: inlineDirectory)
                mismatch = try await checkers.mismatch(
                    spec: problem.checker, input: input, output: outcome.stdoutFile, answer: answer)
            }
            if let mismatch {
                report.verdict = .wrongAnswer
                report.message = mismatch
            } else {
                report.message = "ok"
            }
        } catch let error as JudgingError {
            report.verdict = .internalError
            report.message = error.description
        } catch {
            report.verdict = .internalError
            report.message = "checker: \((error as NSError).localizedDescription)"
        }
        return report
    }

    /// Writes `submission`'s source (and, for a function problem's solution, the driver that calls it) into a fresh
    /// directory: the directory and the language that runs the program.
    /// - Parameter standalone: run it as a program of its own even on a function problem (an input generator).
    /// - Throws: `JudgingError.workspace`, or `.functionNeedsPython` for a function problem's solution in another
    ///   language.
    func stage(_ submission: Submission, on problem: Problem, standalone: Bool) throws -> (URL, Language) {
        let directory = try workspace.makeDirectory("submission")
        let isFunction = problem.interface.function != nil && !standalone
        // Function problems run on CPython, whose drivers they use; other programs on the problem's runtime.
        let language = isFunction ? submission.language : submission.language.resolved(for: problem)
        var files = [language.sourceFileName: submission.source]
        if isFunction {
            guard submission.language.id == Language.python.id else {
                try? FileManager.default.removeItem(at: directory)
                throw JudgingError.functionNeedsPython(problem: problem.slug, language: submission.language.id)
            }
            files[FunctionDriver.fileName] = FunctionDriver.source
        }
        for (name, text) in files {
            let file = directory.appendingPathComponent(name)
            do {
                try Data(text.utf8).write(to: file)
            } catch {
                try? FileManager.default.removeItem(at: directory)
                throw JudgingError.workspace(path: file.path, reason: (error as NSError).localizedDescription)
            }
            chmod(file.path, 0o644)
        }
        return (directory, language)
    }

    /// The load size of a compiled program too large for the address space `limits` allow, or nil. Such an image
    /// cannot even be loaded: the kernel kills it with SIGSEGV inside execve, which would read as a crash.
    static func oversizedImage(of language: Language, in directory: URL, limits: Limits) -> Int? {
        guard language.profile == .native,
            let size = ELFImage.loadSize(of: directory.appendingPathComponent(Language.binaryName)),
            size > limits.memoryBytes + language.addressSpaceAllowanceBytes
        else { return nil }
        return size
    }

    /// The sandboxed run of the program in `directory` on `input` under `limits`: the program reads a copy of the
    /// input in its slot's own file, never the problem's file.
    /// - Parameter function: the function a function problem's driver calls, and how (nil: a whole program).
    static func runRequest(
        _ language: Language, in directory: URL, input: TestData, function: (PythonFunction, TestKind)?,
        limits: Limits, outputLimitBytes: Int
    ) -> SandboxRequest {
        let arguments =
            function.map { FunctionDriver.command($0.0, kind: $0.1) }
            ?? language.runCommand.map { part in
                switch part {
                case "{binary}": return directory.appendingPathComponent(Language.binaryName).path
                case "{source}": return language.sourceFileName
                default: return part
                }
            }
        return SandboxRequest(
            arguments: arguments,
            environment: language.runEnvironment.merging(
                ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8"]) { _, judge in judge },
            workingDirectory: directory, stdin: .copy(input), profile: language.profile,
            readablePaths: [directory.path], cpuLimitMilliseconds: limits.timeMilliseconds,
            wallLimitMilliseconds: max(3 * limits.timeMilliseconds, limits.timeMilliseconds + 1000),
            memoryLimitBytes: limits.memoryBytes,
            addressSpaceBytes: limits.memoryBytes + language.addressSpaceAllowanceBytes,
            stackBytes: 0, outputLimitBytes: outputLimitBytes, maxTasks: 64)
    }

    private func materialize(_ data: TestData, as name: String, in directory: URL) throws -> URL {
        if let file = data.file { return file }
        let url = directory.appendingPathComponent(name)
        do {
            try data.read().write(to: url)
        } catch {
            throw JudgingError.workspace(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return url
    }

    /// At most the first `bytes` bytes of `file`.
    static func prefix(of file: URL, bytes: Int) -> Data {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: bytes)) ?? Data()
    }

    static func head(of file: URL, bytes: Int) -> String {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return "" }
        defer { try? handle.close() }
        return String(decoding: (try? handle.read(upToCount: bytes)) ?? Data(), as: UTF8.self)
    }

    static func tail(of file: URL, bytes: Int) -> String {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > UInt64(bytes) ? size - UInt64(bytes) : 0)
        return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    }
}
