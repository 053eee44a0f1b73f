import Foundation

extension MarkdownProblem {
    /// The front matter's `interface` (`stdio`, the default, or `function`) with `entry_point`, `class` and the
    /// body's ```python starter block.
    ///
    /// - Throws: ``ProblemFormatError`` naming the key's line: an unknown interface, a missing or invalid
    ///   `entry_point`, function keys or a starter block in a standard-I/O problem, no starter block in a function
    ///   problem.
    static func readInterface(_ fields: YAMLMapping, body: Body) throws -> ProgramInterface {
        let interface = try fields.string("interface", expected: "stdio or function") ?? "stdio"
        let entryPoint = try fields.string("entry_point", expected: "the name of the Python function to call")
        let className = try fields.string("class", expected: "the name of the class holding the method, e.g. Solution")
        switch interface {
        case "stdio":
            for key in ["entry_point", "class"] where fields.value(key) != nil {
                throw fields.invalidValue(
                    key, try fields.string(key, expected: "text") ?? "", reason: "applies only to function problems",
                    expected: "interface: function with it, or no \(key)")
            }
            if let starter = body.starter {
                throw ProblemFormatError.misplacedBlock(
                    file: fields.file, line: starter.lines.lowerBound,
                    message: "a ```python starter block in a standard-I/O problem",
                    expected: "interface: function in the front matter, or a ```python block without `starter`")
            }
            return .standardIO
        case "function":
            guard let entryPoint else {
                throw ProblemFormatError.missingKey(
                    file: fields.file, line: fields.line(of: "interface"), key: "entry_point",
                    expected: "entry_point: NAME, the Python function (or method) the tests call")
            }
            for (key, name) in [("entry_point", entryPoint), ("class", className)] {
                if let name, !PythonFunction.isIdentifier(name) {
                    throw fields.invalidValue(
                        key, name, reason: "is not a Python name", expected: "letters, digits and _, e.g. max_sum")
                }
            }
            guard let starter = body.starter else {
                throw ProblemFormatError.misplacedBlock(
                    file: fields.file, line: nil, message: "interface: function without starter code",
                    expected: "a ```python starter block with the code the model completes")
            }
            return .pythonFunction(
                PythonFunction(entryPoint: entryPoint, className: className, starterCode: starter.code))
        default:
            throw fields.invalidValue(
                "interface", interface, reason: "is not an interface",
                expected: "stdio (the program reads stdin) or function (the judge calls a Python function)")
        }
    }

    /// Checks that each sample of a function problem holds JSON: one argument per input line, one result value.
    ///
    /// - Throws: ``ProblemFormatError/notJSON(file:line:what:error:)`` naming the line.
    static func validateFunctionSamples(_ body: Body, file: String) throws {
        for (sample, lines) in zip(body.samples, body.sampleLines) {
            do {
                _ = try PythonFunction.arguments(String(decoding: try sample.input.read(), as: UTF8.self))
            } catch let error as FunctionTestError {
                throw ProblemFormatError.notJSON(
                    file: file, line: lines.input + error.line, what: "\(sample.name)'s argument line \(error.line)",
                    error: error.error)
            }
            do {
                _ = try JSONValue.parse(try sample.answer.read())
            } catch let error as JSONSyntaxError {
                throw ProblemFormatError.notJSON(
                    file: file, line: lines.output + 1, what: "\(sample.name)'s expected result", error: error)
            }
        }
    }
}
