import ProblemFormat

/// Something that judges submissions: the sandboxed `Judge`, or a scripted one in tests of the loop.
public protocol SubmissionJudge: Sendable {
    /// Judges `submission` on `problem`'s tests (those `options` select).
    /// - Throws: `JudgingError` when the judge itself cannot work; a wrong program is a verdict, not an error.
    func judge(_ submission: Submission, on problem: Problem, options: JudgeOptions) async throws -> JudgeReport
}

extension SubmissionJudge {
    /// Judges `submission` on every test of `problem`, stopping at the first failure.
    public func judge(_ submission: Submission, on problem: Problem) async throws -> JudgeReport {
        try await judge(submission, on: problem, options: JudgeOptions())
    }
}
