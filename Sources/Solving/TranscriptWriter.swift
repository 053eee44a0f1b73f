import Foundation
import Judging
import ModelClient
import OutputFormat

/// Saves every attempt as it finishes — a readable `attempt-N.md` with its texts, and `attempt-N.json` with the rest —
/// and the outcome as `result.json`, under `runs/<time>-<problem>/`. The texts (messages, reasoning, answer) are
/// written once, in the Markdown: an answer of megabytes must not cost three times that on disk.
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
            throw SolveError.configuration(
                "cannot create the transcript folder \(folder.path): \((error as NSError).localizedDescription)")
        }
        self.folder = folder
    }

    public func save(_ attempt: AttemptRecord) throws {
        try write(Self.markdown(attempt), to: "attempt-\(attempt.number).md")
        try write(Self.json(TranscriptAttempt(attempt)), to: "attempt-\(attempt.number).json")
    }

    /// Writes `result.json` and, as a contestant, `submission.md`: how the submitted program was chosen and its
    /// verdict.
    public func finish(_ outcome: SolveOutcome) throws {
        try write(Self.json(TranscriptOutcome(outcome)), to: "result.json")
        if let selection = outcome.selection {
            try write(Self.markdown(selection, outcome: outcome), to: "submission.md")
        }
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
        try JSONText.string(value) + "\n"
    }

    /// The attempt as a document a person reads: prompt, reasoning, answer, program, verdict per test.
    static func markdown(_ attempt: AttemptRecord) -> String {
        var text = "# Attempt \(attempt.number): \(attempt.verdict)\n\n"
        text += "- model: \(attempt.model) (\(attempt.alias)) at \(attempt.endpoint)\n"
        text +=
            "- strategy: \(attempt.strategy.rawValue), temperature \(attempt.temperature.map { "\($0)" } ?? "server default"), seed \(attempt.seed)\n"
        text += "- finish reason: \(attempt.finishReason ?? "none")\(attempt.truncated ? " (truncated)" : "")\n"
        if let usage = attempt.usage {
            text += "- tokens: \(usage.promptTokens) prompt, \(usage.completionTokens) completion\n"
        }
        text += String(format: "- time: %.1f s\n", attempt.seconds)
        if !attempt.message.isEmpty { text += "- result: \(attempt.message)\n" }
        for message in attempt.messages {
            text += "\n## \(message.role.rawValue.capitalized) message\n\n" + fenced(message.content) + "\n"
        }
        if !attempt.reasoning.isEmpty { text += "\n## Reasoning\n\n" + fenced(attempt.reasoning) + "\n" }
        text += "\n## Answer\n\n" + fenced(attempt.answer) + "\n"
        if let program = attempt.program {
            text +=
                "\n## Program (\(program.language), from the \(program.origin.rawValue)\(program.unterminated ? ", unterminated fence" : ""))\n\n"
            text += fenced(program.code, info: program.language) + "\n"
        }
        if let report = attempt.judge {
            text += "\n## Judgement\n\n"
            if !report.compile.ok { text += fenced(report.compile.log) + "\n" }
            if !report.tests.isEmpty {
                text += "| test | verdict | time | memory | message |\n|---|---|---|---|---|\n"
                for test in report.tests {
                    let message = test.message.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(
                        of: "\n", with: " ")
                    text +=
                        "| \(test.name)\(test.isSample ? " (sample)" : "") | \(test.verdict.code) | \(test.timeMilliseconds) ms | \(test.memoryKiB) KiB | \(message) |\n"
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

/// An attempt as `attempt-N.json` and `result.json` hold it: everything but the texts, which are in `text`.
struct TranscriptAttempt: Encodable {
    var number: Int
    var model: String
    var alias: String
    var endpoint: String
    var strategy: AttemptStrategy
    var temperature: Double?
    var seed: Int
    var finishReason: String?
    var truncated: Bool
    var program: ExtractedProgram?
    var verdict: String
    var message: String
    var repeatOf: Int?
    var judge: JudgeReport?
    var usage: Usage?
    var seconds: Double
    var firstTokenSeconds: Double?
    /// Sizes (UTF-8 bytes) of the reasoning and the answer.
    var reasoningBytes: Int
    var answerBytes: Int
    /// The file with the messages, the reasoning and the answer.
    var text: String

    init(_ record: AttemptRecord) {
        number = record.number
        model = record.model
        alias = record.alias
        endpoint = record.endpoint
        strategy = record.strategy
        temperature = record.temperature
        seed = record.seed
        finishReason = record.finishReason
        truncated = record.truncated
        program = record.program
        verdict = record.verdict
        message = record.message
        repeatOf = record.repeatOf
        judge = record.judge
        usage = record.usage
        seconds = record.seconds
        firstTokenSeconds = record.firstTokenSeconds
        reasoningBytes = record.reasoning.utf8.count
        answerBytes = record.answer.utf8.count
        text = "attempt-\(record.number).md"
    }
}

/// The outcome as `result.json` holds it: its attempts without their texts.
struct TranscriptOutcome: Encodable {
    var problem: String
    var verdict: String
    var route: RouteDecision
    var model: String
    var language: String
    var code: String?
    var attempts: [TranscriptAttempt]
    var usage: Usage
    var promptsHash: String
    var transcript: String?
    var notes: [String]
    var `protocol`: SolveProtocol
    var selection: SelectionReport?
    /// The submitted program's verdict on every test (contestant).
    var final: JudgeReport?

    init(_ outcome: SolveOutcome) {
        problem = outcome.problem
        verdict = outcome.verdict
        route = outcome.route
        model = outcome.model
        language = outcome.language
        code = outcome.code
        attempts = outcome.attempts.map(TranscriptAttempt.init)
        usage = outcome.usage
        promptsHash = outcome.promptsHash
        transcript = outcome.transcript
        notes = outcome.notes
        self.protocol = outcome.protocol
        selection = outcome.selection
        final = outcome.finalReport
    }
}
