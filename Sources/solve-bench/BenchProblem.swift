import Foundation
import ProblemFormat

/// A one-test problem for the compile benchmark.
enum BenchProblem {
    static func make(in directory: URL) throws -> Problem {
        Problem(
            slug: "bench", title: "bench", statement: "", limits: .markdownDefault,
            tests: [TestCase(name: "1", input: .text(""), answer: .text("1\n"), isSample: true)],
            source: directory, format: .markdown)
    }
}
