import Judging

/// What became of one attempt. Its display code (``code``) is what JSON, transcripts and the database store.
public indirect enum AttemptOutcome: Sendable {
    /// The program was judged on every test (oracle): the report's verdict.
    case judged(JudgeReport)
    /// The program was judged on the samples only (contestant): the hidden tests judge only the submitted program,
    /// after the strategy is done.
    case judgedOnSamples(JudgeReport)
    /// An input generator's answer (contestant): `inputs` inputs kept; 0 when the generator was dropped.
    case inputGenerator(inputs: Int)
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
    /// The code of ``judgedOnSamples(_:)`` when every sample passed: not `AC`, which only the hidden tests give.
    public static let samplesPassedCode = "OK"
    /// The code of ``inputGenerator(inputs:)``.
    public static let inputGeneratorCode = "generator"

    /// Every code an attempt can have, in the order of ``code``'s description.
    public static let allCodes =
        Verdict.allCases.map(\.code) + [samplesPassedCode, inputGeneratorCode, noProgramCode, serverFailureCode]

    /// `AC`, `WA`, … (the verdict's code), `OK` (every sample passed), `generator`, `no code` or `error`.
    public var code: String {
        switch self {
        case .judged(let report): return report.verdict.code
        case .judgedOnSamples(let report):
            return report.verdict.isAccepted ? Self.samplesPassedCode : report.verdict.code
        case .inputGenerator: return Self.inputGeneratorCode
        case .unjudgeable: return Verdict.compileError.code
        case .repeated(_, let earlier): return earlier.code
        case .noProgram: return Self.noProgramCode
        case .serverFailure: return Self.serverFailureCode
        }
    }

    /// The judge's report, also for a repeat of a judged program.
    public var report: JudgeReport? {
        switch self {
        case .judged(let report), .judgedOnSamples(let report): return report
        case .repeated(_, let earlier): return earlier.report
        case .unjudgeable, .noProgram, .serverFailure, .inputGenerator: return nil
        }
    }

    /// Whether the program was accepted: judged on every test (oracle), never on the samples alone.
    public var isAccepted: Bool {
        switch self {
        case .judged(let report): return report.verdict.isAccepted
        case .repeated(_, let earlier): return earlier.isAccepted
        default: return false
        }
    }

    /// Whether the program passed every sample it was judged on (either protocol).
    public var passedSamples: Bool {
        switch self {
        case .judged(let report), .judgedOnSamples(let report):
            return report.compile.ok && report.tests.filter(\.isSample).allSatisfy(\.verdict.isAccepted)
        case .repeated(_, let earlier): return earlier.passedSamples
        default: return false
        }
    }

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
