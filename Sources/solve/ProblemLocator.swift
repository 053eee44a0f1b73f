import Foundation
import ProblemFormat
import Solving

/// Finds a problem from what the user typed: a path, or the slug of a bundled problem.
enum ProblemLocator {
    /// Loads `argument` as a path, else as `Problems/<slug>.md` or `Problems/<slug>/` of the bundled set.
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
        throw CommandFailure(notFoundMessage(argument))
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
            if let match = entries.first(where: { $0.lowercased() == name.lowercased() || wanted.hasSuffix("/" + $0.lowercased()) }) {
                let relative = folder.path == FileManager.default.currentDirectoryPath + "/Problems" ? "Problems/" + match : folder.appendingPathComponent(match).path
                return message + " — did you mean \(relative)?"
            }
        }
        let slugs = bundledProblemFolders().flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0.path)) ?? [] }
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
        if !slugs.isEmpty { message += "; bundled problems: \(Set(slugs).sorted().joined(separator: ", "))" }
        return message
    }
}
