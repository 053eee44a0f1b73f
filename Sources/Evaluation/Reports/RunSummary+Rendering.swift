import Foundation

/// One run's figures in any report format: JSON is the summary itself, the others the one-run comparison report.
extension RunSummary {
    /// The summary as text in `format`.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: ReportJSON.encode(self)
        case .table, .markdown, .csv, .html: ComparisonReport(summaries: [self]).render(format)
        }
    }
}
