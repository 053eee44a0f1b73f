import Foundation
import Importing
import Judging
import ProblemFormat
import TestSupport
import Testing

/// What a problem says, whatever it was loaded from: test data as bytes, no source path.
struct ProblemContents: Equatable, CustomStringConvertible {
    var slug, title, statement: String
    var limits: Limits
    var tags: [String]
    var difficulty: String?
    var checker: CheckerSpec
    var interface: ProgramInterface
    var tests: [TestContents]

    struct TestContents: Equatable {
        var name: String
        var kind: TestKind
        var isSample: Bool
        var input: Data
        var answer: Data
    }

    init(_ problem: Problem) throws {
        slug = problem.slug
        title = problem.title
        statement = problem.statement
        limits = problem.limits
        tags = problem.tags
        difficulty = problem.difficulty
        checker = problem.checker
        interface = problem.interface
        tests = try problem.tests.map {
            TestContents(name: $0.name, kind: $0.kind, isSample: $0.isSample, input: try $0.input.read(), answer: try $0.answer.read())
        }
    }

    var description: String { "\(slug) (\(tests.count) tests)" }
}

/// Writes `problems` into a fresh folder, loads the folder back, expects the same problems, and runs `body` on
/// the loaded ones while the folder exists.
func withRoundTrip(
    _ problems: [Problem], sourceLocation: SourceLocation = #_sourceLocation, _ body: ([Problem]) async throws -> Void
) async throws {
    let folder = try Fixtures.temporaryDirectory(prefix: "import")
    defer { try? FileManager.default.removeItem(at: folder) }
    let summary = try Importer.write(problems, to: folder)
    #expect(summary.problems == problems.count && summary.tests == problems.reduce(0) { $0 + $1.tests.count })
    let loaded = try ProblemLoader.loadSet(folder)
    #expect(loaded.map(\.slug).sorted() == problems.map(\.slug).sorted(), sourceLocation: sourceLocation)
    let bySlug = Dictionary(uniqueKeysWithValues: loaded.map { ($0.slug, $0) })
    for problem in problems {
        let back = try #require(bySlug[problem.slug], sourceLocation: sourceLocation)
        #expect(back.format == .markdown && back.source.lastPathComponent == problem.slug + ".md")
        #expect(try ProblemContents(back) == ProblemContents(problem), sourceLocation: sourceLocation)
    }
    try await body(loaded)
}

/// Judges `source` on `problem` with a shared judge.
func judge(_ source: String, language: Language = .python, on problem: Problem) async throws -> JudgeReport {
    let judge = try #require(sharedJudge)
    return try await judge.judge(Submission(source: source, language: language, name: problem.slug), on: problem)
}

let sharedJudge = try? Judge()
