import Foundation
import ProblemFormat

/// What a problem says, whatever it was loaded from: test data as bytes, no source path or format, so that a
/// problem written to disk and loaded back can be compared with the original.
public struct ProblemContents: Equatable, CustomStringConvertible {
    public var slug, title, statement: String
    public var limits: Limits
    public var tags: [String]
    public var difficulty, route: String?
    public var checker: CheckerSpec
    public var interface: ProgramInterface
    public var tests: [TestContents]

    /// One test's name, kind and bytes.
    public struct TestContents: Equatable {
        public var name: String
        public var kind: TestKind
        public var isSample: Bool
        public var input: Data
        public var answer: Data
    }

    /// Reads every test's data.
    public init(_ problem: Problem) throws {
        slug = problem.slug
        title = problem.title
        statement = problem.statement
        limits = problem.limits
        tags = problem.tags
        difficulty = problem.difficulty
        route = problem.route
        checker = problem.checker
        interface = problem.interface
        tests = try problem.tests.map {
            TestContents(
                name: $0.name, kind: $0.kind, isSample: $0.isSample, input: try $0.input.read(),
                answer: try $0.answer.read())
        }
    }

    public var description: String { "\(slug) (\(tests.count) tests)" }
}
