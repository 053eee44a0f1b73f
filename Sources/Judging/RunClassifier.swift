import Foundation
import ProblemFormat

/// Turns what the sandbox saw into a verdict, before the output is checked.
public enum RunClassifier {
    /// What runtimes print when an allocation fails (the address-space limit turned it into an error).
    static let allocationFailureMarkers = [
        "std::bad_alloc", "MemoryError", "memory allocation of", "Cannot allocate memory", "out of memory",
    ]

    /// The verdict when the run itself failed (SV, MLE, TLE, OLE, RE), or nil when the output must be checked.
    public static func classify(_ outcome: SandboxOutcome, limits: Limits, outputLimitBytes: Int, stderrTail: String)
        -> (Verdict, String)?
    {
        let cpuMilliseconds = outcome.cpuMicroseconds / 1000
        let failed = outcome.signal != nil || outcome.exitCode != 0
        if let call = outcome.violation {
            return (.securityViolation, "forbidden system call: \(call)")
        }
        let peak = outcome.peakMemoryBytes
        let limitMiB = limits.memoryBytes >> 20
        if peak > limits.memoryBytes || (outcome.memoryLimitHit && failed) {
            return (.memoryLimitExceeded, "used more than \(limitMiB) MiB")
        }
        if failed, let marker = allocationFailureMarkers.first(where: { stderrTail.contains($0) }) {
            return (.memoryLimitExceeded, "an allocation failed at the \(limitMiB) MiB limit (\(marker))")
        }
        if failed, outcome.signal == SIGSEGV || outcome.signal == SIGBUS, peak >= limits.memoryBytes / 10 * 9 {
            return (
                .memoryLimitExceeded,
                "crashed at \(peak >> 20) MiB of a \(limitMiB) MiB limit (stack or heap exhausted)"
            )
        }
        if outcome.cpuLimitHit || cpuMilliseconds > limits.timeMilliseconds || outcome.signal == SIGXCPU {
            return (.timeLimitExceeded, "used \(cpuMilliseconds) ms of CPU, limit \(limits.timeMilliseconds) ms")
        }
        if outcome.wallLimitHit {
            return (
                .timeLimitExceeded,
                "still running after \(outcome.wallMicroseconds / 1000) ms wall time (\(cpuMilliseconds) ms CPU): sleeping or blocked"
            )
        }
        let outputSize =
            (try? FileManager.default.attributesOfItem(atPath: outcome.stdoutFile.path)[.size] as? Int) ?? 0
        if outcome.signal == SIGXFSZ || outputSize >= outputLimitBytes {
            return (.outputLimitExceeded, "wrote more than \(outputLimitBytes >> 20) MiB")
        }
        if let signal = outcome.signal {
            return (.runtimeError, "killed by signal \(signal) (\(signalName(signal)))")
        }
        if let code = outcome.exitCode, code != 0 {
            return (.runtimeError, "exit code \(code)")
        }
        return nil
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: return "SIGSEGV, invalid memory access"
        case SIGABRT: return "SIGABRT, aborted"
        case SIGFPE: return "SIGFPE, arithmetic error such as division by zero"
        case SIGKILL: return "SIGKILL"
        case SIGBUS: return "SIGBUS"
        case SIGILL: return "SIGILL"
        case SIGTRAP: return "SIGTRAP"
        case SIGSYS: return "SIGSYS"
        default: return String(cString: strsignal(signal))
        }
    }
}
