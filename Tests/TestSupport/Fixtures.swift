import Foundation
import ProblemFormat

/// Paths of the repository's fixtures and bundled problems, found from this file's location.
public enum Fixtures {
    /// The repository root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let tests = root.appendingPathComponent("Tests/Fixtures")
    public static let problems = root.appendingPathComponent("Problems")

    /// The text of `file`; empty when it cannot be read (the tests that use it then fail on their expectations).
    public static func text(_ file: URL) -> String {
        (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    /// A fixture file or folder, e.g. `fixture("hostile/fork_bomb.c")`.
    public static func fixture(_ path: String) -> URL {
        tests.appendingPathComponent(path)
    }

    /// A one-test problem whose input and answer are files in a fresh folder readable by everyone.
    public static func problem(
        input: String, answer: String, timeMilliseconds: Int = 1000, memoryMiB: Int = 256,
        checker: CheckerSpec = .tokens(.standard)
    ) throws -> Problem {
        let folder = try temporaryDirectory(prefix: "problem")
        let inputFile = folder.appendingPathComponent("1.in")
        let answerFile = folder.appendingPathComponent("1.ans")
        try Data(input.utf8).write(to: inputFile)
        try Data(answer.utf8).write(to: answerFile)
        return Problem(
            slug: "inline", title: "inline", statement: "",
            limits: Limits(timeMilliseconds: timeMilliseconds, memoryBytes: memoryMiB << 20), checker: checker,
            tests: [TestCase(name: "1", input: .file(inputFile), answer: .file(answerFile), isSample: false)],
            source: folder, format: .markdown)
    }

    /// A new folder under the system temporary directory, mode 0755.
    public static func temporaryDirectory(prefix: String) throws -> URL {
        let url = URL(fileURLWithPath: "/tmp").appendingPathComponent("solve-test-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o755)
        return url
    }
}
