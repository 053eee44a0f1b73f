/// The outcome of judging a test or a whole submission.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
    case accepted = "AC"
    case wrongAnswer = "WA"
    case timeLimitExceeded = "TLE"
    case memoryLimitExceeded = "MLE"
    case runtimeError = "RE"
    case outputLimitExceeded = "OLE"
    case compileError = "CE"
    case securityViolation = "SV"
    /// The judge itself failed (a broken checker, a sandbox that could not start).
    case internalError = "IE"

    /// Whether the verdict means the program was right.
    public var isAccepted: Bool { self == .accepted }

    /// The two-or-three-letter code (`AC`, `TLE`, …).
    public var code: String { rawValue }

    /// What the code stands for.
    public var meaning: String {
        switch self {
        case .accepted: return "accepted"
        case .wrongAnswer: return "wrong answer"
        case .timeLimitExceeded: return "time limit exceeded"
        case .memoryLimitExceeded: return "memory limit exceeded"
        case .runtimeError: return "runtime error"
        case .outputLimitExceeded: return "output limit exceeded"
        case .compileError: return "compile error"
        case .securityViolation: return "security violation"
        case .internalError: return "internal error"
        }
    }

    /// Parses a code (`AC`) or a Kattis submissions folder name (`wrong_answer`).
    public init?(codeOrFolder text: String) {
        switch text.lowercased() {
        case "ac", "accepted": self = .accepted
        case "wa", "wrong_answer": self = .wrongAnswer
        case "tle", "time_limit_exceeded": self = .timeLimitExceeded
        case "mle", "memory_limit_exceeded": self = .memoryLimitExceeded
        case "re", "rte", "run_time_error", "runtime_error": self = .runtimeError
        case "ole", "output_limit_exceeded": self = .outputLimitExceeded
        case "ce", "compile_error": self = .compileError
        case "sv", "security_violation": self = .securityViolation
        case "ie", "internal_error": self = .internalError
        default: return nil
        }
    }
}
