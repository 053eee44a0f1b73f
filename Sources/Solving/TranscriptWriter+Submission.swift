import Foundation

extension TranscriptWriter {
    /// The contestant's submission as a document: the protocol, the verdict, the candidates, the groups, the reason,
    /// each step's cost, and the oracle check when there is one.
    static func markdown(_ selection: SelectionReport, outcome: SolveOutcome) -> String {
        var text = "# Submission: \(outcome.verdict)\n\n"
        text += "- protocol: \(outcome.protocol.summary)\n"
        text += "- submitted: " + (selection.submitted.map { "attempt \($0)" } ?? "nothing") + "\n"
        text += "- why: \(selection.reason)\n"
        if let report = outcome.finalReport { text += "- final verdict (every test): \(report.message)\n" }
        text +=
            "- generated inputs: \(selection.generatedInputs) run, \(selection.suspectInputs) set aside as suspect\n"
        let groups = selection.groups.map { "{" + $0.map { "#\($0)" }.joined(separator: " ") + "}" }
        text += "- groups: " + (groups.isEmpty ? "none" : groups.joined(separator: " ")) + "\n"
        text +=
            "\n## Candidates\n\n| attempt | language | samples | failures | CPU | out because |\n|---|---|---|---|---|---|\n"
        for candidate in selection.candidates {
            let repairs = candidate.repairs.map { " (repairs #\($0))" } ?? ""
            text +=
                "| \(candidate.attempt)\(repairs) | \(candidate.language) | \(candidate.samplesPassed)/\(candidate.samples) "
                + "| \(candidate.failures) | \(candidate.cpuMilliseconds) ms | \(candidate.ruledOut ?? "") |\n"
        }
        text +=
            "\n## Cost per step\n\n| step | requests | prompt tokens | completion tokens | judge calls | runs | seconds |\n"
        text += "|---|---|---|---|---|---|---|\n"
        for step in selection.steps {
            text +=
                "| \(step.step) | \(step.requests) | \(step.promptTokens) | \(step.completionTokens) | \(step.judgeCalls) "
                + "| \(step.programRuns) | \(String(format: "%.1f", step.seconds)) |\n"
        }
        if let oracle = selection.oracle {
            text += "\n## After the verdict: every candidate on the hidden tests (never fed back)\n\n"
            text += "- judged: " + oracle.judged.map { "#\($0)" }.joined(separator: " ") + "\n"
            text +=
                "- accepted: "
                + (oracle.accepted.isEmpty ? "none" : oracle.accepted.map { "#\($0)" }.joined(separator: " "))
                + "\n"
        }
        return text
    }
}
