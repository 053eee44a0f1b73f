import Foundation
import Solving

/// One evaluation run as stored: what was run, with which settings, on which part of which set.
public struct RunRecord: Sendable, Hashable, Codable {
    public var name: String
    /// The model alias, or `routed`.
    public var model: String
    /// Samples per problem.
    public var samples: Int
    public var maxAttempts: Int
    /// The problem set as named when the run started.
    public var problemSet: String
    /// Shards stored here (`2/4`); empty for the whole set.
    public var shards: [String]
    /// The model configurations (API keys removed), language pin and escalation, as JSON.
    public var settings: String
    /// Hash of `settings` and the prompt templates: `--resume` refuses a run whose hash differs.
    public var settingsHash: String
    public var promptsHash: String
    public var createdAt: Date

    public init(
        name: String, model: String, samples: Int, maxAttempts: Int, problemSet: String, shards: [String],
        settings: String,
        settingsHash: String, promptsHash: String, createdAt: Date
    ) {
        self.name = name
        self.model = model
        self.samples = samples
        self.maxAttempts = maxAttempts
        self.problemSet = problemSet
        self.shards = shards
        self.settings = settings
        self.settingsHash = settingsHash
        self.promptsHash = promptsHash
        self.createdAt = createdAt
    }

    /// The protocol its settings name: contestant, or oracle when they name none (every run stored before the
    /// contestant protocol existed was an oracle run).
    public var `protocol`: SolveProtocol {
        struct Named: Decodable { var `protocol`: SolveProtocol? }
        let named = try? JSONDecoder().decode(Named.self, from: Data(settings.utf8))
        return named?.protocol ?? .oracle
    }

    /// What differs from `other` in ways that make their samples incomparable.
    func differences(from other: RunRecord) -> [String] {
        var differences: [String] = []
        if model != other.model { differences.append("model \(model) vs \(other.model)") }
        if self.protocol != other.protocol {
            let flag = self.protocol == .oracle ? " (add --oracle)" : " (leave out --oracle)"
            differences.append("protocol \(self.protocol.rawValue) vs \(other.protocol.rawValue)\(flag)")
        }
        if samples != other.samples { differences.append("--samples \(samples) vs \(other.samples)") }
        if maxAttempts != other.maxAttempts {
            differences.append("--max-attempts \(maxAttempts) vs \(other.maxAttempts)")
        }
        if promptsHash != other.promptsHash {
            differences.append("prompt templates \(promptsHash) vs \(other.promptsHash)")
        }
        if settingsHash != other.settingsHash, promptsHash == other.promptsHash, self.protocol == other.protocol {
            differences.append("model settings (sampling, endpoints' served ids, language) changed")
        }
        return differences
    }
}

/// One sample's identity within a run.
public struct SampleKey: Sendable, Hashable {
    public var problem: String
    public var sample: Int

    public init(problem: String, sample: Int) {
        self.problem = problem
        self.sample = sample
    }
}
