import CSandbox
import Dispatch
import Foundation
import ProblemFormat

/// The seccomp profile a program runs under.
public enum SandboxProfile: Sendable, Hashable {
    /// Compiled programs: allow-list, threads only.
    case native
    /// CPython: the native allow-list plus what the interpreter needs.
    case python
    /// PyPy: the CPython list plus what its JIT and garbage collector need.
    case pypy
    /// Compilers and checkers: may fork and exec; still no network or privileged calls.
    case tool

    var cValue: csandbox_profile {
        switch self {
        case .native: return CSANDBOX_PROFILE_NATIVE
        case .python: return CSANDBOX_PROFILE_PYTHON
        case .pypy: return CSANDBOX_PROFILE_PYPY
        case .tool: return CSANDBOX_PROFILE_TOOL
        }
    }
}

/// What a program reads on stdin.
public enum SandboxInput: Sendable {
    /// Nothing: an empty file.
    case empty
    /// A copy of these bytes in the slot's own input file: the program sees the contents, never where they came
    /// from (no path into the problem's folder, no size of a sibling answer file).
    case copy(TestData)
    /// The file itself (trusted tools only: a program can name an open file through `/proc/self/fd/0`).
    case file(URL)
    /// The read end of a pipe, which the run takes over (and closes in the judge once the program has started).
    case pipe(Int32)
}

/// Where a program's stdout goes.
public enum SandboxOutput: Sendable {
    /// The slot's capture file (`SandboxOutcome.stdoutFile`).
    case capture
    /// The write end of a pipe, which the run takes over.
    case pipe(Int32)
}

/// One program to run in a slot.
public struct SandboxRequest: Sendable {
    /// `arguments[0]` is the executable's absolute path.
    public var arguments: [String]
    public var environment: [String: String]
    public var workingDirectory: URL
    public var stdin: SandboxInput
    public var stdout: SandboxOutput = .capture
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
        arguments: [String], environment: [String: String], workingDirectory: URL, stdin: SandboxInput,
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

/// What a slot's programs may see of the file system, when it is not the judge's whole tree.
public struct SandboxView: Sendable, Hashable {
    /// Trees shown read-only at their own paths (besides ``SandboxRequest/systemReadablePaths``).
    public var readable: [String]
    /// Trees shown read-write at their own paths (Landlock still decides what a program may write).
    public var writable: [String]

    public init(readable: [String], writable: [String]) {
        self.readable = readable
        self.writable = writable
    }
}

/// One execution context of the C sandbox with its own thread, uid, cgroups, capture files and input file.
/// `@unchecked Sendable`: `queue`, a serial queue, runs every use of `handle`, the rulesets and the files (`run(_:)`
/// and `runBlocking(_:)` both go through it).
public final class SandboxSlot: @unchecked Sendable {
    private let handle: OpaquePointer
    private let queue: DispatchQueue
    /// Landlock ruleset fds by their path lists (built once, reused for every test).
    private var rulesets: [String: Int32] = [:]
    /// The paths and ruleset of the last run.
    private var lastRuleset: (readable: [String], writable: [String], fd: Int32)?
    /// Directory holding this slot's stdout/stderr capture files and its input file.
    public let captureDirectory: URL
    private let stdoutFile: URL
    private let stderrFile: URL
    private let inputFile: URL
    /// The capture files and the input file, opened once: reopening with `O_TRUNC` costs a syscall each and, on
    /// ext4, a write-back of the previous run's output when the truncated file is closed (0.1–0.2 ms per test
    /// that printed, `solve-bench`). The input file has a writer (the judge's) and a reader (the program's stdin).
    private let stdoutFD: Int32
    private let stderrFD: Int32
    private let inputWriterFD: Int32
    private let inputReaderFD: Int32
    /// The uid programs run as, or nil when they keep the judge's.
    public let uid: uid_t?
    /// The protections this slot enforces.
    public let protections: SandboxProtections

