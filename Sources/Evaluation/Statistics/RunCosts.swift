import Foundation

/// What a run's solved samples cost, and how often attempts were cut off or had no program.
public struct RunCosts: Sendable, Hashable, Codable {
    /// Accepted samples, the ones the medians are over.
    public var solvedSamples: Int
    /// Median completion tokens per solved sample (all its attempts).
    public var medianCompletionTokens: Double?
    /// Median wall-clock seconds per solved sample (all its attempts).
    public var medianSeconds: Double?
    /// Attempts over all samples.
    public var attempts: Int
    /// Share of attempts cut off by the token limit.
    public var truncatedShare: Double?
    /// Share of attempts with no extractable program.
    public var noCodeShare: Double?
    /// Completion tokens per problem: the mean over its samples, solved or not, averaged over problems.
    public var tokensPerProblem: Double?
    /// Wall-clock seconds per problem, the same way.
    public var secondsPerProblem: Double?

    public init(samples: [SampleResult]) {
        let solved = samples.filter(\.accepted)
        solvedSamples = solved.count
        medianCompletionTokens = Self.median(solved.map { Double($0.completionTokens) })
        medianSeconds = Self.median(solved.map(\.seconds))
        attempts = samples.map(\.attempts).reduce(0, +)
        let share = { [attempts] (count: Int) in attempts > 0 ? Double(count) / Double(attempts) : nil }
        truncatedShare = share(samples.map(\.truncatedAttempts).reduce(0, +))
        noCodeShare = share(samples.map(\.noCodeAttempts).reduce(0, +))
        let byProblem = Dictionary(grouping: samples, by: \.problem).values
        func perProblem(_ value: (SampleResult) -> Double) -> Double? {
            guard !byProblem.isEmpty else { return nil }
            let means = byProblem.map { group in group.map(value).reduce(0, +) / Double(group.count) }
            return means.reduce(0, +) / Double(means.count)
        }
        tokensPerProblem = perProblem { Double($0.completionTokens) }
        secondsPerProblem = perProblem(\.seconds)
    }

    /// The middle value of `values` (the mean of the two middle ones for an even count); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
