import Foundation
import Judging
import ModelClient
import ModelFleet
import ProblemFormat
import TestSupport
import Testing

@testable import Solving

/// The contestant strategy with a scripted model and the real sandbox: a real generator, a real O(n²) program, real
/// hostile generators.
@Suite(.serialized, .tags(.integration)) struct ContestantIntegrationTests {
    let problem: Problem
    let judge: Judge

    init() throws {
        problem = try ProblemLoader.load(Fixtures.problems.appendingPathComponent("two-sum.md"))
        judge = try Judge()
    }

    /// Two-sum inputs with exactly one pair: every value is 1 mod 4 but one that is 0 and one that is 3, and the
    /// target is their sum (3 mod 4, which no other pair makes). Tests 8 to 10 have the largest n, 100000.
    static let generator = """
        import random
        t = int(input())
        random.seed(t)
        n = random.randint(2, 8) if t <= 4 else 2 if t <= 7 else 100000
        values = [4 * random.randint(-10**8, 10**8) + 1 for _ in range(n)]
        x, y = random.sample(range(n), 2)
        values[x] = 4 * random.randint(-10**8, 10**8)
        values[y] = 4 * random.randint(-10**8, 10**8) + 3
        print(n, values[x] + values[y])
        print(*values)

        """

    /// Right, and O(n²): too slow for n = 100000 within 1 s.
    static let quadratic = """
        import sys
        data = sys.stdin.buffer.read().split()
        n, t = int(data[0]), int(data[1])
        a = list(map(int, data[2:2 + n]))
        for j in range(n):
            for i in range(j):
                if a[i] + a[j] == t:
                    print(i + 1, j + 1)
                    sys.exit(0)

        """

    /// A model whose candidates are the quadratic program, two-sum's C++ and its Python solutions, and whose generator
    /// is `generator`.
    func solve(generator: String) async throws -> SolveOutcome {
        let programs = [
            1: TwoSumScripts.answer("python", Self.quadratic), 2: TwoSumScripts.answer("cpp", TwoSumScripts.rightCpp),
            3: TwoSumScripts.answer("python", TwoSumScripts.rightPython),
        ]
        let chat = ScriptedChatModel(serving: "scripted/contestant") { request, _ in
            if ContestantScripts.isGeneratorRequest(request) {
                return .answer(TwoSumScripts.answer("python", generator))
            }
            return .answer(ContestantScripts.candidateNumber(of: request).flatMap { programs[$0] } ?? "no idea")
        }
        var model = ModelConfig.codeDefaults(alias: "m", served: chat.served, endpoints: ["http://scripted/v1"])
        model.sampling.seed = ContestantScripts.seed
        var config = SolveConfig.builtIn
        config.models = [model]
        let prompts = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        let solver = Solver(config: config, prompts: prompts, judge: judge) { _, _ in chat }
        return try await solver.solve(problem, options: SolveOptions(maxAttempts: 4, checkEveryCandidate: true))
    }

    @Test func theQuadraticProgramTimesOutOnAMaximumSizeInputAndTheRightOnesAgree() async throws {
        let outcome = try await solve(generator: Self.generator)
        let selection = try #require(outcome.selection)
        #expect(outcome.attempts.map(\.verdict) == ["OK", "OK", "OK", "generator"])
        #expect(selection.generatedInputs == 10 && selection.suspectInputs == 0)
        #expect(selection.candidates[0].ruledOut?.hasPrefix("TLE on generated input 8") == true)
        #expect(selection.groups == [[2, 3]])
        #expect(selection.submitted == 2 && outcome.verdict == "AC")
        #expect(selection.oracle?.accepted == [2, 3], "the hidden tests agree: the quadratic one fails")
    }

    @Test(arguments: [
        ("floods", "import sys\nwhile True:\n    sys.stdout.write('9' * 65536)\n", "OLE"),
        ("never ends", "while True:\n    pass\n", "TLE"),
        ("crashes", "raise SystemExit(3)\n", "RE"),
    ])
    func aHostileGeneratorIsDroppedAndTheSolveGoesOn(what: String, source: String, verdict: String) async throws {
        let outcome = try await solve(generator: source)
        let generator = try #require(outcome.attempts.last)
        #expect(generator.message.hasPrefix("dropped: test 1 ended with \(verdict)"), "\(what): \(generator.message)")
        #expect(outcome.selection?.generatedInputs == 0)
        #expect(outcome.verdict == "AC", "\(what): a right program is still submitted")
    }

    @Test func aFunctionProblemsTestCallsBecomeJSONArgumentsInTheSandbox() async throws {
        let pairSum = try ProblemLoader.load(Fixtures.fixture("markdown/pair-sum.md"))
        let function = try #require(pairSum.interface.function)
        let calls = """
            Solution().pairSum([2, 7, 11, 15], 9)
            >>> pairSum(nums=[3, 3], target=6)
            assert Solution().pairSum([1, 2], 3) == [0, 1]
            pairSum([2, 7, 11, 15], 9)
            pairSum({1, 2}, 3)
            pairSum([float("nan")], 1)
            pairSum(1 // 0, 2)
            pairSum(list(range(5)), target=7)
            pairSum([random.randint(1, 9) for _ in range(3)], 10)
            print(len(x))  # not a call of the function
            """
        let driver = ExtractedProgram(
            code: TestCalls.driver(calls: calls, function: function), language: "python", origin: .answer,
            unterminated: false)
        let model = ModelConfig.codeDefaults(alias: "m", served: "m", endpoints: ["http://scripted/v1"])
        let context = StrategyContext(
            problem: pairSum, model: model, languages: [.python], budget: 1,
            prompts: try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path), judge: judge,
            endpoints: EndpointPool(timeouts: SolveConfig.builtIn.timeouts, retry: RetryPolicy()) { _, _ in
                ScriptedChatModel(serving: "none") { _, _ in .answer("") }
            })
        let (inputs, message) = try await InputGeneration(tests: 6).generate(with: driver, number: 2, in: context)
        let texts = inputs.map { String(decoding: $0.data, as: UTF8.self) }
        // The duplicate, the set, NaN and the division by zero are left out; keywords follow the starter's order.
        #expect(texts.prefix(4) == ["[2, 7, 11, 15]\n9\n", "[3, 3]\n6\n", "[1, 2]\n3\n", "[0, 1, 2, 3, 4]\n7\n"])
        #expect(texts.count == 5 && texts[4].hasSuffix("]\n10\n"), "the random call, seeded: \(texts)")
        #expect(message == "5 inputs (largest 18 bytes); test 6 left out (test 6 printed nothing)")
        let again = try await InputGeneration(tests: 6).generate(with: driver, number: 2, in: context)
        #expect(again.0 == inputs, "the same inputs every time")
    }
}
