import Foundation

/// The CSV form: one row per run and problem, with a header line; fields quoted per RFC 4180 where needed.
extension ComparisonReport {
    /// Columns of `csv()`.
    static let csvHeader = [
        "run", "model", "problem", "difficulty", "tags", "samples", "accepted", "first_attempt_accepted", "pass_at_1",
    ]

    /// The per-problem counts of every run, runs in display order, problems by slug; pass@1 is accepted/samples.
    func csv() -> String {
        var lines = [Self.csvHeader.map(Self.csvField).joined(separator: ",")]
        for run in runs {
            for tally in run.problems {
                let fields = [
                    run.run, run.model, tally.problem, tally.difficulty ?? "", tally.tags.joined(separator: ";"),
                    "\(tally.samples)", "\(tally.accepted)", "\(tally.firstAttemptAccepted)",
                    String(format: "%.4f", Double(tally.accepted) / Double(max(tally.samples, 1))),
                ]
                lines.append(fields.map(Self.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `field` as it is, or in double quotes with inner quotes doubled when it holds a comma, quote, line break or
    /// leading or trailing space.
    static func csvField(_ field: String) -> String {
        let needsQuotes =
            field.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
