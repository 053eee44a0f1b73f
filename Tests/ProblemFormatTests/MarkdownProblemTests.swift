import Foundation
import TestSupport
import Testing

@testable import ProblemFormat

@Suite struct MarkdownProblemTests {
    @Test func loadsEveryPartOfAFullProblem() throws {
        let url = Fixtures.fixture("problemformat/markdown/full.md")
        let problem = try ProblemLoader.load(url)
        #expect(problem.slug == "full")
        #expect(problem.title == "Add Two Numbers")
        #expect(problem.format == .markdown)
        #expect(problem.source.path == url.path)
        #expect(problem.limits == Limits(timeMilliseconds: 1500, memoryBytes: 64 << 20))
        #expect(problem.tags == ["math", "implementation"])
        #expect(problem.difficulty == "easy")
        #expect(problem.route == "code")
        #expect(problem.checker == .tokens(.float(1e-6)))
        #expect(problem.statement.hasPrefix("# Sum\n"))
        #expect(problem.statement.contains("```cpp\n// a fence with another info string"))
        #expect(problem.statement.contains("```input\n1 2\n```"))

        #expect(problem.samples.map(\.name) == ["sample-1", "sample-2"])
        #expect(problem.samples.map(\.input) == [.text("1 2\n"), .text("10 20\n```input\n")])
        #expect(problem.samples.map(\.answer) == [.text("3\n"), .text("30\n")])

        // Natural order, and neither sub-folders (solutions/, extra/) nor generator.py are tests.
        let folder = Fixtures.fixture("problemformat/markdown/full")
        #expect(problem.hiddenTests.map(\.name) == ["1", "2", "10"])
        #expect(problem.hiddenTests.allSatisfy { !$0.isSample })
        #expect(
            problem.hiddenTests.map(\.input.file?.path)
                == ["1", "2", "10"].map { folder.appendingPathComponent("\($0).in").path })
        #expect(
            problem.hiddenTests.map(\.answer.file?.path)
                == ["1", "2", "10"].map { folder.appendingPathComponent("\($0).ans").path })
        #expect(try problem.hiddenTests[2].answer.read() == Data("20\n".utf8))
        #expect(problem.tests.map(\.name) == ["sample-1", "sample-2", "1", "2", "10"])
    }

    @Test func withoutFrontMatterUsesDefaultsAndTheFirstHeading() throws {
        try withScratchFolder { folder in
            let url = try folder.write(
                "plain.md", "Intro\n\n```text\n# not a heading\n```\n# The Title #\n\n" + sampleBlocks)
            let problem = try ProblemLoader.load(url)
            #expect(problem.title == "The Title")
            #expect(problem.limits == .markdownDefault)
            #expect(problem.checker == .tokens(.standard))
            #expect(problem.tags == [])
            #expect(problem.difficulty == nil)
            #expect(problem.route == nil)
            #expect(problem.statement.hasPrefix("Intro\n"))
        }
    }

    @Test func titleFallsBackToTheSlug() throws {
        try withScratchFolder { folder in
            let url = try folder.write("my-slug.md", "---\ndifficulty: hard\n---\n## Not level one\n" + sampleBlocks)
            #expect(try ProblemLoader.load(url).title == "my-slug")
        }
    }

    @Test func singleTagUnknownKeysByteOrderMarkAndCRLF() throws {
        try withScratchFolder { folder in
            let text =
                "\u{FEFF}---\r\ntitle: T\r\ntags: greedy\r\nsomething_else: {a: [1, 2]}\r\n---\r\n"
                + "```input\r\n5\r\n```\r\n```output\r\n6\r\n```\r\n"
            let problem = try ProblemLoader.load(try folder.write("crlf.md", text))
            #expect(problem.title == "T")
            #expect(problem.tags == ["greedy"])
            #expect(problem.samples.first?.input == .text("5\n"))
            #expect(problem.samples.first?.answer == .text("6\n"))
        }
    }

    @Test func fencesFollowCommonMarkRules() throws {
        try withScratchFolder { folder in
            let text = """
                ---
                title: Fences
                ---
                ````input
                ```
                a
                ````
                  ~~~ output extra words
                  b
                    c
                  ~~~~~

                ```input
                ```
                ```output


                ```
                """
            let problem = try ProblemLoader.load(try folder.write("fences.md", text))
            #expect(problem.samples.map(\.input) == [.text("```\na\n"), .text("\n")])
            #expect(problem.samples.map(\.answer) == [.text("b\n  c\n"), .text("\n")])
        }
    }

    @Test func hiddenTestsOnlyAndNaturalOrder() throws {
        try withScratchFolder { folder in
            let url = try folder.write("hidden.md", "---\ntitle: Hidden\n---\nNo samples here.\n")
            for name in ["10", "2", "1", "02-b", "a10", "a9"] {
                try folder.write("hidden/\(name).in", name)
                try folder.write("hidden/\(name).ans", name)
            }
            try folder.write("hidden/solutions/stray.in", "")
            try folder.write("hidden/notes.txt", "")
            let problem = try ProblemLoader.load(url)
            #expect(problem.samples.isEmpty)
            #expect(problem.hiddenTests.map(\.name) == ["1", "2", "02-b", "10", "a9", "a10"])
        }
    }

    @Test func checkerSpellings() throws {
        try withScratchFolder { folder in
            try folder.write("p/checker.py", "print('ok')\n")
            let cases: [(String, CheckerSpec)] = [
                ("tokens", .tokens(.standard)), ("exact", .exact), ("float:1e-6", .tokens(.float(1e-6))),
                ("float:0.5", .tokens(.float(0.5))),
                ("checker.py", .testlib(source: folder.url.appendingPathComponent("p/checker.py"))),
            ]
            for (spelling, expected) in cases {
                let url = try folder.write("p.md", "---\nchecker: \(spelling)\n---\n" + sampleBlocks)
                #expect(try ProblemLoader.load(url).checker == expected, "checker: \(spelling)")
            }
        }
    }

    @Test func missingAnswerNamesBothFiles() throws {
        try withScratchFolder { folder in
            let url = try folder.write("p.md", sampleBlocks)
            try folder.write("p/1.in", "1")
            try folder.write("p/1.ans", "1")
            try folder.write("p/2.in", "2")
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(error == .missingAnswer(input: folder.path("p/2.in"), expected: folder.path("p/2.ans")))
            #expect(error?.description.contains("p/2.in: test input without an answer; expected") == true)
        }
    }

    @Test func answerWithoutInputIsAnError() throws {
        try withScratchFolder { folder in
            let url = try folder.write("p.md", sampleBlocks)
            try folder.write("p/3.ans", "3")
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(error == .missingInput(answer: folder.path("p/3.ans"), expected: folder.path("p/3.in")))
        }
    }

    @Test func noTestsAtAll() throws {
        try withScratchFolder { folder in
            let url = try folder.write("empty.md", "---\ntitle: Empty\n---\n```cpp\nint main() {}\n```\n")
            try folder.makeFolder("empty/solutions")
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            guard case .noTests(let problem, _) = error else {
                Issue.record("expected noTests, got \(String(describing: error))")
                return
            }
            #expect(problem == url.path)
            #expect(
                error?.description.hasSuffix(
                    "empty.md: no tests; expected ```input and ```output blocks in the statement, or NAME.in and "
                        + "NAME.ans files in empty/"
                ) == true)
        }
    }

    @Test func unreadableFileIsNamed() throws {
        try withScratchFolder { folder in
            let url = try folder.write("binary.md")
            try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: url)
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(error == .unreadable(file: url.path, reason: "not UTF-8 text"))
        }
    }
}

