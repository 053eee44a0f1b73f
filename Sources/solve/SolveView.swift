import Foundation
import Judging
import ModelClient
import ProblemFormat
import Solving

/// Plain ANSI styling for terminal output.
enum Terminal {
    static let dim = "\u{1B}[2m"
    static let bold = "\u{1B}[1m"
    static let green = "\u{1B}[32m"
    static let red = "\u{1B}[31m"
    static let reset = "\u{1B}[0m"

    static func status(_ text: String) {
        FileHandle.standardError.write(Data("\(dim)\(text)\(reset)\n".utf8))
    }
}

/// What `solve PROBLEM` shows on a terminal: the route, reasoning streaming dimmed, the program, verdicts, attempts.
final class SolveView: @unchecked Sendable {  // `streaming` and the output are guarded by `lock`
    private let problem: Problem
    private let maxAttempts: Int
    private let explain: Bool
    private let solveProtocol: SolveProtocol
    private let lock = NSLock()
    private var streaming: StreamKind?

    private enum StreamKind { case reasoning, answer }

    init(problem: Problem, maxAttempts: Int, explain: Bool, protocol: SolveProtocol) {
        self.problem = problem
        self.maxAttempts = maxAttempts
        self.explain = explain
        self.solveProtocol = `protocol`
        let hidden = problem.hiddenTests.count
        write(
            "\(Terminal.bold)\(problem.title)\(Terminal.reset) (\(problem.slug)): \(problem.samples.count) samples, \(hidden) hidden tests, "
                + "\(problem.limits.timeMilliseconds) ms, \(problem.limits.memoryBytes >> 20) MiB\n")
        write("protocol: \(`protocol`.summary)\n")
    }

    func show(_ event: SolveEvent) {
        lock.withLock {
            switch event {
            case .routed(let decision, let model, let notes):
                write("route: \(decision.role.rawValue) → \(model.alias) (\(model.served))\n")
                if explain { for reason in decision.reasons { write("  \(Terminal.dim)\(reason)\(Terminal.reset)\n") } }
                for note in notes { write("note: \(note)\n") }
            case .attemptStarted(let number, let model, let endpoint, let strategy):
                endStream()
                guard solveProtocol == .oracle else {
                    // Candidates go out together: their arrivals are what the view shows.
                    if strategy != .candidate {
                        write("\(Terminal.dim)#\(number) \(strategy.rawValue) requested\(Terminal.reset)\n")
                    }
                    return
                }
                write(
                    "\n\(Terminal.bold)attempt \(number)\(Terminal.reset) · \(model.alias) · \(strategy.rawValue) · \(endpoint)\n"
                )
            case .chat(let chatEvent):
                // Parallel candidates would interleave their streams: a contestant's view shows arrivals only.
                guard solveProtocol == .oracle else {
                    if case .retrying(let error, let delay) = chatEvent {
                        let wait = String(format: "%.1f", delay)
                        write("\(Terminal.red)server: \(error); retrying in \(wait) s\(Terminal.reset)\n")
                    }
                    return
                }
                switch chatEvent {
                case .reasoning(_, let text): stream(text, as: .reasoning)
                case .answer(_, let text): stream(text, as: .answer)
                case .retrying(let error, let delay):
                    endStream()
                    write(
                        "\(Terminal.red)server: \(error); retrying in \(String(format: "%.1f", delay)) s\(Terminal.reset)\n"
                    )
                }
            case .attemptFinished(let record):
                endStream()
                if solveProtocol == .oracle { show(record) } else { showArrival(record) }
            case .stepFinished(let step, let summary, _):
                write("\(Terminal.bold)\(step)\(Terminal.reset): \(summary)\n")
            case .submitted(let selection, let report):
                let submitted = selection.submitted.map { "#\($0)" } ?? "nothing"
                write("\(Terminal.bold)submitted \(submitted)\(Terminal.reset): \(selection.reason)\n")
                if let report {
                    let color = report.verdict.isAccepted ? Terminal.green : Terminal.red
                    write("hidden tests: \(color)\(report.verdict.code)\(Terminal.reset) \(report.message)\n")
                }
            }
        }
    }

    /// A contestant's request as it arrives, on one line: number, kind, language, size, cost, and its samples.
    private func showArrival(_ record: AttemptRecord) {
        var line = "#\(record.number) \(record.strategy.rawValue)"
        if let program = record.program, record.strategy != .generator {
            let lines = program.code.split(separator: "\n", omittingEmptySubsequences: false).count
            line += " · \(program.language), \(lines) lines"
        }
        if let usage = record.usage { line += " · \(usage.completionTokens) tokens" }
        line += String(format: " · %.1f s", record.seconds)
        if record.truncated { line += " · truncated" }
        let good = record.outcome.passedSamples || (record.strategy == .generator && record.verdict != "error")
        let color = good ? Terminal.green : Terminal.red
        write(line + " · \(color)\(record.verdict)\(Terminal.reset) \(record.message)\n")
    }

    func finish(_ outcome: SolveOutcome) {
        lock.withLock {
            endStream()
            let color = outcome.accepted ? Terminal.green : Terminal.red
            let tokens = outcome.usage.completionTokens
            let seconds = outcome.attempts.reduce(0) { $0 + $1.seconds }
            let how =
                outcome.protocol == .contestant
                ? "as a contestant, \(outcome.attempts.count) request(s)"
                : "after \(outcome.attempts.count) attempt(s) (oracle)"
            write(
                "\n\(color)\(Terminal.bold)\(outcome.verdict)\(Terminal.reset) \(how) · "
                    + "\(outcome.model) · \(outcome.language) · \(tokens) tokens · \(String(format: "%.1f", seconds)) s of generation\n"
            )
            if let transcript = outcome.transcript { write("transcript: \(Self.relative(transcript))\n") }
        }
    }

    private func show(_ record: AttemptRecord) {
        if let program = record.program {
            let lines = program.code.split(separator: "\n", omittingEmptySubsequences: false).count
            var origin = program.origin == .reasoning ? ", taken from the reasoning" : ""
            if program.unterminated { origin += ", unterminated fence" }
            write("program: \(program.language), \(lines) lines\(origin)\n")
        }
        if let report = record.judge, record.repeatOf == nil {
            if report.verdict == .compileError {
                write(
                    Terminal.dim + report.compile.log.split(separator: "\n").prefix(8).joined(separator: "\n")
                        + Terminal.reset + "\n")
            }
            let marks = report.tests.map { test in
                "\(test.isSample ? "s" : "")\(test.verdict.isAccepted ? Terminal.green : Terminal.red)\(test.verdict.code)\(Terminal.reset)"
            }
            if !marks.isEmpty { write("tests: " + marks.joined(separator: " ") + "\n") }
        }
        let color = record.accepted ? Terminal.green : Terminal.red
        var line = "\(color)\(record.verdict)\(Terminal.reset) \(record.message)"
        if let usage = record.usage { line += " · \(usage.completionTokens) tokens" }
        line += String(format: " · %.1f s", record.seconds)
        if record.truncated { line += " · truncated" }
        write(line + "\n")
    }

    private func stream(_ text: String, as kind: StreamKind) {
        if streaming != kind {
            endStream()
            write(kind == .reasoning ? Terminal.dim : "")
            streaming = kind
        }
        write(text)
    }

    private func endStream() {
        guard streaming != nil else { return }
        write(Terminal.reset + "\n")
        streaming = nil
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    private static func relative(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}
