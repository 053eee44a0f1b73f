import Evaluation
import Foundation
import Solving

/// An `EvaluationRunner` on one SQLite store, as these tests drive it: prepare the runs, lease them, run.
struct StoreRunner {
    let runner: EvaluationRunner
    let store: EvaluationStore
    var plan: EvaluationPlan { runner.plan }

    init(store: EvaluationStore, solver: Solver, plan: EvaluationPlan, concurrency: Int) {
        runner = EvaluationRunner(solver: solver, plan: plan, concurrency: concurrency)
        self.store = store
    }

    func prepare(_ runs: [RunRecord], set: ProblemSet, resume: Bool) throws -> [RunRecord] {
        try store.prepare(runs, set: set, resume: resume)
    }

    func run(
        _ runs: [RunRecord], set: ProblemSet, lease: RunLease, onEvent: @escaping @Sendable (EvaluationEvent) -> Void
    ) async throws {
        try await runner.run(store.queue(of: runs, set: set, samples: plan.samples, lease: lease), onEvent: onEvent)
    }
}
