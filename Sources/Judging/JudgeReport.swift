/// Everything `solve judge` reports about one submission.
public struct JudgeReport: Sendable, Codable {
    public var verdict: Verdict
    /// One line: why the verdict (`test 3: expected 5, got 6`).
    public var message: String
    public var language: String
    public var compile: CompileReport
    public var tests: [TestReport]
    /// The largest CPU time of any test (ms).
    public var timeMilliseconds: Int
    /// The largest peak memory of any test (KiB).
    public var memoryKiB: Int
    /// The protections that were active.
    public var sandbox: [String]

    public init(
        verdict: Verdict, message: String, language: String, compile: CompileReport, tests: [TestReport],
        timeMilliseconds: Int, memoryKiB: Int, sandbox: [String]
    ) {
        self.verdict = verdict
        self.message = message
        self.language = language
        self.compile = compile
        self.tests = tests
        self.timeMilliseconds = timeMilliseconds
        self.memoryKiB = memoryKiB
        self.sandbox = sandbox
    }

    enum CodingKeys: String, CodingKey {
        case verdict, message, language, compile, tests, sandbox
        case timeMilliseconds = "time_ms"
        case memoryKiB = "memory_kib"
    }
}

/// The compile (or syntax-check) step.
public struct CompileReport: Sendable, Hashable, Codable {
    public var ok: Bool
    /// Compiler messages, cut at 64 KiB.
    public var log: String
    public var timeMilliseconds: Int

    public init(ok: Bool, log: String, timeMilliseconds: Int) {
        self.ok = ok
        self.log = log
        self.timeMilliseconds = timeMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case ok, log
        case timeMilliseconds = "time_ms"
    }
}

/// One test's result.
public struct TestReport: Sendable, Codable {
    public var name: String
    public var isSample: Bool
    public var verdict: Verdict
    /// CPU time, user + system (ms).
    public var timeMilliseconds: Int
    public var wallMilliseconds: Int
    public var memoryKiB: Int
    /// Why (checker message, exit code, signal, forbidden call).
    public var message: String
    public var exitCode: Int32?
    public var signal: Int32?
    /// The start of the program's output (at most 1 KiB).
    public var output: String
    /// The end of the program's stderr (at most 1 KiB).
    public var stderr: String

    public init(
        name: String, isSample: Bool, verdict: Verdict, timeMilliseconds: Int, wallMilliseconds: Int, memoryKiB: Int,
        message: String, exitCode: Int32?, signal: Int32?, output: String, stderr: String
    ) {
        self.name = name
        self.isSample = isSample
        self.verdict = verdict
        self.timeMilliseconds = timeMilliseconds
        self.wallMilliseconds = wallMilliseconds
        self.memoryKiB = memoryKiB
        self.message = message
        self.exitCode = exitCode
        self.signal = signal
        self.output = output
        self.stderr = stderr
    }

    enum CodingKeys: String, CodingKey {
        case name, verdict, message, signal, output, stderr
        case isSample = "sample"
        case timeMilliseconds = "time_ms"
        case wallMilliseconds = "wall_ms"
        case memoryKiB = "memory_kib"
        case exitCode = "exit_code"
    }
}
