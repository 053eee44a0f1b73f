import ArgumentParser
import Foundation
import ModelClient
import Solving

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

    struct Check: Encodable {
        var alias: String
        var served: String
        var role: String
        var endpoint: String
        var reachable: Bool
        var served_here: Bool
        var max_model_len: Int?
        var other_models: [String]
        var problem: String?
    }

    func run() async throws {
        let settings: SolveConfig
        do {
            settings = try SolveConfig.load(file: config.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CommandFailure.exit("\(error)")
        }
        var checks: [Check] = []
        for model in settings.models {
            for endpoint in model.endpoints {
                let client = ModelClient(baseURL: endpoint, apiKey: model.apiKey, timeouts: Timeouts(connect: 3, firstByte: 10, total: 10), retry: RetryPolicy(maxRetries: 0))
                var check = Check(
                    alias: model.alias, served: model.served, role: model.role.rawValue, endpoint: endpoint, reachable: false,
                    served_here: false, max_model_len: nil, other_models: [], problem: nil)
                do {
                    let served = try await client.models()
                    check.reachable = true
                    let entry = served.first { $0.id == model.served }
                    check.served_here = entry != nil
                    check.max_model_len = entry?.maxModelLength
                    check.other_models = served.map(\.id).filter { $0 != model.served }
                    if entry == nil { check.problem = "serves \(served.map(\.id).joined(separator: ", ")) instead" }
                } catch {
                    check.problem = "\(error)"
                }
                checks.append(check)
            }
        }
        if json {
            print(try CommandOutput.json(checks))
        } else {
            print("models from \(settings.source):")
            for check in checks {
                let status: String
                if check.served_here {
                    status = "ok" + (check.max_model_len.map { ", max_model_len \($0)" } ?? "")
                } else {
                    status = check.problem ?? "not served"
                }
                print("  \(check.alias) (\(check.role)) \(check.served) @ \(check.endpoint): \(status)")
            }
        }
        if checks.contains(where: { !$0.served_here }) { throw ExitCode(1) }
    }
}
