import Foundation
import TestSupport
import Testing

@testable import ProblemFormat

/// The Kattis packages in `Tests/Fixtures/kattis/`, shared with the judge's tests.
@Suite struct SharedKattisFixtureTests {
    static let folder = Fixtures.fixture("kattis")

    static func package(_ name: String) -> URL { folder.appendingPathComponent(name) }

    @Test(arguments: [
        ("flags", TokenCompare(caseSensitive: true, spaceSensitive: true)),
        ("float-abs", TokenCompare(caseSensitive: false, absoluteTolerance: 1e-3)),
        ("float-rel", TokenCompare(caseSensitive: false, relativeTolerance: 1e-3)),
    ])
    func validatorFlags(name: String, expected: TokenCompare) throws {
        let problem = try ProblemLoader.load(Self.package(name))
        #expect(problem.checker == .tokens(expected))
        #expect(problem.limits.timeMilliseconds == 1000)
        #expect(!problem.tests.isEmpty)
    }

    @Test func customValidator() throws {
        let url = Self.package("custom-validator")
        let problem = try ProblemLoader.load(url)
        #expect(problem.title == "Split the Number")
        #expect(problem.limits == Limits(timeMilliseconds: 1000, memoryBytes: 256 << 20))
        #expect(problem.checker == .kattisValidator(directory: url.appendingPathComponent("output_validators/check")))
        #expect(!problem.statement.isEmpty)
        let verdicts = Set(try KattisPackage.submissions(inPackage: url).map(\.expectedVerdict))
        #expect(verdicts == ["accepted", "wrong_answer"])
    }

    @Test func timelimitFile() throws {
        let problem = try ProblemLoader.load(Self.package("timelimit-file"))
        #expect(problem.limits == Limits(timeMilliseconds: 2000, memoryBytes: 2048 << 20))
    }

    @Test func badLimit() throws {
        let yaml = Self.package("bad-limit").appendingPathComponent("problem.yaml")
        let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(Self.package("bad-limit")) }
        #expect(error?.file == yaml.path)
        #expect(error?.line == 2)
        #expect(error?.description.contains("time_limit \"1 parsec\" is not a number of seconds") == true)
    }

    @Test func interactive() throws {
        let yaml = Self.package("interactive").appendingPathComponent("problem.yaml")
        let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(Self.package("interactive")) }
        #expect(
            error
                == .unsupported(
                    file: yaml.path, line: 4, feature: "interactive problems", value: "validation: custom interactive"))
    }

    @Test func missingAnswer() throws {
        let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(Self.package("missing-ans")) }
        guard case .missingAnswer(let input, let expected) = error else {
            Issue.record("expected missingAnswer, got \(String(describing: error))")
            return
        }
        #expect(input.hasPrefix(Self.package("missing-ans").path + "/data/"))
        #expect(input.hasSuffix(".in"))
        #expect(expected == String(input.dropLast(3)) + ".ans")
        #expect(!FileManager.default.fileExists(atPath: expected))
    }

    @Test func noTests() throws {
        let url = Self.package("no-tests")
        let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
        #expect(
            error == .noTests(problem: url.path, expected: "NAME.in and NAME.ans files in data/sample/ or data/secret/")
        )
    }
}

/// Every shared fixture either loads or fails with an error that names a file of that fixture, and the line
/// wherever the error is about a line (front matter, fences, problem.yaml keys).
@Suite struct EveryFixtureTests {
    static let folders = ["markdown", "kattis"].map { Fixtures.fixture($0) }

    /// The fixtures: each `.md` file and each package folder in the shared fixture folders.
    static func fixtures() throws -> [URL] {
        try folders.filter(TestFiles.isFolder).flatMap { folder in
            let (files, packages) = try TestFiles.entries(of: folder, root: folder)
            return files.filter { $0.pathExtension == "md" } + packages.filter(KattisPackage.isPackage)
        }
    }

    @Test func errorsNameTheFixtureAndTheLine() throws {
        let fixtures = try Self.fixtures()
        #expect(fixtures.count >= 9)
        for url in fixtures {
            do {
                let problem = try ProblemLoader.load(url)
                #expect(!problem.tests.isEmpty, "\(url.path)")
            } catch let error as ProblemFormatError {
                let owner = url.pathExtension == "md" ? url.deletingPathExtension().path : url.path
                let file = try #require(error.file, "\(error)")
                #expect(file == url.path || file.hasPrefix(owner + "/"), "\(error)")
                switch error {
                case .invalidYAML, .notAMapping, .malformedFrontMatter, .wrongType, .unterminatedFence,
                    .unpairedSample, .missingKey, .notJSON:
                    #expect(error.line != nil, "\(error)")
                case .invalidValue, .unsupported, .missingFile:
                    #expect(file.hasSuffix(".timelimit") || error.line != nil, "\(error)")
                default:
                    break
                }
                #expect(error.description.contains(url.deletingPathExtension().lastPathComponent), "\(error)")
            }
        }
    }
}
