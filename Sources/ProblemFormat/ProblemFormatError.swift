import Foundation

/// Why a problem could not be loaded; every case names the file, and the line where one is known.
public enum ProblemFormatError: Error, Sendable, Equatable {
    /// Nothing exists at `path`.
    case notFound(path: String)
    /// `path` exists but is neither a Markdown problem nor a problem package.
    case unrecognized(path: String)
    /// The file exists but could not be read (permissions, not UTF-8, …).
    case unreadable(file: String, reason: String)
    /// The YAML in `file` does not parse.
    case invalidYAML(file: String, line: Int?, message: String)
    /// A YAML document that should be a mapping of keys is something else.
    case notAMapping(file: String, line: Int?, expected: String)
    /// The Markdown front matter is misplaced or never closed.
    case malformedFrontMatter(file: String, line: Int, message: String)
    /// A known key holds the wrong kind of YAML value (`found`: "a list", "a mapping", …).
    case wrongType(file: String, line: Int?, key: String, found: String, expected: String)
    /// A known key holds a value of the right kind that makes no sense (`reason`: "is not a duration", …).
    case invalidValue(file: String, line: Int?, key: String, value: String, reason: String, expected: String)
    /// A fenced code block opened on `line` is never closed.
    case unterminatedFence(file: String, line: Int, fence: String)
    /// An `input` block without an `output` block after it, or an `output` block without an `input` before it.
    case unpairedSample(file: String, line: Int, block: String)
    /// A test input has no answer file next to it.
    case missingAnswer(input: String, expected: String)
    /// An answer file has no test input next to it.
    case missingInput(answer: String, expected: String)
    /// `path`, inside the problem folder `root`, is not a regular file or folder: a FIFO, device or socket, or a
    /// symbolic link that leaves `root`, makes a loop or leads to another link (`found` says which).
    case notAFileOrFolder(path: String, found: String, root: String)
    /// The problem has neither samples nor hidden tests.
    case noTests(problem: String, expected: String)
    /// A file that `key` names does not exist.
    case missingFile(file: String, line: Int?, key: String, missing: String)
    /// `validation: custom` needs exactly one validator folder, and `found` lists what is there.
    case outputValidator(directory: String, found: [String])
    /// The problem uses a feature of its format that `solve` does not support yet.
    case unsupported(file: String, line: Int?, feature: String, value: String)
    /// A key that the other keys make necessary is absent (`interface: function` needs `entry_point`).
    case missingKey(file: String, line: Int?, key: String, expected: String)
    /// A fenced block that is not allowed where it is (a second ```python starter block, one in a standard-I/O
    /// problem), or a required block that is missing (`line` nil).
    case misplacedBlock(file: String, line: Int?, message: String, expected: String)
    /// A function test's arguments or result is not JSON; `what` says which part (`sample-1's input line 2`).
    case notJSON(file: String, line: Int?, what: String, error: JSONSyntaxError)
    /// A problem cannot be written in the Markdown format (`reason`: "its checker is a Kattis output validator").
    case unwritable(problem: String, reason: String)
    /// Several problems of a set failed to load, in slug order.
    case several([ProblemFormatError])
}