    /// Creates a slot.
    /// - Parameters:
    ///   - ownUID: run programs as an unprivileged uid of the slot's own (root only).
    ///   - view: the private file-system view programs run in, or nil for the judge's (Landlock still applies).
    ///   - captureDirectory: a private folder (mode 0700) for stdout, stderr and the input file.
    /// - Throws: `JudgingError.sandboxUnavailable`.
    public init(ownUID: Bool, view: SandboxView?, captureDirectory: URL) throws {
        stdoutFile = captureDirectory.appendingPathComponent("stdout")
        stderrFile = captureDirectory.appendingPathComponent("stderr")
        inputFile = captureDirectory.appendingPathComponent("stdin")
        // Programs reach these through /dev/stdin, /dev/stdout and /dev/stderr only (the folder is private): the
        // input readable, the outputs writable by a slot's uid.
        let descriptors = [
            open(stdoutFile.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o622),
            open(stderrFile.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o622),
            open(inputFile.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644),
            open(inputFile.path, O_RDONLY | O_CLOEXEC),
        ]
        guard !descriptors.contains(-1) else {
            let error = errno
            descriptors.filter { $0 >= 0 }.forEach { close($0) }
            throw JudgingError.sandboxUnavailable(step: "open capture files", errno: error)
        }
        for file in [stdoutFile, stderrFile] { chmod(file.path, 0o622) }
        chmod(inputFile.path, 0o644)
        (stdoutFD, stderrFD, inputWriterFD, inputReaderFD) = (
            descriptors[0], descriptors[1], descriptors[2], descriptors[3]
        )

        var created: OpaquePointer?
        var step: UnsafePointer<CChar>?
        var viewError: Int32 = 0
        var viewStep: UnsafePointer<CChar>?
        let status: Int32
        var options = csandbox_slot_options(
            claim: 1, drop_uid: ownUID ? 1 : 0, uid_base: Int64(SandboxPool.uidBase), use_cgroups: 1, view: nil)
        if let view {
            let root = captureDirectory.appendingPathComponent("view")
            mkdir(root.path, 0o700)
            // The slot's own files, shown where programs look for them; the outputs writable.
            let sourceFiles = [inputFile.path, stdoutFile.path, stderrFile.path]
            let targetFiles = ["/dev/stdin", "/dev/stdout", "/dev/stderr"]
            let writable: [Int32] = [0, 1, 1]
            status = withCStrings(SandboxRequest.systemReadablePaths + view.readable) { read in
                withCStrings(view.writable) { write in
                    withCStrings(sourceFiles) { sources in
                        withCStrings(targetFiles) { targets in
                            writable.withUnsafeBufferPointer { writableFlags in
                                guard let writableBase = writableFlags.baseAddress else { return EINVAL }
                                return root.path.withCString { rootPath in
                                    var description = csandbox_view(
                                        root: rootPath, read_paths: read,
                                        read_count: SandboxRequest.systemReadablePaths.count + view.readable.count,
                                        write_paths: write, write_count: view.writable.count, file_sources: sources,
                                        file_targets: targets, file_writable: writableBase,
                                        file_count: sourceFiles.count)
                                    return withUnsafePointer(to: &description) { pointer in
                                        options.view = pointer
                                        return csandbox_slot_create(&options, &created, &step, &viewError, &viewStep)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } else {
            status = csandbox_slot_create(&options, &created, &step, &viewError, &viewStep)
        }
        guard status == 0, let created else {
            descriptors.forEach { close($0) }
            throw JudgingError.sandboxFailure(status, named: step, otherwise: "create slot")
        }
        handle = created
        let slotUID = csandbox_slot_uid(created)
        uid = slotUID >= 0 ? uid_t(slotUID) : nil
        self.captureDirectory = captureDirectory
        queue = DispatchQueue(label: "solve.sandbox.\(captureDirectory.lastPathComponent)")
        let viewFailure =
            view != nil && viewError != 0
            ? "\(viewStep.map { String(cString: $0) } ?? "view"): \(String(cString: strerror(viewError)))" : nil
        protections = SandboxProtections(bits: csandbox_slot_protections(created), uid: uid, viewFailure: viewFailure)
    }

    deinit {
        for fd in rulesets.values { csandbox_close(fd) }
        for fd in [stdoutFD, stderrFD, inputWriterFD, inputReaderFD] { close(fd) }
        csandbox_slot_destroy(handle)
    }

    /// Runs a program and waits for it on the slot's own thread (never on the cooperative pool).
    /// - Throws: `JudgingError.sandboxUnavailable` when the sandbox could not be set up.
    public func run(_ request: SandboxRequest) async throws -> SandboxOutcome {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.runOnQueue(request) })
            }
        }
    }

    /// Runs and waits on the calling thread, which must be a dedicated thread (never the cooperative pool); runs of
    /// the slot take turns on its queue. `run(_:)` is the async form.
    public func runBlocking(_ request: SandboxRequest) throws -> SandboxOutcome {
        try queue.sync { try runOnQueue(request) }
    }

    /// One run; called on `queue` only.
    private func runOnQueue(_ request: SandboxRequest) throws -> SandboxOutcome {
        var owned: [Int32] = []
        if case .pipe(let fd) = request.stdin { owned.append(fd) }
        if case .pipe(let fd) = request.stdout { owned.append(fd) }
        var handedOver = false
        defer { if !handedOver { owned.forEach { close($0) } } }
        let stdinFD: Int32
        var openedFD: Int32 = -1
        defer { if openedFD >= 0 { close(openedFD) } }
        switch request.stdin {
        case .empty:
            try loadInput(source: -1, data: Data())
            stdinFD = inputReaderFD
        case .copy(.text(let text)):
            try loadInput(source: -1, data: Data(text.utf8))
            stdinFD = inputReaderFD
        case .copy(.file(let url)), .file(let url):
            openedFD = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard openedFD >= 0 else { throw JudgingError.sandboxUnavailable(step: "open stdin", errno: errno) }
            var status = stat()
            guard fstat(openedFD, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                throw JudgingError.sandboxUnavailable(
                    step: "open stdin \(url.path) (not a regular file)", errno: EINVAL)
            }
            _ = fcntl(openedFD, F_SETFL, 0)
            if case .file = request.stdin {
                stdinFD = openedFD
            } else {
                try loadInput(source: openedFD, data: Data())
                stdinFD = inputReaderFD
            }
        case .pipe(let fd):
            stdinFD = fd
        }
        let stdoutTarget: Int32
        switch request.stdout {
        case .capture: stdoutTarget = stdoutFD
        case .pipe(let fd): stdoutTarget = fd
        }
        for fd in [stdoutFD, stderrFD] {
            try JudgingError.checkSandbox(csandbox_capture_reset(fd), step: "reset capture file")
        }
        let landlockFD = try ruleset(readable: request.readablePaths, writable: request.writablePaths)

        var result = csandbox_result()
        var step: UnsafePointer<CChar>?
        let environment = request.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        handedOver = true
        let status = withCStrings(request.arguments) { argv in
            withCStrings(environment) { envp in
                request.workingDirectory.withUnsafeFileSystemRepresentation { workdir in
                    guard let workdir, let path = argv[0] else {
                        owned.forEach { close($0) }
                        return EINVAL
                    }
                    var spec = csandbox_run_spec(
                        path: path, argv: argv, envp: envp, workdir: workdir, stdin_fd: stdinFD,
                        stdout_fd: stdoutTarget, stderr_fd: stderrFD,
                        owns_stdin: request.stdin.isPipe ? 1 : 0, owns_stdout: request.stdout.isPipe ? 1 : 0,
                        profile: request.profile.cValue, landlock_fd: landlockFD,
                        cpu_limit_ms: UInt64(request.cpuLimitMilliseconds),
                        wall_limit_ms: UInt64(request.wallLimitMilliseconds),
                        memory_limit_bytes: UInt64(request.memoryLimitBytes),
                        address_space_bytes: UInt64(request.addressSpaceBytes),
                        stack_bytes: UInt64(request.stackBytes), file_size_bytes: UInt64(request.outputLimitBytes),
                        open_files: UInt32(request.openFiles), max_tasks: UInt32(request.maxTasks))
                    return csandbox_run(handle, &spec, &result, &step)
                }
            }
        }
        guard status == 0 else { throw JudgingError.sandboxFailure(status, named: step, otherwise: "clone") }
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

    /// Fills the slot's input file from `source` (an fd) or `data`, and rewinds the program's end.
    private func loadInput(source: Int32, data: Data) throws {
        let status = data.withUnsafeBytes { bytes in
            csandbox_input_load(inputWriterFD, inputReaderFD, source, bytes.baseAddress, bytes.count)
        }
        try JudgingError.checkSandbox(status, step: "load the input file")
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
        // The slot's own files, reached as /dev/stdin, /dev/stdout and /dev/stderr; /dev/null may be written.
        let read = SandboxRequest.systemReadablePaths + [inputFile.path] + readable
        let write = [stdoutFile.path, stderrFile.path, "/dev/null"] + writable
        let key = read.joined(separator: "\0") + "\u{1}" + write.joined(separator: "\0")
        if let fd = rulesets[key] { return fd }
        var fd: Int32 = -1
        let status = withCStrings(read) { readPaths in
            withCStrings(write) { writePaths in
                csandbox_landlock_create(readPaths, read.count, writePaths, write.count, &fd)
            }
        }
        try JudgingError.checkSandbox(status, step: "Landlock ruleset")
        if rulesets.count > 64, let (oldKey, oldFD) = rulesets.first {
            if lastRuleset?.fd == oldFD { lastRuleset = nil }
            csandbox_close(oldFD)
            rulesets[oldKey] = nil
        }
        rulesets[key] = fd
        return fd
    }
}

extension SandboxInput {
    var isPipe: Bool {
        if case .pipe = self { return true }
        return false
    }
}

extension SandboxOutput {
    var isPipe: Bool {
        if case .pipe = self { return true }
        return false
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
