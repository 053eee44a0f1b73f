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
    /// Every request, in number order.
    public var attempts: [AttemptRecord]
    public var usage: Usage
    public var promptsHash: String
    public var transcript: String?
    /// What `--local`, `--model` or `--escalate` changed about the route.
    public var notes: [String]
    /// Contestant or oracle.
    public var `protocol`: SolveProtocol
    /// Contestant: how the submitted program was chosen and what each step cost (and, when asked for, every
    /// candidate's verdict on the hidden tests, taken after the submission's).
    public var selection: SelectionReport?
    /// Contestant: the submitted program judged on every test, once: the final verdict.
    public var finalReport: JudgeReport?

    public init(
        problem: String, route: RouteDecision, model: String, language: String, code: String?,
        attempts: [AttemptRecord], usage: Usage, promptsHash: String, transcript: String?, notes: [String],
        protocol: SolveProtocol, selection: SelectionReport? = nil, finalReport: JudgeReport? = nil
    ) {
        self.problem = problem
        self.route = route
        self.model = model
        self.language = language
        self.code = code
        self.attempts = attempts
        self.usage = usage
        self.promptsHash = promptsHash
        self.transcript = transcript
        self.notes = notes
        self.protocol = `protocol`
        self.selection = selection
        self.finalReport = finalReport
    }

    /// The code of an outcome without attempts.
    public static let noAttemptsCode = "no attempts"

    /// The attempt the outcome stands on: the submitted one (contestant), else the accepted one, else the last.
    public var finalAttempt: AttemptRecord? {
        switch `protocol` {
        case .contestant:
            if let submitted = selection?.submitted { return attempts.first { $0.number == submitted } }
            return attempts.last { $0.strategy != .generator } ?? attempts.last
        case .oracle:
            return attempts.last { $0.accepted } ?? attempts.last
        }
    }

    /// The final verdict's code (`AC`, `WA`, …; contestant: the submission's on every test), `no code`, `error`, or
    /// `no attempts`.
    public var verdict: String {
        if `protocol` == .contestant {
            if serverFailure != nil { return AttemptOutcome.serverFailureCode }
            if let finalReport { return finalReport.verdict.code }
        }
        return finalAttempt?.verdict ?? Self.noAttemptsCode
    }

    public var accepted: Bool {
        switch `protocol` {
        case .contestant: return serverFailure == nil && finalReport?.verdict.isAccepted == true
        case .oracle: return finalAttempt?.accepted ?? false
        }
    }

    /// The attempt whose request failed and ended the run (the model never answered it), if any.
    public var serverFailure: AttemptRecord? {
        switch `protocol` {
        case .contestant: return attempts.first { $0.outcome.isServerFailure }
        case .oracle: return attempts.last.flatMap { $0.outcome.isServerFailure ? $0 : nil }
        }
    }
}

/// Something a `Solver` reports while it works (for the terminal view).
public enum SolveEvent: Sendable {
    case routed(RouteDecision, model: ModelConfig, notes: [String])
    case attemptStarted(number: Int, model: ModelConfig, endpoint: String, strategy: AttemptStrategy)
    case chat(ChatEvent)
    case attemptFinished(AttemptRecord)
    /// Contestant: a step of the strategy is done: one line on what it found, and what it cost.
    case stepFinished(step: String, summary: String, cost: StepCost)
    /// Contestant: the program chosen (nil: none to submit), and its verdict on every test.
    case submitted(SelectionReport, JudgeReport?)
}
