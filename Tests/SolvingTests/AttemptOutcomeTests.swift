import Judging
import ModelClient
import TestSupport
import Testing

@testable import Solving

/// The typed outcome keeps the strings JSON, transcripts and the database have always held.
@Suite struct AttemptOutcomeTests {
    static let report = JudgeReport.compileError("main.cpp:1: error: expected ';'", language: "cpp")

    @Test(arguments: [
        (AttemptOutcome.judged(report), "CE"),
        (.unjudgeable, "CE"),
        (.repeated(of: 1, .judged(report)), "CE"),
        (.noProgram(truncated: true), "no code"),
        (.noProgram(truncated: false), "no code"),
        (.serverFailure(ModelServerError.cancelled), "error"),
    ])
    func displayCodes(outcome: AttemptOutcome, code: String) {
        #expect(outcome.code == code)
        #expect(!outcome.isAccepted)
    }

    @Test func aRepeatCarriesTheEarlierReport() {
        let repeated = AttemptOutcome.repeated(of: 2, .judged(Self.report))
        #expect(repeated.report?.verdict == .compileError)
        #expect(AttemptOutcome.unjudgeable.report == nil)
        #expect(AttemptOutcome.serverFailure(ModelServerError.cancelled).isServerFailure)
        #expect(AttemptOutcome.noProgram(truncated: false).isNoProgram)
    }
}
