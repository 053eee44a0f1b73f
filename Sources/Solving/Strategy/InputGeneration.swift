import Foundation
import Judging
import ProblemFormat

/// Step 3: one request asks the model for an input generator: a Python program that reads a test number and prints
/// one input (small random ones, edge cases, the largest the constraints allow); for a function problem, calls of the
/// function, whose arguments become the inputs (``TestCalls``).
///
/// The generator is untrusted code and runs in the sandbox like any program, under the problem's memory limit, at
/// least 2 s of CPU per input and 16 MiB of output. It is asked for only when there is something to choose between:
/// two different survivors, or one and budget left for a repair. A generator that does not compile, or fails or
/// prints nothing on its first test, is dropped; otherwise each test that fails, floods, never ends or prints nothing
/// (or, for a function problem, is not JSON arguments; otherwise, has a token or a first line no sample input has,
/// ``InputShape``) is left out and the others are kept. When a generator gave no inputs and survivors still differ,
/// one more is asked for (at most `maxRequests` in all, within the budget).
public struct InputGeneration: StrategyStep {
    public let name = "generator"
    /// Test numbers the generator is run with.
    public var tests: Int
    /// Generator requests at most (the later ones only while there are no inputs and survivors differ).
    public var maxRequests: Int

    public init(tests: Int = 10, maxRequests: Int = 2) {
        self.tests = tests
        self.maxRequests = maxRequests
    }

    /// The most a generator may print for one input.
    public static let outputLimitBytes = 16 << 20

    public func run(on state: inout StrategyState, in context: StrategyContext) async throws -> String? {
        var lines: [String] = []
        while state.serverFailure == nil, isWanted(in: state, context: context) {
            lines.append(try await ask(on: &state, in: context))
        }
        return lines.isEmpty ? nil : lines.joined(separator: "; ")
    }

    /// Whether to ask for a generator now: the first when there is something to choose, another when none gave
    /// inputs and survivors still differ, within the budget.
    private func isWanted(in state: StrategyState, context: StrategyContext) -> Bool {
        let distinct = Set(state.survivors.map(\.normalized)).count
        let remaining = context.remaining(state)
        let asked = state.generators.count
        guard remaining >= 1, asked < maxRequests else { return false }
        return asked == 0 ? distinct >= 2 || (distinct == 1 && remaining >= 2) : state.inputs.isEmpty && distinct >= 2
    }

    /// One generator request, its inputs kept in `state`: the line that reports it.
    private func ask(on state: inout StrategyState, in context: StrategyContext) async throws -> String {
        let number = state.attempts.count + 1
        let answer = try await context.ask(
            context.prompts.generatorRequest(context.problem, tests: tests, model: context.model),
            sampling: context.sampling(number: number, temperatureStep: state.generators.count), number: number,
            strategy: .generator)
        let program = answer.program(preferring: .python)
        var inputs: [GeneratedInput] = []
        let message: String
        if case .failure = answer.reply {
            message = ""
        } else if let function = context.problem.interface.function {
            let text = program?.code ?? (try? answer.reply.get())?.choice.answer ?? ""
            let driver = ExtractedProgram(
                code: TestCalls.driver(calls: text, function: function), language: Language.python.id,
                origin: .answer, unterminated: false)
            (inputs, message) = try await generate(with: driver, number: number, in: context)
        } else if let program {
            (inputs, message) = try await generate(with: program, number: number, in: context)
        } else {
            message = "dropped: no program in the answer"
        }
        let record = answer.record(
            model: context.model, program: program, outcome: .inputGenerator(inputs: inputs.count), message: message)
        try context.transcript?.save(record)
        context.onEvent(.attemptFinished(record))
        state.attempts.append(record)
        if !inputs.isEmpty { state.inputs = inputs }
        return record.outcome.isServerFailure ? "#\(number): no answer" : "#\(number) \(message)"
    }

