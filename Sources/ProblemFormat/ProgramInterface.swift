import Foundation

/// How the judge runs a program: a whole program on standard I/O, or a Python function that the tests call.
public enum ProgramInterface: Sendable, Hashable, Codable {
    /// Reads the test's input on stdin and writes the answer to stdout (every contest problem).
    case standardIO
    /// Defines a Python function (or a method of a class) that the judge calls with each test's arguments.
    case pythonFunction(PythonFunction)

    /// The function to complete, for a function problem.
    public var function: PythonFunction? {
        if case .pythonFunction(let function) = self { return function }
        return nil
    }
}

/// A Python function to complete: LeetCode's `class Solution: def maxSum(self, nums)`, or HumanEval's
/// `def has_close_elements(numbers, threshold)`.
public struct PythonFunction: Sendable, Hashable, Codable {
    /// The function's name, or the method's when ``className`` is set.
    public var entryPoint: String
    /// The class holding the method (instantiated without arguments, once per test), or nil for a plain function.
    public var className: String?
    /// The code shown to the model: the signature and docstring, or the class skeleton, to complete.
    public var starterCode: String

    public init(entryPoint: String, className: String? = nil, starterCode: String) {
        self.entryPoint = entryPoint
        self.className = className
        self.starterCode = starterCode
    }

    /// The callee as Python writes it: `Solution().maxSum` or `has_close_elements`.
    public var callee: String {
        className.map { "\($0)().\(entryPoint)" } ?? entryPoint
    }

    /// The call a JSON-arguments test makes, in Python syntax: `Solution().maxSum([1, 2], 3)`.
    ///
    /// - Parameter arguments: The test's input: one JSON value per line, one line per argument.
    /// - Throws: ``JSONSyntaxError`` when a line is not JSON.
    public func call(arguments: String) throws -> String {
        let values = try Self.arguments(arguments).map(\.pythonLiteral)
        return "\(callee)(\(values.joined(separator: ", ")))"
    }

    /// The arguments of a JSON-arguments test: one JSON value per non-blank line.
    ///
    /// - Throws: ``FunctionTestError`` naming the line that is not JSON.
    public static func arguments(_ text: String) throws -> [JSONValue] {
        try text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { number, line in
            guard !line.allSatisfy(\.isWhitespace) else { return nil }
            do {
                return try JSONValue.parse(String(line))
            } catch let error as JSONSyntaxError {
                throw FunctionTestError(line: number + 1, error: error)
            }
        }
    }

    /// Whether `name` can name a Python function or class (an ASCII identifier).
    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
        }
    }
}

/// A line of a function test's arguments that is not JSON.
public struct FunctionTestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line of the arguments.
    public var line: Int
    public var error: JSONSyntaxError

    public var description: String { "argument line \(line): \(error)" }
}

/// How one test judges the program.
public enum TestKind: String, Sendable, Hashable, Codable {
    /// The output (or a function's JSON result) is compared with the answer: every standard-I/O test, and function
    /// tests whose input holds the JSON arguments, one per line.
    case output
    /// The input is Python test code defining `check(candidate)` (HumanEval); the answer is empty. The test passes
    /// when `check(function)` returns; a failed `assert` is a wrong answer.
    case pythonCheck
}
