import Foundation

/// The scripted OpenAI-compatible server (`Tests/Fixtures/scripted-server/server.py`), one per test process.
public final class ScriptedServer: Sendable {
    /// The API base, e.g. `http://127.0.0.1:40123/v1`.
    public let baseURL: String
    private let process: Process

    /// Started on first use; it exits when this test process does (its stdin closes).
    public static let shared: ScriptedServer = {
        do { return try ScriptedServer() } catch { fatalError("cannot start the scripted server: \(error)") }
    }()

    /// A server of its own, for tests whose load would slow the shared one's timing tests down; it exits when this
    /// test process does.
    public init() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Fixtures.fixture("scripted-server/server.py").path, "--exit-on-eof"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = Pipe()
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard !byte.isEmpty else { throw CocoaError(.fileReadUnknown) }
            line.append(byte)
        }
        let port =
            String(decoding: line, as: UTF8.self).split(separator: " ").last.map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines)
            } ?? ""
        self.process = process
        baseURL = "http://127.0.0.1:\(port)/v1"
    }

    /// A model name for `scenario` with a counter no other test shares.
    public func model(_ scenario: String) -> String { "scripted/\(scenario)#\(UUID().uuidString.prefix(8))" }

    /// The request bodies the server received for `model` (sent with `apiKey`, when given), in order.
    public func requests(for model: String, apiKey: String? = nil) throws -> [[String: Any]] {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-sS", baseURL + "/requests"]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        let all = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return all.filter { request in
            let authorization = (request["_headers"] as? [String: String])?["Authorization"]
            return request["model"] as? String == model && (apiKey.map { authorization == "Bearer \($0)" } ?? true)
        }
    }
}
