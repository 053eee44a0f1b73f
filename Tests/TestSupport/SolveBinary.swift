import Foundation

/// The built `solve` binary, next to the test bundle.
public func solveBinary() throws -> URL {
    let bundle = Bundle.main.bundleURL
    let candidates = [
        bundle.appendingPathComponent("solve"), bundle.deletingLastPathComponent().appendingPathComponent("solve"),
    ]
    return try candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }.orThrow(
        "no solve binary next to \(bundle.path); build with swift build --build-tests")
}

/// Runs the built `solve` binary (or a copy of it) in `directory`, with `environment` added to this process's, and
/// returns exit code, stdout and stderr.
public func runSolve(
    _ arguments: [String], binary: URL? = nil, directory: URL = Fixtures.root, environment: [String: String] = [:]
) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = try binary ?? solveBinary()
    process.arguments = arguments
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
    }
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

extension Optional {
    /// The value, or an error saying what was missing.
    func orThrow(_ message: String) throws -> Wrapped {
        guard let self else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: message]) }
        return self
    }
}
