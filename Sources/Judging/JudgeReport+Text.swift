import Foundation

extension JudgeReport {
    /// The human report: a line per test, then the final verdict.
    public var text: String {
        var lines: [String] = []
        if !compile.ok {
            lines.append("compile: failed")
            lines.append(compile.log.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let width = max(4, tests.map(\.name.count).max() ?? 4)
        for test in tests {
            let name = test.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let verdict = test.verdict.code.padding(toLength: 3, withPad: " ", startingAt: 0)
            let memory = String(format: "%.1f", Double(test.memoryKiB) / 1024)
            var line =
                "\(name)  \(verdict)  \(String(test.timeMilliseconds).leftPadded(5)) ms  \(memory.leftPadded(7)) MiB"
            if test.verdict != .accepted { line += "  \(test.message)" }
            lines.append(line)
        }
        lines.append("verdict: \(verdict.code) (\(verdict.meaning)) — \(message)")
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Right-aligns the string in `width` columns.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
