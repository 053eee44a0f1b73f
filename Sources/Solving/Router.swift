import Foundation
import ModelFleet
import ProblemFormat

/// The router's choice and why (printed by `solve --explain`).
public struct RouteDecision: Sendable, Hashable, Codable {
    public var role: ModelRole
    /// One line per contributing signal with its weight, then the totals and the decision.
    public var reasons: [String]
    public var reasoningScore: Int
    public var codeScore: Int

    public init(role: ModelRole, reasons: [String], reasoningScore: Int, codeScore: Int) {
        self.role = role
        self.reasons = reasons
        self.reasoningScore = reasoningScore
        self.codeScore = codeScore
    }

    enum CodingKeys: String, CodingKey {
        case role, reasons
        case reasoningScore = "reasoning_score", codeScore = "code_score"
    }
}

/// Picks the model for a problem: the front matter's `route` if given, else a score from tags, difficulty and
/// statement wording. Deterministic; ties go to the code model (cheaper and faster).
public enum Router {
    /// One weighted signal: what it votes for and how strongly.
    typealias Vote = (role: ModelRole, weight: Int)

    // MARK: - Weights (the one place to tune the router)

    /// Tags, normalized (lowercase, words joined by `-`). Each row is one concept and counts once, however many of
    /// its spellings a problem lists.
    static let tagTable: [(tags: [String], vote: Vote)] = [
        // reasoning: needs a derivation or a known non-obvious algorithm
        (["dp", "dynamic-programming"], (.reasoning, 3)),
        (["graphs", "graph", "graph-theory", "dfs", "bfs", "dfs-and-similar"], (.reasoning, 3)),
        (["shortest-paths", "shortest-path", "dijkstra", "bellman-ford", "floyd-warshall"], (.reasoning, 3)),
        (["number-theory", "primes", "modular-arithmetic"], (.reasoning, 3)),
        (["combinatorics", "counting"], (.reasoning, 3)),
        (["probability", "expected-value", "probabilities"], (.reasoning, 3)),
        (["proofs", "proof"], (.reasoning, 3)),
        (["flows", "flow", "max-flow", "network-flow", "matching"], (.reasoning, 3)),
        (["game-theory", "games"], (.reasoning, 3)),
        (["geometry", "computational-geometry"], (.reasoning, 2)),
        (["trees", "tree"], (.reasoning, 2)),
        (["binary-search"], (.reasoning, 2)),
        (["topological-sort", "toposort"], (.reasoning, 2)),
        (["dsu", "union-find", "disjoint-set"], (.reasoning, 2)),
        (["bitmasks", "bitmask", "bit-manipulation"], (.reasoning, 2)),
        (["divide-and-conquer"], (.reasoning, 2)),
        (["sieve"], (.reasoning, 2)),
        (["math", "maths", "mathematics"], (.reasoning, 1)),  // catch-all tag: weak on its own
        (["greedy"], (.reasoning, 1)),
        // code: the work is in writing it down carefully
        (["implementation"], (.code, 3)),
        (["simulation"], (.code, 3)),
        (["parsing"], (.code, 3)),
        (["strings", "string"], (.code, 2)),
        (["brute-force", "bruteforce"], (.code, 2)),
        (["sorting", "sort", "sortings"], (.code, 1)),
        (["hashing", "hash", "hash-map"], (.code, 1)),
        (["arrays", "array"], (.code, 1)),
        (["data-structures", "data-structure"], (.code, 1)),
        (["prefix-sums", "prefix-sum"], (.code, 1)),
        (["two-pointers"], (.code, 1)),
    ]

    /// Author-given difficulty: easy problems rarely need a long chain of thought, hard ones usually do.
    static let difficultyTable: [(names: [String], vote: Vote)] = [
        (["easy", "very-easy", "trivial", "beginner"], (.code, 3)),
        (["hard", "very-hard", "expert", "insane"], (.reasoning, 3)),
    ]

