import Foundation

/// The Markdown format: `Problems/<slug>.md` with YAML front matter and sample blocks, and hidden tests in
/// `Problems/<slug>/`.
enum MarkdownProblem {
    /// Source files a `checker:` may name.
    static let checkerExtensions: Set<String> = ["c", "cc", "cpp", "cxx", "py"]

    /// Loads the problem in the Markdown file `url`.
    ///
    /// - Throws: ``ProblemFormatError``, naming the file and, for the front matter and fences, the line.
    static func load(_ url: URL) throws -> Problem {
        let file = url.path
        let slug = url.deletingPathExtension().lastPathComponent
        let folder = url.deletingPathExtension()
        var text = try TestFiles.readText(url, root: nil).replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

        let (frontMatter, bodyStart) = try splitFrontMatter(lines, file: file)
        let fields = try YAMLMapping.parse(
            frontMatter, file: file, lineOffset: 1, expected: "lines like `title: Two Sum` between the --- lines")
        let body = try scan(lines[bodyStart...], firstLine: bodyStart + 1, file: file)

        let title = try fields.string("title", expected: "the problem's title as text").flatMap {
            $0.isEmpty ? nil : $0
        }
        let limits = try readLimits(fields)
        let tags = try fields.strings("tags", expected: "a list of strings such as [graphs, greedy], or one string")
        let difficulty = try fields.string("difficulty", expected: "text such as easy, medium or hard")
        let route = try fields.string("route", expected: "reasoning or code")
        if let route, route != "reasoning" && route != "code" {
            throw fields.invalidValue("route", route, reason: "is not a route", expected: "reasoning or code")
        }
        let python = try fields.string("python", expected: "cpython or pypy").map { value in
            guard let runtime = PythonRuntime(rawValue: value) else {
                throw fields.invalidValue(
                    "python", value, reason: "is not a Python runtime", expected: "cpython or pypy")
            }
            return runtime
        }
        let interface = try readInterface(fields, body: body)
        let checker = try readChecker(fields, folder: folder)
        if interface != .standardIO, let value = try fields.string("checker", expected: "no checker") {
            throw fields.invalidValue(
                "checker", value, reason: "does not apply to interface: function",
                expected: "no checker key (a function's result is compared with the answer as JSON values)")
        }
        if interface != .standardIO { try validateFunctionSamples(body, file: file) }

        let hidden =
            TestFiles.isFolder(folder)
            ? try TestFiles.tests(
                in: folder, root: folder, recursive: false, isSample: false, checks: interface != .standardIO)
            : []
        guard !body.samples.isEmpty || !hidden.isEmpty else {
            throw ProblemFormatError.noTests(
                problem: file,
                expected: "```input and ```output blocks in the statement, or NAME.in and NAME.ans files in \(slug)/"
                    + (interface == .standardIO ? "" : " (or NAME.py check files)"))
        }
        return Problem(
            slug: slug, title: title ?? body.heading ?? slug,
            statement: statement(lines[bodyStart...], without: body.starter),
            limits: limits, tags: tags ?? [], difficulty: difficulty, route: route, checker: checker,
            interface: interface, python: python ?? .cpython, tests: body.samples + hidden, source: url,
            format: .markdown)
    }

    /// The body as the statement. A function problem's starter block is not part of it, and neither are the blank
    /// lines around the rest.
    ///
    /// - Parameter lines: The body's lines, indexed like the file's lines (file line = index + 1).
    private static func statement(_ lines: ArraySlice<Substring>, without starter: Starter?) -> String {
        guard let starter else { return lines.drop { $0.allSatisfy(\.isWhitespace) }.joined(separator: "\n") }
        var kept = lines.indices.filter { !starter.lines.contains($0 + 1) }.map { lines[$0] }[...]
        while let last = kept.last, last.allSatisfy(\.isWhitespace) { kept.removeLast() }
        while let first = kept.first, first.allSatisfy(\.isWhitespace) { kept.removeFirst() }
        return kept.joined(separator: "\n") + "\n"
    }

