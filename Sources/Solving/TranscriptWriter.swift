import Foundation
import Judging

/// Saves every attempt as it finishes — a readable `attempt-N.md` and the full `attempt-N.json` — and the outcome as
/// `result.json`, under `runs/<time>-<problem>/`.
public struct TranscriptWriter: Sendable {
    public let folder: URL

    /// Creates `runsDirectory/<yyyyMMdd-HHmmss>-<slug>/` (with a numeric suffix when it exists).
    public init(runsDirectory: URL, problemSlug: String, date: Date = Date()) throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "\(formatter.string(from: date))-\(problemSlug)"
        var folder = runsDirectory.appendingPathComponent(base)
        var suffix = 2
        while FileManager.default.fileExists(atPath: folder.path) {
            folder = runsDirectory.appendingPathComponent("\(base)-\(suffix)")
            suffix += 1
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SolveError.configuration("cannot create the transcript folder \(folder.path): \((error as NSError).localizedDescription)")
        }
        self.folder = folder
    }

    public func save(_ attempt: AttemptRecord) throws {
        try write(Self.markdown(attempt), to: "attempt-\(attempt.number).md")
        try write(Self.json(attempt), to: "attempt-\(attempt.number).json")
    }

    public func finish(_ outcome: SolveOutcome) throws {
        try write(Self.json(outcome), to: "result.json")
    }

    private func write(_ text: String, to name: String) throws {
        let file = folder.appendingPathComponent(name)
        do {
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw SolveError.configuration("cannot write \(file.path): \((error as NSError).localizedDescription)")
        }
    }

    /// Pretty, key-sorted JSON (what `--json` prints and transcripts store).
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// The attempt as a document a person reads: prompt, reasoning, answer, program, verdict per test.
    static func markdown(_ attempt: AttemptRecord) -> String {
        var text = "# Attempt \(attempt.number): \(attempt.verdict)\n\n"
        text += "- model: \(attempt.model) (\(attempt.alias)) at \(attempt.endpoint)\n"
        text += "- strategy: \(attempt.strategy.rawValue), temperature \(attempt.temperature.map { "\($0)" } ?? "server default"), seed \(attempt.seed)\n"
        text += "- finish reason: \(attempt.finishReason ?? "none")\(attempt.truncated ? " (truncated)" : "")\n"
        if let usage = attempt.usage { text += "- tokens: \(usage.promptTokens) prompt, \(usage.completionTokens) completion\n" }
        text += String(format: "- time: %.1f s\n", attempt.seconds)
        if !attempt.message.isEmpty { text += "- result: \(attempt.message)\n" }
        for message in attempt.messages {
            text += "\n## \(message.role.rawValue.capitalized) message\n\n" + fenced(message.content) + "\n"
        }
        if !attempt.reasoning.isEmpty { text += "\n## Reasoning\n\n" + fenced(attempt.reasoning) + "\n" }
        text += "\n## Answer\n\n" + fenced(attempt.answer) + "\n"
        if let program = attempt.program {
            text += "\n## Program (\(program.language), from the \(program.origin.rawValue)\(program.unterminated ? ", unterminated fence" : ""))\n\n"
            text += fenced(program.code, info: program.language) + "\n"
        }
        if let report = attempt.judge {
            text += "\n## Judgement\n\n"
            if !report.compile.ok { text += fenced(report.compile.log) + "\n" }
            if !report.tests.isEmpty {
                text += "| test | verdict | time | memory | message |\n|---|---|---|---|---|\n"
                for test in report.tests {
                    let message = test.message.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
                    text += "| \(test.name)\(test.isSample ? " (sample)" : "") | \(test.verdict.code) | \(test.timeMilliseconds) ms | \(test.memoryKiB) KiB | \(message) |\n"
                }
            }
        }
        return text
    }

    /// `content` in a fence longer than any backtick run inside it.
    private static func fenced(_ content: String, info: String = "text") -> String {
        var longest = 0
        var run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + info + "\n" + content + (content.hasSuffix("\n") ? "" : "\n") + fence
    }
}
