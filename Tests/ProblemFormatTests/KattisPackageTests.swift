import Foundation
import TestSupport
import Testing

@testable import ProblemFormat

@Suite struct KattisPackageTests {
    @Test func loadsAFullPackage() throws {
        let url = Fixtures.fixture("problemformat/kattis/hello")
        let problem = try ProblemLoader.load(url)
        #expect(problem.slug == "hello")
        #expect(problem.title == "Hello Kattis")
        #expect(problem.format == .kattis)
        #expect(problem.source.path == url.path)
        #expect(problem.tags == ["greeting", "strings"])
        #expect(problem.limits == Limits(timeMilliseconds: 2500, memoryBytes: 512 << 20))
        #expect(
            problem.checker
                == .tokens(
                    TokenCompare(
                        caseSensitive: true, spaceSensitive: false, absoluteTolerance: 1e-4, relativeTolerance: 1e-4)))
        #expect(problem.statement == "# Hello\n\nRead a name and greet it.\n")
        #expect(
            problem.tests.map(\.name) == [
                "sample/1", "sample/2", "secret/2", "secret/10", "secret/group1/1", "secret/group1/03",
                "secret/group2/01", "secret/group10/01",
            ])
        #expect(problem.tests.map(\.isSample) == [true, true, false, false, false, false, false, false])
        let last = try #require(problem.tests.last)
        #expect(last.input.file?.path == url.appendingPathComponent("data/secret/group10/01.in").path)
        #expect(try last.answer.read() == Data("ans group10/01\n".utf8))
    }

    @Test func customValidatorAndTeXStatement() throws {
        let url = Fixtures.fixture("problemformat/kattis/custom")
        let problem = try ProblemLoader.load(url)
        #expect(problem.checker == .kattisValidator(directory: url.appendingPathComponent("output_validators/checker")))
        #expect(problem.statement.hasPrefix("\\problemname{Custom Check}"))
        #expect(problem.limits == .kattisDefault)
        #expect(problem.samples.isEmpty)
        #expect(problem.hiddenTests.map(\.name) == ["secret/1"])
    }

    @Test func bareFolderUsesTimelimitFileAndDefaults() throws {
        let problem = try ProblemLoader.load(Fixtures.fixture("problemformat/kattis/bare"))
        #expect(problem.title == "bare")
        #expect(problem.limits == Limits(timeMilliseconds: 3000, memoryBytes: 2048 << 20))
        #expect(problem.checker == .tokens(TokenCompare(caseSensitive: false, spaceSensitive: false)))
        #expect(problem.statement == "Bare package.\n")
        #expect(problem.tags == [])
        #expect(problem.tests.map(\.name) == ["sample/1"])
    }

    @Test func interactiveIsUnsupported() throws {
        let url = Fixtures.fixture("problemformat/kattis/interactive")
        let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
        #expect(
            error
                == .unsupported(
                    file: url.appendingPathComponent("problem.yaml").path, line: 4, feature: "interactive problems",
                    value: "validation: custom interactive"))
        #expect(
            error?.description.hasSuffix(
                "problem.yaml:4: interactive problems are not supported yet (validation: custom interactive)") == true)
    }

    @Test func listsSubmissionsByVerdictFolder() throws {
        let url = Fixtures.fixture("problemformat/kattis/hello")
        let submissions = try KattisPackage.submissions(inPackage: url)
        #expect(
            submissions.map { "\($0.expectedVerdict)/\($0.file.lastPathComponent)" } == [
                "accepted/hello.cpp", "accepted/hello.py", "run_time_error/exit3.py", "time_limit_exceeded/spin.py",
                "wrong_answer/hi.py",
            ])
        #expect(submissions.first?.file.path == url.appendingPathComponent("submissions/accepted/hello.cpp").path)
        #expect(try KattisPackage.submissions(inPackage: Fixtures.fixture("problemformat/kattis/bare")) == [])
    }

    @Test func recognizesPackages() {
        #expect(KattisPackage.isPackage(Fixtures.fixture("problemformat/kattis/hello")))
        #expect(KattisPackage.isPackage(Fixtures.fixture("problemformat/kattis/bare")))
        #expect(!KattisPackage.isPackage(Fixtures.fixture("problemformat/markdown/full")))
        #expect(!KattisPackage.isPackage(Fixtures.fixture("problemformat/markdown/full.md")))
    }
}

/// Builds small packages in a scratch folder: `problem.yaml` plus one sample.
private func package(
    _ folder: ScratchFolder, yaml: String?, name: String = "pkg", sample: Bool = true
) throws -> URL {
    let url = try folder.makeFolder(name)
    if let yaml { try folder.write("\(name)/problem.yaml", yaml) }
    if sample {
        try folder.write("\(name)/data/sample/1.in", "1\n")
        try folder.write("\(name)/data/sample/1.ans", "1\n")
    }
    return url
}

