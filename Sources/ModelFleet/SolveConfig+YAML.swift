import Foundation
import ModelClient
import ProblemFormat

extension SolveConfig {
    /// Reads a `solve.yaml`.
    /// - Throws: `ModelFleetError.invalidConfiguration`, naming the file and line.
    static func parse(_ file: URL, environment: [String: String]) throws -> SolveConfig {
        do {
            return try read(file, environment: environment)
        } catch let error as ProblemFormatError {
            // The YAML readers are ProblemFormat's; their messages are kept word for word.
            throw ModelFleetError(configuration: error, file: file.path)
        }
    }

    /// Reads a `solve.yaml` with ProblemFormat's YAML readers, whose errors name the file and line.
    private static func read(_ file: URL, environment: [String: String]) throws -> SolveConfig {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ProblemFormatError.unreadable(file: file.path, reason: (error as NSError).localizedDescription)
        }
        let path = file.path
        let yaml = try YAMLMapping.parse(
            text, file: path, expected: "a mapping with models:, language:, max_attempts:, …")
        try yaml.rejectUnknownKeys(
            ["models", "language", "max_attempts", "api_key", "timeouts", "retries", "runs_dir", "prompts_dir"],
            context: "solve.yaml")
        var config = builtIn
        config.source = path
        let apiKey = try yaml.string("api_key", expected: "the API key as text")
        if let models = try yaml.mappings(
            "models", expected: "a list of models, each with alias, served, endpoints, role")
        {
            guard !models.isEmpty else {
                throw yaml.invalidValue("models", "[]", reason: "is empty", expected: "at least one model")
            }
            config.models = try models.map { try parseModel($0, apiKey: apiKey, environment: environment) }
        } else if let apiKey {
            for index in config.models.indices { config.models[index].apiKey = apiKey }
        }
        if let language = try yaml.string("language", expected: "a language id such as cpp or python") {
            config.language = language
        }
        config.maxAttempts =
            try yaml.integer("max_attempts", in: 1...100, expected: "a whole number of attempts, e.g. 4")
            ?? config.maxAttempts
        if let timeouts = try yaml.mapping("timeouts", expected: "a mapping with connect, first_token, idle, total") {
            try timeouts.rejectUnknownKeys(["connect", "first_token", "idle", "total"], context: "timeouts")
            config.timeouts.connect = try seconds(timeouts, "connect") ?? config.timeouts.connect
            config.timeouts.firstByte = try seconds(timeouts, "first_token") ?? config.timeouts.firstByte
            config.timeouts.idle = try seconds(timeouts, "idle") ?? config.timeouts.idle
            config.timeouts.total = try seconds(timeouts, "total") ?? config.timeouts.total
        }
        config.retry.maxRetries =
            try yaml.integer("retries", in: 0...100, expected: "how many times a failed request is sent again, e.g. 4")
            ?? config.retry.maxRetries
        config.runsDirectory = try yaml.string("runs_dir", expected: "a folder") ?? config.runsDirectory
        if let prompts = try yaml.string("prompts_dir", expected: "a folder of .mustache templates") {
            config.promptsDirectory = URL(fileURLWithPath: prompts, relativeTo: file.deletingLastPathComponent()).path
        }
        return config
    }

    private static func parseModel(_ yaml: YAMLMapping, apiKey: String?, environment: [String: String]) throws
        -> ModelConfig
    {
        try yaml.rejectUnknownKeys(
            ["alias", "served", "endpoint", "endpoints", "role", "sampling", "system_prompt", "api_key"],
            context: "a model")
        guard
            let served = try yaml.string("served", expected: "the served model id, e.g. Qwen/Qwen2.5-Coder-7B-Instruct")
        else {
            throw ProblemFormatError.invalidValue(
                file: yaml.file, line: nil, key: "served", value: "",
                reason: "is missing in a model (\(yaml.keys.joined(separator: ", ")))",
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
        var model =
            role == .reasoning
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
        let keys = [
            "temperature", "top_p", "top_k", "min_p", "repetition_penalty", "presence_penalty", "frequency_penalty",
            "max_tokens", "seed",
        ]
        try yaml.rejectUnknownKeys(Set(keys), context: "sampling")
        return Sampling(
            temperature: try yaml.number("temperature", in: 0...10, expected: "a temperature from 0 to 10, e.g. 0.6"),
            topP: try yaml.number("top_p", in: 0...1, expected: "a probability from 0 to 1, e.g. 0.95"),
            topK: try yaml.integer("top_k", in: -1...1_000_000, expected: "a whole number of tokens (-1 or 0: all)"),
            minP: try yaml.number("min_p", in: 0...1, expected: "a probability from 0 to 1, e.g. 0.05"),
            repetitionPenalty: try yaml.number(
                "repetition_penalty", in: 0...10, expected: "a factor from 0 to 10 (1: none), e.g. 1.05"),
            presencePenalty: try yaml.number("presence_penalty", in: -2...2, expected: "a number from -2 to 2"),
            frequencyPenalty: try yaml.number("frequency_penalty", in: -2...2, expected: "a number from -2 to 2"),
            maxTokens: try yaml.integer(
                "max_tokens", in: 1...10_000_000, expected: "a whole number of tokens, e.g. 4096"),
            seed: try yaml.integer("seed", in: 0...4_294_967_295, expected: "a whole number from 0 to 2^32 - 1"))
    }

    /// Timeouts lie between 1 ms and a week.
    static let timeoutRange = 0.001...604_800.0

    /// A duration under `key` in seconds: a decimal number with `ms`, `s` (or none), `m` or `h`, within
    /// `timeoutRange`.
    private static func seconds(_ yaml: YAMLMapping, _ key: String) throws -> Double? {
        let expected = "a duration from 1ms to 168h, e.g. 5s, 120s or 30m"
        guard let text = try yaml.string(key, expected: expected) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix { $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }
        let factors: [String: Double] = ["": 1, "s": 1, "ms": 0.001, "m": 60, "min": 60, "h": 3600]
        let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces).lowercased()
        guard let value = Double(number), let factor = factors[unit] else {
            throw yaml.invalidValue(key, text, reason: "is not a duration", expected: expected)
        }
        guard let seconds = CheckedNumber.finite(value * factor, in: timeoutRange) else {
            throw yaml.invalidValue(key, text, reason: "is out of range", expected: expected)
        }
        return seconds
    }
}
