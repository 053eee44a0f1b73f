import Foundation
import Judging
import ModelClient
import ProblemFormat

/// Scripts for the contestant strategy: a model whose every request kind (candidate, generator, repair) answers as a
/// test says, and a judge of programs known by a name written into their code (`int fast = 1;`, `fast = 1`).
public enum ContestantScripts {
    /// The seed the scripted model's configuration names: candidate `n` is asked with seed `seed + n - 1` (sample 0).
    public static let seed = 1000

    /// A program named `name` in `language` (`cpp` or `python`): a one-line body that defines the name, so that
    /// programs of different names stay different once comments and layout are stripped.
    public static func program(_ name: String, _ language: String) -> String {
        language == "cpp"
            ? "#include <bits/stdc++.h>\nint \(name) = 1;\nint main() { return 0; }\n"
            : "import sys\n\(name) = 1\nprint(sys.stdin.read())\n"
    }

    /// The generator the scripted model answers with.
    public static let generatorName = "generator_of_inputs"

    /// Whether `request` asks for an input generator.
    public static func isGeneratorRequest(_ request: ChatRequest) -> Bool {
        request.messages.contains { $0.role == .user && $0.content.contains("test input generator") }
    }

    /// The candidate number a request was sent as, from its seed (sample 0); nil for another seed.
    public static func candidateNumber(of request: ChatRequest) -> Int? {
        request.sampling.seed.map { $0 - seed + 1 }
    }

    /// A model that answers candidate request `n` with `candidates[n]` (a program's name and language; no program
    /// when missing), a generator request with the generator, and repair requests with `repairs` in order (no
    /// program when they run out).
    public static func model(
        candidates: [Int: (name: String, language: String)], repairs: [(name: String, language: String)] = [],
        served: String = "scripted/contestant"
    ) -> ScriptedChatModel {
        let counter = Counter()
        return ScriptedChatModel(serving: served) { request, _ in
            if isGeneratorRequest(request) {
                return .answer(TwoSumScripts.answer("python", program(generatorName, "python")))
            }
            if ScriptedChatModel.isFeedback(request) {
                let index = counter.next()
                guard index < repairs.count else { return .answer("I am not sure how to fix it.") }
                let repair = repairs[index]
                return .answer(TwoSumScripts.answer(repair.language, program(repair.name, repair.language)))
            }
            guard let number = candidateNumber(of: request), let candidate = candidates[number] else {
                return .answer("Think about a hash map.")
            }
            return .answer(TwoSumScripts.answer(candidate.language, program(candidate.name, candidate.language)))
        }
    }

    /// What a named program does.
    public struct Behaviour: Sendable {
        /// Its verdict on the samples: accepted, a compile error, or a wrong answer on every sample.
        public var samples: Verdict
        /// What it does on one generated input (default: prints `same:` and the input).
        public var run: @Sendable (String) -> ProgramRun
        /// CPU milliseconds per sample.
        public var sampleMilliseconds: Int
        /// Samples that fail with `samples`' verdict, counted from the last (nil: all of them).
        public var failing: Int?

        public init(
            samples: Verdict = .accepted, failing: Int? = nil, sampleMilliseconds: Int = 1,
            run: @escaping @Sendable (String) -> ProgramRun = { .printed("same:" + $0) }
        ) {
            self.samples = samples
            self.failing = failing
            self.sampleMilliseconds = sampleMilliseconds
            self.run = run
        }

        /// Passes the samples and agrees with `correct` on every input.
        public static let correct = Behaviour()
        /// Passes the samples, then prints something else on every generated input.
        public static let otherwise = Behaviour(run: { .printed("other:" + $0) })
        /// Passes the samples and is too slow on the largest inputs (the generator's, ``largeSize`` first).
        public static let quadratic = Behaviour(run: { input in
            input.hasPrefix("\(largeSize) ")
                ? .failed(.timeLimitExceeded, "used 1000 ms of CPU, limit 1000 ms") : .printed("same:" + input)
        })
        /// Fails every sample.
        public static let wrong = Behaviour(samples: .wrongAnswer)
        /// Does not compile.
        public static let broken = Behaviour(samples: .compileError)
    }

