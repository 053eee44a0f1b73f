import Foundation
import Judging
import ModelClient

/// Step 1: the first requests go out at once, each with its own seed, temperature and language, and every answer's
/// program is judged on the samples as it arrives (a program seen before is not judged again).
///
/// Languages alternate (the configured one first, then the others, unless `--language` pins one); the temperature
/// rises by 0.1 each time the languages come round again, up to 1.0. The requests are separate rather than one
/// request with `n` choices, since each asks for its own language and temperature.
public struct ParallelCandidates: StrategyStep {
    public let name = "candidates"
    /// Requests to send at once (fewer when the budget has less left).
    public var count: Int

    public init(count: Int) {
        self.count = count
    }

    /// Candidates worth asking for at once out of `budget` requests: all of them for 1 or 2; else all but one (the
    /// input generator) up to 5; from 6 on, all but two (the generator and a repair).
    public static func breadth(forBudget budget: Int) -> Int {
        budget <= 2 ? max(1, budget) : budget >= 6 ? budget - 2 : budget - 1
    }

    public func run(on state: inout StrategyState, in context: StrategyContext) async throws -> String? {
        let wanted = min(count, context.remaining(state))
        guard wanted > 0 else { return nil }
        let first = state.attempts.count + 1
        // Candidates from an earlier model (escalation) shift where the languages start.
        let offset = state.candidates.count
        let requests = (0..<wanted).map { index in
            let language = context.languages[(offset + index) % context.languages.count]
            let step = (offset + index) / context.languages.count
            return (
                number: first + index, language: language,
                messages: context.prompts.firstAttempt(context.problem, language: language, model: context.model),
                sampling: context.sampling(number: first + index, temperatureStep: step)
            )
        }
        let earlier = state.candidates
        let admitted = try await withThrowingTaskGroup(of: StrategyContext.Answer.self) { group in
            for request in requests {
                group.addTask {
                    try await context.ask(
                        request.messages, sampling: request.sampling, number: request.number, strategy: .candidate)
                }
            }
            // Judged as they arrive, one at a time: a program seen before is not judged again.
            var admitted: [(AttemptRecord, Candidate?)] = []
            for try await answer in group {
                guard let language = requests.first(where: { $0.number == answer.number })?.language else { continue }
                let known = earlier + admitted.compactMap(\.1)
                admitted.append(try await context.admit(answer, asked: language, earlier: known))
            }
            return admitted.sorted { $0.0.number < $1.0.number }
        }
        var lines: [String] = []
        for (record, candidate) in admitted {
            state.attempts.append(record)
            if let candidate { state.candidates.append(candidate) }
            lines.append("#\(record.number) \(record.program?.language ?? "?") \(record.verdict)")
        }
        return "\(wanted) at once: " + lines.joined(separator: ", ")
    }
}