    /// Runs the generator `program` of attempt `number` on every test number: the inputs it wrote (duplicates
    /// dropped) and what was left out, or none and why it was dropped. Test 1 runs first, alone: a generator that
    /// fails there is not run again (one that never ends would cost every test's time limit).
    func generate(with program: ExtractedProgram, number: Int, in context: StrategyContext) async throws
        -> ([GeneratedInput], String)
    {
        guard let language = try? Language.named(program.language) else {
            return ([], "dropped: it is in \(program.language), which this machine cannot run")
        }
        let problem = context.problem
        let options = ExecutionOptions(
            limits: Limits(
                timeMilliseconds: max(2000, problem.limits.timeMilliseconds), memoryBytes: problem.limits.memoryBytes),
            outputLimitBytes: Self.outputLimitBytes, stopAtFirstFailure: false, standalone: true)
        let submission = Submission(source: program.code, language: language, name: "generator-\(number)")
        let shape =
            problem.interface.function == nil
            ? InputShape(samples: problem.samples.compactMap { try? $0.input.read() }) : nil
        let first = try await context.judge.execute(
            submission, on: [Data("1\n".utf8)], of: problem, options: options)
        guard first.compile.ok else {
            let line = first.compile.log.split(separator: "\n").first.map(String.init) ?? ""
            return ([], "dropped: it does not compile (\(line))")
        }
        var runs = first.runs
        if tests > 1, first.runs.count == 1, Self.problem(with: first.runs[0], of: problem, shape: shape) == nil {
            let rest = try await context.judge.execute(
                submission, on: (2...tests).map { Data("\($0)\n".utf8) }, of: problem, options: options)
            runs += rest.compile.ok ? rest.runs : []
        }
        var inputs: [GeneratedInput] = []
        var leftOut: [(test: Int, why: String)] = []
        for test in 1...tests {
            guard test <= runs.count else {
                leftOut.append((test, "did not run"))
                continue
            }
            if let why = Self.problem(with: runs[test - 1], of: problem, shape: shape) {
                leftOut.append((test, why))
            } else if !inputs.contains(where: { $0.data == runs[test - 1].output }) {
                inputs.append(GeneratedInput(data: runs[test - 1].output, generator: number, test: test))
            }
        }
        let largest = inputs.map(\.data.count).max() ?? 0
        var message =
            inputs.count == 1
            ? "1 input (\(GeneratedInput.size(largest)))"
            : "\(inputs.count) inputs (largest \(GeneratedInput.size(largest)))"
        if let first = leftOut.first {
            guard !inputs.isEmpty else { return ([], "dropped: test \(first.test) \(first.why)") }
            message +=
                "; \(leftOut.count == 1 ? "test \(first.test)" : "\(leftOut.count) tests") left out "
                + "(test \(first.test) \(first.why))"
        }
        return (inputs, message)
    }

    /// Why a generator's run gives no input, or nil when its output is one.
    private static func problem(with run: ProgramRun, of problem: Problem, shape: InputShape?) -> String? {
        if let failure = run.failure { return "ended with \(failure.code) (\(run.message))" }
        guard run.output.contains(where: { !OutputComparison.isSpace($0) }) else { return "printed nothing" }
        if problem.interface.function != nil {
            do {
                _ = try PythonFunction.arguments(String(decoding: run.output, as: UTF8.self))
            } catch {
                return "is not JSON arguments (\(error))"
            }
        }
        return shape?.mismatch(run.output)
    }
}

/// How a generator's test numbers are split: small random inputs, edge cases, the largest inputs.
struct GeneratorTests {
    var small: ClosedRange<Int>
    var edge: ClosedRange<Int>
    var large: ClosedRange<Int>

    /// 10 tests: 1–4 small, 5–7 edge cases, 8–10 large.
    init(count: Int) {
        let count = max(3, count)
        let smallLast = max(1, count * 2 / 5)
        let largeFirst = min(count, max(smallLast + 2, count - count * 3 / 10 + 1))
        small = 1...smallLast
        edge = (smallLast + 1)...(largeFirst - 1)
        large = largeFirst...count
    }
}
