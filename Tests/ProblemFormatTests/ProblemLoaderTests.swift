import Foundation
import TestSupport
import Testing

@testable import ProblemFormat

@Suite struct ProblemLoaderTests {
    @Test func refusesWhatIsNotAProblem() throws {
        try withScratchFolder { folder in
            let text = try folder.write("notes.txt", "hello")
            let plain = try folder.makeFolder("plain")
            try folder.write("plain/readme.txt", "")
            let missing = folder.url.appendingPathComponent("missing.md")
            #expect(throws: ProblemFormatError.unrecognized(path: text.path)) { try ProblemLoader.load(text) }
            #expect(throws: ProblemFormatError.unrecognized(path: plain.path)) { try ProblemLoader.load(plain) }
            #expect(throws: ProblemFormatError.notFound(path: missing.path)) { try ProblemLoader.load(missing) }
        }
    }

    @Test func dispatchesOnTheKindOfPath() throws {
        #expect(try ProblemLoader.load(Fixtures.fixture("problemformat/markdown/full.md")).format == .markdown)
        #expect(try ProblemLoader.load(Fixtures.fixture("problemformat/kattis/hello")).format == .kattis)
        // A trailing slash or a `..` does not change what is loaded.
        let roundabout = URL(fileURLWithPath: Fixtures.fixture("problemformat/kattis").path + "/../kattis/bare/")
        #expect(try ProblemLoader.load(roundabout).source.path == Fixtures.fixture("problemformat/kattis/bare").path)
    }

    @Test func loadSetTakesMarkdownFilesAndPackagesSortedBySlug() throws {
        try withScratchFolder { folder in
            try folder.write("b-md.md", "# B\n" + sampleBlocks)
            try folder.write("b-md/1.in", "1")
            try folder.write("b-md/1.ans", "1")
            try folder.write("b-md/data/sample/ignored.in", "")  // inside the tests folder, not a package
            try folder.write("a-pkg/problem.yaml", "name: A\n")
            try folder.write("a-pkg/data/secret/1.in", "1")
            try folder.write("a-pkg/data/secret/1.ans", "1")
            try folder.write("c10.md", sampleBlocks)
            try folder.write("c9.md", sampleBlocks)
            try folder.write("README.md", "# The set\n")
            try folder.write("notes/todo.txt", "")
            try folder.write(".hidden.md", "broken")

            let problems = try ProblemLoader.loadSet(folder.url)
            #expect(problems.map(\.slug) == ["a-pkg", "b-md", "c9", "c10"])
            #expect(problems.map(\.format) == [.kattis, .markdown, .markdown, .markdown])
            #expect(problems[1].hiddenTests.map(\.name) == ["1"])
        }
    }

    @Test func loadSetReportsEveryBrokenProblem() throws {
        try withScratchFolder { folder in
            try folder.write("good.md", sampleBlocks)
            try folder.write("z-bad.md", "---\ntime_limit: soon\n---\n" + sampleBlocks)
            try folder.write("a-bad.md", "# nothing to test\n")
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.loadSet(folder.url) }
            guard case .several(let errors) = error else {
                Issue.record("expected several errors, got \(String(describing: error))")
                return
            }
            #expect(errors.map(\.file) == [folder.path("a-bad.md"), folder.path("z-bad.md")])
            #expect(errors.map(\.line) == [nil, 2])
            #expect(error?.description.split(separator: "\n").count == 2)

            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("a-bad.md"))
            let single = #expect(throws: ProblemFormatError.self) { try ProblemLoader.loadSet(folder.url) }
            #expect(single?.file == folder.path("z-bad.md"))
            #expect(single?.line == 2)
        }
    }

    @Test func loadSetOfAMissingFolder() {
        let missing = Fixtures.fixture("problemformat/no-such-folder")
        #expect(throws: ProblemFormatError.notFound(path: missing.path)) { try ProblemLoader.loadSet(missing) }
    }

    /// The bundled set: every problem loads, with at least ten hidden tests whose files are not empty.
    @Test func bundledProblemsLoad() throws {
        let problems = try ProblemLoader.loadSet(Fixtures.problems)
        let markdownFiles = try FileManager.default.contentsOfDirectory(atPath: Fixtures.problems.path)
            .filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }
        #expect(problems.count >= 1)
        #expect(problems.count >= markdownFiles.count)
        for problem in problems {
            #expect(!problem.title.isEmpty, "\(problem.slug)")
            #expect(problem.hiddenTests.count >= 10, "\(problem.slug) has \(problem.hiddenTests.count) hidden tests")
            for test in problem.hiddenTests {
                #expect(try !test.input.read().isEmpty, "\(problem.slug)/\(test.name).in is empty")
                #expect(try !test.answer.read().isEmpty, "\(problem.slug)/\(test.name).ans is empty")
            }
            if case .testlib(let source) = problem.checker {
                #expect(FileManager.default.fileExists(atPath: source.path), "\(problem.slug): \(source.path)")
            }
        }
    }
}

