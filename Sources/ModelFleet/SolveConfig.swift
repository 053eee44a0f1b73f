import Foundation
import ModelClient

/// Everything `solve` reads from `solve.yaml` (or its built-in defaults).
public struct SolveConfig: Sendable {
    public var models: [ModelConfig]
    /// Language asked for when `--language` is not given (`cpp`, `python`, …).
    public var language: String
    public var maxAttempts: Int
    public var timeouts: Timeouts
    public var retry: RetryPolicy
    /// Where transcripts go (relative to the working directory).
    public var runsDirectory: String
    /// Where prompt templates are read from (nil: `Prompts/` found like the bundled problems).
    public var promptsDirectory: String?
    /// Where the configuration came from, for messages.
    public var source: String

    /// The seeds' pair: R1-Distill-Qwen-7B on :8000 (reasoning), Qwen2.5-Coder-7B-Instruct on :8001 (code).
    public static let builtIn = SolveConfig(
        models: [
            .reasoningDefaults(
                alias: "r1", served: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", endpoints: ["http://localhost:8000/v1"]),
            .codeDefaults(
                alias: "coder", served: "Qwen/Qwen2.5-Coder-7B-Instruct", endpoints: ["http://localhost:8001/v1"]),
        ],
        language: "cpp", maxAttempts: 4, timeouts: Timeouts(), retry: RetryPolicy(), runsDirectory: "runs",
        promptsDirectory: nil, source: "built-in defaults")

    /// The model named by an alias or a served id.
    public func model(named name: String) -> ModelConfig? {
        models.first { $0.alias == name } ?? models.first { $0.served == name }
    }

    /// The first model with `role`, else the first model.
    public func model(for role: ModelRole) -> ModelConfig? {
        models.first { $0.role == role } ?? models.first
    }

    /// `--config FILE`, else `./solve.yaml` when present, else the built-in defaults; then the environment:
    /// `OPENAI_API_KEY` for models without a key, `OPENAI_BASE_URL` for the built-in models' endpoints.
    public static func load(file: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> SolveConfig
    {
        var config: SolveConfig
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("solve.yaml")
        if let file {
            config = try parse(file, environment: environment)
        } else if FileManager.default.fileExists(atPath: local.path) {
            config = try parse(local, environment: environment)
        } else {
            config = builtIn
            if let base = environment["OPENAI_BASE_URL"], !base.isEmpty {
                for index in config.models.indices { config.models[index].endpoints = [base] }
            }
        }
        if let key = environment["OPENAI_API_KEY"], !key.isEmpty {
            for index in config.models.indices where config.models[index].apiKey == nil {
                config.models[index].apiKey = key
            }
        }
        return config
    }
}
