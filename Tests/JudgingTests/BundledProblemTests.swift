import Foundation
import Judging
import ProblemFormat
import TestSupport
import Testing

/// Every bundled problem: the reference solutions are AC and the known-wrong one is WA.
@Suite("Bundled problems", .serialized)
struct BundledProblemTests {
    static let judge = try? Judge()

    static let markdownProblems: [String] = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.problems.path)) ?? []
        return entries.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }()

    @Test("at least 30 bundled problems including two-sum, across difficulties, with a custom and a float checker")
    func count() throws {
        #expect(Self.markdownProblems.count >= 30)
        #expect(Self.markdownProblems.contains("two-sum"))
        let problems = try Self.markdownProblems.map {
            try ProblemLoader.load(Fixtures.problems.appendingPathComponent("\($0).md"))
        }
        for difficulty in ["easy", "medium", "hard"] {
            #expect(problems.filter { $0.difficulty == difficulty }.count >= 5, "\(difficulty)")
        }
        let tags = Set(problems.flatMap(\.tags))
        let wanted: Set = [
            "arrays", "hashing", "sorting", "binary-search", "two-pointers", "greedy", "dp", "graphs", "shortest-paths",
            "trees",
            "number-theory", "strings", "geometry",
        ]
        #expect(wanted.isSubset(of: tags), "missing tags: \(wanted.subtracting(tags).sorted())")
        #expect(
            problems.contains {
                if case .tokens(let compare) = $0.checker {
                    return compare.absoluteTolerance != nil && $0.tags.contains("geometry")
                }
                return false
            })
        #expect(problems.filter { if case .testlib = $0.checker { return true } else { return false } }.count >= 2)
    }

    @Test("reference solutions are accepted, the wrong one is not", arguments: markdownProblems)
    func solutions(slug: String) async throws {
        let judge = try #require(Self.judge)
        let problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("\(slug).md"))
        #expect(problem.hiddenTests.count >= 10)
        let folder = Fixtures.problems.appendingPathComponent("\(slug)/solutions")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.contains("accepted.cpp") && files.contains("accepted.py"), "\(slug): \(files)")
        for file in files {
            let submission = try Submission.load(folder.appendingPathComponent(file))
            let report = try await judge.judge(submission, on: problem)
            if file.hasPrefix("accepted") {
                #expect(report.verdict == .accepted, "\(slug)/\(file): \(report.verdict.code) \(report.message)")
            } else if file.hasPrefix("wrong") {
                #expect(report.verdict == .wrongAnswer, "\(slug)/\(file): \(report.verdict.code) \(report.message)")
            }
        }
    }

    @Test("a Kattis package's submissions get the verdicts their folders name")
    func kattisPackage() async throws {
        let judge = try #require(Self.judge)
        let problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("hypotenuse"))
        let checks = try await judge.verifySubmissions(of: problem)
        #expect(checks.count >= 4)
        for check in checks {
            #expect(check.matches, "\(check.file): got \(check.report.verdict.code), expected \(check.expected.code)")
        }
        #expect(
            Set(checks.map(\.expected)).isSuperset(of: [.accepted, .wrongAnswer, .timeLimitExceeded, .runtimeError]))
    }

    @Test("a custom Kattis output validator accepts both valid strategies")
    func customValidator() async throws {
        let judge = try #require(Self.judge)
        let problem = try ProblemLoader.load(Fixtures.fixture("kattis/custom-validator"))
        let checks = try await judge.verifySubmissions(of: problem)
        #expect(checks.count >= 3)
        for check in checks {
            #expect(check.matches, "\(check.file): got \(check.report.verdict.code) \(check.report.message)")
        }
    }

    @Test("all tests run with stopAtFirstFailure off")
    func allTests() async throws {
        let judge = try #require(Self.judge)
        let problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
        let wrong = try Submission.load(Fixtures.problems.appendingPathComponent("two-sum/solutions/wrong.py"))
        let first = try await judge.judge(wrong, on: problem)
        let all = try await judge.judge(wrong, on: problem, options: JudgeOptions(stopAtFirstFailure: false))
        #expect(first.verdict == .wrongAnswer)
        #expect(all.tests.count == problem.tests.count)
        #expect(first.tests.count < all.tests.count)
    }
}