    /// The front matter's YAML text and the index of the body's first line.
    ///
    /// A file without front matter is all body.
    /// - Throws: ``ProblemFormatError/malformedFrontMatter(file:line:message:)`` when it is not closed, or does not
    ///   start on line 1.
    static func splitFrontMatter(_ lines: [Substring], file: String) throws -> (yaml: String, bodyStart: Int) {
        guard let first = lines.first, isDelimiter(first) else {
            if let index = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }), isDelimiter(lines[index]),
                index + 1 < lines.count, lines[index + 1].contains(":")
            {
                throw ProblemFormatError.malformedFrontMatter(
                    file: file, line: index + 1, message: "front matter must start on line 1 with ---")
            }
            return ("", 0)
        }
        guard let end = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0]) }) else {
            throw ProblemFormatError.malformedFrontMatter(
                file: file, line: 1, message: "the front matter opened here is never closed; expected a line ---")
        }
        return (lines[1..<end].joined(separator: "\n"), end + 1)
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        line.trimmingCharacters(in: .whitespaces) == "---"
    }

    /// `time_limit` and `memory_limit`, or the Markdown defaults.
    private static func readLimits(_ fields: YAMLMapping) throws -> Limits {
        var limits = Limits.markdownDefault
        if let text = try fields.string("time_limit", expected: "a duration such as 1s or 500ms") {
            guard let milliseconds = Limits.milliseconds(fromDuration: text) else {
                throw fields.invalidValue(
                    "time_limit", text, reason: "is not a duration", expected: "e.g. 1s, 1.5s or 500ms")
            }
            guard milliseconds > 0 && milliseconds <= Limits.maximumTimeMilliseconds else {
                throw fields.invalidValue(
                    "time_limit", text, reason: "is out of range", expected: "more than 0 s and at most 60 s")
            }
            limits.timeMilliseconds = milliseconds
        }
        if let text = try fields.string("memory_limit", expected: "a size such as 256MiB or 1GiB") {
            guard let bytes = Limits.bytes(fromMemorySize: text) else {
                throw fields.invalidValue(
                    "memory_limit", text, reason: "is not a memory size", expected: "e.g. 256MiB, 1GiB or 512MB")
            }
            guard Limits.memoryBytesRange.contains(bytes) else {
                throw fields.invalidValue(
                    "memory_limit", text, reason: "is out of range", expected: "at least 1 MiB and at most 64 GiB")
            }
            limits.memoryBytes = bytes
        }
        return limits
    }

    /// `checker`: tokens (the default), exact, float:EPS, or a testlib-style source file in the problem's folder.
    private static func readChecker(_ fields: YAMLMapping, folder: URL) throws -> CheckerSpec {
        let expected =
            "tokens, exact, float:EPS (e.g. float:1e-6) or a checker source in \(folder.lastPathComponent)/ "
            + "such as checker.py or checker.cpp"
        guard let value = try fields.string("checker", expected: expected) else { return .tokens(.standard) }
        switch value {
        case "tokens":
            return .tokens(.standard)
        case "exact":
            return .exact
        case _ where value.hasPrefix("float:"):
            guard
                let epsilon = Double(value.dropFirst("float:".count)).flatMap({
                    CheckedNumber.finite($0, in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude)
                })
            else {
                throw fields.invalidValue(
                    "checker", value, reason: "has no valid tolerance",
                    expected: "float:EPS with EPS > 0, e.g. float:1e-6")
            }
            return .tokens(.float(epsilon))
        case _
        where !value.contains("/") && checkerExtensions.contains(folder.appendingPathComponent(value).pathExtension):
            let source = folder.appendingPathComponent(value)
            guard try FileEntry.classify(source, root: folder) == .file else {
                throw ProblemFormatError.missingFile(
                    file: fields.file, line: fields.line(of: "checker"), key: "checker", missing: source.path)
            }
            return .testlib(source: source)
        default:
            throw fields.invalidValue("checker", value, reason: "is not a checker", expected: expected)
        }
    }
}