/// A Markdown problem that must fail to load on a given line, with a message containing `message`.
struct BrokenMarkdown: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var line: Int?
    var message: String
    var testDescription: String { label }
}

@Suite struct MarkdownErrorTests {
    static let cases: [BrokenMarkdown] = [
        BrokenMarkdown(
            label: "time not a duration", text: "---\ntitle: T\ntime_limit: 1 parsec\n---\n", line: 3,
            message: "time_limit \"1 parsec\" is not a duration; expected e.g. 1s, 1.5s or 500ms"),
        BrokenMarkdown(
            label: "zero time", text: "---\ntime_limit: 0s\n---\n", line: 2,
            message: "time_limit \"0s\" is out of range; expected more than 0 s and at most 60 s"),
        BrokenMarkdown(
            label: "time too long", text: "---\ntitle: T\n\ntime_limit: 61s\n---\n", line: 4,
            message: "time_limit \"61s\" is out of range"),
        BrokenMarkdown(
            label: "time a list", text: "---\ntime_limit: [1s, 2s]\n---\n", line: 2,
            message: "time_limit is a list; expected a duration such as 1s or 500ms"),
        BrokenMarkdown(
            label: "memory not a size", text: "---\nmemory_limit: lots\n---\n", line: 2,
            message: "memory_limit \"lots\" is not a memory size; expected e.g. 256MiB, 1GiB or 512MB"),
        BrokenMarkdown(
            label: "memory too small", text: "---\ntitle: T\nmemory_limit: 512KiB\n---\n", line: 3,
            message: "memory_limit \"512KiB\" is out of range; expected at least 1 MiB and at most 64 GiB"),
        BrokenMarkdown(
            label: "memory too large", text: "---\nmemory_limit: 65GiB\n---\n", line: 2,
            message: "is out of range"),
        BrokenMarkdown(
            label: "title a list", text: "---\ntitle: [a, b]\n---\n", line: 2,
            message: "title is a list; expected the problem's title as text"),
        BrokenMarkdown(
            label: "tags a mapping", text: "---\ntitle: T\ntags: {a: 1}\n---\n", line: 3,
            message: "tags is a mapping; expected a list of strings"),
        BrokenMarkdown(
            label: "tag item a mapping", text: "---\ntitle: T\ntags:\n  - ok\n  - {bad: 1}\n---\n", line: 5,
            message: "an item of tags is a mapping"),
        BrokenMarkdown(
            label: "difficulty a list", text: "---\ndifficulty:\n  - easy\n---\n", line: 2,
            message: "difficulty is a list"),
        BrokenMarkdown(
            label: "unknown route", text: "---\nroute: sometimes\n---\n", line: 2,
            message: "route \"sometimes\" is not a route; expected reasoning or code"),
        BrokenMarkdown(
            label: "unknown checker", text: "---\ntitle: T\nchecker: fuzzy\n---\n", line: 3,
            message: "checker \"fuzzy\" is not a checker; expected tokens, exact, float:EPS"),
        BrokenMarkdown(
            label: "float without tolerance", text: "---\nchecker: float:abc\n---\n", line: 2,
            message: "checker \"float:abc\" has no valid tolerance"),
        BrokenMarkdown(
            label: "negative float tolerance", text: "---\nchecker: float:-1\n---\n", line: 2,
            message: "has no valid tolerance"),
        BrokenMarkdown(
            label: "missing checker file", text: "---\ntitle: T\ntags: [a]\nchecker: checker.cpp\n---\n", line: 4,
            message: "checker names "),
        BrokenMarkdown(
            label: "front matter never closed", text: "---\ntitle: T\n\n# T\n", line: 1,
            message: "the front matter opened here is never closed; expected a line ---"),
        BrokenMarkdown(
            label: "front matter not on line 1", text: "\n---\ntitle: T\n---\n", line: 2,
            message: "front matter must start on line 1 with ---"),
        BrokenMarkdown(
            label: "front matter a list", text: "---\n- a\n- b\n---\n", line: 2,
            message: "not a mapping of keys; expected lines like `title: Two Sum`"),
        BrokenMarkdown(
            label: "YAML syntax", text: "---\ntitle: T\ntags: [a, b\ndifficulty: easy\n---\n", line: 4,
            message: "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence on line 3)"),
        BrokenMarkdown(
            label: "duplicate key", text: "---\ntitle: A\ntitle: B\n---\n", line: 2,
            message: "invalid YAML: duplicate key title"),
        BrokenMarkdown(
            label: "unterminated fence", text: "---\ntitle: T\n---\nText\n\n```input\n1\n```\n~~~output\n1\n```\n",
            line: 9, message: "the ~~~ fence opened here is never closed; expected a closing ~~~ line"),
        BrokenMarkdown(
            label: "unterminated other fence", text: "# T\n````cpp\nint main() {}\n```\n", line: 2,
            message: "the ```` fence opened here is never closed"),
        BrokenMarkdown(
            label: "output without input", text: "# T\n\n```output\n1\n```\n", line: 3,
            message: "an output block without an input block before it"),
        BrokenMarkdown(
            label: "input twice", text: "# T\n```input\n1\n```\n```input\n2\n```\n```output\n2\n```\n", line: 2,
            message: "an input block without an output block after it"),
        BrokenMarkdown(
            label: "input at the end", text: "# T\n```input\n1\n```\n```output\n1\n```\n\n```input\n2\n```\n",
            line: 9, message: "an input block without an output block after it"),
        BrokenMarkdown(
            label: "no tests", text: "---\ntitle: T\n---\nNothing.\n", line: nil,
            message: "no tests"),
    ]

