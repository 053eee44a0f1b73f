import Foundation
import ProblemFormat

extension Judge {
    /// Compiles `submission` once and runs it in the sandbox on each of `inputs` under `options`: what each run wrote
    /// and how it ended. For a function problem's solution each input holds the arguments (JSON, one per line) and
    /// the output is the JSON the function returned; with `options.standalone` the program runs as a whole program.
    /// - Throws: `JudgingError` when the judge itself cannot work (no sandbox, no work directory).
    public func execute(_ submission: Submission, on inputs: [Data], of problem: Problem, options: ExecutionOptions)
        async throws -> ExecutionReport
    {
        let (directory, language) = try stage(submission, on: problem, standalone: options.standalone)
        defer { try? FileManager.default.removeItem(at: directory) }
        let function = options.standalone ? nil : problem.interface.function
        return try await runPool.withSlot { slot in
            let compile = try await self.compiler.compile(language, in: directory, slot: slot, toolPool: self.toolPool)
            var report = ExecutionReport(compile: compile, runs: [])
            guard compile.ok else { return report }
            if let size = Self.oversizedImage(of: language, in: directory, limits: options.limits) {
                let message = "its static data alone needs \(size >> 20) MiB"
                let run = ProgramRun(
                    failure: .memoryLimitExceeded, message: message, output: Data(), timeMilliseconds: 0,
                    memoryKiB: size / 1024)
                report.runs = options.stopAtFirstFailure ? [run] : Array(repeating: run, count: inputs.count)
                return report
            }
            for input in inputs {
                let request = Self.runRequest(
                    language, in: directory, input: .text(String(decoding: input, as: UTF8.self)),
                    function: function.map { ($0, .output) }, limits: options.limits,
                    outputLimitBytes: options.outputLimitBytes + 1)
                let outcome = try await slot.run(request)
                let run = Self.programRun(outcome, options: options, function: function != nil)
                report.runs.append(run)
                if !run.succeeded, options.stopAtFirstFailure { break }
            }
            return report
        }
    }

    /// What one run wrote and how it ended.
    private static func programRun(_ outcome: SandboxOutcome, options: ExecutionOptions, function: Bool) -> ProgramRun {
        let stderrTail = tail(of: outcome.stderrFile, bytes: 1024)
        var run = ProgramRun(
            failure: nil, message: "", output: prefix(of: outcome.stdoutFile, bytes: options.outputLimitBytes + 1),
            timeMilliseconds: outcome.cpuMicroseconds / 1000, memoryKiB: outcome.peakMemoryBytes / 1024)
        if let (verdict, message) = RunClassifier.classify(
            outcome, limits: options.limits, outputLimitBytes: options.outputLimitBytes + 1, stderrTail: stderrTail)
        {
            run.failure = verdict
            run.message = message
        } else if run.output.count > options.outputLimitBytes {
            run.failure = .outputLimitExceeded
            run.message = "wrote more than \(options.outputLimitBytes >> 10) KiB"
        }
        guard function, run.failure == nil else {
            if run.failure != nil { run.output = Data() }
            return run
        }
        // The driver's report line holds the returned value; the solution's own prints went to stderr.
        switch FunctionDriver.report(in: run.output, kinds: FunctionDriver.callKinds) {
        case .result(let json):
            run.output = Data(json.utf8)
        case .unserializable(let what):
            run.output = Data("unserializable: \(what)".utf8)
        case .missing(let what):
            run.failure = .runtimeError
            run.message = what
            run.output = Data()
        default:
            run.failure = .runtimeError
            run.message = "the program exited before the function returned"
            run.output = Data()
        }
        return run
    }

    /// Whether the problem's checker accepts `output` with `reference` in the place of the answer; in-process
    /// comparisons need no sandbox. A checker that fails on the pair (it may not expect a contestant's output where
    /// the answer goes) counts as a disagreement.
    /// - Throws: `JudgingError.workspace` when the files for the checker cannot be written.
    public func outputsAgree(_ output: Data, _ reference: Data, input: Data, on problem: Problem) async throws -> Bool {
        if let agreement = OutputComparison.agreement(output, reference, problem: problem) { return agreement }
        let folder = try workspace.makePrivateDirectory("agree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [URL] = []
        for (name, data) in [("in", input), ("out", output), ("ans", reference)] {
            let file = folder.appendingPathComponent(name)
            do {
                try data.write(to: file)
            } catch {
                throw JudgingError.workspace(path: file.path, reason: (error as NSError).localizedDescription)
            }
            files.append(file)
        }
        do {
            return try await checkers.mismatch(
                spec: problem.checker, input: files[0], output: files[1], answer: files[2])
                == nil
        } catch JudgingError.checker {
            return false
        }
    }
}