    /// What the scripted generator prints for test `t`, in two-sum's input format (two integers, then the
    /// numbers): `2 t` and `0 t` up to 4, `2 -t` and `0 -t` up to 7, then the large ones, whose first line is
    /// `99999 t` (what ``Behaviour/quadratic`` runs out of time on).
    public static func generated(_ test: Int) -> String {
        test <= 4
            ? "2 \(test)\n0 \(test)\n"
            : test <= 7 ? "2 -\(test)\n0 -\(test)\n" : "\(largeSize) \(test)\n1 \(test - 1)\n"
    }

    /// The test number a ``generated(_:)`` input was printed for (the second number of its first line, unsigned).
    public static func test(of input: String) -> Int? {
        let first = input.split(separator: "\n").first?.split(separator: " ") ?? []
        return first.count == 2 ? Int(first[1]).map(abs) : nil
    }

    /// The size on the first line of the scripted generator's large inputs.
    public static let largeSize = 99999

    /// A judge of the named programs in `behaviours` (any other program is a wrong answer on the samples and prints
    /// nothing), and of the generator, which runs as `generator` says (default: ``generated(_:)``).
    /// - Parameter hidden: the verdict of a program that passes the samples on a problem with hidden tests, by name
    ///   (default: accepted).
    public static func judge(
        _ behaviours: [String: Behaviour], hidden: [String: Verdict] = [:],
        generator: @escaping @Sendable (Int) -> ProgramRun = { .printed(generated($0)) }
    ) -> ScriptedJudge {
        let names = behaviours.keys.sorted { $0.count > $1.count }
        @Sendable func name(of submission: Submission) -> String? {
            names.first { submission.source.contains("\($0) = 1") }
        }
        return ScriptedJudge(
            { submission, problem in
                let language = submission.language.id
                guard let name = name(of: submission), let behaviour = behaviours[name] else {
                    return .failing(
                        problem.samples.first?.name ?? "1", .wrongAnswer, output: "", message: "the output is empty",
                        on: problem, language: language)
                }
                switch behaviour.samples {
                case .compileError:
                    return .compileError("main.cpp:1: error: 'vector' was not declared", language: language)
                case .accepted:
                    if let verdict = hidden[name], !verdict.isAccepted, let test = problem.hiddenTests.first {
                        return .failing(
                            test.name, verdict, output: "", message: "hidden", on: problem, language: language)
                    }
                    var report = JudgeReport.accepted(on: problem, language: language)
                    for index in report.tests.indices {
                        report.tests[index].timeMilliseconds = behaviour.sampleMilliseconds
                    }
                    return report
                default:
                    return samplesFail(behaviour.samples, last: behaviour.failing, on: problem, language: language)
                }
            },
            run: { submission, input in
                let text = String(decoding: input, as: UTF8.self)
                // The scripted generator, or the driver of a function problem's test calls.
                if submission.source.contains("\(generatorName) = 1")
                    || submission.source.hasPrefix("# solve: the arguments of the model's test calls")
                {
                    return generator(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)
                }
                guard let name = name(of: submission), let behaviour = behaviours[name] else { return .printed("") }
                return behaviour.run(text)
            })
    }

    /// A report of the `last` samples (all when nil) failing with `verdict`, printing `0 1`, the others passing.
    static func samplesFail(_ verdict: Verdict, last: Int?, on problem: Problem, language: String) -> JudgeReport {
        let samples = problem.samples
        let firstFailing = samples.count - min(samples.count, last ?? samples.count)
        let tests = samples.enumerated().map { index, test in
            let fails = index >= firstFailing
            return TestReport(
                name: test.name, isSample: true, verdict: fails ? verdict : .accepted, timeMilliseconds: 1,
                wallMilliseconds: 2, memoryKiB: 1024, message: fails ? "token 1: expected \"1\", got \"0\"" : "ok",
                exitCode: 0, signal: nil, output: fails ? "0 1\n" : "1 2\n", stderr: "")
        }
        let failing = tests.first { !$0.verdict.isAccepted }
        return JudgeReport(
            verdict: failing == nil ? .accepted : verdict, message: "test \(failing?.name ?? "1"): wrong",
            language: language, compile: CompileReport(ok: true, log: "", timeMilliseconds: 1), tests: tests,
            timeMilliseconds: 1, memoryKiB: 1024, sandbox: ["scripted"])
    }
}

/// A thread-safe counter for scripts. `@unchecked Sendable`: `lock` guards `value`.
public final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    public init() {}

    /// The current value, then one more.
    public func next() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
