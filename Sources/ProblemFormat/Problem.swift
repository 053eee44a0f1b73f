import Foundation

/// A problem to judge: limits, how answers are checked, and its tests (samples first).
public struct Problem: Sendable, Hashable, Codable {
    /// Short identifier: the Markdown file's stem or the package folder's name.
    public var slug: String
    public var title: String
    /// The statement as Markdown (LaTeX packages keep their TeX source).
    public var statement: String
    public var limits: Limits
    public var tags: [String]
    public var difficulty: String?
    /// How the model router should treat the problem, when the author said so.
    public var route: String?
    public var checker: CheckerSpec
    /// How the program is run: standard I/O (the default) or a Python function called by the judge.
    public var interface: ProgramInterface
    /// Which interpreter runs Python 3 programs: CPython, or PyPy as Kattis and Codeforces judge (when installed).
    public var python: PythonRuntime
    /// Samples first (in statement order), then hidden tests in name order.
    public var tests: [TestCase]
    /// Where the problem was loaded from (the `.md` file or the package folder).
    public var source: URL
    public var format: Format

    /// Where a problem comes from: the two on-disk formats, or a record of a benchmark's JSON-lines file.
    public enum Format: String, Sendable, Hashable, Codable {
        case markdown
        case kattis
        /// Read from LiveCodeBench, HumanEval or CodeContests records (`solve import`).
        case jsonLines
    }

    public init(
        slug: String, title: String, statement: String, limits: Limits, tags: [String] = [],
        difficulty: String? = nil, route: String? = nil, checker: CheckerSpec = .tokens(.standard),
        interface: ProgramInterface = .standardIO, python: PythonRuntime = .cpython, tests: [TestCase], source: URL,
        format: Format
    ) {
        self.slug = slug
        self.title = title
        self.statement = statement
        self.limits = limits
        self.tags = tags
        self.difficulty = difficulty
        self.route = route
        self.checker = checker
        self.interface = interface
        self.python = python
        self.tests = tests
        self.source = source
        self.format = format
    }

    /// The sample tests (shown to a model).
    public var samples: [TestCase] { tests.filter(\.isSample) }
    /// The hidden tests (never shown to a model).
    public var hiddenTests: [TestCase] { tests.filter { !$0.isSample } }

    private enum CodingKeys: String, CodingKey {
        case slug, title, statement, limits, tags, difficulty, route, checker, interface, python, tests, source, format
    }

    /// Decodes a problem; one encoded before function problems existed reads as standard I/O, one encoded before
    /// Python runtimes existed as CPython.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            slug: try container.decode(String.self, forKey: .slug),
            title: try container.decode(String.self, forKey: .title),
            statement: try container.decode(String.self, forKey: .statement),
            limits: try container.decode(Limits.self, forKey: .limits),
            tags: try container.decode([String].self, forKey: .tags),
            difficulty: try container.decodeIfPresent(String.self, forKey: .difficulty),
            route: try container.decodeIfPresent(String.self, forKey: .route),
            checker: try container.decode(CheckerSpec.self, forKey: .checker),
            interface: try container.decodeIfPresent(ProgramInterface.self, forKey: .interface) ?? .standardIO,
            python: try container.decodeIfPresent(PythonRuntime.self, forKey: .python) ?? .cpython,
            tests: try container.decode([TestCase].self, forKey: .tests),
            source: try container.decode(URL.self, forKey: .source),
            format: try container.decode(Format.self, forKey: .format))
    }
}

/// The interpreter that runs a problem's Python 3 programs.
public enum PythonRuntime: String, Sendable, Hashable, Codable, CaseIterable {
    case cpython
    /// A JIT, several times faster on loops; Kattis packages' time limits assume it.
    case pypy
}

/// Time and memory limits of one run.
public struct Limits: Sendable, Hashable, Codable {
    /// CPU time limit in milliseconds.
    public var timeMilliseconds: Int
    /// Memory limit in bytes.
    public var memoryBytes: Int

