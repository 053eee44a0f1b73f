import Foundation
import Judging
import ModelFleet
import ProblemFormat

/// The contestant protocol: the strategy works on the statement and the samples; the hidden tests judge the one
/// submitted program, once, after every request was made.
extension Solver {
    /// Runs the contestant strategy with each of `models` in turn (the next one only when no candidate of the last
    /// survived), submits one program and judges it on every test; with `options.checkEveryCandidate`, then judges
    /// the other candidates too (never fed back).
    /// - Returns: the strategy's state, the selection (with the oracle check when asked for), the final report.
    func solveAsContestant(
        _ problem: Problem, models: [ModelConfig], options: SolveOptions, languages: [String], notes: inout [String],
        transcript: TranscriptWriter?, onEvent: @escaping @Sendable (SolveEvent) -> Void
    ) async throws -> (StrategyState, SelectionReport, JudgeReport?) {
        let strategy = Strategy.contestant(maxAttempts: options.maxAttempts)
        let asked = languages.compactMap { try? Language.named($0) }
        var state = StrategyState()
        for (round, current) in models.enumerated() {
            if round > 0 {
                notes.append("escalated to \(current.alias): no candidate of \(models[round - 1].alias) survived")
                try await endpoints.check(current)
            }
            let context = StrategyContext(
                problem: problem, model: current, languages: asked, budget: options.maxAttempts, prompts: prompts,
                judge: judge, endpoints: endpoints, seedOffset: options.seedOffset,
                earlierRequests: state.attempts.count, transcript: transcript, onEvent: onEvent)
            try await strategy.run(on: &state, in: context)
            if state.choice != nil || state.serverFailure != nil { break }
        }
        var selection = state.report()
        var finalReport: JudgeReport?
        if state.serverFailure == nil, let submitted = selection.submitted,
            let submission = state.candidate(submitted)?.submission(named: "submission")
        {
            // The hidden tests, for the first time: nothing the strategy does comes after this.
            finalReport = try await judge.judge(submission, on: problem)
            if options.checkEveryCandidate, let finalReport {
                selection.oracle = try await oracleCheck(of: state, on: problem, submitted: submitted, finalReport)
            }
        }
        onEvent(.submitted(selection, finalReport))
        return (state, selection, finalReport)
    }

    /// Every candidate judged on every test (one judgement per distinct program; the submitted one's is
    /// `submittedReport`): oracle any-of-N, for evaluations.
    private func oracleCheck(
        of state: StrategyState, on problem: Problem, submitted: Int, _ submittedReport: JudgeReport
    ) async throws -> SelectionReport.OracleCheck {
        var verdicts: [String: Bool] = [:]
        var judged: [Int] = []
        if let program = state.candidate(submitted)?.normalized {
            verdicts[program] = submittedReport.verdict.isAccepted
            judged.append(submitted)
        }
        for candidate in state.candidates where verdicts[candidate.normalized] == nil {
            guard let submission = candidate.submission(named: "check-\(candidate.attempt)") else { continue }
            let report = try await judge.judge(submission, on: problem)
            verdicts[candidate.normalized] = report.verdict.isAccepted
            judged.append(candidate.attempt)
        }
        let accepted = state.candidates.filter { verdicts[$0.normalized] == true }.map(\.attempt)
        return SelectionReport.OracleCheck(judged: judged.sorted(), accepted: accepted)
    }
}
