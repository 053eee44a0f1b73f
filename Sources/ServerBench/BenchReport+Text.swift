import Foundation

/// The report for a terminal: what was asked, a table with a row per level, problems, and the best level.
extension BenchReport {
    public func text() -> String {
        var lines = header()
        lines.append("")
        lines += table()
        let problems = levels.flatMap(problemLines)
        if !problems.isEmpty {
            lines.append("")
            lines += problems
        }
        lines.append("")
        lines.append(verdictLine())
        if interrupted {
            lines.append(
                levels.last.map { "interrupted: levels after concurrency \($0.concurrency) were not measured" }
                    ?? "interrupted before the first level finished")
        }
        return lines.joined(separator: "\n")
    }

    private func header() -> [String] {
        let counted =
            serverPromptTokens.map { ", \(Int($0.rounded())) counted by the server (chat template included)" } ?? ""
        let source: String
        switch tokenSource {
        case "usage": source = "counted from usage"
        case "deltas": source = "counted as streamed deltas (the server sent no usage)"
        default: source = "counted from usage where sent, else as deltas"
        }
        return [
            "bench-server: \(model) at \(settings.endpoint)",
            "prompt   about \(settings.promptTokens) tokens estimated\(counted)",
            "output   \(settings.maxTokens) tokens per request (max_tokens = min_tokens, ignore_eos, temperature 0),"
                + " \(source)",
            "warm-up  TTFT \(Self.seconds(warmup.ttft)), not counted",
            "metrics  " + metricsLine(),
        ]
    }

    private func metricsLine() -> String {
        switch metrics {
        case .available(let server, let figures):
            return "\(server) names at \(metricsURL): \(figures.joined(separator: ", ")); the table shows each"
                + " level's peak (sampled every \(Self.decimal(settings.metricsInterval, places: 1)) s)"
                + (figures.contains("preemptions") ? " and its preemptions" : "")
        case .unrecognized(let samples):
            return "\(metricsURL) has \(samples) samples but no vLLM, SGLang or llama.cpp load figures"
        case .unavailable(let reason):
            return "none (\(reason))"
        }
    }

    private func table() -> [String] {
        var header = [
            "concurrency", "requests", "errors", "TTFT p50", "TTFT p95", "TTFT mean", "tok/s/stream",
            "tok/s total", "req/s",
        ]
        let figures: [String]
        if case .available(_, let present) = metrics { figures = present } else { figures = [] }
        let columns: [(title: String, value: (ServerLoad?, LevelLoad?) -> String)] = [
            ("running", { peak, _ in Self.count(peak?.running) }),
            ("waiting", { peak, _ in Self.count(peak?.waiting) }),
            ("KV cache", { peak, _ in peak?.kvCacheUsage.map { "\(Int(($0 * 100).rounded())) %" } ?? "—" }),
            ("preemptions", { _, load in Self.count(load?.preemptions) }),
        ].filter { column in
            figures.contains(column.title)
        }
        header += columns.map(\.title)
        var rows = [header]
        for level in levels {
            var row = [
                "\(level.concurrency)", "\(level.samples.count)", "\(level.errors)", Self.seconds(level.ttft?.p50),
                Self.seconds(level.ttft?.p95), Self.seconds(level.ttft?.mean),
                level.decodePerStream.map { Self.decimal($0.mean, places: 1) } ?? "—",
                Self.decimal(level.outputTokensPerSecond, places: 1), Self.decimal(level.requestsPerSecond, places: 2),
            ]
            row += columns.map { $0.value(level.load?.peak, level.load) }
            rows.append(row)
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { cell, width in String(repeating: " ", count: width - cell.count) + cell }
                .joined(separator: "  ")
        }
    }

    private func problemLines(_ level: LevelResult) -> [String] {
        var lines: [String] = []
        if let error = level.firstError {
            lines.append(
                "concurrency \(level.concurrency): \(level.errors) of \(level.samples.count) requests failed; first: \(error)"
            )
        }
        let short = level.shortRequests
        if short > 0 {
            lines.append(
                "concurrency \(level.concurrency): \(short) of \(level.succeeded.count) requests ended before"
                    + " \(settings.maxTokens) tokens (does the server ignore ignore_eos and min_tokens?)")
        }
        return lines
    }

    private func verdictLine() -> String {
        let rule = "mean TTFT < \(Self.decimal(settings.ttftBound, places: 2, trimmed: true)) s and no errors"
        if let best = bestConcurrency { return "best concurrency (\(rule)): \(best)" }
        guard let lowest = levels.first else { return "best concurrency (\(rule)): none measured" }
        let why = lowest.errors > 0 ? "\(lowest.errors) failed" : "mean TTFT \(Self.seconds(lowest.ttft?.mean))"
        return "best concurrency (\(rule)): none — even concurrency \(lowest.concurrency) misses it (\(why))"
    }

    static func seconds(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 10 ? "\(decimal(value, places: 3)) s" : "\(decimal(value, places: 1)) s"
    }

    static func count(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value == value.rounded() ? "\(Int(value))" : decimal(value, places: 1)
    }

    static func decimal(_ value: Double, places: Int, trimmed: Bool = false) -> String {
        var text = String(format: "%.\(places)f", value)
        if trimmed, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