    /// Phrases in the statement (case-insensitive regexes, matched outside headings and code blocks).
    static let phraseTable: [(pattern: String, vote: Vote)] = [
        (#"\bprove\b|\bproof\b|\bshow that\b"#, (.reasoning, 2)),
        (#"\bmodulo\b|\bmod\s+\d|998\s*244\s*353|10\^\{?9\}?\s*\+\s*7|1\s*000\s*000\s*007"#, (.reasoning, 2)),
        (#"expected (?:value|number)|\bexpectation\b|\bprobabilit(?:y|ies)\b"#, (.reasoning, 2)),
        (#"number of ways|how many ways"#, (.reasoning, 2)),
        (objective, (.reasoning, 2)),
        (#"too slow|\befficient|\bquadratic\b|\bO\("#, (.reasoning, 1)),
        (#"\bsimulat\w*|step[ -]by[ -]step"#, (.code, 3)),
        (#"\bpars(?:e|es|ing)\b|\bformat(?:ted)?\b|print exactly|exactly as shown|each line"#, (.code, 2)),
        (#"\bcommands?\b|\binstructions?\b"#, (.code, 1)),
        (#"\bstrings?\b|\bcharacters?\b|\blowercase\b|\buppercase\b"#, (.code, 1)),
        (#"\bcompute\b|\bcalculate\b"#, (.code, 1)),
    ]

    /// An optimization objective ("the largest number of …"), but not "the largest tests".
    static let objective =
        #"\b(?:minimum|maximum|minimi[sz]e|maximi[sz]e|minimal|maximal|largest|smallest|"#
        + #"longest|shortest|fewest|cheapest|optimal)\b(?!\s+(?:tests?|inputs?)\b)"#
    /// TeX commands that mark real math (not `\le`, `\cdot`, `\ldots`, which every statement has).
    static let mathCommands =
        #"\\(?:sum|prod|binom|choose|lfloor|rfloor|lceil|rceil|gcd|lcm|equiv|pmod|bmod|frac|"#
        + #"oplus|mid|varphi|phi|infty|int)(?![A-Za-z])"#
    /// Math notation: 1–2 such commands, or 3 and more.
    static let someMath: Vote = (.reasoning, 1)
    static let denseMath: Vote = (.reasoning, 2)
    /// A size (`n`, `m`, `q`, `k`, `|s|`) bounded by at least 2·10^5 needs an efficient algorithm.
    static let largeSize: (bound: Double, vote: Vote) = (2e5, (.reasoning, 1))
    /// Sizes all at most 1000: brute force fits, the work is the implementation.
    static let smallSize: (bound: Double, vote: Vote) = (1000, (.code, 2))
    /// Values up to 10^18 (or 2^63) and beyond: number theory or careful arithmetic.
    static let hugeValues: (pattern: String, vote: Vote) = (
        #"10\s*\^\s*\{?\s*(?:1[89]|[2-9]\d)(?!\d)\}?|2\s*\^\s*\{?\s*6[34](?!\d)\}?"#, (.reasoning, 1)
    )

    // MARK: - Routing

    /// Routes `problem`: the front matter's `route` decides when it names a role; otherwise the larger score wins,
    /// and a tie goes to ``ModelRole/code``.
    public static func route(_ problem: Problem) -> RouteDecision {
        var reasons: [String] = []
        var score: [ModelRole: Int] = [.reasoning: 0, .code: 0]
        func add(_ vote: Vote, _ what: String) {
            score[vote.role, default: 0] += vote.weight
            reasons.append("\(what) → \(vote.role.rawValue) (+\(vote.weight))")
        }

        let chosen = problem.route.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let forced = chosen.flatMap(ModelRole.init(rawValue:))
        if let forced {
            reasons.append("front matter route: \(forced.rawValue) (decides)")
        } else if let raw = problem.route {
            reasons.append("front matter route `\(raw)` is not a role, ignored")
        }

        // Tags: each concept once, named by the first of its spellings the problem lists.
        var counted = Set<Int>()
        for tag in problem.tags {
            guard let row = tagTable.firstIndex(where: { $0.tags.contains(normalized(tag)) }),
                counted.insert(row).inserted
            else { continue }
            add(tagTable[row].vote, "tag `\(tag)`")
        }
        if let difficulty = problem.difficulty, let vote = difficultyVote(difficulty) {
            add(vote, "difficulty `\(difficulty)`")
        }

        let text = prose(of: problem.statement)
        for (pattern, vote) in phraseTable {
            if let match = firstMatch(pattern, in: text) { add(vote, "statement mentions \"\(match)\"") }
        }
        let math = matches(mathCommands, in: text)
        if !math.isEmpty {
            var seen = Set<String>()
            let names = math.filter { seen.insert($0).inserted }.prefix(4)
            add(
                math.count >= 3 ? denseMath : someMath,
                "math notation ×\(math.count) (\(names.joined(separator: ", ")))")
        }
        if let size = sizeBounds(in: text).max(by: { $0.value < $1.value }) {
            if size.value >= largeSize.bound { add(largeSize.vote, "large size bound \"\(size.text)\"") }
            if size.value <= smallSize.bound { add(smallSize.vote, "small size bound \"\(size.text)\"") }
        }
        if let huge = firstMatch(hugeValues.pattern, in: text) {
            add(hugeValues.vote, "statement mentions \"\(huge)\"")
        }

        let reasoning = score[.reasoning, default: 0], code = score[.code, default: 0]
        let totals = "total: reasoning \(reasoning), code \(code)"
        let role: ModelRole
        if let forced {
            role = forced
            reasons.append("\(totals) → \(role.rawValue) (front matter route decides)")
        } else if reasoning == code {
            role = .code
            reasons.append("\(totals) → tie → code (cheaper, faster)")
        } else {
            role = reasoning > code ? .reasoning : .code
            reasons.append("\(totals) → \(role.rawValue)")
        }
        return RouteDecision(role: role, reasons: reasons, reasoningScore: reasoning, codeScore: code)
    }

    // MARK: - Helpers

    /// `Number Theory`, `number_theory` and `number-theory` all become `number-theory`.
    static func normalized(_ tag: String) -> String {
        tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: "-")
    }

    /// A vote for a difficulty word or rating: Codeforces (≤ 1200 easy, ≥ 2000 hard) or Kattis (≤ 2.5, ≥ 5).
    static func difficultyVote(_ difficulty: String) -> Vote? {
        let name = normalized(difficulty)
        if let row = difficultyTable.first(where: { $0.names.contains(name) }) { return row.vote }
        guard let rating = Double(name) else { return nil }
        let (easy, hard) = rating > 100 ? (1200.0, 2000.0) : (2.5, 5.0)
        if rating <= easy { return difficultyTable[0].vote }
        if rating >= hard { return difficultyTable[1].vote }
        return nil
    }

    /// The statement without headings and fenced blocks (sample data must not count as wording).
    static func prose(of statement: String) -> String {
        var inFence = false
        var kept: [Substring] = []
        for line in statement.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
            } else if !inFence && !trimmed.hasPrefix("#") {
                kept.append(line)
            }
        }
        return kept.joined(separator: "\n")
    }

    /// Bounds on sizes like `n \le 2 \cdot 10^5`, `|s| \leq 1000` or `q ≤ 100 000`, with their value.
    static func sizeBounds(in text: String) -> [(text: String, value: Double)] {
        let size = #"(?:^|[^A-Za-z\\_])((?:[nmqkNMQK]|\|[A-Za-z]\|)\s*(?:\\leq?|≤|<=)\s*"#
        let power = #"(?:(\d+(?:\.\d+)?)\s*(?:\\cdot|\\times|·|×|\*)\s*)?(?:10\s*\^\s*\{?\s*(\d+)\s*\}?"#
        let plain = #"|(\d+(?:(?:\\,|,| )\d{3})*)))"#
        let pattern = size + power + plain
        guard let regex = try? Regex(pattern) else { return [] }
        return text.matches(of: regex).compactMap { match in
            let group = { (i: Int) in match.output[i].substring.map(String.init) }
            guard let whole = group(1) else { return nil }
            let value: Double?
            if let exponent = group(3).flatMap(Double.init) {
                value = (group(2).flatMap(Double.init) ?? 1) * pow(10, exponent)
            } else {
                value = group(4).flatMap { Double($0.filter(\.isNumber)) }
            }
            return value.map { (whole, $0) }
        }
    }

    /// The first case-insensitive match of `pattern`, if any.
    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? Regex(pattern).ignoresCase() else { return nil }
        return text.firstMatch(of: regex).map { String(text[$0.range]) }
    }

    /// Every match of `pattern` (case-sensitive), in order.
    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? Regex(pattern) else { return [] }
        return text.matches(of: regex).map { String(text[$0.range]) }
    }
}
