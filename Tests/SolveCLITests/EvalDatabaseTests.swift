import Foundation
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
