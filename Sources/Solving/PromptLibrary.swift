import BuiltinPrompts
import Foundation
import Judging
import ModelClient
import ModelFleet
import Mustache
import ProblemFormat

/// The prompt templates of `Prompts/`, read at run time so they can be edited without rebuilding.
public struct PromptLibrary: Sendable {
    /// Where the templates came from: a folder, or nil for the copy built into `solve`.
    public let folder: URL?
    /// A short hash of all templates, recorded with every attempt.
    public let hash: String
    private let templates: [String: MustacheTemplate]

    static let names = ["system", "attempt-reasoning", "attempt-code", "feedback", "generator"]

    /// Loads the templates. The first that applies wins: `folder` (`prompts_dir` in solve.yaml), `$SOLVE_PROMPTS`
    /// (both must hold the templates), `./Prompts`, a `Prompts/` above the binary, then the built-in copy.
    public init(folder: String? = nil) throws {
        let environment = ProcessInfo.processInfo.environment["SOLVE_PROMPTS"].flatMap { $0.isEmpty ? nil : $0 }
        if let explicit = folder ?? environment {
            let url = URL(fileURLWithPath: explicit)
            guard Self.holdsTemplates(url) else {
                throw SolveError.prompts(
                    "\(url.path) (\(folder != nil ? "prompts_dir" : "SOLVE_PROMPTS")): not a prompt folder; expected "
                        + Self.names.map { $0 + ".mustache" }.joined(separator: ", "))
            }
            try self.init(reading: url)
        } else if let found = ProjectFolders.candidates(named: "Prompts", environmentKey: "SOLVE_PROMPTS")
            .first(where: Self.holdsTemplates)
        {
            try self.init(reading: found)
        } else {
            self = try .builtIn()
        }
    }

    /// The templates compiled into `solve`.
    public static func builtIn() throws -> PromptLibrary {
        try PromptLibrary(folder: nil) { name in
            guard let text = BuiltinPrompts.templates[name] else {
                throw SolveError.prompts("no built-in \(name) template")
            }
            return text
        }
    }

    private init(reading folder: URL) throws {
        try self.init(folder: folder) { name in
            let file = folder.appendingPathComponent(name + ".mustache")
            do {
                return try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw SolveError.prompts("\(file.path): cannot be read (\((error as NSError).localizedDescription))")
            }
        }
    }

    private init(folder: URL?, text: (String) throws -> String) throws {
        var templates: [String: MustacheTemplate] = [:]
        var hasher = FNV1a()
        for name in Self.names {
            let source = try text(name)
            do {
                templates[name] = try MustacheTemplate(string: source)
            } catch {
                let place = folder.map { $0.appendingPathComponent(name + ".mustache").path } ?? "built-in \(name)"
                throw SolveError.prompts("\(place): not a valid Mustache template (\(error))")
            }
            hasher.add(name + "\u{0}" + source + "\u{0}")
        }
        self.folder = folder
        self.templates = templates
        self.hash = hasher.hex
    }

    private static func holdsTemplates(_ folder: URL) -> Bool {
        names.allSatisfy {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0 + ".mustache").path)
        }
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

    /// The messages that ask for an input generator for `problem` (contestant): a Python program that reads a test
    /// number from 1 to `tests` and prints one input, small random ones first, then edge cases, then the largest
    /// the constraints allow; for a function problem, `tests` calls of the function in the same split
    /// (``TestCalls``).
    public func generatorRequest(_ problem: Problem, tests: Int, model: ModelConfig) -> [ChatMessage] {
        var context = Self.problemContext(problem, language: .python)
        let split = GeneratorTests(count: tests)
        context["tests"] = "\(tests)"
        context["small_last"] = "\(split.small.upperBound)"
        context["edge_first"] = "\(split.edge.lowerBound)"
        context["edge_last"] = "\(split.edge.upperBound)"
        context["large_first"] = "\(split.large.lowerBound)"
        context["small_count"] = "\(split.small.count)"
        context["edge_count"] = "\(split.edge.count)"
        context["large_count"] = "\(split.large.count)"
        let user = render("generator", context)
        guard model.systemPrompt else { return [ChatMessage(.user, user)] }
        return [ChatMessage(.system, render("system", context)), ChatMessage(.user, user)]
    }

    private func render(_ name: String, _ context: [String: Any]) -> String {
        guard let template = templates[name] else {
            preconditionFailure("the initializer loads every template in PromptLibrary.names; \(name) is not one")
        }
        return template.render(context).trimmingCharacters(in: .whitespacesAndNewlines)
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
            "statement_has_title": statementHasTitle(problem.statement), "cpp": language.id == Language.cpp.id,
        ]
        if let function = problem.interface.function {
            context["function"] = [
                "entry_point": function.entryPoint, "callee": function.callee,
                "starter": Self.text(.text(function.starterCode)), "json_examples": !problem.samples.isEmpty,
            ]
        }
        return context
    }

    /// Whether the statement starts with a heading of its own (Markdown `# Title`), so the prompt need not repeat
    /// the title.
    static func statementHasTitle(_ statement: String) -> Bool {
        guard let first = statement.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return false
        }
        let line = first.drop { $0 == " " }
        let hashes = line.prefix { $0 == "#" }.count
        return (1...6).contains(hashes) && (line.count == hashes || line.dropFirst(hashes).first == " ")
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
