import Foundation

/// A solution shipped in a package's `submissions/<verdict>/` folder.
public struct PackageSubmission: Sendable, Hashable {
    /// The folder it lies in: `accepted`, `wrong_answer`, `time_limit_exceeded`, `run_time_error`, ….
    public var expectedVerdict: String
    /// The source file.
    public var file: URL

    public init(expectedVerdict: String, file: URL) {
        self.expectedVerdict = expectedVerdict
        self.file = file
    }
}

/// The Kattis / ICPC problem package format: a folder with `problem.yaml`, `problem_statement/` and `data/`.
public enum KattisPackage {
    /// Whether `url` is a folder that looks like a package: it holds `problem.yaml`, a statement folder or `data/`.
    public static func isPackage(_ url: URL) -> Bool {
        guard TestFiles.isFolder(url) else { return false }
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("problem.yaml").path)
            || ["problem_statement", "statement", "data"].contains {
                TestFiles.isFolder(url.appendingPathComponent($0))
            }
    }

    /// The solutions in `submissions/<verdict>/` (files directly inside each folder), sorted by folder then name.
    ///
    /// A package without `submissions/` has none.
    /// - Throws: ``ProblemFormatError/unreadable(file:reason:)`` when a folder cannot be listed.
    public static func submissions(inPackage package: URL) throws -> [PackageSubmission] {
        let root = package.appendingPathComponent("submissions")
        guard TestFiles.isFolder(root) else { return [] }
        return try TestFiles.entries(of: root, root: package).folders.flatMap { folder in
            try TestFiles.entries(of: folder, root: package).files.map {
                PackageSubmission(expectedVerdict: folder.lastPathComponent, file: $0)
            }
        }
    }

    /// Loads the package in the folder `url`.
    ///
    /// - Throws: ``ProblemFormatError``, naming `problem.yaml` (and the line) for bad metadata.
    static func load(_ url: URL) throws -> Problem {
        let yamlURL = url.appendingPathComponent("problem.yaml")
        let fields =
            FileManager.default.fileExists(atPath: yamlURL.path)
            ? try YAMLMapping.parse(
                TestFiles.readText(yamlURL, root: url), file: yamlURL.path, expected: "lines like `name: Hello World`")
            : try YAMLMapping.parse("", file: yamlURL.path, expected: "")

        let title = try readName(fields) ?? url.lastPathComponent
        let limits = try readLimits(fields, package: url)
        let tags = try readKeywords(fields)
        let difficulty = try fields.string("difficulty", expected: "text")
        let checker = try readChecker(fields, package: url)
        let tests = try readTests(package: url)
        let statement = try readStatement(package: url)
        return Problem(
            slug: url.lastPathComponent, title: title, statement: statement, limits: limits, tags: tags,
            difficulty: difficulty, checker: checker, python: .pypy, tests: tests, source: url, format: .kattis)
    }

    /// `name`: text, or a mapping of languages to text (its `en` entry).
    private static func readName(_ fields: YAMLMapping) throws -> String? {
        let expected = "the problem's name as text, or a mapping such as {en: Hello World}"
        guard fields.holdsMapping("name") else { return try fields.string("name", expected: expected) }
        return try fields.mapping("name", expected: expected)?.string("en", expected: expected)
    }

    /// `keywords` as tags: a list, or one string of comma-separated keywords.
    private static func readKeywords(_ fields: YAMLMapping) throws -> [String] {
        let keywords = try fields.strings("keywords", expected: "a list of keywords or one string") ?? []
        return keywords.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// `limits.time_limit` (else `.timelimit`, else 1 s) and `limits.memory` (else 2048 MiB).
    private static func readLimits(_ fields: YAMLMapping, package: URL) throws -> Limits {
        var result = Limits.kattisDefault
        let limits = try fields.mapping("limits", expected: "a mapping such as {time_limit: 2, memory: 1024}")
        if let limits, let text = try limits.string("time_limit", expected: "a number of seconds") {
            result.timeMilliseconds = try milliseconds(fromSeconds: text) {
                limits.invalidValue("time_limit", text, reason: $0, expected: $1)
            }
        } else {
            let timelimit = package.appendingPathComponent(".timelimit")
            if FileManager.default.fileExists(atPath: timelimit.path) {
                let text = try TestFiles.readText(timelimit, root: package).trimmingCharacters(
                    in: .whitespacesAndNewlines)
                result.timeMilliseconds = try milliseconds(fromSeconds: text) {
                    .invalidValue(
                        file: timelimit.path, line: 1, key: "time limit", value: text, reason: $0, expected: $1)
                }
            }
        }
        let mebibytes = Limits.memoryBytesRange.lowerBound >> 20...Limits.memoryBytesRange.upperBound >> 20
        if let limits,
            let memory = try limits.integer("memory", in: mebibytes, expected: "a whole number of MiB, e.g. 1024")
        {
            result.memoryBytes = memory << 20
        }
        return result
    }

    /// A decimal number of seconds in milliseconds; `error(reason, expected)` builds the error to throw.
    private static func milliseconds(
        fromSeconds text: String, error: (String, String) -> ProblemFormatError
    ) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let seconds = Double(trimmed)
        else {
            throw error("is not a number of seconds", "e.g. 1, 2 or 1.5")
        }
        guard
            let milliseconds = CheckedNumber.integer(
                (seconds * 1000).rounded(), in: 1...Limits.maximumTimeMilliseconds)
        else {
            throw error("is out of range", "more than 0 and at most 60 (seconds)")
        }
        return milliseconds
    }

    /// `data/sample/` then `data/secret/` (recursively).
    ///
    /// - Throws: ``ProblemFormatError/noTests(problem:expected:)`` when both are empty.
    private static func readTests(package: URL) throws -> [TestCase] {
        let data = package.appendingPathComponent("data")
        var tests: [TestCase] = []
        for (group, isSample) in [("sample", true), ("secret", false)] {
            let folder = data.appendingPathComponent(group)
            guard try FileEntry.classify(folder, root: package) == .folder else { continue }
            tests += try TestFiles.tests(
                in: folder, root: package, recursive: !isSample, namePrefix: group + "/", isSample: isSample)
        }
        guard !tests.isEmpty else {
            throw ProblemFormatError.noTests(
                problem: package.path, expected: "NAME.in and NAME.ans files in data/sample/ or data/secret/")
        }
        return tests
    }

    /// The statement: the first of `problem.en.md`, `problem.en.tex`, `problem.md`, `problem.tex` in
    /// `problem_statement/` (or the newer `statement/`), else empty.
    private static func readStatement(package: URL) throws -> String {
        for folder in ["problem_statement", "statement"] {
            for name in ["problem.en.md", "problem.en.tex", "problem.md", "problem.tex"] {
                let url = package.appendingPathComponent(folder).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: url.path) {
                    return try TestFiles.readText(url, root: package)
                }
            }
        }
        return ""
    }
}
