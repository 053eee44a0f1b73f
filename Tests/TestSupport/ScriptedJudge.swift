import Foundation
import Judging
import ProblemFormat

/// An in-process judge for loop and evaluation tests: each submission gets the report its script returns, with no
/// compiler and no sandbox. (The sandboxed `Judge` has its own tests, and a few integration tests use it.)
public final class ScriptedJudge: SubmissionJudge, @unchecked Sendable {  // `judged`, `executed` are guarded by `lock`
    private let script: @Sendable (Submission, Problem) -> JudgeReport
    private let runScript: @Sendable (Submission, Data) -> ProgramRun
    private let lock = NSLock()
    private var judged: [Submission] = []
    private var executed: [(Submission, Data)] = []

    /// - Parameters:
    ///   - script: the report a submission gets.
    ///   - run: what a program does on one input when executed outside the tests (default: prints nothing).
    public init(
        _ script: @escaping @Sendable (Submission, Problem) -> JudgeReport,
        run: @escaping @Sendable (Submission, Data) -> ProgramRun = { _, _ in .printed("") }
    ) {
        self.script = script
        self.runScript = run
    }

    /// The submissions judged so far, in order.
    public var submissions: [Submission] { lock.withLock { judged } }

    /// The programs run on inputs so far, with the input of each run, in order.
    public var runs: [(submission: Submission, input: Data)] { lock.withLock { executed } }

    public func judge(_ submission: Submission, on problem: Problem, options: JudgeOptions) async throws -> JudgeReport
    {
        lock.withLock { judged.append(submission) }
        return script(submission, problem)
    }

    public func execute(_ submission: Submission, on inputs: [Data], of problem: Problem, options: ExecutionOptions)
        async throws -> ExecutionReport
    {
        var report = ExecutionReport(compile: CompileReport(ok: true, log: "", timeMilliseconds: 1), runs: [])
        for input in inputs {
            lock.withLock { executed.append((submission, input)) }
            var run = runScript(submission, input)
            if run.output.count > options.outputLimitBytes {
                run = ProgramRun(
                    failure: .outputLimitExceeded, message: "wrote too much", output: Data(),
                    timeMilliseconds: run.timeMilliseconds, memoryKiB: run.memoryKiB)
            }
            report.runs.append(run)
            if !run.succeeded, options.stopAtFirstFailure { break }
        }
        return report
    }
}

extension ProgramRun {
    /// A run that printed `text` and exited normally.
    public static func printed(_ text: String, milliseconds: Int = 1) -> ProgramRun {
        ProgramRun(failure: nil, message: "", output: Data(text.utf8), timeMilliseconds: milliseconds, memoryKiB: 1024)
    }

    /// A run that ended with `verdict` (`TLE`, `RE`, …).
    public static func failed(_ verdict: Verdict, _ message: String = "") -> ProgramRun {
        ProgramRun(failure: verdict, message: message, output: Data(), timeMilliseconds: 1000, memoryKiB: 1024)
    }
}

extension JudgeReport {
    /// Every test of `problem` accepted.
    public static func accepted(on problem: Problem, language: String) -> JudgeReport {
        let tests = problem.tests.map { test in
            TestReport(
                name: test.name, isSample: test.isSample, verdict: .accepted, timeMilliseconds: 1, wallMilliseconds: 2,
                memoryKiB: 1024, message: "", exitCode: 0, signal: nil, output: "", stderr: "")
        }
        return JudgeReport(
            verdict: .accepted, message: "\(tests.count) of \(tests.count) tests passed", language: language,
            compile: CompileReport(ok: true, log: "", timeMilliseconds: 1), tests: tests, timeMilliseconds: 1,
            memoryKiB: 1024, sandbox: ["scripted"])
    }

    /// The tests of `problem` before `test` accepted, and `test` failed with `verdict`, printing `output`.
    public static func failing(
        _ test: String, _ verdict: Verdict, output: String, message: String, on problem: Problem, language: String
    ) -> JudgeReport {
        var tests: [TestReport] = []
        for current in problem.tests {
            let failed = current.name == test
            tests.append(
                TestReport(
                    name: current.name, isSample: current.isSample, verdict: failed ? verdict : .accepted,
                    timeMilliseconds: 1, wallMilliseconds: 2, memoryKiB: 1024, message: failed ? message : "",
                    exitCode: 0, signal: nil, output: failed ? output : "", stderr: ""))
            if failed { break }
        }
        return JudgeReport(
            verdict: verdict, message: "test \(test): \(message)", language: language,
            compile: CompileReport(ok: true, log: "", timeMilliseconds: 1), tests: tests, timeMilliseconds: 1,
            memoryKiB: 1024, sandbox: ["scripted"])
    }

    /// A compile error with `log`.
    public static func compileError(_ log: String, language: String) -> JudgeReport {
        JudgeReport(
            verdict: .compileError, message: log.split(separator: "\n").first.map(String.init) ?? "compilation failed",
            language: language, compile: CompileReport(ok: false, log: log, timeMilliseconds: 1), tests: [],
            timeMilliseconds: 0, memoryKiB: 0, sandbox: ["scripted"])
    }
}
