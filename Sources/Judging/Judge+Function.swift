import Foundation
import ProblemFormat

extension Judge {
    /// The verdict of an arguments-mode run that exited normally, from the driver's report.
    ///
    /// `report.output` becomes the returned value as JSON (what feedback shows as "got"), never the solution's
    /// own prints, which went to stderr.
    func judgeFunctionRun(_ outcome: SandboxOutcome, test: TestCase, into report: inout TestReport) {
        let limit = Judge.functionReportLimit(for: test)
        let output = Judge.prefix(of: outcome.stdoutFile, bytes: limit + 1)
        report.output = ""
        guard output.count <= limit else {
            report.verdict = .wrongAnswer
            report.message = "the function's report is over \(limit) bytes, too long for a result like the answer"
            return
        }
        switch FunctionDriver.report(in: output, kinds: FunctionDriver.callKinds) {
        case .result(let json):
            report.output = String(json.prefix(1024))
            compare(json, with: test, into: &report)
        case .unserializable(let what):
            report.verdict = .wrongAnswer
            report.message = "returned \(OutputComparison.clip(Substring(what), 200)), which is not a JSON value"
        case .missing(let what):
            report.verdict = .wrongAnswer
            report.message = what
        default:
            report.verdict = .runtimeError
            report.message =
                "the program exited (code \(outcome.exitCode.map(String.init) ?? "?")) before the "
                + "function returned"
        }
    }

    /// A test whose data is broken: an internal error that names it, not a verdict on the program.
    static func brokenTest(_ test: TestCase, _ message: String, function: PythonFunction) -> TestReport {
        TestReport(
            name: test.name, isSample: test.isSample, verdict: .internalError, timeMilliseconds: 0,
            wallMilliseconds: 0, memoryKiB: 0,
            message: "broken test" + (test.input.file.map { " \($0.path)" } ?? "") + ": \(message)", exitCode: nil,
            signal: nil, output: "", stderr: "")
    }

    /// Runs a check-code test: the solution serves calls in `slot` while the check code runs in a tool slot of
    /// its own, the two joined by a socket; the verdict comes from the check's report, which the solution's
    /// process cannot write.
    func runCheck(
        _ test: TestCase, function: PythonFunction, problem: Problem, request: inout SandboxRequest,
        slot: SandboxSlot
    ) async throws -> TestReport {
        let folder = try workspace.makePrivateDirectory("check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            FunctionDriver.CheckFiles.driver: Data(FunctionDriver.checkSource.utf8),
            FunctionDriver.CheckFiles.tests: try test.input.read(),
            FunctionDriver.CheckFiles.starter: Data(function.starterCode.utf8),
        ]
        for (name, data) in files {
            let file = folder.appendingPathComponent(name)
            do {
                try data.write(to: file)
            } catch {
                throw JudgingError.workspace(path: file.path, reason: (error as NSError).localizedDescription)
            }
        }
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw JudgingError.sandboxUnavailable(step: "socketpair", errno: errno)
        }
        let solutionOut = dup(ends[0])
        guard solutionOut >= 0 else {
            let error = errno
            ends.forEach { close($0) }
            throw JudgingError.sandboxUnavailable(step: "dup", errno: error)
        }
        _ = fcntl(solutionOut, F_SETFD, FD_CLOEXEC)
        request.stdin = .pipe(ends[0])
        request.stdout = .pipe(solutionOut)
        let limits = problem.limits
        let check = SandboxRequest(
            arguments: FunctionDriver.checkCommand(function), environment: ["LANG": "C.UTF-8", "HOME": folder.path],
            workingDirectory: folder, stdin: .pipe(ends[1]), profile: .python, readablePaths: [folder.path],
            cpuLimitMilliseconds: Judge.checkCPUMilliseconds + 3 * limits.timeMilliseconds,
            wallLimitMilliseconds: request.wallLimitMilliseconds + Judge.checkCPUMilliseconds,
            memoryLimitBytes: SandboxRequest.toolMemoryLimitBytes, addressSpaceBytes: 0, stackBytes: 256 << 20,
            outputLimitBytes: 1 << 20, maxTasks: 16)
        let solutionRequest = request
        // Until both runs take them over, the socket's ends are the judge's to close.
        let unclaimed = DescriptorGuard([ends[0], solutionOut, ends[1]])
        let (outcome, checkOutcome, checkReport, checkStderr) = try await toolPool.withSlot { checkSlot in
            unclaimed.release()
            // Both runs start together: each closes its ends of the socket in the judge as it starts, so either
            // side sees end-of-file as soon as the other ends.
            async let solution = slot.run(solutionRequest)
            let checked: Result<SandboxOutcome, any Error>
            do {
                checked = .success(try await checkSlot.run(check))
            } catch {
                checked = .failure(error)
            }
            let outcome = try await solution
            let checkOutcome = try checked.get()
            return (
                outcome, checkOutcome, Judge.prefix(of: checkOutcome.stdoutFile, bytes: check.outputLimitBytes),
                Judge.tail(of: checkOutcome.stderrFile, bytes: 2048)
            )
        }

