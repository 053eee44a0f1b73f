import Foundation
import Judging
import ProblemFormat

/// What the model is told about a failed attempt. A failing sample is shown in full (input, expected, got; for a
/// function problem the call, the expected and the returned value); a generated input a program crashed or timed out
/// on, by its start and how the run ended; a failing hidden test (oracle only) by its verdict and number — hidden
/// data never reaches the model.
public struct Feedback: Sendable {
    /// Values for `feedback.mustache`.
    let values: [String: TemplateValue]

    /// Sendable stand-ins for Mustache context values.
    enum TemplateValue: Sendable {
        case text(String)
        case flag(Bool)
        case section([String: TemplateValue])

        var any: Any {
            switch self {
            case .text(let text): return text
            case .flag(let flag): return flag
            case .section(let values): return values.mapValues(\.any)
            }
        }
    }

    var templateValues: [String: Any] { values.mapValues(\.any) }

    /// Characters of input, expected and actual output shown per sample.
    static let excerptLength = 400

    /// Feedback for a judged program that was not accepted.
    public static func judged(_ report: JudgeReport, problem: Problem) -> Feedback {
        var values: [String: TemplateValue] = [
            "verdict": .text(report.verdict.meaning.capitalized), "verdict_code": .text(report.verdict.code),
        ]
        if report.verdict == .compileError {
            values["compile_error"] = .section(["log": .text(clip(report.compile.log, 2000))])
            return Feedback(values: values)
        }
        guard let failing = report.tests.first(where: { !$0.verdict.isAccepted }) else {
            return Feedback(values: values)
        }
        if failing.isSample, let test = problem.tests.first(where: { $0.name == failing.name }) {
            var section: [String: TemplateValue] = [
                "test": .text(failing.name),
                "input": .text(clip(PromptLibrary.text(test.input), excerptLength, lineEnd: true)),
                "expected": .text(clip(PromptLibrary.text(test.answer), excerptLength, lineEnd: true)),
                "got": .text(
                    failing.output.isEmpty ? "(nothing)\n" : clip(failing.output, excerptLength, lineEnd: true)),
                "message": .text(failing.message),
            ]
            if let function = problem.interface.function, test.kind == .output {
                let arguments = PromptLibrary.text(test.input)
                section["call"] = .text(clip((try? function.call(arguments: arguments)) ?? arguments, excerptLength))
                let expected = pythonLiteral(PromptLibrary.text(test.answer))
                section["expected"] = .text(clip(expected, excerptLength, lineEnd: true))
                if !failing.output.isEmpty {
                    section["got"] = .text(clip(pythonLiteral(failing.output), excerptLength, lineEnd: true))
                }
            }
            let stderr = failing.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            if !stderr.isEmpty { section["stderr"] = .text(String(stderr.suffix(excerptLength))) }
            values["sample_failure"] = .section(section)
            values["hint"] = .text(hint(for: failing.verdict, problem: problem, hidden: false))
        } else {
            let hidden = report.tests.filter { !$0.isSample }
            let number = (hidden.firstIndex { !$0.verdict.isAccepted } ?? 0) + 1
            values["hidden_failure"] = .section(["test_number": .text("\(number)"), "passed": .text("\(number - 1)")])
            values["hint"] = .text(hint(for: failing.verdict, problem: problem, hidden: true))
        }
        return Feedback(values: values)
    }

    /// Feedback for a program that passed the samples and then crashed or ran out of time or memory on an input the
    /// model's own generator wrote (contestant): the input (its start, when long), how the run ended, and a hint.
    public static func generatedInput(_ input: Data, run: ProgramRun, problem: Problem) -> Feedback {
        let verdict = run.failure ?? .runtimeError
        let text = String(decoding: input, as: UTF8.self)
        var section: [String: TemplateValue] = [
            "input": .text(clip(text, excerptLength, lineEnd: true)), "message": .text(run.message),
            "size": .text(input.count >= 1024 ? "\(input.count >> 10) KiB" : "\(input.count) bytes"),
        ]
        if let function = problem.interface.function {
            section["call"] = .text(clip((try? function.call(arguments: text)) ?? text, excerptLength))
        }
        return Feedback(values: [
            "verdict": .text(verdict.meaning.capitalized), "verdict_code": .text(verdict.code),
            "generated_failure": .section(section),
            "hint": .text(hint(for: verdict, problem: problem, hidden: false)),
        ])
    }

    /// A function's JSON result or answer as a Python literal (as the model's code sees it); the text itself when
    /// it is not JSON.
    private static func pythonLiteral(_ json: String) -> String {
        (try? JSONValue.parse(json)).map(\.pythonLiteral) ?? json
    }

    /// Feedback for an answer in which no program was found.
    public static func noCode(truncated: Bool) -> Feedback {
        Feedback(values: [
            "verdict": .text("No Program Found"), "verdict_code": .text(AttemptOutcome.noProgramCode),
            "no_code": .section(["truncated": .flag(truncated)]),
            "hint": .text(truncated ? "Keep the reasoning shorter and write the program sooner." : ""),
        ])
    }

    private static func hint(for verdict: Verdict, problem: Problem, hidden: Bool) -> String {
        let limit = problem.limits.timeMilliseconds
        switch verdict {
        case .timeLimitExceeded:
            return
                "The program is too slow: it went over the time limit of \(limit) ms. Use an asymptotically faster algorithm and fast input/output."
        case .memoryLimitExceeded:
            return "The program uses too much memory (limit \(problem.limits.memoryBytes >> 20) MiB)."
        case .runtimeError:
            return
                "The program crashed. Check array bounds, recursion depth, division by zero and how the input is read."
        case .outputLimitExceeded:
            return "The program printed far too much output."
        case .securityViolation:
            return
                "The program did something a judge forbids. Only read standard input and write standard output: no files, network, threads or child processes."
        case .wrongAnswer where hidden:
            return
                "The output is wrong on a hidden test. Think about edge cases: smallest and largest sizes, equal or negative values, overflow."
        case .wrongAnswer where problem.interface.function != nil:
            return "The function's result differs from the expected one."
        case .wrongAnswer:
            return "The output differs from the expected output."
        default:
            return ""
        }
    }

    /// `text` cut to `length` characters with a note of what was left out; `lineEnd`: end with a newline.
    static func clip(_ text: String, _ length: Int, lineEnd: Bool = false) -> String {
        var result =
            text.count <= length ? text : String(text.prefix(length)) + "… (\(text.count - length) more characters)"
        if lineEnd, !result.hasSuffix("\n") { result += "\n" }
        return result
    }
}
