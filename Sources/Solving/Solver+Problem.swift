import Foundation
import Judging
import ModelFleet
import ProblemFormat

extension Solver {
    /// `solve PROBLEM`: the prompts `config` names (or the built-in ones, said in a note), a transcript folder under
    /// `runsDirectory`, and the loop on `problem`.
    /// - Parameter notes: said with the route (such as which local server serves both routes).
    /// - Throws: `SolveError` for bad prompts or an unwritable transcript, `ModelFleetError` when no server answers,
    ///   `CancellationError`.
    public static func solve(
        _ problem: Problem, config: SolveConfig, options: SolveOptions, judge: any SubmissionJudge,
        runsDirectory: URL, notes: [String] = [], onEvent: @escaping @Sendable (SolveEvent) -> Void = { _ in }
    ) async throws -> SolveOutcome {
        var notes = notes
        let prompts = try PromptLibrary(folder: config.promptsDirectory)
        if prompts.folder == nil { notes.append("no Prompts/ folder found: using the templates built into solve") }
        let solver = Solver(config: config, prompts: prompts, judge: judge)
        let transcript = try TranscriptWriter(runsDirectory: runsDirectory, problemSlug: problem.slug)
        return try await solver.solve(problem, options: options, transcript: transcript, notes: notes, onEvent: onEvent)
    }
}
