import Evaluation
import Foundation

/// Samples for report tests: hand-built ones, and a seeded generator of realistic runs.
enum FakeSamples {
    /// One sample with only the fields a test cares about set.
    static func sample(
        run: String = "a", model: String = "coder", problem: String, difficulty: String? = "easy",
        tags: [String] = [], index: Int = 0, maxAttempts: Int = 1, firstAttemptAccepted: Bool? = nil,
        accepted: Bool, attempts: Int = 1, tokens: Int = 100, seconds: Double = 1, truncated: Int = 0, noCode: Int = 0
    ) -> SampleResult {
        SampleResult(
            run: run, model: model, problem: problem, difficulty: difficulty, tags: tags, sample: index,
            maxAttempts: maxAttempts, attempts: attempts, firstAttemptAccepted: firstAttemptAccepted ?? accepted,
            accepted: accepted, acceptedAtAttempt: accepted ? attempts : nil, completionTokens: tokens,
            seconds: seconds, truncatedAttempts: truncated, noCodeAttempts: noCode)
    }

    /// A run to generate: its size and how good its model is.
    struct Run {
        var name: String
        var model: String
        var samples: Int
        var maxAttempts: Int
        /// Added to every problem's single-shot solve chance.
        var skill: Double
    }

    /// Three runs over 30 problems: a 7B model single-shot and with feedback (5 samples each), and a 32B model with
    /// feedback and one sample per problem.
    static let threeRuns = generate([
        Run(name: "single", model: "qwen2.5-coder-7b", samples: 5, maxAttempts: 1, skill: 0),
        Run(name: "loop", model: "qwen2.5-coder-7b", samples: 5, maxAttempts: 4, skill: 0),
        Run(name: "large", model: "qwen2.5-coder-32b", samples: 1, maxAttempts: 4, skill: 0.2),
    ])

    /// Samples of `runs` over 30 named problems, reproducible from `seed`.
    static func generate(_ runs: [Run], seed: UInt64 = 7) -> [SampleResult] {
        var random = Generator(state: seed)
        let chances = problems.map { _ in 0.9 - 0.85 * random.unit() }
        var samples: [SampleResult] = []
        for run in runs {
            for (problemIndex, (slug, tags)) in problems.enumerated() {
                let difficulty = ["easy", "medium", "hard"][problemIndex * 3 / problems.count]
                let chance = min(
                    0.97, chances[problemIndex] - Double(problemIndex * 3 / problems.count) * 0.1 + run.skill)
                for index in 0..<run.samples {
                    var attempts = 0
                    var acceptedAt: Int?
                    var truncated = 0
                    var noCode = 0
                    var tokens = 0
                    while attempts < run.maxAttempts && acceptedAt == nil {
                        attempts += 1
                        tokens += 300 + Int(2500 * random.unit())
                        if random.unit() < 0.06 { truncated += 1 } else if random.unit() < 0.04 { noCode += 1 }
                        let rescue = attempts == 1 ? chance : chance * 0.45
                        if random.unit() < rescue { acceptedAt = attempts }
                    }
                    samples.append(
                        SampleResult(
                            run: run.name, model: run.model, problem: slug, difficulty: difficulty, tags: tags,
                            sample: index, maxAttempts: run.maxAttempts, attempts: attempts,
                            firstAttemptAccepted: acceptedAt == 1, accepted: acceptedAt != nil,
                            acceptedAtAttempt: acceptedAt, completionTokens: tokens,
                            seconds: Double(tokens) / 45 + 0.4 * Double(attempts), truncatedAttempts: truncated,
                            noCodeAttempts: noCode))
                }
            }
        }
        return samples
    }

    /// 30 problems, easiest first, with their tags.
    static let problems: [(String, [String])] = [
        ("two-sum", ["arrays", "hashing"]), ("fizzbuzz", ["simulation"]), ("reverse-words", ["strings"]),
        ("max-subarray", ["arrays", "dp"]), ("valid-parens", ["stack", "strings"]), ("merge-intervals", ["sorting"]),
        ("binary-search", ["search"]), ("anagram-groups", ["hashing", "strings"]), ("climb-stairs", ["dp"]),
        ("matrix-spiral", ["arrays", "simulation"]), ("lru-cache", ["design", "hashing"]),
        ("course-schedule", ["graphs"]), ("coin-change", ["dp"]), ("word-ladder", ["graphs", "strings"]),
        ("kth-largest", ["heaps", "sorting"]), ("rotting-oranges", ["graphs", "simulation"]),
        ("edit-distance", ["dp", "strings"]), ("top-k-frequent", ["hashing", "heaps"]),
        ("island-count", ["graphs"]), ("interval-scheduling", ["greedy", "sorting"]), ("median-stream", ["heaps"]),
        ("segment-sum", ["trees"]), ("shortest-path-k", ["graphs"]), ("max-flow", ["graphs"]),
        ("convex-hull", ["geometry"]), ("suffix-array", ["strings"]), ("bitmask-tsp", ["dp", "graphs"]),
        ("range-xor-queries", ["trees"]), ("bridges", ["graphs"]), ("min-cost-matching", ["graphs", "greedy"]),
    ]

    /// SplitMix64, written out here so the fixtures do not depend on the code under test.
    struct Generator {
        var state: UInt64

        /// A uniform number in [0, 1).
        mutating func unit() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }
}
