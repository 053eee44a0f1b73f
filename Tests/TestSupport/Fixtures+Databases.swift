import Foundation
import GRDB

extension Fixtures {
    /// The commit whose `solve` wrote `Tests/Fixtures/evaldb/eval-COMMIT.sql`.
    public static let evaluationDatabaseCommit = "a442776"

    /// A new copy, at a path of its own, of the evaluation database `solve` wrote at `evaluationDatabaseCommit`
    /// (`Tests/Fixtures/evaldb`): its runs `done/fb`, `done/plain`, `done/nocode`, `done/cut`, `part` and `killed`.
    /// - Parameter changes: SQL run on the copy (to damage it, say).
    /// - Returns: the database's path.
    public static func evaluationDatabase(changedBy changes: String = "") throws -> String {
        let path = try temporaryDirectory(prefix: "evaldb-fixture").appendingPathComponent("eval.sqlite").path
        let dump = try String(
            contentsOf: fixture("evaldb/eval-\(evaluationDatabaseCommit).sql"), encoding: .utf8)
        // The dump opens and commits its own transaction.
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: dump + changes) }
        return path
    }

    /// What `solve compare --format FORMAT` printed for `evaluationDatabase()` at `evaluationDatabaseCommit`.
    public static func evaluationReport(_ format: String) -> String {
        text(fixture("evaldb/compare-\(format).txt"))
    }
}
