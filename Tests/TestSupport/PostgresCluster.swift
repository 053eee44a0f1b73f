import Foundation

/// PostgreSQL's server binaries as Debian's `postgresql` package installs them (`/usr/lib/postgresql/N/bin`).
public struct PostgresInstallation: Sendable {
    /// The folder holding `initdb`, `pg_ctl`, `pg_isready`, `psql`.
    public let bin: URL
    /// The major version, from the folder's name (0 when the binaries came from PATH).
    public let version: Int

    /// The tools a cluster needs.
    static let tools = ["initdb", "pg_ctl", "pg_isready", "psql"]

    /// The newest `/usr/lib/postgresql/*/bin` that holds every tool, else a PATH folder that does; nil without any.
    public static func find() -> PostgresInstallation? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap { name in Int(name).map { (name: name, number: $0) } }
            .sorted { $0.number > $1.number }
        for version in versions {
            let bin = URL(fileURLWithPath: root).appendingPathComponent(version.name).appendingPathComponent("bin")
            if holdsTools(bin) { return PostgresInstallation(bin: bin, version: version.number) }
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let bin = URL(fileURLWithPath: String(folder))
            if holdsTools(bin) { return PostgresInstallation(bin: bin, version: 0) }
        }
        return nil
    }

    /// One of the tools, by name (`psql`).
    public func tool(_ name: String) -> URL { bin.appendingPathComponent(name) }

    private static func holdsTools(_ bin: URL) -> Bool {
        tools.allSatisfy { FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent($0).path) }
    }
}

/// Why a throwaway cluster could not be set up, started or stopped.
public struct PostgresClusterError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A throwaway PostgreSQL cluster for tests: `initdb` in a fresh temporary folder, `pg_ctl start` on a free port of
/// 127.0.0.1 (its Unix socket in that folder), trust authentication for the superuser `postgres`. As root, the server
/// runs as `nobody` (PostgreSQL refuses to run as root) through `setpriv`, or as `postgres` through `runuser`.
/// `stop()` stops it (`pg_ctl stop -m fast`) and removes the folder.
public final class PostgresCluster: @unchecked Sendable {
    // `@unchecked Sendable`: every property but `stopped` is set once in `init`; `stopped` is guarded by `lock`.
    public let installation: PostgresInstallation
    /// The temporary folder: `data/` (the cluster), `server.log`, and the Unix socket.
    public let directory: URL
    public let port: Int
    /// The superuser, who connects without a password.
    public let user = "postgres"
    /// What to connect to: `postgres://postgres@127.0.0.1:PORT/postgres`.
    public var url: String { "postgres://\(user)@127.0.0.1:\(port)/postgres" }
    public var dataDirectory: URL { directory.appendingPathComponent("data") }
    public var log: URL { directory.appendingPathComponent("server.log") }
    private let runner: ServerUser
    private let lock = NSLock()
    private var stopped = false

