import Foundation

/// A horizontal bar chart of proportions with 95% interval whiskers, in groups, as inline SVG.
struct SVGBarChart {
    /// One bar: a proportion with its interval, or a gap labelled as undefined.
    struct Bar {
        var label: String
        var estimate: Estimate?
        var color: String
        /// Printed after the value, e.g. the group's problem count.
        var suffix: String = ""
    }

    /// Bars under an optional bold title.
    struct Group {
        var title: String?
        var bars: [Bar]
    }

    var groups: [Group]
    /// The class of each whisker's `<g>`, so charts can be told apart.
    var whiskerClass: String
    /// The chart's accessible title.
    var title: String

    let labelWidth = 250.0
    let plotWidth = 460.0
    let valueWidth = 190.0
    let rowHeight = 26.0
    let barHeight = 16.0
    let groupTitleHeight = 22.0
    let groupGap = 8.0
    let top = 6.0
    let axisHeight = 22.0

    /// The chart as one `<svg>` element; every label is escaped.
    func svg() -> String {
        let plotHeight = groups.reduce(0) { sum, group in
            sum + (group.title == nil ? 0 : groupTitleHeight) + Double(group.bars.count) * rowHeight + groupGap
        }
        let width = labelWidth + plotWidth + valueWidth
        let height = top + plotHeight + axisHeight
        var out = [
            "<svg role=\"img\" width=\"\(format(width))\""
                + " height=\"\(format(height))\" viewBox=\"0 0 \(format(width)) \(format(height))\">",
            "<title>\(HTML.escape(title))</title>",
        ]
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = labelWidth + tick * plotWidth
            out.append(
                "<line class=\"axis\" x1=\"\(format(x))\" y1=\"\(format(top))\" x2=\"\(format(x))\""
                    + " y2=\"\(format(top + plotHeight))\"/>")
            out.append(
                "<text x=\"\(format(x))\" y=\"\(format(top + plotHeight + 15))\" text-anchor=\"middle\">"
                    + "\(Int(tick * 100))%</text>")
        }
        var y = top
        for group in groups {
            if let groupTitle = group.title {
                out.append("<text class=\"group\" x=\"0\" y=\"\(format(y + 15))\">\(HTML.escape(groupTitle))</text>")
                y += groupTitleHeight
            }
            for bar in group.bars {
                out += self.bar(bar, centerY: y + rowHeight / 2)
                y += rowHeight
            }
            y += groupGap
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    /// The label, bar, whisker and value of one row.
    private func bar(_ bar: Bar, centerY: Double) -> [String] {
        let textY = format(centerY + 4)
        var out = [
            "<text x=\"\(format(labelWidth - 10))\" y=\"\(textY)\" text-anchor=\"end\">"
                + "<title>\(HTML.escape(bar.label))</title>\(HTML.escape(Self.shortened(bar.label)))</text>"
        ]
        let valueX = format(labelWidth + plotWidth + 12)
        guard let estimate = bar.estimate else {
            out.append("<text x=\"\(valueX)\" y=\"\(textY)\">undefined\(HTML.escape(bar.suffix))</text>")
            return out
        }
        let x = { (fraction: Double) in format(labelWidth + min(max(fraction, 0), 1) * plotWidth) }
        out.append(
            "<rect x=\"\(format(labelWidth))\" y=\"\(format(centerY - barHeight / 2))\""
                + " width=\"\(format(min(max(estimate.value, 0), 1) * plotWidth))\" height=\"\(format(barHeight))\""
                + " fill=\"\(bar.color)\" fill-opacity=\"0.85\"/>")
        let low = x(estimate.interval.lower)
        let high = x(estimate.interval.upper)
        let capTop = format(centerY - 6)
        let capBottom = format(centerY + 6)
        out.append(
            "<g class=\"\(whiskerClass)\"><line x1=\"\(low)\" y1=\"\(format(centerY))\" x2=\"\(high)\""
                + " y2=\"\(format(centerY))\"/><line x1=\"\(low)\" y1=\"\(capTop)\" x2=\"\(low)\" y2=\"\(capBottom)\"/>"
                + "<line x1=\"\(high)\" y1=\"\(capTop)\" x2=\"\(high)\" y2=\"\(capBottom)\"/></g>")
        let value = ReportNumbers.percent(estimate.value) + " " + ReportNumbers.interval(estimate.interval)
        out.append("<text x=\"\(valueX)\" y=\"\(textY)\">\(HTML.escape(value + bar.suffix))</text>")
        return out
    }

    /// `label` cut to 34 characters with an ellipsis; the full label is the element's tooltip.
    static func shortened(_ label: String) -> String {
        label.count <= 34 ? label : String(label.prefix(33)) + "…"
    }

    /// A coordinate with at most one decimal.
    private func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
