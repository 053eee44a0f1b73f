import Evaluation
import Foundation

/// `solve eval`'s progress on stderr: a redrawn bar on a terminal, one line per finished sample otherwise.
final class EvalProgress: @unchecked Sendable {  // the counts and the output are guarded by `lock`
    private let bar: Bool
    private let lock = NSLock()
    private let start = Date()
    private var total = 0
    private var done = 0
    private var doneThisSession = 0
    private var accepted = 0
    private var tokens = 0
    private var failed = 0

    init(bar: Bool) { self.bar = bar }

    func show(_ event: EvaluationEvent) {
        lock.withLock {
            switch event {
            case .started(let runs, let total, let finished, let abandoned, let redone):
                self.total = total
                done = finished
                var line = "\(runs.map(\.name).joined(separator: ", ")): \(total) samples, \(finished) already stored"
                if abandoned > 0 { line += ", \(abandoned) attempts of interrupted samples set aside" }
                if redone > 0 { line += ", \(redone) half-written samples to run again" }
                write(line + "\n")
            case .attemptFinished(_, _, _, let attempt):
                tokens += attempt.usage?.completionTokens ?? 0
            case .sampleFinished(let result):
                done += 1
                doneThisSession += 1
                if result.accepted { accepted += 1 }
                if !bar {
                    let outcome: String
                    if let selection = result.selection {
                        // A contestant's verdict is its submission's: say which attempt that was.
                        outcome =
                            (result.accepted ? "AC" : "not accepted") + ", submitted "
                            + (selection.submitted.map { "#\($0)" } ?? "nothing") + " of \(result.attempts) requests"
                    } else {
                        outcome =
                            result.accepted
                            ? "AC at attempt \(result.acceptedAtAttempt ?? 0)" : "not accepted in \(result.attempts)"
                    }
                    write(
                        "[\(done)/\(total)] \(result.run) \(result.problem) #\(result.sample): \(outcome) "
                            + "(\(result.completionTokens) tokens, \(String(format: "%.1f", result.seconds)) s)\n")
                }
            case .sampleFailed(let run, let problem, let sample, let reason):
                failed += 1
                write(
                    "\(bar ? "\r\u{1B}[K" : "")[failed] \(run) \(problem) #\(sample): \(reason.prefix(300)) (rerun with --resume)\n"
                )
            }
            if bar { write("\r\u{1B}[K" + line()) }
        }
    }

    /// The bar: done/total, pass so far, tokens/s, ETA.
    private func line() -> String {
        let elapsed = Date().timeIntervalSince(start)
        let width = 24
        let filled = total == 0 ? 0 : min(width, width * done / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let rate = doneThisSession == 0 ? 0 : elapsed / Double(doneThisSession)
        let eta = doneThisSession == 0 ? "–" : Self.duration(rate * Double(total - done))
        let pass =
            doneThisSession == 0 ? "–" : String(format: "%.1f%%", 100 * Double(accepted) / Double(doneThisSession))
        let speed = elapsed > 0 ? Double(tokens) / elapsed : 0
        return "\(bar) \(done)/\(total)  pass \(pass)  \(String(format: "%.0f", speed)) tok/s  ETA \(eta)"
            + (failed > 0 ? "  failed \(failed)" : "")
    }

    func finish() {
        lock.withLock {
            if bar { write("\n") }
        }
    }

    func interrupted(database: String, run: String) {
        write("\nstopped: \(done) of \(total) samples are stored in \(database); continue with --resume --run \(run)\n")
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
