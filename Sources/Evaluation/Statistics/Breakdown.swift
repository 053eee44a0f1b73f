import Foundation

/// Pass@1 of one group of problems (a difficulty or a tag) under one run.
public struct GroupFigure: Sendable, Hashable, Codable {
    /// The difficulty or tag, or `Breakdown.none` for problems without one.
    public var name: String
    public var problems: Int
    public var samples: Int
    public var passAt1: PassAtK

    public init(name: String, tallies: [ProblemTally]) {
        self.name = name
        problems = tallies.count
        samples = tallies.map(\.samples).reduce(0, +)
        passAt1 = PassAtK(k: 1, tallies: tallies)
    }
}

/// Groups a run's problems by difficulty and by tag.
public enum Breakdown {
    /// The group of problems without a difficulty, or without tags.
    public static let none = "(none)"

    /// One figure per difficulty: easy, medium, hard first, then others by name, then `none`.
    public static func byDifficulty(_ tallies: [ProblemTally]) -> [GroupFigure] {
        let groups = Dictionary(grouping: tallies) { $0.difficulty ?? none }
        return groups.keys.sorted(by: difficultyOrder).compactMap { name in
            groups[name].map { GroupFigure(name: name, tallies: $0) }
        }
    }

    /// One figure per tag, by name, then `none` for untagged problems; a problem counts in each of its tags.
    public static func byTag(_ tallies: [ProblemTally]) -> [GroupFigure] {
        var groups: [String: [ProblemTally]] = [:]
        for tally in tallies {
            for tag in tally.tags.isEmpty ? [none] : Set(tally.tags).sorted() {
                groups[tag, default: []].append(tally)
            }
        }
        return groups.keys.sorted(by: nameOrder).compactMap { name in
            groups[name].map { GroupFigure(name: name, tallies: $0) }
        }
    }

    /// Whether difficulty `a` is listed before `b`.
    public static func difficultyOrder(_ a: String, _ b: String) -> Bool {
        let known = ["easy", "medium", "hard"]
        let rank = { (name: String) in known.firstIndex(of: name.lowercased()) ?? known.count }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        return nameOrder(a, b)
    }

    /// Names in alphabetical order with `none` last.
    public static func nameOrder(_ a: String, _ b: String) -> Bool {
        if (a == none) != (b == none) { return b == none }
        return a < b
    }
}