        let stderrTail = Judge.tail(of: outcome.stderrFile, bytes: 1024)
        var report = TestReport(
            name: test.name, isSample: test.isSample, verdict: .accepted,
            timeMilliseconds: outcome.cpuMicroseconds / 1000, wallMilliseconds: outcome.wallMicroseconds / 1000,
            memoryKiB: outcome.peakMemoryBytes / 1024, message: "", exitCode: outcome.exitCode,
            signal: outcome.signal, output: "", stderr: stderrTail)
        if let (verdict, message) = RunClassifier.classify(
            outcome, limits: limits, outputLimitBytes: solutionRequest.outputLimitBytes, stderrTail: stderrTail)
        {
            report.verdict = verdict
            report.message = message
            return report
        }
        switch FunctionDriver.report(in: checkReport, kinds: FunctionDriver.checkKinds) {
        case .passed:
            report.message = "ok"
        case .assertion(let message):
            report.verdict = .wrongAnswer
            report.message = "assertion failed: \(OutputComparison.clip(Substring(message), 300))"
        case .missing(let what):
            report.verdict = .wrongAnswer
            report.message = what
        case .badResponse(let what):
            report.verdict = .wrongAnswer
            report.message = "the program broke the judge's channel: \(OutputComparison.clip(Substring(what), 200))"
        case .raised(let type, let message):
            report.verdict = type == "MemoryError" ? .memoryLimitExceeded : .runtimeError
            let detail = message.isEmpty ? type : "\(type): \(message)"
            report.message = "raised \(OutputComparison.clip(Substring(detail), 300))"
        case .badTest(let message):
            return Judge.brokenTest(test, message, function: function)
        case .lost, .result, .unserializable:
            report.verdict = .runtimeError
            report.message =
                "the program exited (code \(outcome.exitCode.map(String.init) ?? "?")) before the check finished"
        case nil:
            let how =
                checkOutcome.violation.map { "forbidden system call \($0)" }
                ?? checkOutcome.exitCode.map { "exit code \($0)" } ?? "signal \(checkOutcome.signal ?? 0)"
            report.verdict = .internalError
            report.message = "the check process failed (\(how)): \(OutputComparison.clip(Substring(checkStderr), 300))"
        }
        return report
    }

    /// The most of the driver's stdout read: four times the answer's size, and at least 1 MiB. The report is one line
    /// and a right result's JSON is about as long as the answer's, so the judge's memory follows the problem's data,
    /// not what the program writes.
    static func functionReportLimit(for test: TestCase) -> Int {
        let answerBytes: Int
        switch test.answer {
        case .file(let url):
            answerBytes = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
        case .text(let text):
            answerBytes = text.utf8.count
        }
        return max(1 << 20, 4 * answerBytes)
    }

    /// CPU time the check process may use besides three times the problem's limit.
    static let checkCPUMilliseconds = 10_000

    /// Compares the returned JSON with the test's answer.
    private func compare(_ json: String, with test: TestCase, into report: inout TestReport) {
        let expected: JSONValue
        do {
            expected = try JSONValue.parse(try test.answer.read())
        } catch {
            report.verdict = .internalError
            report.message = "the answer \(test.answer.file?.path ?? "of test \(test.name)") is not JSON: \(error)"
            return
        }
        guard let result = try? JSONValue.parse(json) else {
            report.verdict = .wrongAnswer
            report.message = "the reported result is not JSON"
            return
        }
        if let mismatch = OutputComparison.jsonMismatch(result: result, expected: expected) {
            report.verdict = .wrongAnswer
            report.message = mismatch
        } else {
            report.message = "ok"
        }
    }
}

/// File descriptors that are closed when the guard goes away, unless released first (handed to their owner).
/// `@unchecked Sendable`: `lock` guards `descriptors`.
final class DescriptorGuard: @unchecked Sendable {
    private let lock = NSLock()
    private var descriptors: [Int32]

    init(_ descriptors: [Int32]) {
        self.descriptors = descriptors
    }

    /// Gives up the descriptors: their new owner closes them.
    func release() {
        lock.lock()
        defer { lock.unlock() }
        descriptors = []
    }

    deinit {
        descriptors.forEach { close($0) }
    }
}
