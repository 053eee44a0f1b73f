import Foundation

extension SandboxRequest {
    /// Memory cgroup limit of every tool run (compilers, checkers): heavy template code needs room.
    static let toolMemoryLimitBytes = 2 << 30

    /// The environment tools run with: nothing of the judge's; temporary files go to `home`.
    static func toolEnvironment(home: URL) -> [String: String] {
        ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home.path, "TMPDIR": home.path]
    }

    /// A compiler or checker run: the tool profile (may fork, no network), a 2 GiB memory cgroup, no address-space
    /// cap, a 256 MiB stack, and the call site's own time, output and path limits.
    static func tool(
        _ arguments: [String], in directory: URL, stdin: SandboxInput = .empty, readable: [String], writable: [String],
        cpuLimitMilliseconds: Int, wallLimitMilliseconds: Int, outputLimitBytes: Int, maxTasks: Int = 64
    ) -> SandboxRequest {
        SandboxRequest(
            arguments: arguments, environment: toolEnvironment(home: directory), workingDirectory: directory,
            stdin: stdin, profile: .tool, readablePaths: readable, writablePaths: writable,
            cpuLimitMilliseconds: cpuLimitMilliseconds, wallLimitMilliseconds: wallLimitMilliseconds,
            memoryLimitBytes: toolMemoryLimitBytes, addressSpaceBytes: 0, stackBytes: 256 << 20,
            outputLimitBytes: outputLimitBytes, maxTasks: maxTasks)
    }
}
