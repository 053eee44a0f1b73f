import Foundation

/// The report's sections as tables, shared by the text, Markdown and HTML renderers.
extension ComparisonReport {
    /// The overview, difficulty, tag, paired, feedback and per-problem tables, then the notes; those that do not apply
    /// are left out.
    func tables() -> [ReportTable] {
        [
            overviewTable(), selectionTable(), difficultyTable(), tagTable(), pairedTable(), feedbackTable(),
            gridTable(), notesTable(),
        ]
        .compactMap { $0 }
    }

    /// Runs as columns: sizes, pass@k, interval method, costs.
    func overviewTable() -> ReportTable {
        let column = { (cell: (RunSummary) -> String) in runs.map(cell) }
        var rows = [
            ["protocol"] + column { $0.protocol.rawValue },
            ["problems"] + column { "\($0.problems.count)" },
            ["samples per problem"] + column { ReportNumbers.range($0.samplesPerProblem) },
            ["attempts per sample"] + column { "\($0.maxAttempts)" },
        ]
        for k in ks {
            rows.append(
                ["pass@\(k)"]
                    + column { run in
                        run.passAtK.first { $0.k == k }.map(ReportNumbers.estimate) ?? ReportNumbers.missing
                    })
        }
        rows += [
            ["95% interval"] + column { $0.passAt1.estimate?.interval.method.description ?? ReportNumbers.missing },
            ["median tokens (solved)"] + column { ReportNumbers.tokens($0.costs.medianCompletionTokens) },
            ["median time (solved)"] + column { ReportNumbers.seconds($0.costs.medianSeconds) },
            ["tokens per problem"] + column { ReportNumbers.tokens($0.costs.tokensPerProblem) },
            ["seconds per problem"] + column { ReportNumbers.seconds($0.costs.secondsPerProblem) },
            ["truncated attempts"] + column { ReportNumbers.percent($0.costs.truncatedShare) },
            ["attempts without code"] + column { ReportNumbers.percent($0.costs.noCodeShare) },
        ]
        return ReportTable(title: title, header: [""] + runs.map(\.label), rows: rows)
    }

    /// pass@1 per difficulty.
    func difficultyTable() -> ReportTable {
        breakdownTable("By difficulty", "difficulty", \.byDifficulty, order: Breakdown.difficultyOrder)
    }

    /// pass@1 per tag; nil when no problem has a tag.
    func tagTable() -> ReportTable? {
        guard runs.contains(where: { $0.byTag.contains { $0.name != Breakdown.none } }) else { return nil }
        return breakdownTable("By tag", "tag", \.byTag, order: Breakdown.nameOrder)
    }

    /// Groups as rows, runs as columns: pass@1 with interval and the group's problem count.
    private func breakdownTable(
        _ title: String, _ heading: String, _ groups: KeyPath<RunSummary, [GroupFigure]>,
        order: (String, String) -> Bool
    ) -> ReportTable {
        let names = Set(runs.flatMap { $0[keyPath: groups].map(\.name) }).sorted(by: order)
        let rows = names.map { name in
            [name]
                + runs.map { run in
                    guard let group = run[keyPath: groups].first(where: { $0.name == name }) else {
                        return ReportNumbers.missing
                    }
                    return ReportNumbers.estimate(group.passAt1) + " (\(group.problems))"
                }
        }
        return ReportTable(
            title: title + ": pass@1", header: [heading] + runs.map(\.run), rows: rows,
            notes: ["(n) is the number of problems in the group."])
    }

    /// One row per pair of runs; nil for a single run.
    func pairedTable() -> ReportTable? {
        guard !pairedTests.isEmpty else { return nil }
        let rows = pairedTests.map { pair in
            let test = pair.test
            let rate = { (passed: Int) in test.pairs > 0 ? Double(passed) / Double(test.pairs) : nil }
            return [
                "\(pair.first) vs \(pair.second)", "\(test.pairs)", ReportNumbers.percent(rate(test.firstPassed)),
                ReportNumbers.percent(rate(test.secondPassed)), ReportNumbers.points(test.difference), "\(test.b)",
                "\(test.c)", test.pairs > 0 ? ReportNumbers.pValue(test.pValue) : "—",
            ]
        }
        let unpaired = pairedTests.contains { $0.test.pairs == 0 }
        return ReportTable(
            title: "Paired tests: pass@1, exact McNemar",
            header: ["runs (A vs B)", "pairs", "A pass@1", "B pass@1", "B − A", "A only", "B only", "p"], rows: rows,
            notes: unpaired ? ["Runs with no finished problem in common have nothing to pair: no test."] : [])
    }

    /// One row per contestant run: single-shot, contestant pass@1, the paired test between them, oracle any-of-N,
    /// selection efficiency, tokens and seconds per problem; nil when there is none.
    func selectionTable() -> ReportTable? {
        guard runs.contains(where: { $0.selection != nil }) else { return nil }
        let rows = runs.compactMap { run in
            run.selection.map { figures in
                [
                    run.run, "\(run.maxAttempts)", ReportNumbers.estimate(figures.singleShot),
                    ReportNumbers.estimate(figures.contestant), ReportNumbers.points(figures.test.difference),
                    ReportNumbers.pValue(figures.test.pValue),
                    figures.oracleAnyOfN.map(ReportNumbers.estimate) ?? ReportNumbers.missing,
                    figures.efficiency.map { String(format: "%.2f", $0) } ?? ReportNumbers.missing,
                    ReportNumbers.tokens(run.costs.tokensPerProblem),
                    ReportNumbers.seconds(run.costs.secondsPerProblem),
                ]
            }
        }
        return ReportTable(
            title: "Solving as a contestant: single-shot, the submission, and what was generated",
            header: [
                "run", "requests", "single-shot", "contestant pass@1", "gain", "p", "oracle any-of-N",
                "selection efficiency", "tokens/problem", "time/problem",
            ], rows: rows)
    }

    /// One row per oracle run with more than one attempt per sample; nil when there is none.
    func feedbackTable() -> ReportTable? {
        guard runs.contains(where: { $0.feedback != nil }) else { return nil }
        let rows = runs.compactMap { run in
            run.feedback.map { feedback in
                [
                    run.run, "\(run.maxAttempts)", ReportNumbers.estimate(feedback.singleShot),
                    ReportNumbers.estimate(feedback.withFeedback), ReportNumbers.points(feedback.test.difference),
                    "\(feedback.test.b)", "\(feedback.test.c)", ReportNumbers.pValue(feedback.test.pValue),
                ]
            }
        }
        return ReportTable(
            title: "What the feedback loop is worth: single-shot vs feedback pass@1",
            header: ["run", "attempts", "single-shot", "with feedback", "gain", "lost", "rescued", "p"], rows: rows)
    }

    /// Problems as rows, runs as columns: accepted of samples.
    func gridTable() -> ReportTable {
        let rows = grid.map { row in
            [row.problem, row.difficulty ?? ReportNumbers.missing]
                + runs.map { run in row.cells[run.run].map { "\($0.accepted)/\($0.samples)" } ?? ReportNumbers.missing }
        }
        return ReportTable(
            title: "Per problem: accepted/samples", header: ["problem", "difficulty"] + runs.map(\.run), rows: rows,
            labelColumns: 2)
    }

    /// The notes as a list under a heading.
    func notesTable() -> ReportTable {
        ReportTable(title: "Notes", header: [], rows: [], notes: notes)
    }
}
