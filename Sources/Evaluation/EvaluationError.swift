import Foundation

/// Why an evaluation could not start, continue or be read.
public enum EvaluationError: Error, Sendable, CustomStringConvertible, Equatable {
    case badProblemSet(path: String, reason: String)
    case invalidOption(option: String, value: String, expected: String)
    /// `--run NAME` exists and `--resume` was not given.
    case runExists(name: String, database: String)
    /// `--resume` of a run started with other settings.
    case resumeMismatch(name: String, differences: [String])
    case unknownRun(name: String, database: String, known: [String])
    case database(path: String, message: String)
    /// Two databases hold the same sample with different results.
    case mergeConflict(run: String, detail: String)
    /// The model server kept failing; what is stored is kept.
    case serverFailing(detail: String, completed: Int, remaining: Int)

    public var description: String {
        switch self {
        case .badProblemSet(let path, let reason): return "\(path): \(reason)"
        case .invalidOption(let option, let value, let expected): return "\(option) \(value): expected \(expected)"
        case .runExists(let name, let database):
            return "run \"\(name)\" already exists in \(database); add --resume to continue it, or choose another --run name"
        case .resumeMismatch(let name, let differences):
            return "cannot resume run \"\(name)\": it was started with other settings (\(differences.joined(separator: "; ")))"
        case .unknownRun(let name, let database, let known):
            let list = known.isEmpty ? "it has no runs" : "its runs: \(known.joined(separator: ", "))"
            return "no run \"\(name)\" in \(database) (\(list))"
        case .database(let path, let message): return "\(path): \(message)"
        case .mergeConflict(let run, let detail): return "cannot merge run \"\(run)\": \(detail)"
        case .serverFailing(let detail, let completed, let remaining):
            return "stopped: the model server keeps failing (\(detail)); \(completed) samples are stored, \(remaining) remain — fix the server and rerun with --resume"
        }
    }
}
