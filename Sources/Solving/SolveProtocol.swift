import ProblemFormat

/// What the solving loop may know of a problem's tests.
public enum SolveProtocol: String, Sendable, Hashable, Codable, CaseIterable {
    /// As in a contest: the loop sees the statement and the samples only, and submits one program, which the hidden
    /// tests judge once, at the end. Nothing about the hidden tests (verdict, count, timing) reaches a request.
    case contestant
    /// With the answer key: every attempt is judged on every test and a hidden test's failure is fed back, until a
    /// program is accepted. For people who own the full tests and want any passing program; its pass rates are not
    /// a contestant's.
    case oracle

    /// One line for output and transcripts.
    public var summary: String {
        switch self {
        case .contestant:
            return "contestant: the model sees the statement and the samples; the hidden tests judge the one submitted "
                + "program, once"
        case .oracle:
            return "oracle: every attempt is judged on the hidden tests too, and their failures are fed back"
        }
    }
}

extension Problem {
    /// The problem as a contestant has it: the statement and the samples, without the hidden tests.
    public var contestantView: Problem {
        var view = self
        view.tests = samples
        return view
    }
}
