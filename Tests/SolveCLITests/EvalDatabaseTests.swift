import Evaluation
import Foundation
import Solving
import TestSupport
import Testing

/// `solve compare` on a database this `solve` did not write: an earlier `solve`'s (`Tests/Fixtures/evaldb`).
@Suite("databases written elsewhere", .serialized)
struct EvalDatabaseTests {
    @Test(arguments: ["json", "csv", "markdown", "table", "html"])
    func theReportsOfAnEarlierSolvesDatabaseAreTheSameBytes(format: String) throws {
        let db = try Fixtures.evaluationDatabase()
        let out = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("report").path
        let written = try runSolve(["compare", "--db", db, "--format", format, "--out", out])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(Fixtures.text(URL(fileURLWithPath: out)) == Fixtures.evaluationReport(format))
        let printed = try runSolve(["compare", "--db", db, "--format", format])
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout == Fixtures.evaluationReport(format) + "\n")
    }
}

/// What `solve compare`, `solve eval --resume` and `solve eval merge` say of a database with a value they cannot
/// decode: the value's run, problem and column, with exit code 2.
@Suite("damaged databases", .serialized)
struct DamagedDatabaseTests {
    static let tags = "UPDATE sample SET tags = 'arrays' WHERE run = 'killed' AND problem = 'a'"
    static let tagsMessage =
        #"run "killed", problem a, column tags: cannot read "arrays": The given data was not valid JSON."#

    @Test func compareSaysWhichValueItCannotRead() throws {
        let db = try Fixtures.evaluationDatabase(changedBy: Self.tags)
        let result = try runSolve(["compare", "--db", db, "--format", "json"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: \(db): \(Self.tagsMessage)"), "\(result.stderr)")
    }

    /// The `killed` run was stored with the prompt templates of its day; it is given today's (its prompt hash and
    /// settings hash as today's `solve` computes them for the same settings), so that resuming it gets as far as
    /// reading its samples.
    @Test func resumeSaysWhichValueItCannotRead() throws {
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path).hash
        let stored = try Fixtures.evaluationDatabase()
        let settings = try #require(
            try StoreChecks.strings("SELECT settings FROM run WHERE name = 'killed'", inDatabaseAt: stored).first)
        let settingsHash = EvaluationPlan.settingsHash(settings, promptsHash: prompts)
        let db = try Fixtures.evaluationDatabase(
            changedBy: Self.tags
                + "; UPDATE run SET prompts_hash = '\(prompts)', settings_hash = '\(settingsHash)' WHERE name = 'killed'"
        )
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent()
        let config = folder.appendingPathComponent("solve.yaml")
        try """
        language: python
        models:
          - {alias: fb, served: scripted/feedback, role: code, endpoint: "http://127.0.0.1:9/v1"}
        """.write(to: config, atomically: true, encoding: .utf8)
        let set = Fixtures.problems.appendingPathComponent("two-sum.md").path
        let result = try runSolve([
            "eval", set, "--config", config.path, "--db", db, "--model", "fb", "--samples", "40", "--max-attempts", "4",
            "--run", "killed", "--resume", "--oracle",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: \(db): \(Self.tagsMessage)"), "\(result.stderr)")
    }

    @Test func mergeSaysWhichValueItCannotReadAndMergesNothing() throws {
        let source = try Fixtures.evaluationDatabase(
            changedBy: "UPDATE attempt SET verdict = 'XY' WHERE run = 'done/fb' AND problem = 'b' AND number = 2")
        let target = URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent("all.sqlite").path
        let result = try runSolve(["eval", "merge", target, source])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                #"error: \#(source): run "done/fb", problem b, column verdict: cannot read "XY": no verdict is "XY""#),
            "\(result.stderr)")
        #expect(try StoreChecks.integers("SELECT COUNT(*) FROM run", inDatabaseAt: target) == [0])
    }
}
