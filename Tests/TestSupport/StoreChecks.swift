import Foundation
import GRDB

/// The invariants of an evaluation database (`solve eval`'s `eval.sqlite`), checked with SQL of their own rather
/// than the store's code, so that a bug in the store cannot hide itself.
public enum StoreChecks {
    /// What is wrong with the database at `path`, one line per finding (empty when it is whole):
    /// - one sample row per (run, problem, sample);
    /// - each sample's `final` attempts are numbered exactly 1…`attempts`, and the sample agrees with them
    ///   (accepted, at which attempt, first attempt, tokens, truncated and no-code counts);
    /// - no `final` attempt without its sample;
    /// - when `finished` (the run ended normally): no `pending` attempt and no lease left behind.
    public static func violations(inDatabaseAt path: String, finished: Bool) throws -> [String] {
        try open(path).read { db in
            var found: [String] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT run, problem, sample, COUNT(*) AS n FROM sample
                    GROUP BY run, problem, sample HAVING COUNT(*) > 1
                    """)
            {
                found.append("\(name(row)): \(row["n"] as Int) sample rows")
            }
            for sample in try Row.fetchAll(db, sql: "SELECT * FROM sample ORDER BY run, problem, sample") {
                let attempts = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT number, verdict, completion_tokens, truncated, no_code FROM attempt
                        WHERE run = ? AND problem = ? AND sample = ? AND status = 'final' ORDER BY number
                        """,
                    arguments: [sample["run"], sample["problem"], sample["sample"]])
                found += disagreements(of: sample, with: attempts)
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT run, problem, sample, number FROM attempt a WHERE status = 'final' AND NOT EXISTS (
                        SELECT 1 FROM sample s WHERE s.run = a.run AND s.problem = a.problem AND s.sample = a.sample)
                    ORDER BY run, problem, sample, number
                    """)
            {
                found.append("\(name(row)): final attempt \(row["number"] as Int) without its sample")
            }
            guard finished else { return found }
            let pending = try Row.fetchAll(
                db,
                sql:
                    """
                    SELECT run, problem, sample, number FROM attempt WHERE status = 'pending'
                    ORDER BY run, problem, sample, id
                    """
            )
            for row in pending {
                found.append("\(name(row)): attempt \(row["number"] as Int) still pending after a finished run")
            }
            if try db.tableExists("run_lease") {
                for row in try Row.fetchAll(db, sql: "SELECT run, pid FROM run_lease") {
                    found.append("run \(row["run"] as String): lease of pid \(row["pid"] as Int) left behind")
                }
            }
            return found
        }
    }

    /// The first column of each row `sql` returns from the database at `path`, as integers (for tests that watch a
    /// run from outside: its lease's pid, the samples stored so far).
    public static func integers(_ sql: String, inDatabaseAt path: String) throws -> [Int] {
        try open(path).read { db in try Int.fetchAll(db, sql: sql) }
    }

    /// The first column of each row `sql` returns from the database at `path`, as text.
    public static func strings(_ sql: String, inDatabaseAt path: String) throws -> [String] {
        try open(path).read { db in try String.fetchAll(db, sql: sql) }
    }

    private static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// How `sample` disagrees with its final `attempts` (ordered by number).
    private static func disagreements(of sample: Row, with attempts: [Row]) -> [String] {
        let label = name(sample)
        let count: Int = sample["attempts"]
        let numbers = attempts.map { $0["number"] as Int }
        guard numbers == Array(1...max(1, count)) else {
            return ["\(label): says \(count) attempts, final attempts stored: \(numbers)"]
        }
        var found: [String] = []
        if let selection = sample["selection"] as String? {
            found += contestantDisagreements(of: sample, selection: selection, attempts: attempts)
        } else {
            let acceptedAt = attempts.first { $0["verdict"] as String == "AC" }.map { $0["number"] as Int }
            let accepted: Bool = sample["accepted"]
            if sample["accepted_at_attempt"] as Int? != acceptedAt || accepted != (acceptedAt != nil) {
                found.append("\(label): accepted at \(String(describing: acceptedAt)) by its attempts, not as stored")
            }
            if sample["first_attempt_accepted"] as Bool != (acceptedAt == 1) {
                found.append("\(label): first_attempt_accepted disagrees with attempt 1")
            }
        }
        let tokens = attempts.reduce(0) { $0 + ($1["completion_tokens"] as Int? ?? 0) }
        if sample["completion_tokens"] as Int != tokens {
            found.append("\(label): \(sample["completion_tokens"] as Int) completion tokens, its attempts \(tokens)")
        }
        if sample["truncated_attempts"] as Int != attempts.filter({ $0["truncated"] as Bool }).count
            || sample["no_code_attempts"] as Int != attempts.filter({ $0["no_code"] as Bool }).count
        {
            found.append("\(label): truncated or no-code counts disagree with its attempts")
        }
        return found
    }

    /// How a contestant `sample` disagrees with its `selection` JSON: the submitted attempt is one of its final
    /// attempts, `accepted_at_attempt` is that attempt when accepted and nothing otherwise, no attempt is `AC` (only
    /// the submission's verdict accepts), and an accepted submission is among the candidates the oracle check
    /// accepted.
    private static func contestantDisagreements(of sample: Row, selection: String, attempts: [Row]) -> [String] {
        let label = name(sample)
        let numbers = attempts.map { $0["number"] as Int }
        guard let object = try? JSONSerialization.jsonObject(with: Data(selection.utf8)) as? [String: Any] else {
            return ["\(label): selection is not a JSON object"]
        }
        var found: [String] = []
        if attempts.contains(where: { $0["verdict"] as String == "AC" }) {
            found.append("\(label): an attempt is AC, which only the hidden tests give the submission")
        }
        let submitted = object["submitted"] as? Int
        if let submitted, !numbers.contains(submitted) {
            found.append("\(label): submitted attempt \(submitted) is not a final attempt")
        }
        let accepted: Bool = sample["accepted"]
        if sample["accepted_at_attempt"] as Int? != (accepted ? submitted : nil) {
            found.append("\(label): accepted_at_attempt is not the submitted attempt")
        }
        if let oracle = object["oracle"] as? [String: Any], let passing = oracle["accepted"] as? [Int], accepted,
            let submitted, !passing.contains(submitted)
        {
            found.append("\(label): accepted, but the oracle check did not accept the submitted attempt")
        }
        return found
    }

    private static func name(_ row: Row) -> String {
        "run \(row["run"] as String) \(row["problem"] as String) #\(row["sample"] as Int)"
    }
}
