import Foundation
import ModelFleet
import ProblemFormat
import Testing

@testable import Solving

/// The router: bundled problems route as their authors said, the front matter overrides, and the scoring rules.
@Suite("Router")
struct RouterTests {
    /// The repository's `Problems/` folder, found from this file's location.
    static let problems = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Problems")

    /// Stems of the bundled Markdown problems.
    static let bundled: [String] = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: problems.path)) ?? []
        return entries.filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.map { String($0.dropLast(3)) }
            .sorted()
    }()

    /// A problem with only what the router reads.
    static func problem(
        tags: [String] = [], difficulty: String? = nil, route: String? = nil, _ statement: String = ""
    ) -> Problem {
        Problem(
            slug: "t", title: "t", statement: statement, limits: .markdownDefault, tags: tags, difficulty: difficulty,
            route: route, tests: [], source: URL(fileURLWithPath: "/dev/null"), format: .markdown)
    }

    @Test("there are bundled problems to check")
    func bundledExist() {
        #expect(Self.bundled.count >= 8)
    }

    @Test("a bundled problem without its route routes as its front matter says", arguments: bundled)
    func bundledProblem(slug: String) throws {
        var problem = try ProblemLoader.load(Self.problems.appendingPathComponent("\(slug).md"))
        let expected = try #require(problem.route.flatMap(ModelRole.init(rawValue:)), "\(slug) has no route")
        problem.route = nil
        let decision = Router.route(problem)
        #expect(decision.role == expected, "\(slug): \(decision.reasons.joined(separator: "; "))")
        #expect(!decision.reasons.contains { $0.contains("front matter") })
    }

    @Test("the front matter's route decides even against the tags")
    func frontMatterWins() throws {
        let decision = Router.route(Self.problem(tags: ["dp", "graphs"], difficulty: "hard", route: "code"))
        #expect(decision.role == .code)
        #expect(decision.reasons.first == "front matter route: code (decides)")
        #expect(decision.reasoningScore > decision.codeScore)
        #expect(decision.reasons.last?.hasSuffix("→ code (front matter route decides)") == true)

        var lis = try ProblemLoader.load(Self.problems.appendingPathComponent("lis.md"))
        lis.route = "code"
        #expect(Router.route(lis).role == .code)
    }

    @Test("a route that names no role is ignored")
    func unknownRoute() {
        let decision = Router.route(Self.problem(tags: ["dp"], route: "gpu"))
        #expect(decision.role == .reasoning)
        #expect(decision.reasons.first == "front matter route `gpu` is not a role, ignored")
    }

    @Test("a pure simulation / parsing problem goes to the code model")
    func simulation() {
        let decision = Router.route(
            Self.problem(
                tags: ["implementation", "parsing"],
                """
                A robot reads a program of commands, one per line: `MOVE k`, `LEFT`, `RIGHT`. Simulate the program \
                step by step and print exactly the final position. Parse each line carefully; $1 \\le n \\le 100$.
                """))
        #expect(decision.role == .code)
        #expect(decision.reasoningScore == 0)
        #expect(decision.reasons.contains("small size bound \"n \\le 100\" → code (+2)"))
    }

    @Test("a number-theory problem modulo 998244353 goes to the reasoning model")
    func numberTheory() {
        let decision = Router.route(
            Self.problem(
                tags: ["number theory"],
                """
                Compute $\\sum_{i=1}^{n} \\binom{n}{i} \\gcd(i, n)$ modulo $998244353$, where $1 \\le n \\le 10^{18}$.
                """))
        #expect(decision.role == .reasoning)
        #expect(decision.reasons.contains("tag `number theory` → reasoning (+3)"))
        #expect(decision.reasons.contains { $0.contains("998244353") || $0.contains("modulo") })
        #expect(decision.reasons.contains { $0.hasPrefix("math notation ×3") && $0.hasSuffix("(+2)") })
        #expect(decision.reasons.contains { $0.hasPrefix("large size bound") })
    }

    @Test("a tie goes to the code model", arguments: [[], ["greedy", "sorting"]])
    func tie(tags: [String]) {
        let decision = Router.route(Self.problem(tags: tags))
        #expect(decision.role == .code)
        #expect(decision.reasoningScore == decision.codeScore)
        let n = tags.isEmpty ? 0 : 1
        #expect(decision.reasons.last == "total: reasoning \(n), code \(n) → tie → code (cheaper, faster)")
    }

    @Test(
        "tags are matched case- and separator-insensitively and named in the reasons",
        arguments: ["number-theory", "Number Theory", "NUMBER_THEORY"])
    func tagSpelling(tag: String) {
        let decision = Router.route(Self.problem(tags: [tag]))
        #expect(decision.reasons == ["tag `\(tag)` → reasoning (+3)", "total: reasoning 3, code 0 → reasoning"])
    }

    @Test("spellings of one concept count once; unknown tags count nothing")
    func tagOnce() {
        let decision = Router.route(Self.problem(tags: ["dp", "dynamic programming", "kmp", "strings"]))
        #expect(decision.reasoningScore == 3 && decision.codeScore == 2)
        #expect(decision.reasons.count == 3)
        #expect(!decision.reasons.contains { $0.contains("kmp") })
    }

    @Test(
        "difficulty words and ratings vote",
        arguments: [
            ("easy", ModelRole.code), ("Very Hard", .reasoning), ("800", .code), ("2400", .reasoning), ("1.9", .code),
        ])
    func difficulty(difficulty: String, role: ModelRole) {
        let decision = Router.route(Self.problem(difficulty: difficulty))
        #expect(decision.role == role)
        #expect(decision.reasons.first == "difficulty `\(difficulty)` → \(role.rawValue) (+3)")
    }

    @Test("sample data in fenced blocks and headings are not read as wording")
    func fencesIgnored() {
        let decision = Router.route(
            Self.problem(
                """
                ## Maximum Probability
                Add two numbers.
                ```input
                the maximum probability modulo 998244353
                ```
                """))
        #expect(decision.reasoningScore == 0)
    }

    @Test("every pattern in the tables compiles (a typo would silently drop a signal)")
    func patternsCompile() {
        for pattern in Router.phraseTable.map(\.pattern) + [Router.mathCommands, Router.hugeValues.pattern] {
            #expect(throws: Never.self, "\(pattern)") { _ = try Regex(pattern) }
        }
    }

    @Test("size bounds are read in the usual TeX spellings")
    func sizeBounds() {
        let bounds = Router.sizeBounds(
            in: "$1 \\le n \\le 2 \\cdot 10^5$, $|s| \\leq 10^{6}$, $q ≤ 100 000$, $a_i \\le 10^9$")
        #expect(bounds.map(\.value) == [2e5, 1e6, 1e5])
        #expect(bounds.map(\.text) == ["n \\le 2 \\cdot 10^5", "|s| \\leq 10^{6}", "q ≤ 100 000"])
    }
}
