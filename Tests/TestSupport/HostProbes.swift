import Foundation

/// Host-side observations for the hostile-submission tests: listeners, sentinels, leftover processes.
public enum HostProbes {
    /// A TCP listener on 127.0.0.1 with a kernel-chosen port; `acceptedAnything()` polls without blocking.
    public final class Listener: @unchecked Sendable {  // the fd is only read after init; closing is idempotent
        public let port: UInt16
        private let fd: Int32

        public init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                    bind(fd, pointer, length) == 0 && listen(fd, 16) == 0
                        && getsockname(fd, pointer, &length) == 0
                }
            }
            guard fd >= 0, bound else {
                close(fd)
                throw POSIXError(.EADDRNOTAVAIL)
            }
            self.fd = fd
            port = UInt16(bigEndian: address.sin_port)
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        }

        deinit { close(fd) }

        /// Whether any connection arrived.
        public func acceptedAnything() -> Bool {
            let client = accept(fd, nil, nil)
            if client >= 0 {
                close(client)
                return true
            }
            return false
        }
    }

    /// A loopback port nothing listens on now: a listener's, closed again.
    public static func freeLoopbackPort() throws -> Int { Int(try Listener().port) }

    /// Starts `/bin/sleep 120` as the test's own process and returns its pid.
    public static func startSentinel() -> pid_t {
        var pid: pid_t = 0
        let arguments: [String] = ["/bin/sleep", "120"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        posix_spawn(&pid, "/bin/sleep", nil, nil, argv, environ)
        return pid
    }

    /// Whether the process exists (and is not a zombie we could reap).
    public static func isAlive(_ pid: pid_t) -> Bool {
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { return false }
        return kill(pid, 0) == 0
    }

    /// Stops and reaps a sentinel.
    public static func stop(_ pid: pid_t) {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// Pids of processes owned by `uid` or whose working directory lies under `directory`.
    public static func processes(ownedBy uid: uid_t?, orRunningIn directory: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            if let uid, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Uid:") }),
                line.split(separator: "\t").dropFirst().first == Substring(String(uid))
            {
                return true
            }
            let cwd = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")) ?? ""
            return cwd.hasPrefix(directory)
        }
    }
}