@Suite struct KattisMetadataTests {
    static let flags: [(String, TokenCompare)] = [
        ("", TokenCompare(caseSensitive: false)),
        ("case_sensitive", TokenCompare(caseSensitive: true)),
        ("space_change_sensitive", TokenCompare(caseSensitive: false, spaceSensitive: true)),
        ("float_tolerance 1e-6", TokenCompare(caseSensitive: false, absoluteTolerance: 1e-6, relativeTolerance: 1e-6)),
        ("float_absolute_tolerance 0.5", TokenCompare(caseSensitive: false, absoluteTolerance: 0.5)),
        ("float_relative_tolerance 1e-3", TokenCompare(caseSensitive: false, relativeTolerance: 1e-3)),
        (
            "float_absolute_tolerance 1e-6  float_relative_tolerance 1e-3 case_sensitive space_change_sensitive",
            TokenCompare(caseSensitive: true, spaceSensitive: true, absoluteTolerance: 1e-6, relativeTolerance: 1e-3)
        ),
    ]

    @Test(arguments: flags)
    func validatorFlags(flags: String, expected: TokenCompare) throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: "name: Flags\nvalidator_flags: \"\(flags)\"\n")
            #expect(try ProblemLoader.load(url).checker == .tokens(expected))
        }
    }

    @Test(arguments: [
        ("float_tolerance", "has no tolerance after float_tolerance"),
        ("float_tolerance abc", "has no tolerance after float_tolerance"),
        ("case_sensitive float_relative_tolerance -1", "has no tolerance after float_relative_tolerance"),
        ("verbose", "has an unknown flag verbose; expected case_sensitive, space_change_sensitive"),
    ])
    func badValidatorFlags(flags: String, message: String) throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: "name: Flags\n\nvalidator_flags: \(flags)\n")
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(error?.file == folder.path("pkg/problem.yaml"))
            #expect(error?.line == 3)
            #expect(
                error?.description.contains("validator_flags \"\(flags)\" \(message)") == true,
                "\(String(describing: error))")
        }
    }

    static let badLimits: [(String, Int, String)] = [
        (
            "limits:\n  time_limit: 1 parsec\n", 2,
            "time_limit \"1 parsec\" is not a number of seconds; expected e.g. 1, 2 or 1.5"
        ),
        ("limits:\n  time_limit: -1\n", 2, "time_limit \"-1\" is not a number of seconds"),
        (
            "limits:\n  time_limit: 0\n", 2,
            "time_limit \"0\" is out of range; expected more than 0 and at most 60 (seconds)"
        ),
        ("limits:\n  memory: 2048\n  time_limit: 61\n", 3, "time_limit \"61\" is out of range"),
        (
            "limits:\n  memory: lots\n", 2,
            "memory \"lots\" is not a whole number; expected a whole number of MiB, e.g. 1024"
        ),
        ("limits:\n  memory: 1.5\n", 2, "memory \"1.5\" is not a whole number; expected a whole number of MiB"),
        ("limits:\n  memory: 0\n", 2, "memory \"0\" is outside 1…65536; expected a whole number of MiB"),
        ("limits:\n  memory: 9223372036854775807\n", 2, "memory \"9223372036854775807\" is outside 1…65536"),
        ("limits:\n  memory: -1e300\n", 2, "memory \"-1e300\" is outside 1…65536"),
        ("limits:\n  memory: 1e400\n", 2, "memory \"1e400\" is not a whole number"),
        (
            "limits:\n  time_limit: 99999999999999999999999\n", 2,
            "time_limit \"99999999999999999999999\" is out of range"
        ),
        ("limits:\n  time_limit: 1e300\n", 2, "time_limit \"1e300\" is not a number of seconds"),
        ("name: X\nlimits: 5\n", 2, "limits is text; expected a mapping such as {time_limit: 2, memory: 1024}"),
        ("limits:\n  time_limit: [1]\n", 2, "time_limit is a list; expected a number of seconds"),
        ("name: [a]\n", 1, "name is a list; expected the problem's name as text"),
        ("keywords: {a: b}\n", 1, "keywords is a mapping"),
        ("validation: sometimes\n", 1, "validation \"sometimes\" is not a validation mode"),
        (
            "validation: default interactive\n", 1,
            "interactive problems are not supported yet (validation: default interactive)"
        ),
        (
            "validation: custom multi-pass\n", 1,
            "multi-pass problems are not supported yet (validation: custom multi-pass)"
        ),
        ("name: X\ntype: interactive\n", 2, "interactive problems are not supported yet (type: interactive)"),
        ("type: [pass-fail, guessing]\n", 1, "type \"guessing\" is not a problem type"),
        ("name: X\nlimits: {time_limit: 1\n", 3, "invalid YAML"),
        ("- a\n- b\n", 1, "not a mapping of keys"),
    ]

    @Test(arguments: badLimits)
    func badMetadataNamesProblemYAMLAndLine(yaml: String, line: Int, message: String) throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: yaml)
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(error?.file == folder.path("pkg/problem.yaml"))
            #expect(error?.line == line)
            #expect(error?.description.hasPrefix(folder.path("pkg/problem.yaml") + ":\(line): ") == true)
            #expect(error?.description.contains(message) == true, "\(String(describing: error))")
        }
    }

    @Test func timeLimitWinsOverTimelimitFile() throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: "limits:\n  time_limit: 0.5\n  memory: 1024\n")
            try folder.write("pkg/.timelimit", "7\n")
            #expect(try ProblemLoader.load(url).limits == Limits(timeMilliseconds: 500, memoryBytes: 1024 << 20))
        }
    }

    @Test func timelimitFileIsDecimalSeconds() throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: "limits:\n  memory: 64\n")
            try folder.write("pkg/.timelimit", "1.25\n")
            #expect(try ProblemLoader.load(url).limits == Limits(timeMilliseconds: 1250, memoryBytes: 64 << 20))
        }
    }

    @Test func badTimelimitFileIsNamed() throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: nil)
            try folder.write("pkg/.timelimit", "fast\n")
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(
                error
                    == .invalidValue(
                        file: folder.path("pkg/.timelimit"), line: 1, key: "time limit", value: "fast",
                        reason: "is not a number of seconds", expected: "e.g. 1, 2 or 1.5"))
        }
    }

    @Test func nameMappingAndKeywordString() throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: "name:\n  de: Hallo\n  en: Hello\nkeywords: graphs, shortest paths\n")
            let problem = try ProblemLoader.load(url)
            #expect(problem.title == "Hello")
            #expect(problem.tags == ["graphs", "shortest paths"])
        }
    }

    @Test func customValidatorNeedsExactlyOneFolder() throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: "validation: custom\n")
            var error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(error == .outputValidator(directory: folder.path("pkg/output_validators"), found: []))

            try folder.write("pkg/output_validators/a/validate.cpp", "")
            try folder.write("pkg/output_validators/b/validate.py", "")
            error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(error == .outputValidator(directory: folder.path("pkg/output_validators"), found: ["a", "b"]))
            #expect(
                error?.description.hasSuffix(
                    "output_validators: holds 2 folders (a, b); expected exactly one output validator folder") == true)

            try FileManager.default.removeItem(at: url.appendingPathComponent("output_validators/b"))
            #expect(
                try ProblemLoader.load(url).checker
                    == .kattisValidator(directory: url.appendingPathComponent("output_validators/a")))
        }
    }

    @Test func modernOutputValidatorFolderMeansCustom() throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: "name: New\ntype: pass-fail\n")
            try folder.write("pkg/output_validator/validator.cpp", "")
            #expect(
                try ProblemLoader.load(url).checker
                    == .kattisValidator(directory: url.appendingPathComponent("output_validator")))
        }
    }

    @Test func missingAnswerInASecretSubFolder() throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: "name: X\n")
            try folder.write("pkg/data/secret/group1/01.in", "1")
            try folder.write("pkg/data/secret/group1/01.ans", "1")
            try folder.write("pkg/data/secret/group1/02.in", "2")
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(
                error
                    == .missingAnswer(
                        input: folder.path("pkg/data/secret/group1/02.in"),
                        expected: folder.path("pkg/data/secret/group1/02.ans")))
        }
    }

    @Test func packageWithoutTests() throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: "name: Empty\n", sample: false)
            try folder.makeFolder("pkg/data/secret")
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(
                error
                    == .noTests(
                        problem: url.path, expected: "NAME.in and NAME.ans files in data/sample/ or data/secret/"))
        }
    }

    @Test func statementPreferenceOrder() throws {
        try withScratchFolder { folder in
            let url = try package(folder, yaml: nil)
            try folder.write("pkg/problem_statement/problem.tex", "tex")
            #expect(try ProblemLoader.load(url).statement == "tex")
            try folder.write("pkg/problem_statement/problem.md", "md")
            #expect(try ProblemLoader.load(url).statement == "md")
            try folder.write("pkg/problem_statement/problem.en.tex", "en tex")
            #expect(try ProblemLoader.load(url).statement == "en tex")
            try folder.write("pkg/problem_statement/problem.en.md", "en md")
            #expect(try ProblemLoader.load(url).statement == "en md")
        }
    }
}
