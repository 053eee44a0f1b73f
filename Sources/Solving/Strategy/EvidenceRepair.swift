import Foundation
import Judging
import ModelClient

/// Step 5: when no candidate survived, repair one on unambiguous evidence, after breadth, at most `maxRounds` times
/// within the budget; each repaired program goes through the `then` steps (the sample filter, the generator, the
/// selection) like any candidate.
///
/// Evidence is what a contestant could see for themselves: a failed sample (its input, the expected output and the
/// program's), a compile error (the compiler's messages), or a crash, a time-out or too much memory on a generated
/// input. Disagreeing with other candidates is never evidence: the majority's output is not the answer. The target is
/// a candidate that passed the samples and then failed a generated input (the latest), else the one that passed the
/// most samples (the earliest of equals), else one that does not compile; a program already repaired is not repaired
/// again.
public struct EvidenceRepair: StrategyStep {
    public let name = "repair"
    public var maxRounds: Int
    /// The steps every repaired program goes through.
    public var then: [any StrategyStep]

    public init(maxRounds: Int = 2, then: [any StrategyStep]) {
        self.maxRounds = maxRounds
        self.then = then
    }

    public func run(on state: inout StrategyState, in context: StrategyContext) async throws -> String? {
        var lines: [String] = []
        while state.choice == nil, state.repairRounds < maxRounds, context.remaining(state) > 0,
            state.serverFailure == nil, let (target, feedback, evidence) = Self.evidence(in: state, context: context),
            let language = target.language,
            let previous = state.attempts.first(where: { $0.number == target.attempt })
        {
            let number = state.attempts.count + 1
            var messages = context.prompts.firstAttempt(context.problem, language: language, model: context.model)
            messages.append(ChatMessage(.assistant, Solver.resentAnswer(of: previous)))
            messages.append(
                ChatMessage(.user, context.prompts.feedback(feedback, problem: context.problem, language: language)))
            let answer = try await context.ask(
                messages, sampling: context.sampling(number: number), number: number, strategy: .repair)
            let (record, candidate) = try await context.admit(
                answer, asked: language, repairs: target.attempt, earlier: state.candidates)
            state.attempts.append(record)
            if let candidate { state.candidates.append(candidate) }
            state.repairRounds += 1
            lines.append("#\(number) repairs #\(target.attempt) (\(evidence)): \(record.verdict)")
            for step in then where state.serverFailure == nil {
                try await Strategy.measure(step, on: &state, in: context)
            }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "; ")
    }

    /// The candidate to repair, the feedback that shows it its evidence, and a few words naming that evidence; nil
    /// when no candidate has any.
    static func evidence(in state: StrategyState, context: StrategyContext) -> (Candidate, Feedback, String)? {
        let repaired = Set(state.candidates.compactMap(\.repairs))
        let repairedPrograms = Set(state.candidates.filter { repaired.contains($0.attempt) }.map(\.normalized))
        let eligible = state.candidates.filter {
            $0.language != nil && $0.samples != nil && !repairedPrograms.contains($0.normalized)
        }
        let kept = state.inputs.indices.filter { index in !state.suspectInputs.contains(state.inputs[index]) }
        // 1. Passed the samples, then crashed or ran out of time or memory on a kept generated input.
        for candidate in eligible.sorted(by: { $0.attempt > $1.attempt }) where candidate.passedSamples {
            guard candidate.runs.count == state.inputs.count,
                let input = kept.first(where: { candidate.runs[$0].failure.map(Self.isCrashOrLimit) ?? false })
            else { continue }
            let run = candidate.runs[input]
            let feedback = Feedback.generatedInput(state.inputs[input].data, run: run, problem: context.problem)
            return (candidate, feedback, "\(run.failure?.code ?? "failed") on \(state.inputs[input].label)")
        }
        // 2. Failed a sample (the most passed first), 3. does not compile.
        let failing = eligible.filter { !$0.passedSamples }.sorted { a, b in
            let compiles = (a.samples?.compile.ok ?? false, b.samples?.compile.ok ?? false)
            if compiles.0 != compiles.1 { return compiles.0 }
            if a.samplesPassed != b.samplesPassed { return a.samplesPassed > b.samplesPassed }
            return a.attempt < b.attempt
        }
        guard let target = failing.first, let report = target.samples else { return nil }
        let evidence =
            report.compile.ok
            ? (report.tests.first { !$0.verdict.isAccepted }).map { "\($0.verdict.code) on \($0.name)" } ?? "failed"
            : "compile error"
        return (target, .judged(report, problem: context.problem), evidence)
    }

    /// A failure that needs no reference answer to be wrong: a crash, or a limit exceeded.
    static func isCrashOrLimit(_ verdict: Verdict) -> Bool {
        [.runtimeError, .timeLimitExceeded, .memoryLimitExceeded, .outputLimitExceeded, .securityViolation]
            .contains(verdict)
    }
}
