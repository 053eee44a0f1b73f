import Foundation
import ModelClient
import ProblemFormat

/// A model `solve` can ask: where it is served and how to sample it.
public struct ModelConfig: Sendable, Hashable, Codable {
    /// Short name used on the command line (`--model r1`).
    public var alias: String
    /// The id the server serves it under (`/v1/models`).
    public var served: String
    /// API bases of its replicas; requests go to the least-loaded one.
    public var endpoints: [String]
    public var role: ModelRole
    public var sampling: Sampling
    /// Whether instructions may go in a system message (R1 distills: no, everything in the user turn).
    public var systemPrompt: Bool
    public var apiKey: String?

    public init(
        alias: String, served: String, endpoints: [String], role: ModelRole, sampling: Sampling, systemPrompt: Bool,
        apiKey: String? = nil
    ) {
        self.alias = alias
        self.served = served
        self.endpoints = endpoints
        self.role = role
        self.sampling = sampling
        self.systemPrompt = systemPrompt
        self.apiKey = apiKey
    }

    /// DeepSeek's recommended settings for R1 distills: temperature 0.6, top-p 0.95, no system prompt.
    public static func reasoningDefaults(alias: String, served: String, endpoints: [String]) -> ModelConfig {
        ModelConfig(
            alias: alias, served: served, endpoints: endpoints, role: .reasoning,
            sampling: Sampling(temperature: 0.6, topP: 0.95, maxTokens: 32768), systemPrompt: false)
    }

