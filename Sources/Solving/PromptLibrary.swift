import Foundation
import Judging
import ModelClient
import Mustache
import ProblemFormat

/// The prompt templates of `Prompts/`, read at run time so they can be edited without rebuilding.
public struct PromptLibrary: Sendable {
    /// The folder the templates came from.
    public let folder: URL
    /// A short hash of all templates, recorded with every attempt.
    public let hash: String
    private let templates: [String: MustacheTemplate]

    static let names = ["system", "attempt-reasoning", "attempt-code", "feedback"]

    /// Loads the templates from `folder`, or from the first `Prompts/` found like the bundled problems.
    public init(folder: String? = nil) throws {
        let candidates = folder.map { [URL(fileURLWithPath: $0)] }
            ?? ProjectFolders.candidates(named: "Prompts", environmentKey: "SOLVE_PROMPTS")
        guard let folder = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("feedback.mustache").path) }) else {
            throw SolveError.prompts(
                "no prompt templates found ("
                    + (candidates.isEmpty
                        ? "no Prompts/ folder in the working directory or above the solve binary"
                        : "looked in \(candidates.map(\.path).joined(separator: ", "))") + "); "
                    + "expected a folder with \(Self.names.map { $0 + ".mustache" }.joined(separator: ", ")) — "
                    + "set SOLVE_PROMPTS or prompts_dir in solve.yaml")
        }
        var templates: [String: MustacheTemplate] = [:]
        var hasher = FNV1a()
        for name in Self.names {
            let file = folder.appendingPathComponent(name + ".mustache")
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw SolveError.prompts("\(file.path): cannot be read (\((error as NSError).localizedDescription))")
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch {
                throw SolveError.prompts("\(file.path): not a valid Mustache template (\(error))")
            }
            hasher.add(name + "\u{0}" + text + "\u{0}")
        }
        self.folder = folder
        self.templates = templates
        self.hash = hasher.hex
    }

    /// The messages of a first attempt (or a fresh resample) at `problem` in `language`.
    public func firstAttempt(_ problem: Problem, language: Language, model: ModelConfig) -> [ChatMessage] {
        let context = Self.problemContext(problem, language: language)
        let user = render(model.role == .reasoning ? "attempt-reasoning" : "attempt-code", context)
        guard model.systemPrompt else { return [ChatMessage(.user, user)] }
        return [ChatMessage(.system, render("system", context)), ChatMessage(.user, user)]
    }

    /// The user message that reports a failed attempt.
    public func feedback(_ feedback: Feedback, problem: Problem, language: Language) -> String {
        var context = Self.problemContext(problem, language: language)
        context.merge(feedback.templateValues) { _, new in new }
        return render("feedback", context)
    }

    private func render(_ name: String, _ context: [String: Any]) -> String {
        templates[name]!.render(context).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func problemContext(_ problem: Problem, language: Language) -> [String: Any] {
        let samples = problem.samples.map { sample -> [String: Any] in
            ["name": sample.name, "input": Self.text(sample.input), "output": Self.text(sample.answer)]
        }
        let inStatement = problem.samples.allSatisfy { sample in
            let input = Self.text(sample.input).trimmingCharacters(in: .whitespacesAndNewlines)
            return !input.isEmpty && problem.statement.contains(input)
        }
        var context: [String: Any] = [
            "title": problem.title, "statement": problem.statement,
            "time_limit": Self.seconds(problem.limits.timeMilliseconds),
            "memory_limit": "\(problem.limits.memoryBytes >> 20) MiB",
            "language": language.name, "fence": language.fence,
            "samples": samples, "samples_in_statement": inStatement,
        ]
        if let function = problem.interface.function {
            context["function"] = [
                "entry_point": function.entryPoint, "callee": function.callee,
                "starter": Self.text(.text(function.starterCode)), "json_examples": !problem.samples.isEmpty,
            ]
        }
        return context
    }

    /// Test data as text ending in a newline (a fence must close on a line of its own).
    static func text(_ data: TestData) -> String {
        let text = String(decoding: (try? data.read()) ?? Data(), as: UTF8.self)
        return text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
    }

    private static func seconds(_ milliseconds: Int) -> String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : String(format: "%.2g s", Double(milliseconds) / 1000)
    }
}

extension Language {
    /// The info string of a Markdown fence for this language.
    public var fence: String {
        switch id {
        case "cpp": return "cpp"
        case "python": return "python"
        default: return id
        }
    }
}

/// 64-bit FNV-1a: a stable short hash (Foundation on Linux has no SHA-2).
public struct FNV1a: Sendable {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }

    public var hex: String { String(format: "%016llx", value) }
}
