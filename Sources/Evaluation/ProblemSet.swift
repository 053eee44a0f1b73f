import Foundation
import Importing
import ProblemFormat

/// What `solve eval` runs on: a folder of problems, a problem-set file, or a single problem.
public struct ProblemSet: Sendable {
    /// The set as the user named it, for the run's record.
    public var source: String
    public var problems: [Problem]

    public init(source: String, problems: [Problem]) {
        self.source = source
        self.problems = problems
    }

    /// Loads `url`:
    /// - a folder: its Markdown problems and Kattis packages (a Kattis package folder itself is one problem);
    /// - a `.txt`/`.set` file: one problem path per line, relative to the file; `#` starts a comment;
    /// - a `.md` file: that problem alone;
    /// - a `.jsonl` / `.jsonl.gz` file of LiveCodeBench, HumanEval or CodeContests records (format detected), read in
    ///   memory as `solve import` would read it.
    public static func load(_ url: URL) throws -> ProblemSet {
        let url = url.absoluteURL.standardized
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw ProblemFormatError.notFound(path: url.path)
        }
        if isFolder.boolValue {
            if KattisPackage.isPackage(url) {
                return ProblemSet(source: url.path, problems: [try ProblemLoader.load(url)])
            }
            return ProblemSet(source: url.path, problems: try ProblemLoader.loadSet(url))
        }
        switch url.pathExtension.lowercased() {
        case "md": return ProblemSet(source: url.path, problems: [try ProblemLoader.load(url)])
        case "txt", "set", "list": return ProblemSet(source: url.path, problems: try listed(in: url))
        case "jsonl", "gz", "json": return ProblemSet(source: url.path, problems: try Importer.problems(from: url))
        default:
            throw EvaluationError.badProblemSet(
                path: url.path,
                reason:
                    "expected a folder of problems, a .md problem, a problem-set file (.txt/.set: one path per line), or an importable .jsonl(.gz)"
            )
        }
    }

    /// The problems a set file lists, in its order; duplicates are an error (they would skew every rate).
    static func listed(in file: URL) throws -> [Problem] {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ProblemFormatError.unreadable(file: file.path, reason: error.localizedDescription)
        }
        let base = file.deletingLastPathComponent()
        var problems: [Problem] = []
        var lineOfSlug: [String: Int] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: .whitespaces) ?? ""
            guard !line.isEmpty else { continue }
            let path = line.hasPrefix("/") ? URL(fileURLWithPath: line) : base.appendingPathComponent(line)
            let problem: Problem
            do {
                problem = try ProblemLoader.load(path)
            } catch {
                throw EvaluationError.badProblemSet(path: "\(file.path):\(index + 1)", reason: "\(line): \(error)")
            }
            if let earlier = lineOfSlug[problem.slug] {
                throw EvaluationError.badProblemSet(
                    path: "\(file.path):\(index + 1)", reason: "\(problem.slug) is already listed on line \(earlier)")
            }
            lineOfSlug[problem.slug] = index + 1
            problems.append(problem)
        }
        guard !problems.isEmpty else {
            throw EvaluationError.badProblemSet(path: file.path, reason: "it lists no problems")
        }
        return problems
    }

    /// Shard `index` (1-based) of `count`: every `count`-th problem in slug order, starting at `index`, so shards are
    /// disjoint, cover the set, and stay the same on every machine.
    public func shard(_ shard: Shard?) -> ProblemSet {
        guard let shard else { return self }
        let ordered = problems.sorted { $0.slug < $1.slug }
        let picked = ordered.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element)
        return ProblemSet(source: source, problems: picked)
    }
}

/// `--shard I/N`.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else {
            throw EvaluationError.invalidOption(
                option: "--shard", value: text, expected: "I/N with 1 ≤ I ≤ N, e.g. 2/4")
        }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }
}
