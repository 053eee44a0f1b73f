import Foundation
import ProblemFormat

/// How to run a program on inputs that have no answer (generated inputs, an input generator's test numbers).
public struct ExecutionOptions: Sendable, Hashable {
    /// The CPU time and memory of each run.
    public var limits: Limits
    /// The most a run may write to stdout: past it the run is an output-limit failure, and this much is kept.
    public var outputLimitBytes: Int
    /// Stop at the first run that fails (the rest are not run).
    public var stopAtFirstFailure: Bool
    /// Run the program as a whole program even on a function problem (an input generator), instead of calling the
    /// problem's function with each input's arguments.
    public var standalone: Bool

    public init(
        limits: Limits, outputLimitBytes: Int = 4 << 20, stopAtFirstFailure: Bool = false, standalone: Bool = false
    ) {
        self.limits = limits
        self.outputLimitBytes = outputLimitBytes
        self.stopAtFirstFailure = stopAtFirstFailure
        self.standalone = standalone
    }
}

/// One run of a program on one input, outside any test: what it wrote and how it ended.
public struct ProgramRun: Sendable, Hashable {
    /// Why the run failed (TLE, MLE, RE, OLE, SV), or nil when it exited normally within the limits.
    public var failure: Verdict?
    /// Why it failed, or empty.
    public var message: String
    /// Its standard output, whole (at most the options' output limit); for a function problem's solution, the JSON
    /// the function returned.
    public var output: Data
    public var timeMilliseconds: Int
    public var memoryKiB: Int

    public init(failure: Verdict?, message: String, output: Data, timeMilliseconds: Int, memoryKiB: Int) {
        self.failure = failure
        self.message = message
        self.output = output
        self.timeMilliseconds = timeMilliseconds
        self.memoryKiB = memoryKiB
    }

    /// Whether the run exited normally within the limits.
    public var succeeded: Bool { failure == nil }
}

/// A program compiled once and run on several inputs.
public struct ExecutionReport: Sendable, Hashable {
    public var compile: CompileReport
    /// One run per input, in order; fewer when the compile failed or a failure stopped the runs.
    public var runs: [ProgramRun]

    public init(compile: CompileReport, runs: [ProgramRun]) {
        self.compile = compile
        self.runs = runs
    }
}
