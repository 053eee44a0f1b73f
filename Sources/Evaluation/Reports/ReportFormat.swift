/// The output formats of `ComparisonReport.render(_:)` and `RunSummary.render(_:)`.
public enum ReportFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Aligned plain text for a terminal.
    case table
    /// GitHub tables, ready to paste into a README.
    case markdown
    /// One object with sorted keys.
    case json
    /// One row per run and problem.
    case csv
    /// One self-contained page with inline CSS and SVG charts.
    case html
}
