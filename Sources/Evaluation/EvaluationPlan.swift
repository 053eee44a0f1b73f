import Foundation
import ModelClient
import ModelFleet
import ProblemFormat
import Solving

/// What `solve eval` was asked to run, turned into one stored run per model (or one `routed` run).
public struct EvaluationPlan: Sendable {
    /// Model aliases or served ids; empty: one run where the router picks the model per problem.
    public var models: [String]
    public var samples: Int
    public var maxAttempts: Int
    /// `--language`: pins the language (no switching on resample).
    public var language: String?
    /// `--endpoint`: every request goes there.
    public var endpoint: String?
    public var shard: Shard?
    /// Contestant (the default) or oracle: stored in the run's settings.
    public var `protocol`: SolveProtocol

    public static let routedLabel = "routed"

    public init(
        models: [String], samples: Int, maxAttempts: Int, language: String? = nil, endpoint: String? = nil,
        shard: Shard? = nil, protocol: SolveProtocol = .contestant
    ) {
        self.models = models
        self.samples = samples
        self.maxAttempts = maxAttempts
        self.language = language
        self.endpoint = endpoint
        self.shard = shard
        self.protocol = `protocol`
    }

    /// The run records: `name` for a single model or `routed`; `name/alias` each when several models are compared.
    /// - Throws: `EvaluationError.unencodable` when a model's settings cannot be written as JSON (a sampling value
    ///   that is not a finite number).
    public func runs(
        named name: String, set: ProblemSet, config: SolveConfig, promptsHash: String, date: Date = Date()
    ) throws -> [RunRecord] {
        let labels = models.isEmpty ? [Self.routedLabel] : models
        return try labels.map { label in
            let run = labels.count == 1 ? name : "\(name)/\(label)"
            let settings = try StoredJSON.text(
                settings(for: label, config: config), run: run, problem: nil, column: "settings")
            return RunRecord(
                name: run, model: label, samples: samples, maxAttempts: maxAttempts, problemSet: set.source,
                shards: shard.map { [$0.description] } ?? [], settings: settings,
                settingsHash: Self.settingsHash(settings, promptsHash: promptsHash), promptsHash: promptsHash,
                createdAt: date)
        }
    }

    /// The hash `--resume` compares: of a run's settings JSON and its prompt templates' hash.
    public static func settingsHash(_ settings: String, promptsHash: String) -> String {
        var hasher = FNV1a()
        hasher.add(settings)
        hasher.add(promptsHash)
        return hasher.hex
    }

    /// The options `Solver` gets for one sample of `run`.
    func solveOptions(for run: RunRecord, sample: Int) -> SolveOptions {
        SolveOptions(
            model: run.model == Self.routedLabel ? nil : run.model, endpoint: endpoint, maxAttempts: run.maxAttempts,
            language: language,
            seedOffset: sample * 1000, protocol: run.protocol, checkEveryCandidate: true)
    }

    /// The settings that decide results (no API keys, no endpoints: replicas may move), stored as JSON.
    private func settings(for label: String, config: SolveConfig) -> Settings {
        let models: [ModelConfig]
        if label == Self.routedLabel {
            models = config.models
        } else if let configured = config.model(named: label) {
            models = [configured]
        } else {
            models = []
        }
        let recorded = models.map {
            Settings.Model(
                alias: $0.alias, served: $0.served, role: $0.role.rawValue, sampling: $0.sampling,
                systemPrompt: $0.systemPrompt)
        }
        return Settings(
            model: label, models: recorded, language: language ?? config.language, pinnedLanguage: language != nil,
            protocol: `protocol` == .oracle ? nil : `protocol`)
    }

    private struct Settings: Encodable {
        struct Model: Encodable {
            var alias: String
            var served: String
            var role: String
            var sampling: Sampling
            var systemPrompt: Bool
        }
        var model: String
        var models: [Model]
        var language: String
        var pinnedLanguage: Bool
        /// Absent for the oracle, as in runs stored before the contestant protocol: their hashes stay the same, so
        /// they resume with `--oracle`.
        var `protocol`: SolveProtocol?
    }
}
