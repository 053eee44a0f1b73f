import Foundation
import TestSupport
import Testing

@testable import Solving

/// `solve` copied away from the package still has prompts: the templates built into it.
@Suite("Built-in prompt templates", .serialized)
struct BuiltinPromptsTests {
    @Test("the built-in templates are the ones in Prompts/ (same hash)")
    func builtInMatchesTheFolder() throws {
        let folder = try PromptLibrary(folder: Fixtures.root.appendingPathComponent("Prompts").path)
        let builtIn = try PromptLibrary.builtIn()
        #expect(builtIn.folder == nil)
        #expect(builtIn.hash == folder.hash)
    }

    @Test("a prompts_dir that holds no templates is an error naming it, not a silent fallback")
    func explicitFolderMustHoldTemplates() throws {
        let empty = try Fixtures.temporaryDirectory(prefix: "noprompts")
        #expect {
            try PromptLibrary(folder: empty.path)
        } throws: { error in
            "\(error)".contains(empty.path) && "\(error)".contains("feedback.mustache")
        }
    }

    @Test("a solve binary copied outside the package solves two-sum with its built-in prompts")
    func copiedBinaryUsesBuiltInPrompts() throws {
        let home = try Fixtures.temporaryDirectory(prefix: "copied-solve")
        let bin = home.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let binary = bin.appendingPathComponent("solve")
        try FileManager.default.copyItem(at: try solveBinary(), to: binary)
        try """
        language: python
        models:
          - {alias: plain, served: scripted/plain, role: code, endpoint: "\(ScriptedServer.shared.baseURL)"}
        """.write(to: home.appendingPathComponent("solve.yaml"), atomically: true, encoding: .utf8)
        let result = try runSolve(
            [
                Fixtures.problems.appendingPathComponent("two-sum.md").path, "--config", "solve.yaml", "--model",
                "plain",
            ],
            binary: binary, directory: home)
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["verdict"] as? String == "AC", "\(result.stdout)")
        let notes = try #require(summary["notes"] as? [String])
        #expect(notes.contains { $0.contains("templates built into solve") }, "\(notes)")
        #expect(summary["prompts_hash"] as? String == (try PromptLibrary.builtIn()).hash)
    }
}
