import Foundation

/// The caveats printed under every report.
extension ComparisonReport {
    /// How the figures were computed, what is undefined and why, and which comparisons need care.
    static func notes(runs: [RunSummary], pairedTests: [PairedComparison]) -> [String] {
        var notes = [
            "pass@k is the unbiased estimate 1 − C(n−c,k)/C(n,k) per problem (n samples, c accepted), averaged over"
                + " problems; intervals are 95%."
        ]
        let methods = Set(runs.flatMap { $0.passAtK.compactMap { $0.estimate?.interval.method } })
        if methods.contains(.wilson) {
            notes.append("Wilson: score interval over problems, for runs with one sample per problem.")
        }
        if methods.contains(.bootstrap) {
            notes.append(
                "bootstrap: percentile bootstrap over problems (\(PercentileBootstrap.resamples) resamples, seed"
                    + " \(PercentileBootstrap.seed)), since samples of one problem are not independent; over few"
                    + " problems it is too narrow (zero width for one).")
        }
        for run in runs {
            if run.samples == 0 { notes.append("\(run.run) has no samples.") }
            for passAtK in run.passAtK where passAtK.k > 1 {
                if let reason = passAtK.undefinedReason {
                    notes.append("pass@\(passAtK.k) of \(run.run) undefined: \(reason).")
                }
            }
        }
        let sets = runs.map { Set($0.problems.map(\.problem)) }
        if let first = sets.first, sets.contains(where: { $0 != first }) {
            let common = sets.dropFirst().reduce(first) { $0.intersection($1) }
            let counts = zip(runs, sets).map { "\($0.run) \($1.count)" }.joined(separator: ", ")
            notes.append(
                "Runs attempted different problems (\(counts); \(common.count) in common): pass@k compares different"
                    + " sets; paired tests use only the problems both runs attempted.")
        }
        for (index, first) in runs.enumerated() {
            for second in runs.dropFirst(index + 1) where first.protocol != second.protocol {
                notes.append(
                    "\(first.run) (\(first.protocol.rawValue)) and \(second.run) (\(second.protocol.rawValue)) are not"
                        + " paired: an oracle run judges every attempt on the hidden tests and feeds their failures"
                        + " back, so its pass rate is not a contestant's; compare each with its own single-shot.")
            }
        }
        if runs.contains(where: { $0.selection != nil }) {
            notes.append(
                "Contestant runs see the statement and the samples only; the hidden tests judge the one submitted"
                    + " program. Single-shot is the first candidate and oracle any-of-N whether any candidate passes,"
                    + " both judged after the submission and never fed back; selection efficiency is contestant"
                    + " pass@1 over oracle any-of-N.")
        }
        if !pairedTests.isEmpty {
            let correction = pairedTests.count > 1 ? "; p-values are not corrected for multiple comparisons" : ""
            notes.append(
                "Paired tests: exact two-sided McNemar on pass@1, sample i of one run against sample i of the other"
                    + " on the problems both attempted; A and B pass@1 are over those pairs\(correction).")
        }
        if (!pairedTests.isEmpty || runs.contains { $0.feedback != nil })
            && runs.contains(where: { ($0.samplesPerProblem?.upperBound ?? 0) > 1 })
        {
            notes.append(
                "With several samples per problem, McNemar tests treat the problems as fixed: they ask whether the"
                    + " arms differ on these problems, not on problems in general.")
        }
        if runs.contains(where: { $0.feedback != nil }) {
            notes.append(
                "Single-shot is each sample's first attempt; with feedback, all its attempts. Lost and rescued are the"
                    + " discordant samples of the McNemar test between them.")
        }
        return notes
    }
}
