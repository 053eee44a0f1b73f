import Foundation

/// Writes problems in the Markdown format, so that ``ProblemLoader`` loads them back: `<slug>.md` (front matter,
/// statement with the sample blocks, a function problem's ```python starter block) and `<slug>/` with the hidden
/// tests (`NAME.in` + `NAME.ans`, or `NAME.py` check files).
public enum MarkdownWriter {
    /// `text` as a sample block holds it once loaded: LF line ends, no trailing blank lines, one final newline.
    public static func blockText(_ text: String) -> String {
        MarkdownProblem.normalized(lines(of: text))
    }

    /// A statement made of plain `text` and, under `## Examples`, the samples as ```input / ```output blocks.
    ///
    /// Lines of `text` that would open a fenced block are indented so that they cannot; the text is trimmed and the
    /// statement ends with one newline, as the loader reads it back.
    public static func statement(_ text: String, samples: [TestCase]) -> String {
        let safe = lines(of: text).map { MarkdownProblem.opensFence($0) ? "    " + $0 : String($0) }
        let body = safe.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !samples.isEmpty else { return body + "\n" }
        return body + "\n\n## Examples\n\n" + sampleBlocks(samples)
    }

    /// Writes `problem` into `directory` as `<slug>.md` and, when it has hidden tests or a checker, `<slug>/`
    /// (replacing what was there).
    ///
    /// - Returns: The Markdown file.
    /// - Throws: ``ProblemFormatError/unwritable(problem:reason:)`` for what the format cannot say (a Kattis output
    ///   validator, token options other than a float tolerance, a statement whose blocks differ from the samples),
    ///   ``ProblemFormatError/unreadable(file:reason:)`` when a file cannot be read or written.
    @discardableResult
    public static func write(_ problem: Problem, into directory: URL) throws -> URL {
        let file = directory.appendingPathComponent(problem.slug + ".md")
        let folder = directory.appendingPathComponent(problem.slug)
        var frontMatter = try self.frontMatter(problem)
        var body = try statementWithSamples(problem)
        if let function = problem.interface.function {
            let fence = self.fence(for: function.starterCode)
            body += "\n\(fence)python starter\n\(blockText(function.starterCode))\(fence)\n"
        }
        var files: [(name: String, data: Data)] = []
        for test in problem.hiddenTests {
            let name = test.name.replacingOccurrences(of: "/", with: "-")
            switch (test.kind, problem.interface) {
            case (.output, _):
                files.append((name + ".in", try read(test.input, problem)))
                files.append((name + ".ans", try read(test.answer, problem)))
            case (.pythonCheck, .pythonFunction):
                files.append((name + ".py", try read(test.input, problem)))
            case (.pythonCheck, .standardIO):
                throw ProblemFormatError.unwritable(
                    problem: problem.slug, reason: "test \(test.name) is a Python check of a standard-I/O problem")
            }
        }
        if case .testlib(let source) = problem.checker {
            files.append((source.lastPathComponent, try read(.file(source), problem)))
            frontMatter += "checker: \(JSONValue.quoted(source.lastPathComponent))\n"
        }
        try? FileManager.default.removeItem(at: folder)
        do {
            if !files.isEmpty { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
            try Data(("---\n" + frontMatter + "---\n" + body).utf8).write(to: file)
        } catch {
            throw ProblemFormatError.unreadable(file: file.path, reason: (error as NSError).localizedDescription)
        }
        return file
    }

    /// The YAML between the `---` lines, every key on its own line; text is double-quoted (a JSON string literal is
    /// a valid YAML one).
    private static func frontMatter(_ problem: Problem) throws -> String {
        var yaml = "title: \(JSONValue.quoted(problem.title))\n"
        let milliseconds = problem.limits.timeMilliseconds
        yaml += "time_limit: " + (milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms") + "\n"
        let bytes = problem.limits.memoryBytes
        yaml += "memory_limit: " + (bytes % (1 << 20) == 0 ? "\(bytes >> 20)MiB" : "\((bytes + 1023) / 1024)KiB") + "\n"
        if !problem.tags.isEmpty { yaml += "tags: [\(problem.tags.map(JSONValue.quoted).joined(separator: ", "))]\n" }
        if let difficulty = problem.difficulty { yaml += "difficulty: \(JSONValue.quoted(difficulty))\n" }
        if let route = problem.route { yaml += "route: \(route)\n" }
        if problem.python != .cpython { yaml += "python: \(problem.python.rawValue)\n" }
        switch problem.checker {
        case .tokens(let options) where options == .standard:
            break
        case .tokens(let options):
            guard let epsilon = options.absoluteTolerance, options == .float(epsilon) else {
                throw ProblemFormatError.unwritable(
                    problem: problem.slug, reason: "its token checker has options the front matter cannot set")
            }
            yaml += "checker: float:\(epsilon)\n"
        case .exact:
            yaml += "checker: exact\n"
        case .testlib:
            break  // written with its source by the caller
        case .kattisValidator:
            throw ProblemFormatError.unwritable(
                problem: problem.slug, reason: "its checker is a Kattis output validator")
        }
        if let function = problem.interface.function {
            yaml += "interface: function\nentry_point: \(function.entryPoint)\n"
            if let className = function.className { yaml += "class: \(className)\n" }
        }
        return yaml
    }

    /// The statement, followed by sample blocks when the statement does not hold them yet.
    private static func statementWithSamples(_ problem: Problem) throws -> String {
        guard problem.samples.allSatisfy({ $0.kind == .output }) else {
            throw ProblemFormatError.unwritable(problem: problem.slug, reason: "a sample is a Python check")
        }
        var statement = problem.statement.hasSuffix("\n") ? problem.statement : problem.statement + "\n"
        let body: MarkdownProblem.Body
        do {
            body = try MarkdownProblem.scan(
                statement.split(separator: "\n", omittingEmptySubsequences: false)[...], firstLine: 1,
                file: problem.slug)
        } catch let error as ProblemFormatError {
            throw ProblemFormatError.unwritable(problem: problem.slug, reason: "its statement is not valid: \(error)")
        }
        if body.starter != nil {
            throw ProblemFormatError.unwritable(
                problem: problem.slug, reason: "its statement holds a ```python starter block")
        }
        let wanted = try problem.samples.map { [try read($0.input, problem), try read($0.answer, problem)] }
        let found = try body.samples.map { [try read($0.input, problem), try read($0.answer, problem)] }
        if found == wanted { return statement }
        guard found.isEmpty else {
            throw ProblemFormatError.unwritable(
                problem: problem.slug, reason: "its statement holds sample blocks that differ from its samples")
        }
        statement += "\n## Examples\n\n" + sampleBlocks(problem.samples)
        return statement
    }

    /// Each sample as an ```input block and an ```output block, separated by blank lines.
    private static func sampleBlocks(_ samples: [TestCase]) -> String {
        samples.map { sample in
            let input = blockText(String(decoding: (try? sample.input.read()) ?? Data(), as: UTF8.self))
            let output = blockText(String(decoding: (try? sample.answer.read()) ?? Data(), as: UTF8.self))
            let inputFence = fence(for: input)
            let outputFence = fence(for: output)
            return "\(inputFence)input\n\(input)\(inputFence)\n\(outputFence)output\n\(output)\(outputFence)\n"
        }.joined(separator: "\n")
    }

    /// A backtick fence longer than any backtick run that starts a line of `text`, so no line can close it.
    static func fence(for text: String) -> String {
        let runs = text.split(separator: "\n").map { (line: Substring) -> Int in
            line.drop { $0 == " " }.prefix { $0 == "`" }.count
        }
        let longest = runs.max() ?? 0
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// The lines of `text`, CR LF read as LF.
    private static func lines(of text: String) -> [Substring] {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
    }

    private static func read(_ data: TestData, _ problem: Problem) throws -> Data {
        do {
            return try data.read()
        } catch {
            throw ProblemFormatError.unreadable(
                file: data.file?.path ?? problem.slug, reason: (error as NSError).localizedDescription)
        }
    }
}
