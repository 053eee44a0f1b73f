import Foundation

/// Step 2: a candidate that failed a sample, does not compile, or cannot be judged here is out. A problem without
/// samples keeps every candidate that compiles.
public struct SampleFilter: StrategyStep {
    public let name = "samples"

    public init() {}

    public func run(on state: inout StrategyState, in context: StrategyContext) async throws -> String? {
        guard !state.candidates.isEmpty else { return nil }
        for index in state.candidates.indices where state.candidates[index].ruledOut == nil {
            state.candidates[index].ruledOut = Self.ruling(on: state.candidates[index])
        }
        let kept = state.candidates.filter { $0.ruledOut == nil }.map { "#\($0.attempt)" }
        let out = state.candidates.compactMap { candidate in
            candidate.ruledOut.map { "#\(candidate.attempt) \($0)" }
        }
        let what = context.problem.samples.isEmpty ? "compile (no samples)" : "pass every sample"
        var line = "\(kept.count) of \(state.candidates.count) \(what)"
        if !kept.isEmpty { line += ": " + kept.joined(separator: " ") }
        if !out.isEmpty { line += "; out: " + out.joined(separator: ", ") }
        return line
    }

    /// Why `candidate` is out after its samples, or nil when it passed them all.
    static func ruling(on candidate: Candidate) -> String? {
        guard candidate.language != nil, let report = candidate.samples else {
            return "cannot be judged here (\(candidate.program.language))"
        }
        guard report.compile.ok else { return "does not compile" }
        let failed = report.tests.filter { !$0.verdict.isAccepted }
        guard let first = failed.first else { return nil }
        let more = failed.count > 1 ? " and \(failed.count - 1) more" : ""
        return "\(first.verdict.code) on \(first.name)\(more)"
    }
}
