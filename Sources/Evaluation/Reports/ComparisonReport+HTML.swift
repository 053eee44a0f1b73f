import Foundation

/// The HTML form: one self-contained page (inline CSS and SVG, nothing loaded from anywhere) with a pass@1 chart,
/// a chart per difficulty, the tables of the text report, and the per-problem grid coloured by solve rate.
extension ComparisonReport {
    func html() -> String {
        var body = [
            "<h1>\(HTML.escape(title))</h1>",
            "<p class=\"sub\">\(HTML.escape(subtitle))</p>",
            "<ul class=\"runs\">"
                + runs.enumerated().map { index, run in
                    "<li><span class=\"swatch\" style=\"background: \(HTML.runColor(index))\"></span>"
                        + "\(HTML.escape(run.label))</li>"
                }.joined() + "</ul>",
            "<h2>pass@1 per run, with 95% intervals</h2>",
            passAt1Chart().svg(),
            section(overviewTable(), title: "Overview"),
        ]
        let difficulty = difficultyTable()
        body += ["<h2>\(HTML.escape(difficulty.title))</h2>", difficultyChart().svg(), HTML.table(difficulty)]
        body += [selectionTable(), tagTable(), pairedTable(), feedbackTable()].compactMap { $0.map { section($0) } }
        body += ["<h2>Per problem: accepted/samples</h2>", gridHTML(), "<h2>Notes</h2>"]
        body.append("<ul class=\"notes\">" + notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>")
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <style>
            \(HTML.style)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// `table` under a level-2 heading, its own title unless `title` is given.
    private func section(_ table: ReportTable, title: String? = nil) -> String {
        "<h2>\(HTML.escape(title ?? table.title))</h2>\n" + HTML.table(table)
    }

    /// "30 problems · 5 samples per problem · up to 4 attempts", over all runs.
    private var subtitle: String {
        let problems = grid.count == 1 ? "1 problem" : "\(grid.count) problems"
        let samples = runs.compactMap(\.samplesPerProblem)
        let perProblem =
            samples.isEmpty
            ? "no samples"
            : ReportNumbers.range((samples.map(\.lowerBound).min() ?? 0)...(samples.map(\.upperBound).max() ?? 0))
                + " samples per problem"
        let attempts = runs.map(\.maxAttempts).max() ?? 0
        return "\(problems) · \(perProblem) · up to \(attempts) attempt\(attempts == 1 ? "" : "s") per sample"
    }

    /// One bar per run, coloured like the run list; its whiskers are the `whisker` class.
    func passAt1Chart() -> SVGBarChart {
        let bars = runs.enumerated().map { index, run in
            SVGBarChart.Bar(label: run.label, estimate: run.passAt1.estimate, color: HTML.runColor(index))
        }
        return SVGBarChart(groups: [.init(title: nil, bars: bars)], whiskerClass: "whisker", title: "pass@1 per run")
    }

    /// One group per difficulty, one bar per run in it, with the group's problem count.
    func difficultyChart() -> SVGBarChart {
        let names = Set(runs.flatMap { $0.byDifficulty.map(\.name) }).sorted(by: Breakdown.difficultyOrder)
        let groups = names.map { name in
            SVGBarChart.Group(
                title: name,
                bars: runs.enumerated().compactMap { index, run in
                    run.byDifficulty.first { $0.name == name }.map { group in
                        SVGBarChart.Bar(
                            label: run.label, estimate: group.passAt1.estimate, color: HTML.runColor(index),
                            suffix: " (\(group.problems))")
                    }
                })
        }
        return SVGBarChart(groups: groups, whiskerClass: "group-whisker", title: "pass@1 by difficulty")
    }

    /// The per-problem grid as side-by-side tables of at most `ceil(problems / columns)` rows, cells coloured from
    /// red (none accepted) to green (all accepted).
    private func gridHTML() -> String {
        let columns = runs.count <= 3 ? 3 : runs.count <= 6 ? 2 : 1
        let rowsPerTable = max(10, (grid.count + columns - 1) / columns)
        let header =
            "<thead><tr><th class=\"label\">problem</th>"
            + runs.map { "<th class=\"cell\"\(HTML.nameTitle($0.run))>\(HTML.breakable($0.run))</th>" }.joined()
            + "</tr></thead>"
        var tables: [String] = []
        for start in stride(from: 0, to: grid.count, by: rowsPerTable) {
            let rows = grid[start..<min(start + rowsPerTable, grid.count)].map { row in
                let title = row.difficulty.map { " title=\"\(HTML.escape($0))\"" } ?? ""
                let cells = runs.map { run in
                    guard let cell = row.cells[run.run] else { return "<td class=\"cell absent\">—</td>" }
                    return "<td class=\"cell\" style=\"background: \(HTML.solveRateColor(cell.solveRate))\">"
                        + "\(cell.accepted)/\(cell.samples)</td>"
                }
                return "<tr><td class=\"label\"\(title)>\(HTML.escape(row.problem))</td>" + cells.joined() + "</tr>"
            }
            tables.append("<table class=\"grid\">\(header)<tbody>\n\(rows.joined(separator: "\n"))\n</tbody></table>")
        }
        let legend =
            "<p class=\"note\">0%<span class=\"scale\"></span>100% of samples accepted; — not attempted;"
            + " hover a problem for its difficulty.</p>"
        return "<div class=\"grid-tables\">\n\(tables.joined(separator: "\n"))\n</div>\n" + legend
    }
}
