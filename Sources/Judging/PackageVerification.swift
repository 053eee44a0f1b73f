import Foundation
import ProblemFormat

/// One submission of a Kattis package judged against the verdict its folder names.
public struct SubmissionCheck: Sendable, Codable {
    public var file: String
    /// The folder's verdict (`wrong_answer` → WA).
    public var expected: Verdict
    public var report: JudgeReport
    public var matches: Bool { report.verdict == expected }
}

extension Judge {
    /// Judges every submission under `submissions/<verdict>/` of a package, on every test, like problemtools'
    /// `verifyproblem`. Folders that name no verdict are skipped.
    public func verifySubmissions(of problem: Problem) async throws -> [SubmissionCheck] {
        var checks: [SubmissionCheck] = []
        for submission in try KattisPackage.submissions(inPackage: problem.source) {
            guard let expected = Verdict(codeOrFolder: submission.expectedVerdict) else { continue }
            let program: Submission
            do {
                program = try Submission.load(submission.file)
            } catch let error as JudgingError {
                let report = JudgeReport(
                    verdict: .internalError, message: error.description, language: "?",
                    compile: CompileReport(ok: false, log: error.description, timeMilliseconds: 0), tests: [],
                    timeMilliseconds: 0, memoryKiB: 0, sandbox: [])
                checks.append(SubmissionCheck(file: submission.file.path, expected: expected, report: report))
                continue
            }
            let report = try await judge(program, on: problem, options: JudgeOptions(stopAtFirstFailure: true))
            checks.append(SubmissionCheck(file: submission.file.path, expected: expected, report: report))
        }
        return checks
    }
}
