import Foundation
import GRDB
import ModelFleet
import TestSupport
import Testing

@testable import Evaluation

/// A value the store cannot decode, or encode, is an error naming the run, the problem and the column: never a
/// placeholder (no tags for tags that do not parse, `null` for settings that cannot be written).
@Suite struct StoredValueTests {
    /// What `body` throws, as text; nil when it throws nothing.
    static func failure(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Reads everything the store reads: runs, problems, samples, attempts (as a merge takes them) and leases.
    static func readEverything(_ store: EvaluationStore) throws {
        let runs = try store.runs().map(\.name)
        for run in runs {
            _ = try store.problems(of: run)
            _ = try store.finishedSamples(of: run)
        }
        _ = try store.samples()
        for run in runs { _ = try store.archive(of: run, except: []) }
        try store.lease(runs: runs, now: Date(timeIntervalSinceNow: 1_000_000_000)).release()
    }

    @Test func theFixtureReadsWhole() throws {
        #expect(Self.failure { try Self.readEverything(EvaluationStore(path: Fixtures.evaluationDatabase())) } == nil)
    }

    @Test(arguments: [
        (
            "UPDATE problem SET tags = '[arrays' WHERE run = 'done/fb' AND slug = 'b'",
            #"run "done/fb", problem b, column tags: cannot read "[arrays": The given data was not valid JSON."#
        ),
        (
            #"UPDATE sample SET tags = '{"a": 1}' WHERE run = 'done/plain' AND problem = 'a' AND sample = 1"#,
            #"run "done/plain", problem a, column tags: cannot read "{\"a\": 1}": Expected to decode Array<Any> but"#
        ),
        (
            "UPDATE attempt SET verdict = 'XY' WHERE run = 'done/fb' AND problem = 'b' AND number = 2",
            #"run "done/fb", problem b, column verdict: cannot read "XY": no verdict is "XY" (AC, WA, TLE, MLE, RE, "#
                + "OLE, CE, SV, IE, OK, generator, no code, error)"
        ),
        (
            "UPDATE attempt SET strategy = 'guess' WHERE run = 'done/cut' AND problem = 'a' AND sample = 1",
            #"run "done/cut", problem a, column strategy: cannot read "guess": Cannot initialize AttemptStrategy"#
        ),
        (
            "UPDATE sample SET attempts = 'two' WHERE run = 'done/fb' AND problem = 'a' AND sample = 0",
            #"run "done/fb", problem a, column attempts: cannot read "two": expected Int"#
        ),
        (
            "UPDATE run SET shards = '1/2' WHERE name = 'part'",
            #"run "part", column shards: cannot read "1/2": The given data was not valid JSON."#
        ),
        (
            "UPDATE run SET created_at = 'yesterday' WHERE name = 'part'",
            #"run "part", column created_at: cannot read "yesterday": expected Date"#
        ),
        (
            "UPDATE run_lease SET pid = 'x'",
            #"run "killed", column pid: cannot read "x": expected Int32"#
        ),
    ])
    func aValueThatCannotBeDecodedIsAnErrorNamingItsPlace(change: String, message: String) throws {
        let store = try EvaluationStore(path: Fixtures.evaluationDatabase(changedBy: change))
        let failure = try #require(Self.failure { try Self.readEverything(store) })
        #expect(failure.hasPrefix("\(store.path): \(message)"), "\(failure)")
    }

    @Test func aMergeThatMeetsAValueItCannotDecodeWritesNothing() async throws {
        let source = try EvaluationStore(
            path: Fixtures.evaluationDatabase(changedBy: "UPDATE attempt SET verdict = '' WHERE run = 'part'"))
        let merged = try EvaluationRunnerTests.database()
        await #expect(throws: EvaluationError.self) { try await merged.merge(from: source) }
        #expect(try merged.runs().isEmpty)
    }

    @Test func settingsThatCannotBeWrittenAsJSONAreAnErrorNotNull() throws {
        var config = EvaluationRunnerTests.config(["plain"])
        config.models[0].sampling.temperature = .nan
        let plan = EvaluationPlan(models: ["plain"], samples: 1, maxAttempts: 1)
        let set = try EvaluationRunnerTests.problemSet(count: 1)
        let failure = try #require(
            Self.failure { _ = try plan.runs(named: "n", set: set, config: config, promptsHash: "h") })
        #expect(failure.hasPrefix(#"cannot store run "n", column settings: Unable to encode Double.nan"#), "\(failure)")
    }
}
