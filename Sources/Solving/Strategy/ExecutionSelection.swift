import Foundation
import Judging

/// Step 4: the survivors of the samples run on the generated inputs under the problem's limits; one that crashes or
/// exceeds the time or memory limit on an input is out (how a blind solver catches the O(n²) program on a
/// maximum-size input). The rest are grouped by their outputs and the largest group wins.
///
/// - Suspect inputs: an input on which every survivor fails (when two or more different ones ran it) is more likely
///   invalid than all of them wrong; it is set aside and rules nobody out.
/// - Agreement: a candidate joins a group when, on every kept input, its output agrees with the group's first member's
///   under the problem's checker with that output in the place of the answer: tokens (with the problem's float
///   tolerance), exact bytes, a function's returned JSON values, or, for a checker program, the checker accepting
///   the candidate's output against the first member's. Checkers that need the real answer (such as one that checks
///   an optimum the answer file states) may then split groups that are right; a checker that fails on a pair counts
///   as a disagreement. Groups form in attempt order, so a tolerance that is not transitive cannot reorder them.
/// - Without generated inputs, only identical programs (comments and layout aside) group together.
/// - Ranking: the largest group; ties by partial agreement (input by input, how many candidates outside the group
///   printed what the group printed, summed over the kept inputs: the output most others share is likelier right,
///   as in CodeT's and AlphaCode's clustering), then by fewer failures (failed samples and failed generated-input
///   runs, suspect ones included, over the group's members), then by the cheaper (the least CPU time of a member over
///   its samples and inputs), then the earlier attempt. The group's member with the fewest failures, then the least
///   CPU time, then the earliest attempt is the choice.
/// - When no candidate passed every sample and every kept input, all those that compile are ranked the same way
///   (there failures tell them apart): the best is the submission if nothing better comes, but not a clean choice,
///   so a repair may follow.
public struct ExecutionSelection: StrategyStep {
    public let name = "selection"
    /// The most a candidate may print for one generated input: past it the run is an output-limit failure.
    public var outputLimitBytes: Int

    public init(outputLimitBytes: Int = 4 << 20) {
        self.outputLimitBytes = outputLimitBytes
    }

    /// The prefix of rulings this step makes (and takes back when it runs again with more candidates).
    static let rulingMark = "on generated input"

    public func run(on state: inout StrategyState, in context: StrategyContext) async throws -> String? {
        guard !state.candidates.isEmpty else { return nil }
        for index in state.candidates.indices where state.candidates[index].ruledOut?.contains(Self.rulingMark) == true
        {
            state.candidates[index].ruledOut = nil
        }
        let pool = state.candidates.indices.filter {
            state.candidates[$0].ruledOut == nil && state.candidates[$0].language != nil
        }
        try await execute(pool, of: &state, in: context)
        let (kept, out) = rule(pool, in: &state)
        for (index, reason) in out { state.candidates[index].ruledOut = reason }
        var ranked = try await group(
            pool.filter { out[$0] == nil }.map { state.candidates[$0] }, kept: kept, state: state, in: context)
        state.groups = ranked.map { $0.members.map(\.attempt) }
        state.choice = ranked.first?.members.min(by: Self.isPreferred)?.attempt
        state.choiceReason = state.choice.flatMap { choice in
            state.candidate(choice).map { reason(for: $0, in: ranked, kept: kept.count, fallback: false) }
        }
        state.fallback = nil
        state.fallbackReason = nil
        if state.choice == nil {
            // Nothing passed every sample and every kept input: those that compile are ranked the same way, for a
            // submission that is not a clean choice (a repair may still come).
            let compiled = state.candidates.indices.filter { state.candidates[$0].samples?.compile.ok == true }
            try await execute(compiled, of: &state, in: context)
            ranked = try await group(compiled.map { state.candidates[$0] }, kept: kept, state: state, in: context)
            if let best = ranked.first?.members.min(by: Self.isPreferred) {
                state.fallback = best.attempt
                state.fallbackReason = reason(for: best, in: ranked, kept: kept.count, fallback: true)
            }
        }
        let ruled = out.keys.sorted().map { (state.candidates[$0].attempt, out[$0] ?? "") }
        return summary(state, out: ruled)
    }

