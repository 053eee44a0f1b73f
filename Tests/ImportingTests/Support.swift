import Foundation
import Importing
import Judging
import ProblemFormat
import TestSupport
import Testing

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
