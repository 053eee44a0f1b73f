import Foundation

/// This process's claim on some runs of an evaluation database, kept as rows of the database's `run_lease` table.
///
/// While a lease is held, any other process that asks for one of its runs is refused, and every write of attempts and
/// samples checks, inside its own transaction, that the row still holds this lease's token: a process that lost its
/// lease (stopped for longer than `expiry`, then taken over) writes nothing more. A timer renews the lease every
/// `heartbeatInterval`. A process killed without a word (SIGKILL, power loss) leaves its rows behind: on the same
/// machine they are taken over at once, since the holder's pid no longer names the same live process; from another
/// machine, `expiry` after the last heartbeat.
public final class RunLease: @unchecked Sendable {  // `released` is guarded by `lock`
    /// How often the holder renews its lease.
    public static let heartbeatInterval: TimeInterval = 5
    /// How long after its last heartbeat a lease of a process that cannot be checked (another machine) still holds.
    public static let expiry: TimeInterval = 30

    /// The runs this lease covers.
    public let runs: [String]
    /// What each write compares with its run's lease row.
    let token: String
    private let store: EvaluationStore
    private let lock = NSLock()
    private let timer: DispatchSourceTimer
    private var released = false

    init(store: EvaluationStore, runs: [String], token: String, heartbeatInterval: TimeInterval) {
        self.store = store
        self.runs = runs
        self.token = token
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "solve.run-lease"))
        timer.schedule(deadline: .now() + heartbeatInterval, repeating: heartbeatInterval)
        timer.setEventHandler { [store, token] in
            // A failed renewal (disk full, a long lock) is not fatal here: writes check the lease themselves.
            try? store.renewLease(token: token, now: Date())
        }
        timer.resume()
    }

    /// Stops renewing and deletes the lease rows, so that the runs can be resumed at once. Safe to call twice. When
    /// the delete fails (a full disk), the rows stay until they are taken over as a dead process's.
    public func release() {
        let first = lock.withLock {
            defer { released = true }
            return !released
        }
        guard first else { return }
        timer.cancel()
        try? store.deleteLease(token: token)
    }

    deinit { release() }
}

/// The process that holds a lease: enough to name it to a person and, on the same machine, to tell whether it runs.
public struct LeaseHolder: Sendable, Hashable {
    public var host: String
    public var pid: Int32
    /// The pid namespace (`/proc/self/ns/pid`'s target on Linux, empty elsewhere): pids compare only within one.
    public var pidNamespace: String
    /// The process's start time in clock ticks after boot (`/proc/PID/stat`, 0 where unknown): a pid reused by a
    /// later process has another start time.
    public var processStart: Int64

    public init(host: String, pid: Int32, pidNamespace: String, processStart: Int64) {
        self.host = host
        self.pid = pid
        self.pidNamespace = pidNamespace
        self.processStart = processStart
    }

    /// This process.
    public static let current: LeaseHolder = {
        var name = [CChar](repeating: 0, count: 256)
        let host =
            gethostname(&name, name.count - 1) == 0
            ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "unknown host"
        let pid = getpid()
        let namespace = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/pid")) ?? ""
        return LeaseHolder(host: host, pid: pid, pidNamespace: namespace, processStart: startTime(of: pid) ?? 0)
    }()

    /// "solve pid 4242 on build-3".
    public var description: String { "solve pid \(pid) on \(host)" }

    /// Whether this holder is known to have ended: it ran on this machine, in this pid namespace, and its pid now
    /// names no process, a zombie, or a process started at another time. A holder elsewhere is never known to be gone.
    func isGone() -> Bool {
        let here = Self.current
        guard host == here.host, pidNamespace == here.pidNamespace else { return false }
        if pid == here.pid { return processStart != here.processStart }
        guard !pidNamespace.isEmpty else { return kill(pid, 0) == -1 && errno == ESRCH }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        let fields = Self.fieldsAfterCommand(stat)
        return fields.first == "Z" || Self.startTime(fields) != processStart
    }

    /// The start time of `pid` from `/proc/PID/stat`, nil without `/proc`.
    static func startTime(of pid: Int32) -> Int64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        return startTime(fieldsAfterCommand(stat))
    }

    /// The fields after `(comm)` (which may hold spaces and parentheses): state first, start time 20th.
    private static func fieldsAfterCommand(_ stat: String) -> [Substring] {
        guard let close = stat.lastIndex(of: ")") else { return [] }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    private static func startTime(_ fields: [Substring]) -> Int64? {
        fields.count > 19 ? Int64(fields[19].trimmingCharacters(in: .whitespacesAndNewlines)) : nil
    }
}
