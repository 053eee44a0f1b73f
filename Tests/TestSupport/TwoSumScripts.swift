import Foundation
import Judging
import ModelClient
import ProblemFormat

/// Model answers for the bundled two-sum problem (and the pair-sum function fixture), and a judge that knows them:
/// the in-process counterparts of the scripted server's scenarios.
public enum TwoSumScripts {
    /// Two-sum's reference Python solution.
    public static let rightPython = Fixtures.text(
        Fixtures.problems.appendingPathComponent("two-sum/solutions/accepted.py"))
    /// Two-sum's known-wrong Python solution.
    public static let wrongPython = Fixtures.text(
        Fixtures.problems.appendingPathComponent("two-sum/solutions/wrong.py"))
    /// The wrong program again, with a blank line more: the same program once normalized.
    public static let wrongPythonAgain = wrongPython.replacingOccurrences(of: "def main():", with: "\ndef main():")

    /// Two-sum's reference C++ solution.
    public static let rightCpp = Fixtures.text(
        Fixtures.problems.appendingPathComponent("two-sum/solutions/accepted.cpp"))
    /// A draft that prints 0-based positions.
    public static let wrongCpp = rightCpp.replacingOccurrences(
        of: "idx[lo] + 1, j = idx[hi] + 1", with: "idx[lo], j = idx[hi]")
    /// The reference solution without a semicolon.
    public static let brokenCpp = rightCpp.replacingOccurrences(of: "cin.tie(nullptr);", with: "cin.tie(nullptr)")

    /// Pair-sum's solution (the function fixture's, as the LiveCodeBench fixture ships it).
    public static let rightPairSum = Fixtures.text(Fixtures.fixture("livecodebench/solutions/leetcode-9001.py"))
    public static let wrongPairSum = rightPairSum.replacingOccurrences(
        of: "return [seen[target - x], j]", with: "return [seen[target - x], j + 1]")

    /// `code` in a Markdown fence labelled `language`, after a sentence.
    public static func answer(_ language: String, _ code: String) -> String {
        "Here is a hash-map solution:\n\n```\(language)\n\(code)```\n"
    }

    /// The judge of these programs: the right ones are accepted on every test, the wrong ones fail the first sample
    /// (two-sum prints `0 1`, pair-sum returns `[0, 2]`), the broken one does not compile; any other program is a
    /// wrong answer on the first sample with no output.
    public static func judge() -> ScriptedJudge {
        ScriptedJudge { submission, problem in
            let language = submission.language.id
            let sample = problem.samples.first?.name ?? "1"
            switch submission.source {
            case rightPython, rightCpp, rightPairSum:
                return .accepted(on: problem, language: language)
            case brokenCpp:
                return .compileError(
                    "main.cpp: In function 'int main()':\nmain.cpp:19:21: error: expected ';' before '}' token",
                    language: language)
            case wrongPairSum:
                return .failing(
                    sample, .wrongAnswer, output: "[0, 2]", message: "at [1]: expected 1, got 2", on: problem,
                    language: language)
            case wrongPython, wrongCpp:
                return .failing(
                    sample, .wrongAnswer, output: "0 1\n", message: "token 1: expected \"1\", got \"0\"", on: problem,
                    language: language)
            default:
                return .failing(
                    sample, .wrongAnswer, output: "", message: "the output is empty", on: problem, language: language)
            }
        }
    }
}

extension TwoSumScripts {
    /// The scenarios of the scripted server that loop and evaluation tests use, by name, served as `scripted/NAME`:
    /// `plain`, `feedback`, `repeat`, `compile-error`, `no-code`, `function-feedback`, `r1` (a wrong draft in the
    /// reasoning, the right program in the answer), `unterminated-fence`, `truncated-in-reasoning`, `error-flat`,
    /// `always-500` and `huge-deltas` (an answer cut at solve's 4 MiB limit).
    public static func model(_ scenario: String, served: String? = nil) -> ScriptedChatModel {
        ScriptedChatModel(serving: served ?? "scripted/\(scenario)") { request, number in
            reply(scenario, to: request, number: number)
        }
    }

    /// What `scenario` answers to the `number`th request it gets.
    public static func reply(_ scenario: String, to request: ChatRequest, number: Int) -> ScriptedChatModel.Reply {
        let feedback = ScriptedChatModel.isFeedback(request)
        let endpoint = "scripted"
        switch scenario {
        case "plain":
            return .answer("```python\n\(rightPython)```\n")
        case "feedback":
            return .answer(answer("python", feedback ? rightPython : wrongPython))
        case "repeat":
            if feedback {
                return .answer("I checked it again; the program is correct:\n\n```python\n\(wrongPythonAgain)```\n")
            }
            return .answer(answer("python", number > 1 ? rightPython : wrongPython))
        case "compile-error":
            return .answer(answer("cpp", feedback ? rightCpp : brokenCpp))
        case "no-code":
            return .answer("I think you should use a hash map.")
        case "function-feedback":
            return .answer("```python\n\(feedback ? rightPairSum : wrongPairSum)```\n")
        case "r1":
            return .answer(
                "Store each value's first index in a hash map.\n\n```cpp\n\(rightCpp)```\n\nFor the sample the output is:"
                    + "\n\n```text\n1 2\n```\n",
                reasoning: "The task is two-sum. First draft:\n\n```cpp\n\(wrongCpp)```\n\nWait, indices are 1-based.\n"
            )
        case "unterminated-fence":
            return .answer("Here is the solution:\n```python\n" + rightPython, finishReason: "length")
        case "truncated-in-reasoning":
            return .answer(
                "",
                reasoning: "Let me write the hash-map solution.\n\n```python\n\(rightPython)```\nNow the edge cases",
                finishReason: "length")
        case "error-flat":
            return .failure(
                .http(
                    endpoint: endpoint, status: 400, message: "This model's maximum context length is 4096 tokens.",
                    retryAfter: nil))
        case "always-500":
            return .failure(.http(endpoint: endpoint, status: 500, message: "CUDA out of memory", retryAfter: nil))
        case "huge-deltas":
            let prose = String(repeating: "the of and to in is that it for on ", count: (4 << 20) / 35 + 1)
            return .answer(String(prose.utf8.prefix(4 << 20)) ?? "", finishReason: "answer_limit")
        default:
            return .failure(.http(endpoint: endpoint, status: 404, message: "no scenario \(scenario)", retryAfter: nil))
        }
    }
}
