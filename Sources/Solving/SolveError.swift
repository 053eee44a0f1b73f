/// Why `solve` could not run at all (as opposed to a model failing a problem). Servers that do not answer and
/// configuration files that do not parse are `ModelFleetError`s.
public enum SolveError: Error, Sendable, CustomStringConvertible {
    case prompts(String)
    case configuration(String)

    public var description: String {
        switch self {
        case .prompts(let message), .configuration(let message): return message
        }
    }
}
