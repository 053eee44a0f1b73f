import ArgumentParser
import Foundation
import Importing
import ProblemFormat

extension ImportFormat: ExpressibleByArgument {}

/// `solve import FORMAT FILE`: a benchmark's JSON lines as Markdown problem folders.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a LiveCodeBench, HumanEval or CodeContests JSON-lines file into problem folders.",
        discussion: """
            Reads FILE (.jsonl, or .jsonl.gz) and writes one Markdown problem per record into --out, which \
            `solve` and `solve judge` load like any problem. Nothing is downloaded. Exit code 0 when the problems \
            were written, 2 when the file or a record could not be imported.
            """
    )

    @Argument(help: "The file's format: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ImportFormat

    @Argument(help: "The JSON-lines file, plain or gzip-compressed.")
    var file: String

    @Option(name: .long, help: "The folder to write the problems into (default: imported/<format>).")
    var out: String?

    @Option(name: .long, help: "Import only the first N problems.")
    var limit: Int?

    @Flag(name: .long, help: "Leave out records that cannot be imported (and say why) instead of stopping.")
    var skipInvalid = false

    @Flag(name: .long, help: "Overwrite problems that already exist in the output folder.")
    var force = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let directory = URL(fileURLWithPath: out ?? "imported/\(format.rawValue)")
        try await CommandFailure.funnel {
            let result = try Importer.read(
                URL(fileURLWithPath: file), format: format, limit: limit, skipInvalid: skipInvalid)
            if !result.skipped.isEmpty {
                let reasons = result.skipped.map { "  \($0)" }.joined(separator: "\n")
                FileHandle.standardError.write(
                    Data("skipped \(result.skipped.count) invalid record(s):\n\(reasons)\n".utf8))
            }
            let summary = try Importer.write(result.problems, to: directory, force: force)
            print(
                "wrote \(count(summary.problems, "problem")) with \(count(summary.tests, "test")) to "
                    + directory.relativePath)
        }
    }

    /// `1 problem`, `3 problems`.
    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
