import Foundation
import ProblemFormat
import Solving

/// Finds a problem from what the user typed: a path, or the slug of a bundled problem.
enum ProblemLocator {
    /// Loads `argument` as a path, else as `Problems/<slug>.md` or `Problems/<slug>/` of the bundled set, else as the
    /// one path that matches it without regard to case (see `existingPath(_:)`).
    static func load(_ argument: String) throws -> Problem {
        let url = URL(fileURLWithPath: argument)
        if FileManager.default.fileExists(atPath: url.path) { return try ProblemLoader.load(url) }
        for folder in bundledProblemFolders() {
            for candidate in [folder.appendingPathComponent("\(argument).md"), folder.appendingPathComponent(argument)]
            where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("problem.yaml").path)
                || (candidate.pathExtension == "md" && FileManager.default.fileExists(atPath: candidate.path))
            {
                return try ProblemLoader.load(candidate)
            }
        }
        guard let path = try existingPath(argument) else { throw CommandFailure(notFoundMessage(argument)) }
        return try ProblemLoader.load(URL(fileURLWithPath: path))
    }

    /// `path` when it exists; else the one path that matches it without regard to case, said on stderr ("using
    /// Problems/two-sum.md"), as on a case-insensitive disk; nil when nothing matches.
    /// - Throws: `CommandFailure` listing the matches when several paths match.
    static func existingPath(_ path: String) throws -> String? {
        if FileManager.default.fileExists(atPath: path) { return path }
        let matches = caseInsensitiveMatches(of: path)
        guard matches.count <= 1 else {
            let list = matches.dropLast().joined(separator: ", ") + " or " + (matches.last ?? "")
            throw CommandFailure("\(path) not found — did you mean \(list)?")
        }
        guard let match = matches.first else { return nil }
        FileHandle.standardError.write(Data("using \(match)\n".utf8))
        return match
    }

    /// The existing paths equal to `path` without regard to case, compared component by component from the current
    /// directory (from `/` for an absolute path); `.` and `..` are kept as they are. Sorted, one spelling per file.
    static func caseInsensitiveMatches(of path: String) -> [String] {
        var prefixes = [path.hasPrefix("/") ? "/" : ""]
        for component in path.split(separator: "/").map(String.init) {
            var next: [String] = []
            for prefix in prefixes {
                if component == "." || component == ".." {
                    next.append(prefix + component + "/")
                    continue
                }
                let folder = prefix.isEmpty ? "." : prefix
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                let wanted = component.lowercased()
                next += entries.filter { $0.lowercased() == wanted }.map { prefix + $0 + "/" }
            }
            prefixes = next
        }
        var files = Set<String>()
        return prefixes.map { $0 == "/" ? $0 : String($0.dropLast()) }.sorted().filter { match in
            guard let resolved = realpath(match, nil) else { return false }
            defer { free(resolved) }
            return files.insert(String(cString: resolved)).inserted
        }
    }

    /// `SOLVE_PROBLEMS`, `./Problems`, and `Problems/` of the package the binary was built in.
    static func bundledProblemFolders() -> [URL] {
        ProjectFolders.candidates(named: "Problems", environmentKey: "SOLVE_PROBLEMS")
    }

    private static func notFoundMessage(_ argument: String) -> String {
        var message = "\(argument) not found"
        let wanted = argument.lowercased()
        let name = URL(fileURLWithPath: argument).lastPathComponent
        for folder in bundledProblemFolders() {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if let match = entries.first(where: {
                $0.lowercased() == name.lowercased() || wanted.hasSuffix("/" + $0.lowercased())
            }) {
                let relative =
                    folder.path == FileManager.default.currentDirectoryPath + "/Problems"
                    ? "Problems/" + match : folder.appendingPathComponent(match).path
                return message + " — did you mean \(relative)?"
            }
        }
        let slugs = bundledProblemFolders().flatMap {
            (try? FileManager.default.contentsOfDirectory(atPath: $0.path)) ?? []
        }
        .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        if !slugs.isEmpty { message += "; bundled problems: \(Set(slugs).sorted().joined(separator: ", "))" }
        return message
    }
}