    public init(timeMilliseconds: Int, memoryBytes: Int) {
        self.timeMilliseconds = timeMilliseconds
        self.memoryBytes = memoryBytes
    }

    /// 1 s and 256 MiB: the Markdown format's defaults.
    public static let markdownDefault = Limits(timeMilliseconds: 1000, memoryBytes: 256 << 20)
    /// 1 s and 2048 MiB: the Kattis format's defaults.
    public static let kattisDefault = Limits(timeMilliseconds: 1000, memoryBytes: 2048 << 20)
}

/// One test: an input and the reference answer.
public struct TestCase: Sendable, Hashable, Codable {
    /// Display name, e.g. `sample-1` or `secret/group1/03`.
    public var name: String
    public var input: TestData
    public var answer: TestData
    public var isSample: Bool
    /// Whether the answer is compared with the output, or the input is Python test code that checks a function.
    public var kind: TestKind

    public init(name: String, input: TestData, answer: TestData, isSample: Bool, kind: TestKind = .output) {
        self.name = name
        self.input = input
        self.answer = answer
        self.isSample = isSample
        self.kind = kind
    }

    private enum CodingKeys: String, CodingKey {
        case name, input, answer, isSample, kind
    }

    /// Decodes a test; one encoded before test kinds existed is an ``TestKind/output`` test.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            input: try container.decode(TestData.self, forKey: .input),
            answer: try container.decode(TestData.self, forKey: .answer),
            isSample: try container.decode(Bool.self, forKey: .isSample),
            kind: try container.decodeIfPresent(TestKind.self, forKey: .kind) ?? .output)
    }
}

/// Test data kept in a file or inline (Markdown samples).
public enum TestData: Sendable, Hashable, Codable {
    case file(URL)
    case text(String)

    /// The bytes, read on demand.
    public func read() throws -> Data {
        switch self {
        case .file(let url): return try Data(contentsOf: url)
        case .text(let text): return Data(text.utf8)
        }
    }

    /// The file behind the data, if any.
    public var file: URL? {
        if case .file(let url) = self { return url }
        return nil
    }
}

/// How a contestant's output is compared with the answer.
public enum CheckerSpec: Sendable, Hashable, Codable {
    /// Whitespace-separated tokens, with options (the default, and Kattis' default validator).
    case tokens(TokenCompare)
    /// Byte-for-byte, ignoring only a final newline and CR before LF.
    case exact
    /// A testlib-style program: `checker INPUT OUTPUT ANSWER`, exit 0 accepted, 1 wrong answer.
    case testlib(source: URL)
    /// A Kattis output validator folder: `validator INPUT ANSWER FEEDBACK_DIR < OUTPUT`, exit 42 / 43.
    case kattisValidator(directory: URL)
}

/// Options of the token comparison (Kattis `validator_flags` map onto these).
public struct TokenCompare: Sendable, Hashable, Codable {
    public var caseSensitive: Bool
    public var spaceSensitive: Bool
    /// Numbers may differ by this much absolutely (nil: compared as text).
    public var absoluteTolerance: Double?
    /// … or by this much relative to the answer.
    public var relativeTolerance: Double?

    public init(
        caseSensitive: Bool = true, spaceSensitive: Bool = false, absoluteTolerance: Double? = nil,
        relativeTolerance: Double? = nil
    ) {
        self.caseSensitive = caseSensitive
        self.spaceSensitive = spaceSensitive
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
    }

    /// Case-sensitive tokens, no float tolerance (Markdown `tokens`).
    public static let standard = TokenCompare()

    /// Both tolerances at `epsilon` (Markdown `float:EPS`, Kattis `float_tolerance`).
    public static func float(_ epsilon: Double) -> TokenCompare {
        TokenCompare(absoluteTolerance: epsilon, relativeTolerance: epsilon)
    }
}
