import CSandbox
import Dispatch
import Foundation

/// The seccomp profile a program runs under.
public enum SandboxProfile: Sendable, Hashable {
    /// Compiled programs: allow-list, threads only.
    case native
    /// CPython: the native allow-list plus what the interpreter needs.
    case python
    /// Compilers and checkers: may fork and exec; still no network or privileged calls.
    case tool

    var cValue: csandbox_profile {
        switch self {
        case .native: return CSANDBOX_PROFILE_NATIVE
        case .python: return CSANDBOX_PROFILE_PYTHON
        case .tool: return CSANDBOX_PROFILE_TOOL
        }
    }
}

/// One program to run in a slot.
public struct SandboxRequest: Sendable {
    /// `arguments[0]` is the executable's absolute path.
    public var arguments: [String]
    public var environment: [String: String]
    public var workingDirectory: URL
    /// The file read as stdin (`/dev/null` when nil).
    public var stdin: URL?
    public var profile: SandboxProfile
    /// Readable (and executable) trees besides the system directories.
    public var readablePaths: [String]
    /// Trees the program may write to (none for solutions).
    public var writablePaths: [String]
    public var cpuLimitMilliseconds: Int
    public var wallLimitMilliseconds: Int
    /// Enforced by the memory cgroup when the slot has one; 0 = none.
    public var memoryLimitBytes: Int
    /// RLIMIT_AS; 0 = unlimited.
    public var addressSpaceBytes: Int
    /// RLIMIT_STACK; 0 = unlimited.
    public var stackBytes: Int
    /// Caps stdout and stderr (RLIMIT_FSIZE).
    public var outputLimitBytes: Int
    public var openFiles: Int = 64
    /// Threads plus processes.
    public var maxTasks: Int

    public init(
        arguments: [String], environment: [String: String], workingDirectory: URL, stdin: URL?,
        profile: SandboxProfile, readablePaths: [String], writablePaths: [String] = [], cpuLimitMilliseconds: Int,
        wallLimitMilliseconds: Int, memoryLimitBytes: Int, addressSpaceBytes: Int, stackBytes: Int,
        outputLimitBytes: Int, maxTasks: Int
    ) {
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.stdin = stdin
        self.profile = profile
        self.readablePaths = readablePaths
        self.writablePaths = writablePaths
        self.cpuLimitMilliseconds = cpuLimitMilliseconds
        self.wallLimitMilliseconds = wallLimitMilliseconds
        self.memoryLimitBytes = memoryLimitBytes
        self.addressSpaceBytes = addressSpaceBytes
        self.stackBytes = stackBytes
        self.outputLimitBytes = outputLimitBytes
        self.maxTasks = maxTasks
    }

    /// System trees every program may read and execute.
    public static let systemReadablePaths = [
        "/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc/ld.so.cache", "/etc/localtime",
        "/dev/null", "/dev/zero", "/dev/urandom",
    ]
}

/// What one run did.
public struct SandboxOutcome: Sendable {
    /// The exit code when the program exited normally.
    public var exitCode: Int32?
    /// The signal that ended it, if any.
    public var signal: Int32?
    public var cpuMicroseconds: Int
    public var wallMicroseconds: Int
    public var peakMemoryBytes: Int
    /// True when the peak came from a memory cgroup (exact), false when from `ru_maxrss`.
    public var memoryIsExact: Bool
    public var memoryLimitHit: Bool
    public var cpuLimitHit: Bool
    public var wallLimitHit: Bool
    /// The system call that broke the seccomp policy (`socket`).
    public var violation: String?
    /// Where stdout and stderr were captured; valid until the slot's next run.
    public var stdoutFile: URL
    public var stderrFile: URL
}

