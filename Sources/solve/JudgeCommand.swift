import ArgumentParser
import Foundation
import Judging
import ProblemFormat

/// `solve judge PROBLEM [SOLUTION]`: compile and run a program on a problem's tests in the sandbox.
struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Judge a solution on a problem (Markdown file or Kattis package) in the sandbox.",
        discussion: """
            Without SOLUTION, PROBLEM must be a Kattis package: every program under submissions/<verdict>/ is \
            judged and compared with the verdict its folder names. Exit code 0 whenever judging happened, \
            whatever the verdict; 1 when a package submission got another verdict than its folder says; \
            2 or more when the judge could not run.
            """
    )

    @Argument(help: "A Markdown problem (.md), a Kattis package folder, or a bundled problem's slug.")
    var problem: String?

    @Argument(help: "The program to judge (.c, .cpp, .py, …).")
    var solution: String?

    @Option(name: .long, help: "Language of SOLUTION (c, cpp, python, rust); default: from its extension.")
    var language: String?

    @Flag(name: .long, help: "Run every test instead of stopping at the first failure.")
    var allTests = false

    @Flag(name: .long, help: "Print one JSON object instead of the human report.")
    var json = false

    @Flag(name: .long, help: "List the languages and whether this machine has their tools.")
    var listLanguages = false

    func validate() throws {
        if !listLanguages && problem == nil { throw ValidationError("Missing PROBLEM (or pass --list-languages).") }
        if let language, !listLanguages {
            // An unknown or unavailable language means the judge cannot run: `error: …` and exit code 2, as documented.
            do { _ = try Language.named(language) } catch { throw CommandFailure.exit("\(error)") }
        }
    }

    func run() async throws {
        if listLanguages {
            print(CommandOutput.languages(json: json))
            return
        }
        guard let problem else { return }
        try await CommandFailure.funnel {
            let loaded = try ProblemLocator.load(problem)
            let judge = try Judge()
            if let solution {
                let path = try ProblemLocator.existingPath(solution) ?? solution
                let submission = try Submission.load(URL(fileURLWithPath: path), language: language)
                let report = try await judge.judge(
                    submission, on: loaded, options: JudgeOptions(stopAtFirstFailure: !allTests))
                if json {
                    print(try CommandOutput.json(report))
                } else {
                    printProtections(report.sandbox)
                    print(report.text)
                }
            } else {
                guard loaded.format == .kattis else {
                    throw ValidationError("Missing SOLUTION: only a Kattis package can be judged without one.")
                }
                let checks = try await judge.verifySubmissions(of: loaded)
                if json {
                    print(try CommandOutput.json(checks))
                } else {
                    printProtections(try await judge.protections().active)
                    print(CommandOutput.submissionTable(checks))
                }
                if checks.contains(where: { !$0.matches }) { throw ExitCode(1) }
            }
        }
    }

    private func printProtections(_ active: [String]) {
        FileHandle.standardError.write(Data(("sandbox: " + active.joined(separator: ", ") + "\n").utf8))
    }
}
