import Foundation
import TestSupport
import Testing

@testable import ProblemFormat

@Suite struct MarkdownWriterTests {
    /// A problem's contents with a testlib checker reduced to its file name (its folder changes when written).
    func contents(_ problem: Problem) throws -> ProblemContents {
        var contents = try ProblemContents(problem)
        if case .testlib(let source) = contents.checker {
            contents.checker = .testlib(source: URL(fileURLWithPath: "/" + source.lastPathComponent))
        }
        return contents
    }

    @Test("every Markdown problem we have is written and loaded back the same")
    func roundTrip() throws {
        let problems =
            try ProblemLoader.loadSet(Fixtures.problems).filter { $0.format == .markdown }
            + [try ProblemLoader.load(Fixtures.fixture("problemformat/markdown/full.md"))]
        #expect(problems.count >= 9)
        try withScratchFolder { folder in
            for problem in problems {
                let file = try MarkdownWriter.write(problem, into: folder.url)
                #expect(file.lastPathComponent == problem.slug + ".md")
                #expect(try contents(ProblemLoader.load(file)) == contents(problem))
            }
        }
    }

    @Test("samples missing from the statement are appended; fences outgrow the backticks inside")
    func appendsSamples() throws {
        try withScratchFolder { folder in
            let samples = [
                TestCase(name: "sample-1", input: .text("```\n1\n"), answer: .text("2\n"), isSample: true)
            ]
            let problem = Problem(
                slug: "p", title: "P: \"quoted\"", statement: "Add one.\n", limits: .markdownDefault,
                tags: ["a b", "c"], tests: samples, source: folder.url, format: .markdown)
            let file = try MarkdownWriter.write(problem, into: folder.url)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("## Examples\n\n````input\n```\n1\n````\n```output\n2\n```\n"))
            let loaded = try ProblemLoader.load(file)
            #expect(loaded.title == "P: \"quoted\"" && loaded.tags == ["a b", "c"])
            #expect(try ProblemContents(loaded).tests == ProblemContents(problem).tests)
        }
    }

    @Test func statementsFromPlainTextCannotOpenBlocks() {
        let statement = MarkdownWriter.statement("Text\n```\nnot a fence\n", samples: [])
        #expect(statement == "Text\n    ```\nnot a fence\n")
    }

    @Test("what Markdown cannot say is an error")
    func unwritable() throws {
        let package = try ProblemLoader.load(Fixtures.fixture("kattis/custom-validator"))
        try withScratchFolder { folder in
            #expect(
                throws: ProblemFormatError.unwritable(
                    problem: package.slug, reason: "its checker is a Kattis output validator")
            ) {
                try MarkdownWriter.write(package, into: folder.url)
            }
        }
    }
}
