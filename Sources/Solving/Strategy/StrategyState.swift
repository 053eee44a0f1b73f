import Foundation
import Judging

/// An input written by the model's generator: no answer, only what the candidates make of it.
public struct GeneratedInput: Sendable, Hashable {
    public var data: Data
    /// The generator's attempt and the test number it was asked for.
    public var generator: Int
    public var test: Int

    public init(data: Data, generator: Int, test: Int) {
        self.data = data
        self.generator = generator
        self.test = test
    }

    /// "generated input 8 (1.2 MiB)".
    public var label: String { "generated input \(test) (\(Self.size(data.count)))" }

    /// `bytes` as "12 bytes", "3 KiB" or "1.2 MiB".
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20
            ? String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
            : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}

/// What the contestant strategy knows so far: the requests made, the candidates and their results, the generated
/// inputs, the groups, the choice. Steps read it and add to it, in order.
public struct StrategyState: Sendable {
    /// Every request, in number order: candidates, input generators, repairs.
    public var attempts: [AttemptRecord] = []
    /// Every program worth judging, in attempt order.
    public var candidates: [Candidate] = []
    /// The generated inputs kept (one generator's, deduplicated), in test order.
    public var inputs: [GeneratedInput] = []
    /// Generated inputs set aside: every survivor failed on them, so they are more likely invalid than all wrong.
    public var suspectInputs: [GeneratedInput] = []
    /// Survivors grouped by agreement on the generated inputs (attempt numbers), best group first.
    public var groups: [[Int]] = []
    /// The clean choice: a member of the best group (it passed every sample and every generated input).
    public var choice: Int?
    /// Why the choice, once made.
    public var choiceReason: String?
    /// When no candidate passed every sample: the best of those that compile, submitted if nothing better comes.
    public var fallback: Int?
    public var fallbackReason: String?
    /// Repair requests sent so far.
    public var repairRounds = 0
    /// What each step cost, in order.
    public var costs: [StepCost] = []

    public init() {}

    /// The request whose failure stops the strategy (the model never answered it), if any.
    public var serverFailure: AttemptRecord? { attempts.first { $0.outcome.isServerFailure } }

    /// The candidates still in (passed every sample, no failure on a kept generated input).
    public var survivors: [Candidate] { candidates.filter { $0.ruledOut == nil && $0.language != nil } }

    /// The candidate of attempt `number`.
    public func candidate(_ number: Int) -> Candidate? { candidates.first { $0.attempt == number } }

    /// The attempt numbers of generator requests.
    public var generators: [Int] { attempts.filter { $0.strategy == .generator }.map(\.number) }
}

extension StrategyState {
    /// The program to submit and why: the selection's choice, else its best of the candidates that compile, else
    /// (no selection ran) the first candidate this machine can judge; nil when there is none.
    public func submission() -> (attempt: Int?, reason: String) {
        if let choice, let reason = choiceReason { return (choice, reason) }
        if let fallback, let reason = fallbackReason { return (fallback, reason) }
        if let first = candidates.first(where: { $0.language != nil }) {
            return (first.attempt, "the first candidate this machine can judge (nothing was compared)")
        }
        return (nil, candidates.isEmpty ? "no answer held a program" : "no program this machine can judge")
    }

    /// The report of the selection (before any oracle check).
    public func report() -> SelectionReport {
        let (submitted, reason) = submission()
        let summaries = candidates.map { candidate in
            SelectionReport.CandidateSummary(
                attempt: candidate.attempt, language: candidate.language?.id ?? candidate.program.language,
                repairs: candidate.repairs, samplesPassed: candidate.samplesPassed,
                samples: candidate.samples?.tests.count ?? 0, failures: candidate.failures,
                cpuMilliseconds: candidate.cpuMilliseconds, ruledOut: candidate.ruledOut)
        }
        return SelectionReport(
            submitted: submitted, reason: reason, candidates: summaries,
            generatedInputs: inputs.count - suspectInputs.count, suspectInputs: suspectInputs.count, groups: groups,
            steps: costs)
    }
}