/// One execution context of the C sandbox with its own thread, uid, cgroups and capture files.
/// `@unchecked Sendable`: every use of `handle` and the rulesets happens on `queue`, a serial queue.
public final class SandboxSlot: @unchecked Sendable {
    private let handle: OpaquePointer
    private let queue: DispatchQueue
    /// Landlock ruleset fds by their path lists (built once, reused for every test).
    private var rulesets: [String: Int32] = [:]
    /// The paths and ruleset of the last run.
    private var lastRuleset: (readable: [String], writable: [String], fd: Int32)?
    /// Directory holding this slot's stdout/stderr capture files.
    public let captureDirectory: URL
    private let stdoutFile: URL
    private let stderrFile: URL
    /// The capture files and `/dev/null`, opened once: reopening with `O_TRUNC` costs a syscall each and, on
    /// ext4, a write-back of the previous run's output when the truncated file is closed (0.1–0.2 ms per test
    /// that printed, `solve-bench`).
    private let stdoutFD: Int32
    private let stderrFD: Int32
    private let nullFD: Int32
    /// The uid programs run as, or nil when they keep the judge's.
    public let uid: uid_t?
    /// The protections this slot enforces.
    public let protections: SandboxProtections

    /// Creates a slot.
    /// - Parameters:
    ///   - uid: an unprivileged uid to run as (root only), or nil.
    ///   - cgroupName: a name for the slot's cgroups, or nil for none.
    ///   - captureDirectory: a private folder for stdout/stderr.
    /// - Throws: `JudgingError.sandboxUnavailable`.
    public init(uid: uid_t?, cgroupName: String?, captureDirectory: URL) throws {
        var options = csandbox_slot_options(uid: uid.map { Int64($0) } ?? -1, gid: uid.map { Int64($0) } ?? -1,
                                            cgroup_name: nil)
        var error: Int32 = 0
        var step: UnsafePointer<CChar>? = nil
        let created: OpaquePointer? = (cgroupName ?? "").withCString { name in
            options.cgroup_name = name
            return csandbox_slot_create(&options, &error, &step)
        }
        guard let created else {
            throw JudgingError.sandboxUnavailable(step: step.map { String(cString: $0) } ?? "create slot", errno: error)
        }
        stdoutFile = captureDirectory.appendingPathComponent("stdout")
        stderrFile = captureDirectory.appendingPathComponent("stderr")
        let descriptors = [
            open(stdoutFile.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600),
            open(stderrFile.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600),
            open("/dev/null", O_RDONLY | O_CLOEXEC),
        ]
        guard !descriptors.contains(-1) else {
            let error = errno
            descriptors.filter { $0 >= 0 }.forEach { close($0) }
            csandbox_slot_destroy(created)
            throw JudgingError.sandboxUnavailable(step: "open capture files", errno: error)
        }
        (stdoutFD, stderrFD, nullFD) = (descriptors[0], descriptors[1], descriptors[2])
        handle = created
        self.uid = uid
        self.captureDirectory = captureDirectory
        queue = DispatchQueue(label: "solve.sandbox.\(captureDirectory.lastPathComponent)")
        protections = SandboxProtections(bits: csandbox_slot_protections(created), uid: uid)
    }

    deinit {
        for fd in rulesets.values { csandbox_close(fd) }
        for fd in [stdoutFD, stderrFD, nullFD] { close(fd) }
        csandbox_slot_destroy(handle)
    }

