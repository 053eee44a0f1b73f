import Judging
import ModelClient
import ModelFleet

/// The result of `solve PROBLEM`.
public struct SolveOutcome: Sendable {
    public var problem: String
    public var route: RouteDecision
    /// Served id of the model that produced the final program (or was tried last).
    public var model: String
    public var language: String
    public var code: String?
    public var attempts: [AttemptRecord]
    public var usage: Usage
    public var promptsHash: String
    public var transcript: String?
    /// What `--local`, `--model` or `--escalate` changed about the route.
    public var notes: [String]

    /// The code of an outcome without attempts.
    public static let noAttemptsCode = "no attempts"

    /// The attempt the outcome stands on: the accepted one, else the last.
    public var finalAttempt: AttemptRecord? { attempts.last { $0.accepted } ?? attempts.last }

    /// The final attempt's code (`AC`, `WA`, …, `no code`, `error`), or `no attempts`.
    public var verdict: String { finalAttempt?.verdict ?? Self.noAttemptsCode }

    public var accepted: Bool { finalAttempt?.accepted ?? false }

    /// The attempt whose request failed and ended the run (the model never answered it), if any.
    public var serverFailure: AttemptRecord? {
        attempts.last.flatMap { $0.outcome.isServerFailure ? $0 : nil }
    }
}

/// Something a `Solver` reports while it works (for the terminal view).
public enum SolveEvent: Sendable {
    case routed(RouteDecision, model: ModelConfig, notes: [String])
    case attemptStarted(number: Int, model: ModelConfig, endpoint: String, strategy: AttemptStrategy)
    case chat(ChatEvent)
    case attemptFinished(AttemptRecord)
}