    /// Runs every member of `pool` without runs on the current inputs (one run per distinct program).
    private func execute(_ pool: [Int], of state: inout StrategyState, in context: StrategyContext) async throws {
        guard !state.inputs.isEmpty else { return }
        let inputs = state.inputs.map(\.data)
        let options = ExecutionOptions(limits: context.problem.limits, outputLimitBytes: outputLimitBytes)
        for index in pool where state.candidates[index].runs.count != inputs.count {
            let candidate = state.candidates[index]
            if let twin = state.candidates.first(where: {
                $0.normalized == candidate.normalized && $0.runs.count == inputs.count
            }) {
                state.candidates[index].runs = twin.runs
                continue
            }
            guard let submission = candidate.submission(named: "attempt-\(candidate.attempt)") else { continue }
            let report = try await context.judge.execute(submission, on: inputs, of: context.problem, options: options)
            state.candidates[index].runs =
                report.compile.ok && report.runs.count == inputs.count
                ? report.runs
                : inputs.map { _ in
                    ProgramRun(
                        failure: .compileError, message: "does not compile", output: Data(), timeMilliseconds: 0,
                        memoryKiB: 0)
                }
        }
    }

    /// Sets suspect inputs aside: the kept inputs' indices, and the members of `pool` that failed on a kept one,
    /// with why.
    private func rule(_ pool: [Int], in state: inout StrategyState) -> (kept: [Int], out: [Int: String]) {
        let ran = pool.filter { state.candidates[$0].runs.count == state.inputs.count }
        guard !state.inputs.isEmpty, !ran.isEmpty else {
            state.suspectInputs = []
            return ([], [:])
        }
        var distinct: [String: Int] = [:]
        for index in ran where distinct[state.candidates[index].normalized] == nil {
            distinct[state.candidates[index].normalized] = index
        }
        let programs = Array(distinct.values)
        let suspect = Set(
            state.inputs.indices.filter { input in
                programs.count >= 2 && programs.allSatisfy { state.candidates[$0].runs[input].failure != nil }
            })
        state.suspectInputs = suspect.sorted().map { state.inputs[$0] }
        let kept = state.inputs.indices.filter { !suspect.contains($0) }
        var out: [Int: String] = [:]
        for index in ran {
            guard let input = kept.first(where: { state.candidates[index].runs[$0].failure != nil }) else { continue }
            let run = state.candidates[index].runs[input]
            out[index] =
                "\(run.failure?.code ?? "failed") \(Self.rulingMark) \(state.inputs[input].test) "
                + "(\(GeneratedInput.size(state.inputs[input].data.count)))"
        }
        return (kept, out)
    }

    /// Candidates whose outputs agree on every kept input, and how far the others agree with them input by input.
    struct Group {
        var members: [Candidate]
        /// Over the kept inputs, the candidates outside the group whose output agrees with the group's.
        var agreement = 0
    }

    /// `pool` grouped by agreement on the kept inputs, best group first.
    private func group(_ pool: [Candidate], kept: [Int], state: StrategyState, in context: StrategyContext)
        async throws -> [Group]
    {
        var groups: [Group] = []
        for candidate in pool {
            var placed = false
            for index in groups.indices {
                if try await agree(candidate, groups[index].members[0], on: kept, state: state, in: context) {
                    groups[index].members.append(candidate)
                    placed = true
                    break
                }
            }
            if !placed { groups.append(Group(members: [candidate])) }
        }
        // Partial agreement only matters between the largest groups.
        let largest = groups.map(\.members.count).max() ?? 0
        if groups.filter({ $0.members.count == largest }).count > 1 {
            for index in groups.indices where groups[index].members.count == largest {
                let reference = groups[index].members[0]
                let members = Set(groups[index].members.map(\.attempt))
                for input in kept {
                    for other in pool where !members.contains(other.attempt) {
                        if try await context.judge.outputsAgree(
                            other.runs[input].output, reference.runs[input].output, input: state.inputs[input].data,
                            on: context.problem)
                        {
                            groups[index].agreement += 1
                        }
                    }
                }
            }
        }
        return groups.sorted(by: Self.ranksHigher)
    }

    /// Whether `candidate` agrees with `reference` on every kept input (identical programs without inputs).
    private func agree(
        _ candidate: Candidate, _ reference: Candidate, on kept: [Int], state: StrategyState,
        in context: StrategyContext
    ) async throws -> Bool {
        if candidate.normalized == reference.normalized { return true }
        guard !kept.isEmpty else { return false }
        for input in kept {
            let agrees = try await context.judge.outputsAgree(
                candidate.runs[input].output, reference.runs[input].output, input: state.inputs[input].data,
                on: context.problem)
            if !agrees { return false }
        }
        return true
    }