    /// Runs a program and waits for it on the slot's own thread (never on the cooperative pool).
    /// - Throws: `JudgingError.sandboxUnavailable` when the sandbox could not be set up.
    public func run(_ request: SandboxRequest) async throws -> SandboxOutcome {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.runBlocking(request) })
            }
        }
    }

    /// Runs and waits on the calling thread, which must be a dedicated thread (never the cooperative pool) and
    /// the only user of this slot meanwhile. `run(_:)` is the async form.
    public func runBlocking(_ request: SandboxRequest) throws -> SandboxOutcome {
        var stdinFD = nullFD
        if let stdin = request.stdin {
            stdinFD = open(stdin.path, O_RDONLY | O_CLOEXEC)
            guard stdinFD >= 0 else { throw JudgingError.sandboxUnavailable(step: "open stdin", errno: errno) }
        }
        defer { if stdinFD != nullFD { close(stdinFD) } }
        for fd in [stdoutFD, stderrFD] {
            guard csandbox_capture_reset(fd) == 0 else {
                throw JudgingError.sandboxUnavailable(step: "reset capture file", errno: errno)
            }
        }
        let landlockFD = try ruleset(readable: request.readablePaths, writable: request.writablePaths)

        var result = csandbox_result()
        let environment = request.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let status = withCStrings(request.arguments) { argv in
            withCStrings(environment) { envp in
                request.workingDirectory.withUnsafeFileSystemRepresentation { workdir in
                    guard let workdir, let path = argv[0] else { return EINVAL }
                    var spec = csandbox_run_spec(
                        path: path, argv: argv, envp: envp, workdir: workdir, stdin_fd: stdinFD,
                        stdout_fd: stdoutFD, stderr_fd: stderrFD, profile: request.profile.cValue,
                        landlock_fd: landlockFD, cpu_limit_ms: UInt64(request.cpuLimitMilliseconds),
                        wall_limit_ms: UInt64(request.wallLimitMilliseconds),
                        memory_limit_bytes: UInt64(request.memoryLimitBytes),
                        address_space_bytes: UInt64(request.addressSpaceBytes),
                        stack_bytes: UInt64(request.stackBytes), file_size_bytes: UInt64(request.outputLimitBytes),
                        open_files: UInt32(request.openFiles), max_tasks: UInt32(request.maxTasks))
                    return csandbox_run(handle, &spec, &result)
                }
            }
        }
        if status != 0 { throw JudgingError.sandboxUnavailable(step: "clone", errno: status) }
        if result.setup_error != 0 {
            let step = result.setup_step.map { String(cString: $0) } ?? "setup"
            throw JudgingError.sandboxUnavailable(step: step, errno: result.setup_error)
        }
        let violation = withUnsafeBytes(of: result.violation_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return SandboxOutcome(
            exitCode: result.exited != 0 ? result.exit_code : nil,
            signal: result.signal != 0 ? result.signal : nil,
            cpuMicroseconds: Int(result.cpu_us), wallMicroseconds: Int(result.wall_us),
            peakMemoryBytes: Int(result.peak_memory_bytes), memoryIsExact: result.memory_from_cgroup != 0,
            memoryLimitHit: result.memory_limit_hit != 0, cpuLimitHit: result.cpu_limit_hit != 0,
            wallLimitHit: result.wall_limit_hit != 0, violation: result.violation_syscall >= 0 ? violation : nil,
            stdoutFile: stdoutFile, stderrFile: stderrFile)
    }

    /// The Landlock ruleset for these paths, or -1 when the kernel has no Landlock.
    private func ruleset(readable: [String], writable: [String]) throws -> Int32 {
        guard protections.landlockABI > 0 else { return -1 }
        // Every test of a submission asks for the same paths: skip building the key.
        if let last = lastRuleset, last.readable == readable, last.writable == writable { return last.fd }
        let fd = try cachedRuleset(readable: readable, writable: writable)
        lastRuleset = (readable, writable, fd)
        return fd
    }

    private func cachedRuleset(readable: [String], writable: [String]) throws -> Int32 {
        let read = SandboxRequest.systemReadablePaths + readable
        let key = read.joined(separator: "\0") + "\u{1}" + writable.joined(separator: "\0")
        if let fd = rulesets[key] { return fd }
        let fd = withCStrings(read) { readPaths in
            withCStrings(writable) { writePaths in
                csandbox_landlock_create(readPaths, read.count, writePaths, writable.count)
            }
        }
        guard fd >= 0 else { throw JudgingError.sandboxUnavailable(step: "Landlock ruleset", errno: -fd) }
        if rulesets.count > 64, let (oldKey, oldFD) = rulesets.first {
            if lastRuleset?.fd == oldFD { lastRuleset = nil }
            csandbox_close(oldFD)
            rulesets[oldKey] = nil
        }
        rulesets[key] = fd
        return fd
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let pointers = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    let array: [UnsafePointer<CChar>?] = pointers.map { $0.map { UnsafePointer($0) } } + [nil]
    return array.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { preconditionFailure("a non-empty array has storage") }
        return body(base)
    }
}