    /// Qwen's recommended settings for Qwen2.5-Coder-Instruct.
    public static func codeDefaults(alias: String, served: String, endpoints: [String]) -> ModelConfig {
        ModelConfig(
            alias: alias, served: served, endpoints: endpoints, role: .code,
            sampling: Sampling(temperature: 0.7, topP: 0.8, topK: 20, repetitionPenalty: 1.05, maxTokens: 4096),
            systemPrompt: true)
    }
}

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
            .reasoningDefaults(alias: "r1", served: "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", endpoints: ["http://localhost:8000/v1"]),
            .codeDefaults(alias: "coder", served: "Qwen/Qwen2.5-Coder-7B-Instruct", endpoints: ["http://localhost:8001/v1"]),
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
    public static func load(file: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SolveConfig {
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
            for index in config.models.indices where config.models[index].apiKey == nil { config.models[index].apiKey = key }
        }
        return config
    }

    /// Reads a `solve.yaml`; every error names the file and line.
    static func parse(_ file: URL, environment: [String: String]) throws -> SolveConfig {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ProblemFormatError.unreadable(file: file.path, reason: (error as NSError).localizedDescription)
        }
        let path = file.path
        let yaml = try YAMLMapping.parse(text, file: path, expected: "a mapping with models:, language:, max_attempts:, …")
        try yaml.rejectUnknownKeys(
            ["models", "language", "max_attempts", "api_key", "timeouts", "retries", "runs_dir", "prompts_dir"], context: "solve.yaml")
        var config = builtIn
        config.source = path
        let apiKey = try yaml.string("api_key", expected: "the API key as text")
        if let models = try yaml.mappings("models", expected: "a list of models, each with alias, served, endpoints, role") {
            guard !models.isEmpty else {
                throw yaml.invalidValue("models", "[]", reason: "is empty", expected: "at least one model")
            }
            config.models = try models.map { try parseModel($0, apiKey: apiKey, environment: environment) }
        } else if let apiKey {
            for index in config.models.indices { config.models[index].apiKey = apiKey }
        }
        if let language = try yaml.string("language", expected: "a language id such as cpp or python") { config.language = language }
        if let attempts = try yaml.number("max_attempts", expected: "a whole number ≥ 1") {
            guard attempts >= 1, attempts == attempts.rounded() else {
                throw yaml.invalidValue("max_attempts", "\(attempts)", reason: "is not a whole number ≥ 1", expected: "e.g. 4")
            }
            config.maxAttempts = Int(attempts)
        }
        if let timeouts = try yaml.mapping("timeouts", expected: "a mapping with connect, first_token, total") {
            try timeouts.rejectUnknownKeys(["connect", "first_token", "total"], context: "timeouts")
            config.timeouts.connect = try seconds(timeouts, "connect") ?? config.timeouts.connect
            config.timeouts.firstByte = try seconds(timeouts, "first_token") ?? config.timeouts.firstByte
            config.timeouts.total = try seconds(timeouts, "total") ?? config.timeouts.total
        }
        if let retries = try yaml.number("retries", expected: "how many times a failed request is sent again, e.g. 4") {
            config.retry.maxRetries = max(0, Int(retries))
        }
        config.runsDirectory = try yaml.string("runs_dir", expected: "a folder") ?? config.runsDirectory
        if let prompts = try yaml.string("prompts_dir", expected: "a folder of .mustache templates") {
            config.promptsDirectory = URL(fileURLWithPath: prompts, relativeTo: file.deletingLastPathComponent()).path
        }
        return config
    }

    private static func parseModel(_ yaml: YAMLMapping, apiKey: String?, environment: [String: String]) throws -> ModelConfig {
        try yaml.rejectUnknownKeys(
            ["alias", "served", "endpoint", "endpoints", "role", "sampling", "system_prompt", "api_key"], context: "a model")
        guard let served = try yaml.string("served", expected: "the served model id, e.g. Qwen/Qwen2.5-Coder-7B-Instruct") else {
            throw ProblemFormatError.invalidValue(
                file: yaml.file, line: nil, key: "served", value: "", reason: "is missing in a model (\(yaml.keys.joined(separator: ", ")))",
                expected: "the served model id")
        }
        let roleText = try yaml.string("role", expected: "reasoning or code") ?? "code"
        guard let role = ModelRole(rawValue: roleText) else {
            throw yaml.invalidValue("role", roleText, reason: "is not a role", expected: "reasoning or code")
        }
        var endpoints = try yaml.strings("endpoints", expected: "a list of API base URLs") ?? []
        endpoints += try yaml.strings("endpoint", expected: "an API base URL such as http://localhost:8000/v1") ?? []
        if endpoints.isEmpty, let base = environment["OPENAI_BASE_URL"], !base.isEmpty { endpoints = [base] }
        guard !endpoints.isEmpty else {
            throw ProblemFormatError.invalidValue(
                file: yaml.file, line: yaml.line(of: "served"), key: "endpoints", value: "",
                reason: "is missing for \(served)", expected: "endpoints: [http://HOST:PORT/v1] (or OPENAI_BASE_URL)")
        }
        for endpoint in endpoints where !(endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://")) {
            throw yaml.invalidValue(
                yaml.line(of: "endpoints") != nil ? "endpoints" : "endpoint", endpoint, reason: "is not an http(s) URL",
                expected: "e.g. http://localhost:8000/v1")
        }
        let alias = try yaml.string("alias", expected: "a short name") ?? served
        var model = role == .reasoning
            ? ModelConfig.reasoningDefaults(alias: alias, served: served, endpoints: endpoints)
            : ModelConfig.codeDefaults(alias: alias, served: served, endpoints: endpoints)
        model.systemPrompt = try yaml.bool("system_prompt", expected: "true or false") ?? model.systemPrompt
        model.apiKey = try yaml.string("api_key", expected: "the API key as text") ?? apiKey
        if let sampling = try yaml.mapping("sampling", expected: "a mapping such as {temperature: 0.6, top_p: 0.95}") {
            model.sampling = model.sampling.overridden(by: try parseSampling(sampling))
        }
        return model
    }

    private static func parseSampling(_ yaml: YAMLMapping) throws -> Sampling {
        let keys = ["temperature", "top_p", "top_k", "min_p", "repetition_penalty", "presence_penalty", "frequency_penalty", "max_tokens", "seed"]
        try yaml.rejectUnknownKeys(Set(keys), context: "sampling")
        func number(_ key: String) throws -> Double? { try yaml.number(key, expected: "a number") }
        func whole(_ key: String) throws -> Int? {
            guard let value = try number(key) else { return nil }
            guard value == value.rounded() else {
                throw yaml.invalidValue(key, "\(value)", reason: "is not a whole number", expected: "e.g. 20")
            }
            return Int(value)
        }
        return Sampling(
            temperature: try number("temperature"), topP: try number("top_p"), topK: try whole("top_k"), minP: try number("min_p"),
            repetitionPenalty: try number("repetition_penalty"), presencePenalty: try number("presence_penalty"),
            frequencyPenalty: try number("frequency_penalty"), maxTokens: try whole("max_tokens"), seed: try whole("seed"))
    }

    private static func seconds(_ yaml: YAMLMapping, _ key: String) throws -> Double? {
        guard let text = try yaml.string(key, expected: "a duration such as 30s or 10m") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("m"), !trimmed.hasSuffix("ms"), let minutes = Double(trimmed.dropLast()) { return minutes * 60 }
        if let milliseconds = Limits.milliseconds(fromDuration: trimmed) { return Double(milliseconds) / 1000 }
        throw yaml.invalidValue(key, text, reason: "is not a duration", expected: "e.g. 5s, 120s or 30m")
    }
}
