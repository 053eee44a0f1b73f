import Foundation
import ProblemFormat
import TestSupport
import Testing

@testable import Importing

/// Reading JSON lines in general: format detection, bad lines, skipping, limits, writing.
@Suite struct ImporterTests {
    /// A fresh file holding `text`, removed after `body`.
    @discardableResult
    func withFile<T>(_ text: String, name: String = "set.jsonl", _ body: (URL) throws -> T) throws -> T {
        try withFile(Data(text.utf8), name: name, body)
    }

    @discardableResult
    func withFile<T>(_ data: Data, name: String, _ body: (URL) throws -> T) throws -> T {
        let folder = try Fixtures.temporaryDirectory(prefix: "importer")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try data.write(to: file)
        return try body(file)
    }

    static let good =
        #"{"task_id": "T/1", "prompt": "def f():\n", "test": "def check(c):\n    assert c() == 1\n", "entry_point": "f"}"#

    @Test(
        "the format is detected from the first record's keys",
        arguments: [
            ("humaneval/HumanEval.jsonl.gz", ImportFormat.humaneval),
            ("livecodebench/problems.jsonl", .livecodebench),
            ("codecontests/problems.jsonl", .codecontests),
        ])
    func detection(file: String, format: ImportFormat) throws {
        #expect(try Importer.read(Fixtures.fixture(file), limit: 1).format == format)
    }

    @Test("a record of no known format is an error listing its keys")
    func unknownFormat() throws {
        try withFile("\n{\"id\": 1, \"text\": \"x\"}\n") { file in
            #expect(throws: ImportError.unknownFormat(file: file.path, line: 2, keys: ["id", "text"])) {
                try Importer.problems(from: file)
            }
        }
    }

    @Test("a file of another format than the one named is an error saying which it is")
    func formatMismatch() throws {
        let file = Fixtures.fixture("humaneval/HumanEval.jsonl.gz")
        #expect(
            throws: ImportError.formatMismatch(file: file.path, line: 1, named: .livecodebench, detected: .humaneval)
        ) {
            try Importer.problems(from: file, format: .livecodebench)
        }
    }

    @Test("a bad line fails the import, naming its line; --skip-invalid leaves it out and says why")
    func badLines() throws {
        let text = [
            Self.good, "{not json", #"{"task_id": "T/3", "prompt": "", "test": ""}"#,
            #"{"task_id": 4, "prompt": "", "test": "", "entry_point": "f"}"#, "[1, 2]",
            Self.good.replacingOccurrences(of: "T/1", with: "T/6"), Self.good,
        ].joined(separator: "\n")
        try withFile(text) { file in
            let error = #expect(throws: ImportError.self) { try Importer.problems(from: file) }
            #expect(
                error
                    == .notARecord(
                        file: file.path, line: 2,
                        reason: "the line is not valid JSON at byte 2: expected a key in quotes"))

            let result = try Importer.read(file, skipInvalid: true)
            #expect(result.problems.map(\.slug) == ["t-1", "t-6"])
            #expect(result.skipped.map(\.line) == [2, 3, 4, 5, 7])
            #expect(
                result.skipped[1]
                    == .missingField(
                        file: file.path, line: 3, field: "entry_point", expected: "the name of the function to complete"
                    ))
            #expect(
                result.skipped[2]
                    == .wrongType(
                        file: file.path, line: 4, field: "task_id", found: "a number",
                        expected: "the task's id, e.g. HumanEval/0"))
            #expect(
                result.skipped[3].description
                    == "\(file.path):5: the line is a list, not an object; expected one JSON object per line")
            #expect(result.skipped[4] == .duplicateSlug(file: file.path, line: 7, slug: "t-1", firstLine: 1))

            #expect(try Importer.read(file, limit: 1).problems.count == 1)
        }
    }

    @Test("an empty file, an unreadable one and a corrupt gzip are errors about the file")
    func fileErrors() throws {
        try withFile("\n\n") { file in
            #expect(throws: ImportError.noRecords(file: file.path)) { try Importer.problems(from: file) }
        }
        try withFile(Data([0x1f, 0x8b]) + Data("garbage".utf8), name: "set.jsonl.gz") { file in
            let error = #expect(throws: ImportError.self) { try Importer.problems(from: file) }
            #expect(error?.description.hasPrefix("\(file.path): not a valid gzip file (") == true)
        }
        let missing = URL(fileURLWithPath: "/nonexistent/set.jsonl")
        let error = #expect(throws: ImportError.self) { try Importer.problems(from: missing) }
        #expect(error?.description.hasPrefix("/nonexistent/set.jsonl: cannot be read") == true)
    }

    @Test("writing refuses to overwrite problems unless forced")
    func overwrite() throws {
        let problems = try Importer.problems(from: Fixtures.fixture("codecontests/problems.jsonl"))
        let folder = try Fixtures.temporaryDirectory(prefix: "out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("set")
        #expect(try Importer.write(problems, to: target) == WriteSummary(problems: 2, tests: 12))
        try "stale".write(
            to: target.appendingPathComponent("1000-a-sum-of-two/99.in"), atomically: true, encoding: .utf8)
        #expect(
            throws: ImportError.outputExists(path: target.appendingPathComponent("1000-a-sum-of-two.md").path, count: 2)
        ) {
            try Importer.write(problems, to: target)
        }
        try Importer.write(problems, to: target, force: true)
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("1000-a-sum-of-two/99.in").path))
        #expect(try ProblemLoader.loadSet(target).count == 2)
    }
}
