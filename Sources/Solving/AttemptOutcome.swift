import Judging

/// What became of one attempt. Its display code (``code``) is what JSON, transcripts and the database store.
public indirect enum AttemptOutcome: Sendable {
    /// The program was judged: the report's verdict.
    case judged(JudgeReport)
    /// The program is in a language this machine cannot judge, or not in Python for a function problem: a compile
    /// error without a report.
    case unjudgeable
    /// The same program as attempt `of`, not judged again: that attempt's outcome.
    case repeated(of: Int, AttemptOutcome)
    /// The answer held no program; `truncated`: it was cut off (by `max_tokens` or solve's answer limit).
    case noProgram(truncated: Bool)
    /// The request failed: the model never answered.
    case serverFailure(any Error)

    /// The code of ``noProgram(truncated:)``.
    public static let noProgramCode = "no code"
    /// The code of ``serverFailure(_:)``.
    public static let serverFailureCode = "error"

    /// `AC`, `WA`, … (the verdict's code), `no code` or `error`.
    public var code: String {
        switch self {
        case .judged(let report): return report.verdict.code
        case .unjudgeable: return Verdict.compileError.code
        case .repeated(_, let earlier): return earlier.code
        case .noProgram: return Self.noProgramCode
        case .serverFailure: return Self.serverFailureCode
        }
    }

    /// The judge's report, also for a repeat of a judged program.
    public var report: JudgeReport? {
        switch self {
        case .judged(let report): return report
        case .repeated(_, let earlier): return earlier.report
        case .unjudgeable, .noProgram, .serverFailure: return nil
        }
    }

    /// Whether the program was accepted.
    public var isAccepted: Bool { report?.verdict.isAccepted ?? false }

    /// Whether the model never answered.
    public var isServerFailure: Bool {
        if case .serverFailure = self { return true }
        return false
    }

    /// Whether the answer held no program.
    public var isNoProgram: Bool {
        if case .noProgram = self { return true }
        return false
    }
}