    @Test(arguments: cases)
    func reportsFileAndLine(_ broken: BrokenMarkdown) throws {
        try withScratchFolder { folder in
            let url = try folder.write("broken.md", broken.text)
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(error?.file == url.path)
            #expect(error?.line == broken.line)
            let location = broken.line.map { "\(url.path):\($0): " } ?? "\(url.path): "
            #expect(error?.description.hasPrefix(location) == true, "\(String(describing: error))")
            #expect(error?.description.contains(broken.message) == true, "\(String(describing: error))")
        }
    }

    @Test func exactErrorValue() throws {
        try withScratchFolder { folder in
            let url = try folder.write("x.md", "---\ntitle: X\ntime_limit: 1 parsec\n---\n" + sampleBlocks)
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(
                error
                    == .invalidValue(
                        file: url.path, line: 3, key: "time_limit", value: "1 parsec", reason: "is not a duration",
                        expected: "e.g. 1s, 1.5s or 500ms"))
        }
    }

    @Test func missingCheckerNamesTheExpectedPath() throws {
        try withScratchFolder { folder in
            let url = try folder.write("x.md", "---\nchecker: check.c\n---\n" + sampleBlocks)
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(error == .missingFile(file: url.path, line: 2, key: "checker", missing: folder.path("x/check.c")))
        }
    }
}
