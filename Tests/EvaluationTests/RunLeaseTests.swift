import Foundation
import GRDB
import TestSupport
import Testing

@testable import Evaluation

/// One process at a time on a run: leases are refused, taken over when their holder is gone, renewed, and checked by
/// every write.
@Suite struct RunLeaseTests {
    static func store() throws -> EvaluationStore {
        try EvaluationStore(
            path: Fixtures.temporaryDirectory(prefix: "lease").appendingPathComponent("eval.sqlite").path)
    }

    /// The refusal's text, or nil when `body` did not throw `runBusy`.
    static func refusal(_ body: () throws -> RunLease) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as EvaluationError {
            guard case .runBusy = error else { return nil }
            return "\(error)"
        } catch {
            return nil
        }
    }

    /// Another machine's process (never known to be gone: only expiry frees its runs).
    static let elsewhere = LeaseHolder(host: "elsewhere", pid: 4242, pidNamespace: "", processStart: 0)

    @Test func aSecondClaimOnARunIsRefusedNamingTheHolderAndOtherRunsStayFree() throws {
        let store = try Self.store()
        let lease = try store.lease(runs: ["a"])
        let refusal = Self.refusal { try store.lease(runs: ["b", "a"]) }
        #expect(
            refusal?.contains("run \"a\" is being evaluated by solve pid \(getpid()) on ") == true, "\(refusal ?? "")")
        // All or none: "b" was not taken by the refused claim; another run of the same database is free.
        let other = try store.lease(runs: ["b"])
        other.release()
        lease.release()
        lease.release()
        try store.lease(runs: ["a"]).release()
    }

    @Test func aLeaseOfAProcessThatEndedOnThisMachineIsTakenOverAtOnce() throws {
        let here = LeaseHolder.current
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { argv.forEach { free($0) } }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, argv, environ) == 0)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let ended = LeaseHolder(
            host: here.host, pid: pid, pidNamespace: here.pidNamespace, processStart: here.processStart)
        let reused = LeaseHolder(
            host: here.host, pid: here.pid, pidNamespace: here.pidNamespace, processStart: here.processStart + 1)
        let store = try Self.store()
        for gone in [ended, reused] {
            let left = try store.lease(runs: ["r"], holder: gone, now: Date())
            try store.lease(runs: ["r"]).release()
            left.release()
        }
        // A live process of this machine (with its true start time) keeps its run.
        let sentinel = HostProbes.startSentinel()
        defer {
            kill(sentinel, SIGKILL)
            waitpid(sentinel, &status, 0)
        }
        let start = try #require(LeaseHolder.startTime(of: sentinel))
        let live = LeaseHolder(host: here.host, pid: sentinel, pidNamespace: here.pidNamespace, processStart: start)
        let held = try store.lease(runs: ["s"], holder: live, now: Date())
        #expect(Self.refusal { try store.lease(runs: ["s"]) }?.contains("solve pid \(sentinel)") == true)
        held.release()
    }

    @Test func aLeaseFromAnotherMachineHoldsUntilItExpires() throws {
        let store = try Self.store()
        let recent = try store.lease(
            runs: ["r"], holder: Self.elsewhere, now: Date().addingTimeInterval(-RunLease.expiry + 5))
        #expect(Self.refusal { try store.lease(runs: ["r"]) }?.contains("solve pid 4242 on elsewhere") == true)
        let expired = try store.lease(
            runs: ["s"], holder: Self.elsewhere, now: Date().addingTimeInterval(-RunLease.expiry - 1))
        try store.lease(runs: ["s"]).release()
        recent.release()
        expired.release()
    }

    @Test func theHeartbeatKeepsALeaseAlive() async throws {
        let store = try Self.store()
        let started = Date().addingTimeInterval(-RunLease.expiry + 2)
        let lease = try store.lease(runs: ["r"], holder: .current, now: started, heartbeatInterval: 0.1)
        defer { lease.release() }
        try await Task.sleep(for: .milliseconds(500))
        // Seen from another machine 10 s on: expired by then without a heartbeat since `started`.
        let later = Date().addingTimeInterval(10)
        #expect(Self.refusal { try store.lease(runs: ["r"], holder: Self.elsewhere, now: later) } != nil)
    }

    @Test func aProcessThatLostItsLeaseWritesNothingMore() throws {
        let store = try Self.store()
        let lost = try store.lease(
            runs: ["r"], holder: Self.elsewhere, now: Date().addingTimeInterval(-RunLease.expiry - 1),
            heartbeatInterval: 3600)
        let taker = try store.lease(runs: ["r"])
        defer { taker.release() }
        #expect(throws: EvaluationError.leaseLost(run: "r", holder: LeaseHolder.current.description)) {
            try store.abandonPendingAttempts(of: "r", lease: lost)
        }
        #expect(throws: EvaluationError.leaseLost(run: "r", holder: LeaseHolder.current.description)) {
            try store.redoHalfWrittenSamples(of: "r", lease: lost)
        }
        // Its heartbeats and its release touch only its own (replaced) row.
        try store.renewLease(token: lost.token, now: Date())
        lost.release()
        #expect(try store.abandonPendingAttempts(of: "r", lease: taker) == 0)
        #expect(Self.refusal { try store.lease(runs: ["r"], holder: Self.elsewhere) } != nil)
    }

    @Test func aMergeIntoARunBeingEvaluatedIsRefused() async throws {
        let source = try Self.store()
        let run = RunRecord(
            name: "m", model: "plain", samples: 1, maxAttempts: 1, problemSet: "set", shards: [], settings: "{}",
            settingsHash: "s", promptsHash: "p", createdAt: Date())
        try source.create(run, problems: [])
        let target = try Self.store()
        let lease = try target.lease(runs: ["m"])
        await #expect(throws: EvaluationError.self) { try await target.merge(from: source) }
        lease.release()
        #expect(try await target.merge(from: source) == ["m": 0])
    }
}
