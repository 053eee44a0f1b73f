import Foundation

/// One step of a contestant strategy: it reads what earlier steps found and adds to it (requests, candidates,
/// inputs, rulings, groups, a choice). A stronger selection (a model-written brute force as the reference, model-judged
/// disagreements) is one more step.
public protocol StrategyStep: Sendable {
    /// A short name for costs and output: `candidates`, `samples`, `generator`, `selection`, `repair`.
    var name: String { get }

    /// Does the step's work on `state`.
    /// - Returns: one line on what it found, or nil when it had nothing to do.
    /// - Throws: `CancellationError`, or `JudgingError` when the judge itself fails.
    func run(on state: inout StrategyState, in context: StrategyContext) async throws -> String?
}

/// The contestant strategy: steps run in order within the request budget, each one's cost recorded, then one
/// program chosen for submission.
public struct Strategy: Sendable {
    public var steps: [any StrategyStep]

    public init(steps: [any StrategyStep]) {
        self.steps = steps
    }

    /// The strategy of `solve` for a budget of `maxAttempts` requests: candidates in parallel, the sample filter,
    /// generated inputs, the choice by execution, then up to two repair rounds on unambiguous evidence.
    public static func contestant(maxAttempts: Int) -> Strategy {
        let follow: [any StrategyStep] = [SampleFilter(), InputGeneration(), ExecutionSelection()]
        return Strategy(
            steps: [ParallelCandidates(count: ParallelCandidates.breadth(forBudget: maxAttempts))] + follow
                + [EvidenceRepair(maxRounds: 2, then: follow)])
    }

    /// Runs every step on `state` (stopping after a request the model never answered), recording each step's cost
    /// and reporting what it found.
    /// - Throws: `CancellationError`, or `JudgingError` when the judge itself fails.
    public func run(on state: inout StrategyState, in context: StrategyContext) async throws {
        for step in steps {
            if state.serverFailure != nil { return }
            try await Self.measure(step, on: &state, in: context)
        }
    }

    /// Runs `step`, appending its cost to `state.costs` and reporting its line.
    static func measure(_ step: any StrategyStep, on state: inout StrategyState, in context: StrategyContext)
        async throws
    {
        let started = ContinuousClock.now
        let requestsBefore = state.attempts.count
        let costsBefore = state.costs.count
        let judgedBefore = context.meter.totals
        let line = try await step.run(on: &state, in: context)
        let elapsed = started.duration(to: .now)
        let added = state.attempts.dropFirst(requestsBefore)
        let judged = context.meter.totals
        var cost = StepCost(
            step: step.name, requests: added.count,
            promptTokens: added.reduce(0) { $0 + ($1.usage?.promptTokens ?? 0) },
            completionTokens: added.reduce(0) { $0 + ($1.usage?.completionTokens ?? 0) },
            judgeCalls: judged.calls - judgedBefore.calls, programRuns: judged.runs - judgedBefore.runs,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        // Steps a step ran itself (a repair's follow-ups) have their own entries: this one's is what is left.
        for nested in state.costs.dropFirst(costsBefore) {
            cost.requests -= nested.requests
            cost.promptTokens -= nested.promptTokens
            cost.completionTokens -= nested.completionTokens
            cost.judgeCalls -= nested.judgeCalls
            cost.programRuns -= nested.programRuns
            cost.seconds -= nested.seconds
        }
        guard line != nil || cost.requests > 0 || cost.judgeCalls > 0 else { return }
        state.costs.append(cost)
        if let line { context.onEvent(.stepFinished(step: step.name, summary: line, cost: cost)) }
    }
}
