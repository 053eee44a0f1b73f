import Foundation

/// Escaping and the style sheet of the HTML report.
enum HTML {
    /// `text` safe inside an element or a quoted attribute: `&`, `<`, `>`, `"` and `'` as character references.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Characters after which a name (a run: model id and settings) may break across lines.
    static let nameSeparators: Set<Character> = ["/", "-", "_", ","]

    /// Whether `text` reads as a name that may wrap, such as a run's (it holds a separator).
    static func isName(_ text: String) -> Bool {
        text.contains { nameSeparators.contains($0) }
    }

    /// `text` escaped; a name as a `name` span that wraps where the page is too narrow for it, preferably after its
    /// separators (`<wbr>`), else anywhere.
    static func breakable(_ text: String) -> String {
        guard isName(text) else { return escape(text) }
        var out = "<span class=\"name\">"
        for character in text {
            out += escape(String(character))
            if nameSeparators.contains(character) { out += "<wbr>" }
        }
        return out + "</span>"
    }

    /// ` title="text"` for a name (its full text on hover, wherever it wrapped), else nothing.
    static func nameTitle(_ text: String) -> String {
        isName(text) ? " title=\"\(escape(text))\"" : ""
    }

    /// A `<table>` of `table`'s header and rows, every cell escaped, with its notes below. Names in headings and
    /// row labels (runs) wrap where the page is too narrow for them, with the full name on hover.
    static func table(_ table: ReportTable, className: String = "") -> String {
        var out = ["<table class=\"\(escape(className))\">"]
        let cell = { (tag: String, column: Int, text: String) in
            guard tag == "th" || table.isLabel(column) else { return "<\(tag)>\(escape(text))</\(tag)>" }
            let label = table.isLabel(column) ? " class=\"label\"" : ""
            return "<\(tag)\(label)\(nameTitle(text))>\(breakable(text))</\(tag)>"
        }
        let row = { (tag: String, cells: [String]) in
            "<tr>" + cells.enumerated().map { cell(tag, $0, $1) }.joined() + "</tr>"
        }
        out.append("<thead>" + row("th", table.header) + "</thead>")
        out.append("<tbody>")
        out += table.rows.map { row("td", $0) }
        out.append("</tbody></table>")
        out += table.notes.map { "<p class=\"note\">\(escape($0))</p>" }
        return out.joined(separator: "\n")
    }

    /// Colours of runs in display order (Okabe–Ito, distinguishable with colour-blindness), repeating after eight.
    static func runColor(_ index: Int) -> String {
        let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D1F", "#555555"]
        return palette[index % palette.count]
    }

    /// The background of a grid cell: red for 0%, through yellow, to green for 100%.
    static func solveRateColor(_ rate: Double) -> String {
        String(format: "hsl(%.0f, 70%%, 80%%)", 120 * min(max(rate, 0), 1))
    }

    /// The page's inline style sheet: system fonts only, tables with tabular figures.
    static let style = """
        :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
               color: var(--fg); background: #fff; margin: 24px auto; max-width: 1120px; padding: 0 20px; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 16px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        p.sub, p.note, ul.notes { color: var(--muted); }
        p.note { font-size: 12px; margin: 6px 0 0; }
        ul.notes { font-size: 13px; padding-left: 18px; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 0; }
        th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
        th.label, td.label { text-align: left; }
        .name { white-space: normal; overflow-wrap: anywhere; }
        th { background: var(--head); font-weight: 600; }
        .runs { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 8px 0 0; padding: 0; list-style: none; }
        .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px;
                  vertical-align: -1px; }
        .grid-tables { display: flex; flex-wrap: wrap; gap: 16px 28px; align-items: flex-start; }
        table.grid td, table.grid th { padding: 2px 8px; }
        table.grid td.cell, table.grid th.cell { text-align: center; min-width: 46px; }
        table.grid td.absent { color: var(--muted); background: #f0f0f0; }
        .scale { display: inline-block; width: 160px; height: 10px; vertical-align: middle; margin: 0 6px;
                 background: linear-gradient(to right, hsl(0, 70%, 80%), hsl(60, 70%, 80%), hsl(120, 70%, 80%)); }
        svg { display: block; max-width: 100%; height: auto; margin-bottom: 12px; }
        svg text { font-family: inherit; font-size: 12px; fill: var(--fg); }
        svg text.group { font-weight: 600; }
        svg .axis { stroke: var(--line); }
        svg .whisker line, svg .group-whisker line { stroke: var(--fg); stroke-width: 1.5; }
        """
}