    /// Creates and starts a cluster, and waits until `pg_isready` accepts connections on its port.
    /// - Parameters:
    ///   - installation: the binaries; `PostgresInstallation.find()` when nil (an error when there are none).
    ///   - settings: extra server settings (`-c NAME=VALUE`), e.g. `["max_connections": "50"]`.
    ///   - readyWithin: how long to wait for `pg_isready`, in seconds.
    public static func start(
        installation: PostgresInstallation? = nil, settings: [String: String] = [:], readyWithin: Double = 60
    ) async throws -> PostgresCluster {
        guard let installation = installation ?? PostgresInstallation.find() else {
            throw PostgresClusterError(
                "no PostgreSQL binaries (initdb, pg_ctl, pg_isready, psql) under /usr/lib/postgresql/*/bin or on PATH:"
                    + " apt-get install postgresql")
        }
        let runner = try ServerUser.current()
        let directory = try makeDirectory(owner: runner)
        do {
            try initialize(installation, directory: directory, runner: runner)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        // A free port can be taken by someone else before the server binds it: try a few.
        var attempt = 0
        while true {
            attempt += 1
            let port: Int
            do {
                port = try HostProbes.freeLoopbackPort()
            } catch {
                try? FileManager.default.removeItem(at: directory)
                throw error
            }
            let cluster = PostgresCluster(installation: installation, directory: directory, port: port, runner: runner)
            do {
                try await cluster.launch(settings: settings, readyWithin: readyWithin)
                return cluster
            } catch  where attempt < 3 && cluster.logText().contains("could not bind") {
                cluster.abandon()
            } catch {
                try? cluster.stop()
                throw error
            }
        }
    }

    private init(installation: PostgresInstallation, directory: URL, port: Int, runner: ServerUser) {
        self.installation = installation
        self.directory = directory
        self.port = port
        self.runner = runner
    }

    /// Stops the server (`pg_ctl stop -m fast`, SIGKILL to the postmaster if that fails) and removes the folder.
    /// Stopping twice does nothing.
    public func stop() throws {
        let alreadyStopped = lock.withLock {
            defer { stopped = true }
            return stopped
        }
        if alreadyStopped { return }
        let failure = halt()
        do {
            try FileManager.default.removeItem(at: directory)
        } catch {
            throw PostgresClusterError("could not remove the cluster's folder \(directory.path): \(error)")
        }
        if let failure { throw failure }
    }

    deinit { try? stop() }

    /// Stops a server that lost its port and forgets it, keeping the folder for the next try (without its log).
    private func abandon() {
        lock.withLock { stopped = true }
        halt()
        try? FileManager.default.removeItem(at: log)
    }

    /// The end of the server's log, for error messages.
    public func logTail(_ characters: Int = 3000) -> String { String(logText().suffix(characters)) }

    /// Runs `psql` against the cluster (`-X -v ON_ERROR_STOP=1 -tA -c SQL`) and returns its output, trimmed;
    /// throws with the output when psql fails.
    public func psql(_ sql: String) throws -> String {
        let result = try Self.run(
            installation.tool("psql"), ["-X", "-v", "ON_ERROR_STOP=1", "-tA", "-d", url, "-c", sql], in: directory)
        guard result.status == 0 else {
            throw PostgresClusterError("psql exited with \(result.status) on \(sql): \(result.output)")
        }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether nothing listens on `port` of 127.0.0.1 (a socket can bind it).
    public static func isFree(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0, let port = UInt16(exactly: port) else { return false }
        defer { close(fd) }
        // As a server binds: connections of a stopped server left in TIME_WAIT do not hold the port.
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    // MARK: - Starting

    private func launch(settings: [String: String], readyWithin: Double) async throws {
        var options = [
            "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=\(directory.path)",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        ]
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) { options += ["-c", "\(name)=\(value)"] }
        // `-W`: pg_ctl returns once the postmaster is launched; readiness is pg_isready's to say.
        let start = try runAsServer(
            "pg_ctl",
            [
                "-D", dataDirectory.path, "-l", log.path, "-W", "-o",
                options.map(Self.shellQuoted).joined(separator: " "),
                "start",
            ])
        guard start.status == 0 else {
            throw PostgresClusterError("pg_ctl start exited with \(start.status): \(start.output)\n\(logTail())")
        }
        let began = Date()
        let deadline = began.addingTimeInterval(readyWithin)
        while Date() < deadline {
            let ready = try Self.run(
                installation.tool("pg_isready"), ["-h", "127.0.0.1", "-p", String(port), "-U", user, "-t", "2"],
                in: directory)
            if ready.status == 0 { return }
            // The postmaster writes postmaster.pid at once; its absence after a FATAL line or a few seconds means it
            // exited.
            let waited = Date().timeIntervalSince(began)
            if !isPostmasterRunning() && (waited > 5 || logText().contains("FATAL:")) {
                throw PostgresClusterError(
                    "the PostgreSQL server exited before accepting connections on port \(port): \(logTail())")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw PostgresClusterError(
            "pg_isready did not report the server on 127.0.0.1:\(port) ready within \(readyWithin) s: \(logTail())")
    }

    /// `pg_ctl stop -m fast`, then SIGKILL to the postmaster when it is still there; the error of a failed pg_ctl.
    @discardableResult
    private func halt() -> PostgresClusterError? {
        guard isPostmasterRunning() else { return nil }
        let result = try? runAsServer("pg_ctl", ["-D", dataDirectory.path, "-m", "fast", "-w", "-t", "30", "stop"])
        if let result, result.status == 0 { return nil }
        if let pid = postmasterPID() { kill(pid, SIGKILL) }
        let output = result?.output ?? "could not run pg_ctl"
        return PostgresClusterError("pg_ctl stop exited with \(result?.status ?? -1): \(output)\n\(logTail())")
    }

    private func isPostmasterRunning() -> Bool {
        guard let pid = postmasterPID() else { return false }
        return kill(pid, 0) == 0
    }

    /// The first line of `postmaster.pid`.
    private func postmasterPID() -> pid_t? {
        let file = dataDirectory.appendingPathComponent("postmaster.pid")
        guard let text = try? String(contentsOf: file, encoding: .utf8),
            let line = text.split(separator: "\n").first
        else { return nil }
        return pid_t(line.trimmingCharacters(in: .whitespaces))
    }

    private func logText() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    private func runAsServer(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let command = runner.prefix + [installation.tool(tool).path] + arguments
        return try Self.run(URL(fileURLWithPath: command[0]), Array(command.dropFirst()), in: directory)
    }

    // MARK: - Setting up

    /// A fresh folder under /tmp (under the temporary directory when not root), owned by the server's user.
    private static func makeDirectory(owner: ServerUser) throws -> URL {
        let base = owner.uid == nil ? FileManager.default.temporaryDirectory.path : "/tmp"
        var template = Array((base + "/solve-pg-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let path = made else {
            throw PostgresClusterError("could not create a folder under \(base): \(String(cString: strerror(errno)))")
        }
        if let uid = owner.uid, let gid = owner.gid, chown(path, uid, gid) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: path)
            throw PostgresClusterError("could not give \(path) to \(owner.name): \(reason)")
        }
        return URL(fileURLWithPath: path)
    }

    private static func initialize(_ installation: PostgresInstallation, directory: URL, runner: ServerUser) throws {
        let data = directory.appendingPathComponent("data").path
        let command =
            runner.prefix + [
                installation.tool("initdb").path, "-D", data, "-U", "postgres", "--auth=trust", "--no-sync",
                "--encoding=UTF8", "--locale=C",
            ]
        let result = try run(URL(fileURLWithPath: command[0]), Array(command.dropFirst()), in: directory)
        guard result.status == 0 else {
            throw PostgresClusterError("initdb exited with \(result.status): \(String(result.output.suffix(3000)))")
        }
    }

    /// Runs a command with stdin from /dev/null, PG* variables removed, and stdout and stderr together. The output
    /// goes to a file, not a pipe: the postmaster that `pg_ctl start` leaves behind could hold a pipe open.
    private static func run(_ executable: URL, _ arguments: [String], in directory: URL) throws -> (
        status: Int32, output: String
    ) {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "postgres-cluster-output-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil) else {
            throw PostgresClusterError("could not create \(outputFile.path)")
        }
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let handle = try FileHandle(forWritingTo: outputFile)
        defer { try? handle.close() }
        // posix_spawn, not Process: Foundation notices a child's exit when a socket it hands the child closes, and
        // the postmaster that `pg_ctl start` leaves behind would keep it open. Every descriptor but 0-2 is closed.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, handle.fileDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, handle.fileDescriptor, 2)
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap {
            Int32($0)
        }
        for fd in open where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }.map { "\($0)=\($1)" }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw PostgresClusterError("could not run \(executable.path): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return (code, output)
    }

    private static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Who the server runs as: the current user, or (as root) `nobody` through setpriv or `postgres` through runuser.
struct ServerUser {
    let name: String
    let uid: uid_t?
    let gid: gid_t?
    /// What runs a command as that user (empty for the current one).
    let prefix: [String]

    static func current() throws -> ServerUser {
        guard geteuid() == 0 else { return ServerUser(name: "the current user", uid: nil, gid: nil, prefix: []) }
        let setpriv = "/usr/bin/setpriv"
        if FileManager.default.isExecutableFile(atPath: setpriv), let nobody = getpwnam("nobody"),
            let nogroup = getgrnam("nogroup")
        {
            return ServerUser(
                name: "nobody", uid: nobody.pointee.pw_uid, gid: nogroup.pointee.gr_gid,
                prefix: [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"])
        }
        let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if let runuser, let postgres = getpwnam("postgres") {
            return ServerUser(
                name: "postgres", uid: postgres.pointee.pw_uid, gid: postgres.pointee.pw_gid,
                prefix: [runuser, "-u", "postgres", "--"])
        }
        throw PostgresClusterError(
            "running as root and neither setpriv with the user nobody and group nogroup nor runuser with the user"
                + " postgres is available: PostgreSQL refuses to run as root")
    }
}