@Suite struct ProblemFormatErrorTests {
    @Test func pathsInsideTheWorkingDirectoryAreShownRelative() {
        let file = FileManager.default.currentDirectoryPath + "/Problems/x.md"
        let error = ProblemFormatError.invalidValue(
            file: file, line: 3, key: "time_limit", value: "1 parsec", reason: "is not a duration",
            expected: "e.g. 1s, 1.5s or 500ms")
        #expect(
            error.description
                == "Problems/x.md:3: time_limit \"1 parsec\" is not a duration; expected e.g. 1s, 1.5s or 500ms")
    }

    @Test(arguments: [
        (
            ProblemFormatError.wrongType(file: "/p/x.md", line: 4, key: "tags", found: "a mapping", expected: "a list"),
            "/p/x.md:4: tags is a mapping; expected a list"
        ),
        (
            .unterminatedFence(file: "/p/x.md", line: 12, fence: "```"),
            "/p/x.md:12: the ``` fence opened here is never closed; expected a closing ``` line"
        ),
        (
            .unpairedSample(file: "/p/x.md", line: 7, block: "output"),
            "/p/x.md:7: an output block without an input block before it; expected each ```input block to be "
                + "followed by an ```output block"
        ),
        (
            .missingAnswer(input: "/p/x/2.in", expected: "/p/x/2.ans"),
            "/p/x/2.in: test input without an answer; expected /p/x/2.ans"
        ),
        (
            .missingInput(answer: "/p/x/2.ans", expected: "/p/x/2.in"),
            "/p/x/2.ans: answer without a test input; expected /p/x/2.in"
        ),
        (
            .unsupported(
                file: "/k/problem.yaml", line: nil, feature: "interactive problems", value: "type: interactive"),
            "/k/problem.yaml: interactive problems are not supported yet (type: interactive)"
        ),
        (
            .outputValidator(directory: "/k/output_validators", found: []),
            "/k/output_validators: holds no validator folder; expected exactly one output validator folder"
        ),
        (
            .missingFile(file: "/p/x.md", line: 6, key: "checker", missing: "/p/x/checker.cpp"),
            "/p/x.md:6: checker names /p/x/checker.cpp, which does not exist"
        ),
        (.unreadable(file: "/p/x.md", reason: "Permission denied"), "/p/x.md: cannot be read (Permission denied)"),
        (
            .unrecognized(path: "/p/notes.txt"),
            "/p/notes.txt: not a problem; expected a .md file or a problem package folder (with problem.yaml, "
                + "problem_statement/ or data/)"
        ),
    ])
    func descriptions(error: ProblemFormatError, text: String) {
        #expect(error.description == text)
    }
}

@Suite struct NaturalOrderTests {
    @Test(arguments: [
        (["10", "2", "1"], ["1", "2", "10"]),
        (["test10", "test9", "test1"], ["test1", "test9", "test10"]),
        (["1", "01", "001"], ["001", "01", "1"]),
        (["b", "a10", "a2b", "a2a", "a"], ["a", "a2a", "a2b", "a10", "b"]),
        (["group10", "group2", "group1"], ["group1", "group2", "group10"]),
        (
            ["99999999999999999999999", "100000000000000000000000"],
            ["99999999999999999999999", "100000000000000000000000"]
        ),
    ])
    func names(unsorted: [String], sorted: [String]) {
        #expect(unsorted.sorted { naturallyOrdered($0, before: $1) } == sorted)
    }

    @Test func pathsCompareComponentByComponent() {
        let paths = [["group10", "1"], ["2"], ["group2", "10"], ["group2", "9"], ["10"]]
        #expect(
            paths.sorted { naturallyOrdered($0, before: $1) }
                == [["2"], ["10"], ["group2", "9"], ["group2", "10"], ["group10", "1"]])
    }
}
