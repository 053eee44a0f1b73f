import Foundation
import Testing

@testable import Evaluation

@Suite("run summary")
struct RunSummaryTests {
    @Test("by default reports pass@1 and pass@n for the fewest samples of a problem")
    func defaultKs() {
        let summary = RunSummary(samples: FakeSamples.threeRuns.filter { $0.run == "loop" })
        #expect(summary.run == "loop" && summary.model == "qwen2.5-coder-7b")
        #expect(summary.label == "loop (qwen2.5-coder-7b)")
        #expect(summary.passAtK.map(\.k) == [1, 5])
        #expect(summary.problems.count == 30 && summary.samples == 150)
        #expect(summary.samplesPerProblem == 5...5)
    }

    @Test("k = 1 is always reported")
    func alwaysPassAt1() {
        let summary = RunSummary(samples: FakeSamples.threeRuns.filter { $0.run == "single" }, ks: [5, 3])
        #expect(summary.passAtK.map(\.k) == [1, 3, 5])
    }

    @Test("the feedback comparison appears only when a sample could have several attempts")
    func feedback() throws {
        let single = RunSummary(samples: FakeSamples.threeRuns.filter { $0.run == "single" })
        #expect(single.feedback == nil)
        let loop = try #require(RunSummary(samples: FakeSamples.threeRuns.filter { $0.run == "loop" }).feedback)
        let singleShot = try #require(loop.singleShot.estimate?.value)
        let withFeedback = try #require(loop.withFeedback.estimate?.value)
        #expect(singleShot < withFeedback)
        #expect(loop.test.b == 0 && loop.test.c > 0)
    }

    @Test("a run without samples has no figures")
    func empty() {
        let summary = RunSummary(run: "empty", samples: [])
        #expect(summary.passAt1.estimate == nil && summary.passAt1.undefinedReason == "no samples")
        #expect(summary.byDifficulty.isEmpty && summary.maxAttempts == 0 && summary.samplesPerProblem == nil)
    }

    @Test("distinct models are joined")
    func models() {
        let summary = RunSummary(samples: [
            FakeSamples.sample(model: "m2", problem: "a", accepted: true),
            FakeSamples.sample(model: "m1", problem: "b", accepted: true),
        ])
        #expect(summary.model == "m1, m2")
    }
}
