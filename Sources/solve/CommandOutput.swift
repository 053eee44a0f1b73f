import ArgumentParser
import Foundation
import Judging
import OutputFormat
import Solving

/// Formatting shared by the commands.
enum CommandOutput {
    static func json<T: Encodable>(_ value: T) throws -> String {
        try JSONText.string(value)
    }

    static func languages(json: Bool) -> String {
        struct Row: Encodable {
            var id: String
            var name: String
            var available: Bool
            var missing: [String]
            var extensions: [String]
        }
        let rows = Language.all.map {
            Row(
                id: $0.id, name: $0.name, available: $0.isAvailable, missing: $0.missingTools, extensions: $0.extensions
            )
        }
        if json { return (try? CommandOutput.json(rows)) ?? "[]" }
        return rows.map { row in
            let status = row.available ? "available" : "not available (missing \(row.missing.joined(separator: ", ")))"
            return "\(row.id.padding(toLength: 8, withPad: " ", startingAt: 0)) \(row.name) — \(status)"
        }.joined(separator: "\n")
    }

    static func submissionTable(_ checks: [SubmissionCheck]) -> String {
        var lines = checks.map { check in
            let mark = check.matches ? "ok  " : "FAIL"
            return "\(mark) \(check.report.verdict.code.padding(toLength: 3, withPad: " ", startingAt: 0)) "
                + "(expected \(check.expected.code))  \(check.file) [\(check.report.language)]  \(check.report.message)"
        }
        let good = checks.filter(\.matches).count
        lines.append("\(good) of \(checks.count) submissions got the verdict their folder names")
        return lines.joined(separator: "\n")
    }
}
