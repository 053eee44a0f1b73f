import Foundation

/// Failures of the judge itself (a verdict, even CE or IE of one test, is not an error).
public enum JudgingError: Error, Sendable, Equatable {
    case unknownLanguage(String, known: [String])
    case cannotInferLanguage(file: String)
    case languageUnavailable(String, missing: String)
    case unreadableSource(file: String, reason: String)
    case sandboxUnavailable(step: String, errno: Int32)
    case workspace(path: String, reason: String)
    case checker(String)
    /// A function problem's solution is not Python (the function-mode driver is Python).
    case functionNeedsPython(problem: String, language: String)
}

extension JudgingError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownLanguage(let name, let known):
            return "unknown language '\(name)'; expected one of: \(known.joined(separator: ", "))"
        case .cannotInferLanguage(let file):
            return "cannot tell the language of \(file) from its extension; pass --language (c, cpp, python)"
        case .languageUnavailable(let name, let missing):
            return "\(name) is not available on this machine: \(missing) not found"
        case .unreadableSource(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .sandboxUnavailable(let step, let code):
            return "the sandbox could not start (\(step)): \(String(cString: strerror(code)))"
        case .workspace(let path, let reason):
            return "work directory \(path): \(reason)"
        case .checker(let message):
            return "checker: \(message)"
        case .functionNeedsPython(let problem, let language):
            return "\(problem) is a Python function problem: the judge calls the function, so the solution must be "
                + "Python, not \(language); pass --language python or a .py file"
        }
    }
}

extension JudgingError {
    /// Throws ``sandboxUnavailable(step:errno:)`` unless `status`, what a CSandbox function returned (0 or an
    /// errno), is 0.
    static func checkSandbox(_ status: Int32, step: String) throws {
        guard status == 0 else { throw sandboxFailure(status, named: nil, otherwise: step) }
    }

    /// ``sandboxUnavailable(step:errno:)`` for a CSandbox function that failed with `status`, at the step it named
    /// (`named`) or else at `otherwise`.
    static func sandboxFailure(_ status: Int32, named: UnsafePointer<CChar>?, otherwise: String) -> JudgingError {
        .sandboxUnavailable(step: named.map { String(cString: $0) } ?? otherwise, errno: status != 0 ? status : EIO)
    }
}
