/// Everything that can go wrong while planning.
///
/// Outcomes such as "does not fit on this card" are values (`Verdict`), not errors: these cases are bad input,
/// unreadable catalogs and combinations the hardware cannot run.
public enum ServingPlanError: Error, Sendable, Hashable {
    /// No GPU in the catalog matches the name; `suggestions` holds the closest catalog ids.
    case unknownGPU(String, suggestions: [String])
    /// No model in the catalog matches the name; `suggestions` holds the closest catalog ids.
    case unknownModel(String, suggestions: [String])
    /// The quantization name is not one of `Quantization.allCases`.
    case unknownQuantization(String)
    /// The KV cache dtype is not one of `KVCacheDType.allCases`.
    case unknownKVCacheDType(String)
    /// A numeric setting is out of range.
    case invalidValue(name: String, value: String, expected: String)
    /// A catalog file could not be read.
    case unreadableCatalog(path: String, reason: String)
    /// A catalog (built-in or user-supplied) could not be decoded or holds impossible numbers.
    case invalidCatalog(source: String, reason: String)
    /// The GPU cannot run this quantization in vLLM.
    case unsupportedQuantization(Quantization, gpu: String, reason: String)
}

extension ServingPlanError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownGPU(let name, let suggestions):
            return "unknown GPU '\(name)'" + Self.didYouMean(suggestions)
                + "; add others with --catalog FILE (same schema as the built-in gpus.json)"
        case .unknownModel(let name, let suggestions):
            return "unknown model '\(name)'" + Self.didYouMean(suggestions)
                + "; add it with --catalog FILE (same schema as the built-in models.json)"
        case .unknownQuantization(let name):
            let valid = Quantization.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown quantization '\(name)': expected one of \(valid)"
        case .unknownKVCacheDType(let name):
            let valid = KVCacheDType.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown KV cache dtype '\(name)': expected one of \(valid)"
        case .invalidValue(let name, let value, let expected):
            return "invalid \(name) '\(value)': expected \(expected)"
        case .unreadableCatalog(let path, let reason):
            return "cannot read catalog '\(path)': \(reason)"
        case .invalidCatalog(let source, let reason):
            return "invalid catalog \(source): \(reason)"
        case .unsupportedQuantization(let quantization, let gpu, let reason):
            return "\(quantization.rawValue) is not supported on \(gpu): \(reason)"
        }
    }

    private static func didYouMean(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : " (did you mean: \(suggestions.joined(separator: ", "))?)"
    }
}
