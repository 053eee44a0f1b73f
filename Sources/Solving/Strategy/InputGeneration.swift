import Foundation
import Judging
import ProblemFormat

/// Step 3: one request asks the model for an input generator: a Python program that reads a test number and prints
/// one input (small random ones, edge cases, the largest the constraints allow).
///
/// The generator is untrusted code and runs in the sandbox like any program, under the problem's memory limit, at
/// least 2 s of CPU per input and 16 MiB of output. A generator that does not compile, fails, floods its output, never
/// ends or prints nothing on any test number is dropped with all its inputs; the solve goes on without them. It is
/// asked for only when there is something to choose between: two different survivors, or one and budget left for a
/// repair.
public struct InputGeneration: StrategyStep {
    public let name = "generator"
    /// Test numbers the generator is run with.
    public var tests: Int

    public init(tests: Int = 10) {
        self.tests = tests
    }

    /// The most a generator may print for one input.
    public static let outputLimitBytes = 16 << 20

    public func run(on state: inout StrategyState, in context: StrategyContext) async throws -> String? {
        let distinct = Set(state.survivors.map(\.normalized)).count
        let remaining = context.remaining(state)
        guard state.generators.isEmpty, remaining >= 1, distinct >= 2 || (distinct == 1 && remaining >= 2) else {
            return nil
        }
        let number = state.attempts.count + 1
        let answer = try await context.ask(
            context.prompts.generatorRequest(context.problem, tests: tests, model: context.model),
            sampling: context.sampling(number: number), number: number, strategy: .generator)
        let program = answer.program(preferring: .python)
        var inputs: [GeneratedInput] = []
        let message: String
        if case .failure = answer.reply {
            message = ""
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
        state.inputs = inputs
        return record.outcome.isServerFailure ? "#\(number): no answer" : "#\(number) \(message)"
    }

    /// Runs the generator `program` of attempt `number` on every test number: the inputs it wrote (duplicates
    /// dropped), or none and why it was dropped.
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
            outputLimitBytes: Self.outputLimitBytes, stopAtFirstFailure: true, standalone: true)
        let report = try await context.judge.execute(
            Submission(source: program.code, language: language, name: "generator-\(number)"),
            on: (1...tests).map { Data("\($0)\n".utf8) }, of: problem, options: options)
        guard report.compile.ok else {
            let first = report.compile.log.split(separator: "\n").first.map(String.init) ?? ""
            return ([], "dropped: it does not compile (\(first))")
        }
        var inputs: [GeneratedInput] = []
        for (index, run) in report.runs.enumerated() {
            let test = index + 1
            if let failure = run.failure {
                return ([], "dropped: test \(test) ended with \(failure.code) (\(run.message))")
            }
            guard run.output.contains(where: { !Self.isSpace($0) }) else {
                return ([], "dropped: test \(test) printed nothing")
            }
            if problem.interface.function != nil {
                do {
                    _ = try PythonFunction.arguments(String(decoding: run.output, as: UTF8.self))
                } catch {
                    return ([], "dropped: test \(test) is not JSON arguments (\(error))")
                }
            }
            if !inputs.contains(where: { $0.data == run.output }) {
                inputs.append(GeneratedInput(data: run.output, generator: number, test: test))
            }
        }
        guard report.runs.count == tests else { return ([], "dropped: it stopped after \(report.runs.count) tests") }
        let largest = inputs.map(\.data.count).max() ?? 0
        return (inputs, "\(inputs.count) inputs (largest \(GeneratedInput.size(largest)))")
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
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
