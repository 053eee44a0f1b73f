import Foundation
import ProblemFormat

/// Something that judges submissions: the sandboxed `Judge`, or a scripted one in tests of the loop.
public protocol SubmissionJudge: Sendable {
    /// Judges `submission` on `problem`'s tests (those `options` select).
    /// - Throws: `JudgingError` when the judge itself cannot work; a wrong program is a verdict, not an error.
    func judge(_ submission: Submission, on problem: Problem, options: JudgeOptions) async throws -> JudgeReport

    /// Compiles `submission` once and runs it on each of `inputs` (inputs without answers: generated ones, or an
    /// input generator's test numbers) under `options`: what each run wrote and how it ended.
    /// - Throws: `JudgingError` when the judge itself cannot work; a program that fails is a run's failure.
    func execute(_ submission: Submission, on inputs: [Data], of problem: Problem, options: ExecutionOptions)
        async throws -> ExecutionReport

    /// Whether `output` agrees with `reference`, two programs' outputs on `input`: whether `problem`'s checker accepts
    /// `output` with `reference` in the place of the answer.
    /// - Throws: `JudgingError` when the judge itself cannot work; a checker that fails on them is a disagreement.
    func outputsAgree(_ output: Data, _ reference: Data, input: Data, on problem: Problem) async throws -> Bool
}

extension SubmissionJudge {
    /// Judges `submission` on every test of `problem`, stopping at the first failure.
    public func judge(_ submission: Submission, on problem: Problem) async throws -> JudgeReport {
        try await judge(submission, on: problem, options: JudgeOptions())
    }
}

extension SubmissionJudge {
    /// Compares in-process (``OutputComparison/agreement(_:_:problem:)``); a problem with a checker program compares
    /// tokens instead, as a judge without a sandbox must.
    public func outputsAgree(_ output: Data, _ reference: Data, input: Data, on problem: Problem) async throws -> Bool {
        if let agreement = OutputComparison.agreement(output, reference, problem: problem) { return agreement }
        return OutputComparison.mismatch(output: output, answer: reference, checker: .tokens(.standard)) == nil
    }
}