extension ProblemFormatError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(Self.display(path)): no such file or folder; expected a .md problem or a problem package folder"
        case .unrecognized(let path):
            return "\(Self.display(path)): not a problem; expected a .md file or a problem package folder "
                + "(with problem.yaml, problem_statement/ or data/)"
        case .unreadable(let file, let reason):
            return "\(Self.display(file)): cannot be read (\(reason))"
        case .invalidYAML(let file, let line, let message):
            return "\(Self.location(file, line)): invalid YAML: \(message)"
        case .notAMapping(let file, let line, let expected):
            return "\(Self.location(file, line)): not a mapping of keys; expected \(expected)"
        case .malformedFrontMatter(let file, let line, let message):
            return "\(Self.location(file, line)): \(message)"
        case .wrongType(let file, let line, let key, let found, let expected):
            return "\(Self.location(file, line)): \(key) is \(found); expected \(expected)"
        case .invalidValue(let file, let line, let key, let value, let reason, let expected):
            return "\(Self.location(file, line)): \(key) \"\(value)\" \(reason); expected \(expected)"
        case .unterminatedFence(let file, let line, let fence):
            return "\(Self.location(file, line)): the \(fence) fence opened here is never closed; "
                + "expected a closing \(fence) line"
        case .unpairedSample(let file, let line, let block):
            let problem =
                block == "output"
                ? "an output block without an input block before it"
                : "an input block without an output block after it"
            return "\(Self.location(file, line)): \(problem); expected each ```input block to be followed by "
                + "an ```output block"
        case .missingAnswer(let input, let expected):
            return "\(Self.display(input)): test input without an answer; expected \(Self.display(expected))"
        case .missingInput(let answer, let expected):
            return "\(Self.display(answer)): answer without a test input; expected \(Self.display(expected))"
        case .notAFileOrFolder(let path, let found, let root):
            return "\(Self.display(path)): \(found); expected a regular file or folder, or a symbolic link to one "
                + "inside \(Self.display(root))"
        case .noTests(let problem, let expected):
            return "\(Self.display(problem)): no tests; expected \(expected)"
        case .missingFile(let file, let line, let key, let missing):
            return "\(Self.location(file, line)): \(key) names \(Self.display(missing)), which does not exist"
        case .outputValidator(let directory, let found):
            let what =
                found.isEmpty
                ? "holds no validator folder" : "holds \(found.count) folders (\(found.joined(separator: ", ")))"
            return "\(Self.display(directory)): \(what); expected exactly one output validator folder"
        case .unsupported(let file, let line, let feature, let value):
            return "\(Self.location(file, line)): \(feature) are not supported yet (\(value))"
        case .missingKey(let file, let line, let key, let expected):
            return "\(Self.location(file, line)): \(key) is missing; expected \(expected)"
        case .misplacedBlock(let file, let line, let message, let expected):
            return "\(Self.location(file, line)): \(message); expected \(expected)"
        case .notJSON(let file, let line, let what, let error):
            return "\(Self.location(file, line)): \(what) is not valid JSON (at byte \(error.offset) expected "
                + "\(error.expected))"
        case .unwritable(let problem, let reason):
            return "\(problem): cannot be written as a Markdown problem: \(reason)"
        case .several(let errors):
            return errors.map(\.description).joined(separator: "\n")
        }
    }

    /// The file (or folder) the error is about; nil for ``several(_:)``.
    public var file: String? {
        switch self {
        case .notFound(let path), .unrecognized(let path): return path
        case .unreadable(let file, _), .invalidYAML(let file, _, _), .notAMapping(let file, _, _),
            .malformedFrontMatter(let file, _, _), .wrongType(let file, _, _, _, _),
            .invalidValue(let file, _, _, _, _, _), .unterminatedFence(let file, _, _), .unpairedSample(let file, _, _),
            .missingFile(let file, _, _, _), .unsupported(let file, _, _, _), .missingKey(let file, _, _, _),
            .misplacedBlock(let file, _, _, _), .notJSON(let file, _, _, _):
            return file
        case .unwritable(let problem, _): return problem
        case .missingAnswer(let input, _): return input
        case .missingInput(let answer, _): return answer
        case .noTests(let problem, _): return problem
        case .notAFileOrFolder(let path, _, _): return path
        case .outputValidator(let directory, _): return directory
        case .several: return nil
        }
    }

    /// The line in ``file`` the error is about, where known.
    public var line: Int? {
        switch self {
        case .invalidYAML(_, let line, _), .notAMapping(_, let line, _), .wrongType(_, let line, _, _, _),
            .invalidValue(_, let line, _, _, _, _), .missingFile(_, let line, _, _), .unsupported(_, let line, _, _),
            .missingKey(_, let line, _, _), .misplacedBlock(_, let line, _, _), .notJSON(_, let line, _, _):
            return line
        case .malformedFrontMatter(_, let line, _), .unterminatedFence(_, let line, _), .unpairedSample(_, let line, _):
            return line
        default:
            return nil
        }
    }

    /// `file:line`, or just the file when the line is unknown.
    private static func location(_ file: String, _ line: Int?) -> String {
        line.map { "\(display(file)):\($0)" } ?? display(file)
    }

    /// The path relative to the working directory when it lies inside it, else as given.
    private static func display(_ path: String) -> String {
        let directory = FileManager.default.currentDirectoryPath
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
