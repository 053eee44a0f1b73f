import Foundation

/// Finding GPUs and models by loose names, with suggestions when nothing matches.
extension Catalog {
    /// The GPU called `name`: its id, marketing name or an alias, ignoring case, spaces, dashes and the words
    /// "NVIDIA" and "GeForce" (`RTX 4090`, `rtx-4090`, `4090` all work).
    /// - Throws: `ServingPlanError.unknownGPU` with the closest ids.
    public func gpu(named name: String) throws -> GPU {
        let key = Self.normalizedGPU(name)
        if let gpu = gpus.first(where: { gpu in
            ([gpu.id, gpu.name] + gpu.aliases).contains { Self.normalizedGPU($0) == key }
        }) {
            return gpu
        }
        let names = gpus.map { ($0.id, [$0.id, $0.name] + $0.aliases) }
        throw ServingPlanError.unknownGPU(
            name, suggestions: Self.closest(to: key, in: names, normalize: Self.normalizedGPU))
    }

    /// The model called `name`: its Hugging Face id, the part after the slash, or an alias, ignoring case.
    /// - Throws: `ServingPlanError.unknownModel` with the closest ids.
    public func model(named name: String) throws -> ModelSpec {
        let key = Self.normalizedModel(name)
        if let model = models.first(where: { model in
            ([model.id, model.shortName] + model.aliases).contains { Self.normalizedModel($0) == key }
        }) {
            return model
        }
        let names = models.map { ($0.id, [$0.id, $0.shortName] + $0.aliases) }
        throw ServingPlanError.unknownModel(
            name, suggestions: Self.closest(to: key, in: names, normalize: Self.normalizedModel))
    }

    /// A GPU name reduced to letters and digits, without maker and brand words.
    static func normalizedGPU(_ name: String) -> String {
        var text = name.lowercased()
        for word in ["nvidia", "geforce", "tesla"] { text = text.replacingOccurrences(of: word, with: "") }
        return String(text.filter { $0.isLetter || $0.isNumber })
    }

    /// A model name in lower case without spaces, dashes and underscores.
    static func normalizedModel(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "/" })
    }

    /// Up to four ids whose names are nearest to `key` by edit distance (names containing `key` count as nearest);
    /// when none is near, the four least far.
    static func closest(
        to key: String, in entries: [(id: String, names: [String])], normalize: (String) -> String
    ) -> [String] {
        let scored = entries.map { entry -> (id: String, score: Int) in
            let scores = entry.names.map { name -> Int in
                let candidate = normalize(name)
                if !key.isEmpty, candidate.contains(key) || key.contains(candidate) { return 0 }
                return editDistance(key, candidate)
            }
            return (entry.id, scores.min() ?? Int.max)
        }
        let limit = max(3, key.count / 2)
        let sorted = scored.sorted { ($0.score, $0.id) < ($1.score, $1.id) }
        let close = sorted.filter { $0.score <= limit }
        // Nothing close: still name a few entries so the user sees what the catalog holds.
        return (close.isEmpty ? sorted : close)
            .prefix(4)
            .map(\.id)
    }

    /// Levenshtein distance between two strings.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