    /// Larger first; then more partial agreement; then fewer failures over the members; then the cheapest member;
    /// then the earliest attempt.
    static func ranksHigher(_ a: Group, _ b: Group) -> Bool {
        if a.members.count != b.members.count { return a.members.count > b.members.count }
        if a.agreement != b.agreement { return a.agreement > b.agreement }
        let failures = (a.members.map(\.failures).reduce(0, +), b.members.map(\.failures).reduce(0, +))
        if failures.0 != failures.1 { return failures.0 < failures.1 }
        let cost = (a.members.map(\.cpuMilliseconds).min() ?? 0, b.members.map(\.cpuMilliseconds).min() ?? 0)
        if cost.0 != cost.1 { return cost.0 < cost.1 }
        return (a.members.map(\.attempt).min() ?? 0) < (b.members.map(\.attempt).min() ?? 0)
    }

    /// Fewer failures; then less CPU time; then the earlier attempt.
    static func isPreferred(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.failures != b.failures { return a.failures < b.failures }
        if a.cpuMilliseconds != b.cpuMilliseconds { return a.cpuMilliseconds < b.cpuMilliseconds }
        return a.attempt < b.attempt
    }

    /// Why `chosen`: what it passed, its group, and how a tie was broken.
    private func reason(for chosen: Candidate, in ranked: [Group], kept: Int, fallback: Bool) -> String {
        let best = ranked[0]
        let pool = ranked.map(\.members.count).reduce(0, +)
        var parts: [String] = []
        if fallback {
            let samples = chosen.samples?.tests.count ?? 0
            let runs = chosen.runs.filter { !$0.succeeded }.count
            parts.append(
                "no candidate passed every sample and every generated input; this one passed \(chosen.samplesPassed) "
                    + "of \(samples) samples" + (runs > 0 ? " and failed on \(runs) generated inputs" : ""))
        } else {
            parts.append(
                chosen.samples?.tests.isEmpty == false
                    ? "passed every sample (\(chosen.samplesPassed))" : "compiles (no samples to run)")
        }
        if kept > 0 {
            parts.append(
                "its group is the largest that agreed on \(kept) generated inputs (\(best.members.count) of \(pool))")
        } else if pool > 1 {
            parts.append(
                "no generated inputs to tell them apart: \(best.members.count) of \(pool) are the same program")
        }
        if ranked.count > 1, ranked[1].members.count == best.members.count {
            let next = ranked[1]
            let failures = (best.members.map(\.failures).reduce(0, +), next.members.map(\.failures).reduce(0, +))
            let cost = (best.members.map(\.cpuMilliseconds).min() ?? 0, next.members.map(\.cpuMilliseconds).min() ?? 0)
            if best.agreement != next.agreement {
                parts.append(
                    "tied on size, and the others agree with it more often, input by input (\(best.agreement) "
                        + "against \(next.agreement))")
            } else if failures.0 != failures.1 {
                parts.append("tied on size, with fewer failures (\(failures.0) against \(failures.1))")
            } else if cost.0 != cost.1 {
                parts.append("tied on size and failures, and cheaper (\(cost.0) ms of CPU against \(cost.1) ms)")
            } else {
                parts.append("tied on size, failures and CPU time: the earlier attempt")
            }
        }
        return parts.joined(separator: "; ")
    }

    /// "10 generated inputs; out: #3 TLE on generated input 9 (1.2 MiB); groups {#1 #4} {#2}; choice #1".
    private func summary(_ state: StrategyState, out: [(Int, String)]) -> String {
        var parts: [String] = []
        if !state.inputs.isEmpty {
            let suspect = state.suspectInputs.isEmpty ? "" : " (\(state.suspectInputs.count) set aside as suspect)"
            parts.append("\(state.inputs.count) generated inputs\(suspect)")
            if !out.isEmpty { parts.append("out: " + out.map { "#\($0.0) \($0.1)" }.joined(separator: ", ")) }
        }
        let groups = state.groups.map { "{" + $0.map { "#\($0)" }.joined(separator: " ") + "}" }
        parts.append(groups.isEmpty ? "no candidate left" : "groups " + groups.joined(separator: " "))
        if let choice = state.choice { parts.append("choice #\(choice)") }
        if let fallback = state.fallback { parts.append("no clean choice; best of the rest #\(fallback)") }
        return parts.joined(separator: "; ")
    }
}
