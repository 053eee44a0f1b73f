import ArgumentParser
import Foundation
import ModelFleet

/// `solve models`: the configured models, and whether each endpoint serves them.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the configured models and check each endpoint (reachable, model served, context length).",
        discussion: "Exit code 0 when every endpoint serves its model, 1 otherwise, 2 for a bad configuration."
    )

    @Option(name: .long, help: "Configuration file (default: ./solve.yaml, else built-in defaults).")
    var config: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() async throws {
        let settings = try await CommandFailure.funnel {
            try SolveConfig.load(file: config.map { URL(fileURLWithPath: $0) })
        }
        let checks = await EndpointCheck.all(in: settings)
        if json {
            print(try CommandOutput.json(checks))
        } else {
            print("models from \(settings.source):")
            for check in checks {
                let status =
                    check.servedHere
                    ? "ok" + (check.maxModelLength.map { ", max_model_len \($0)" } ?? "")
                    : check.problem ?? "not served"
                print("  \(check.alias) (\(check.role)) \(check.served) @ \(check.endpoint): \(status)")
            }
        }
        if checks.contains(where: { !$0.servedHere }) { throw ExitCode(1) }
    }
}
