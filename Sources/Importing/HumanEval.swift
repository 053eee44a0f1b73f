import Foundation
import ProblemFormat

/// HumanEval records: `task_id`, `prompt` (signature and docstring), `canonical_solution`, `test` (defines
/// `check(candidate)`) and `entry_point`.
enum HumanEval {
    /// 3 s, HumanEval's own timeout, and 512 MiB.
    static let limits = Limits(timeMilliseconds: 3000, memoryBytes: 512 << 20)

    /// A function problem whose starter code is the prompt and whose one hidden test is the check code.
    static func problem(from record: RecordField, source: URL) throws -> Problem {
        let taskID = try record["task_id"].string("the task's id, e.g. HumanEval/0")
        let prompt = try record["prompt"].string("the function's signature and docstring")
        let test = try record["test"].string("Python code defining check(candidate)")
        let entryPoint = try record["entry_point"].string("the name of the function to complete")
        guard PythonFunction.isIdentifier(entryPoint) else {
            throw record["entry_point"].invalid("\"\(entryPoint)\" is not a Python function name")
        }
        guard !slug(taskID).isEmpty else { throw record["task_id"].invalid("\"\(taskID)\" has no letters or digits") }
        return Problem(
            slug: slug(taskID), title: "\(taskID): \(entryPoint)",
            statement: "`\(entryPoint)` must do what its docstring says; the docstring's `>>>` lines are example calls "
                + "with their results.\n",
            limits: limits,
            interface: .pythonFunction(
                PythonFunction(entryPoint: entryPoint, starterCode: starterCode(prompt))),
            tests: [
                TestCase(name: "check", input: .text(test), answer: .text(""), isSample: false, kind: .pythonCheck)
            ],
            source: source, format: .jsonLines)
    }
}
