import Foundation
import OutputFormat

/// A titled table that the text, Markdown and HTML renderers lay out alike: a header, rows of the same width, and
/// notes under it. The first `labelColumns` columns are labels (left-aligned), the others figures (right-aligned).
struct ReportTable: Sendable, Hashable {
    var title: String
    var header: [String]
    var rows: [[String]]
    var notes: [String] = []
    var labelColumns = 1

    /// Whether `column` holds labels rather than figures.
    func isLabel(_ column: Int) -> Bool {
        column < labelColumns
    }

    /// The table as aligned plain text: the title, then the header and rows indented by two spaces, then the notes
    /// as a list wrapped to 100 columns.
    func text() -> String {
        let lines = header.isEmpty ? [] : [header] + rows
        let widths = header.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        var out = [title]
        for line in lines {
            let cells = line.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return isLabel(column) ? cell + pad : pad + cell
            }
            out.append("  " + cells.joined(separator: "   ").trimmingTrailingSpaces())
        }
        out += notes.flatMap { TextWrap.lines(of: $0, first: "  - ", rest: "    ", width: 100) }
        return out.joined(separator: "\n")
    }

    /// The table as a GitHub Markdown section: a level-3 heading, the table, and the notes as a list.
    func markdown() -> String {
        let escaped = ([header] + rows).map { $0.map(Self.markdownEscaped) }
        let alignment = header.indices.map { isLabel($0) ? ":--" : "--:" }
        var out = ["### " + Self.markdownEscaped(title)]
        if let head = escaped.first, !header.isEmpty {
            out.append("")
            out += ([head, alignment] + escaped.dropFirst()).map { "| " + $0.joined(separator: " | ") + " |" }
        }
        if !notes.isEmpty {
            out.append("")
            out += notes.map { "- " + Self.markdownEscaped($0) }
        }
        return out.joined(separator: "\n")
    }

    /// `text` with Markdown's and HTML's active characters backslash-escaped and line breaks turned into spaces, so a
    /// slug or model name shows literally inside a table cell. Brackets are escaped only where they could form a link
    /// (`](` or `][`), which keeps intervals like "[35.1, 49.8]" readable.
    static func markdownEscaped(_ text: String) -> String {
        let linkLike = text.contains("](") || text.contains("][")
        var out = ""
        for character in text {
            switch character {
            case "\\", "|", "*", "_", "`", "<", ">", "~": out += "\\" + String(character)
            case "[" where linkLike, "]" where linkLike: out += "\\" + String(character)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
