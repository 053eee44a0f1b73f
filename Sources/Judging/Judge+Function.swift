import Foundation
import ProblemFormat

extension Judge {
    /// The verdict of a function-mode run that exited normally, from the driver's report.
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
        switch FunctionDriver.report(in: output) {
        case .result(let json):
            report.output = String(json.prefix(1024))
            compare(json, with: test, into: &report)
        case .passed:
            report.message = "ok"
        case .assertion(let message):
            report.verdict = .wrongAnswer
            report.message = "assertion failed: \(OutputComparison.clip(Substring(message), 300))"
        case .unserializable(let what):
            report.verdict = .wrongAnswer
            report.message = "returned \(OutputComparison.clip(Substring(what), 200)), which is not a JSON value"
        case .missing(let what):
            report.verdict = .wrongAnswer
            report.message = what
        case .badTest(let message):
            report.verdict = .internalError
            report.message = "broken test" + (test.input.file.map { " \($0.path)" } ?? "") + ": \(message)"
        case nil:
            report.verdict = .runtimeError
            report.message =
                "the program exited (code \(outcome.exitCode.map(String.init) ?? "?")) before the "
                + "function returned"
        }
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

    /// The first `bytes` bytes of a file (fewer if it is shorter; none if it cannot be read).
    static func prefix(of file: URL, bytes: Int) -> Data {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: bytes)) ?? Data()
    }

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
            report.verdict = .internalError
            report.message = "the driver reported a result that is not JSON"
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
