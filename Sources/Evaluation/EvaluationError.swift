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
    /// Another live process holds the run (`solve eval` on it is under way there).
    case runBusy(run: String, holder: String, secondsSinceHeartbeat: Int)
    /// This process no longer holds the run's lease (it was taken over, or never taken): it writes nothing more.
    case leaseLost(run: String, holder: String?)
    /// `--resume` without `--run`, and the database holds no run.
    case nothingToResume(database: String)
    /// No database at `path` to compare runs from.
    case noDatabase(path: String)
    /// No database at `path` to merge from.
    case noSuchDatabase(path: String)
    /// The database holds no run at all.
    case noRuns(database: String)
    /// The database holds no run of the model alias `model`; `models` are those it has runs of.
    case noRunOfModel(model: String, database: String, models: [String])
    /// A value could not be encoded as the JSON its column stores (a number that is not finite): nothing of it is
    /// written.
    case unencodable(run: String, problem: String?, column: String, reason: String)
    /// A value stored in `database` cannot be decoded: in the row of `run` and `problem` (when the row has one),
    /// column `column`, holding `value`.
    case unreadable(database: String, run: String, problem: String?, column: String, value: String, reason: String)

    public var description: String {
        switch self {
        case .badProblemSet(let path, let reason): return "\(path): \(reason)"
        case .invalidOption(let option, let value, let expected): return "\(option) \(value): expected \(expected)"
        case .runExists(let name, let database):
            return
                "run \"\(name)\" already exists in \(database); add --resume to continue it, or choose another --run name"
        case .resumeMismatch(let name, let differences):
            return
                "cannot resume run \"\(name)\": it was started with other settings (\(differences.joined(separator: "; ")))"
        case .unknownRun(let name, let database, let known):
            let list = known.isEmpty ? "it has no runs" : "its runs: \(known.joined(separator: ", "))"
            return "no run \"\(name)\" in \(database) (\(list))"
        case .database(let path, let message): return "\(path): \(message)"
        case .mergeConflict(let run, let detail): return "cannot merge run \"\(run)\": \(detail)"
        case .serverFailing(let detail, let completed, let remaining):
            return
                "stopped: the model server keeps failing (\(detail)); \(completed) samples are stored, \(remaining) remain — fix the server and rerun with --resume"
        case .runBusy(let run, let holder, let seconds):
            return "run \"\(run)\" is being evaluated by \(holder) (heard from \(seconds) s ago); a second "
                + "process would redo its samples: wait for it to finish or stop it (a process killed without warning "
                + "lets go at once on its own machine, \(Int(RunLease.expiry)) s after its last heartbeat elsewhere)"
        case .leaseLost(let run, let holder):
            let now = holder.map { "\(run) is now held by \($0)" } ?? "nothing holds it now"
            return "stopped: this process no longer holds run \"\(run)\" (\(now)); nothing more is written — "
                + "continue with --resume once no other process works on it"
        case .nothingToResume(let database):
            return "--resume without --run: \(database) has no run to continue"
        case .noDatabase(let path):
            return "\(path): no evaluation database (run `solve eval` first, or pass --db)"
        case .noSuchDatabase(let path):
            return "\(path): no such database"
        case .noRuns(let database):
            return "\(database) has no runs yet"
        case .noRunOfModel(let model, let database, let models):
            return "no run of model \(model) in \(database) (models: \(models.joined(separator: ", ")))"
        case .unencodable(let run, let problem, let column, let reason):
            return "cannot store \(Self.place(run: run, problem: problem, column: column)): \(reason)"
        case .unreadable(let database, let run, let problem, let column, let value, let reason):
            let place = Self.place(run: run, problem: problem, column: column)
            return "\(database): \(place): cannot read \(value): \(reason)"
        }
    }

    /// `run "r", problem p, column c`.
    private static func place(run: String, problem: String?, column: String) -> String {
        "run \"\(run)\"" + (problem.map { ", problem \($0)" } ?? "") + ", column \(column)"
    }
}
