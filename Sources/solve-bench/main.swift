// solve-bench: prints, from one run, the sandbox's per-run cost against the posix_spawn floor, what the slots' kept
// capture files save over reopening them, the precompiled header's compile speed-up, and the token checker's time
// and memory on a flood of output.
// Usage: swift run -c release solve-bench [runs]
//        swift run -c release solve-bench stream [MB]   (chat stream parsing only: StreamBench.swift)
import CSandbox
import Foundation
import Judging

if CommandLine.arguments.dropFirst().first == "stream" {
    let megabytes = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 50 : 50
    StreamBench.run(megabytes: max(1, min(megabytes, 4096)))
    exit(0)
}

/// Median of the samples (µs).
func median(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func percentile(_ samples: [Double], _ p: Double) -> Double {
    let sorted = samples.sorted()
    return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
}

/// Runs a trusted command directly (for building the fixtures) and returns its exit status.
@discardableResult
func spawnAndWait(_ arguments: [String]) -> Int32 {
    var pid: pid_t = 0
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawn(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return status
}

let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 400 : 400
let workspace = try Workspace()
let directory = try workspace.makeDirectory("bench")
try "int main(void) { return 0; }\n".write(
    to: directory.appendingPathComponent("true.c"), atomically: true, encoding: .utf8)
let binary = directory.appendingPathComponent("true").path
guard
    spawnAndWait(["/usr/bin/gcc", "-O2", "-static", "-o", binary, directory.appendingPathComponent("true.c").path]) == 0
else {
    fatalError("cannot build the static test binary with gcc -static (is libc6-dev installed?)")
}
chmod(binary, 0o755)

let pool = SandboxPool(capacity: 1, isolation: .unprivilegedWhenRoot, workspace: workspace)
let protections = try await pool.protections()
let request = SandboxRequest(
    arguments: [binary], environment: ["PATH": "/usr/bin:/bin"], workingDirectory: directory, stdin: .empty,
    profile: .native, readablePaths: [directory.path], cpuLimitMilliseconds: 1000, wallLimitMilliseconds: 3000,
    memoryLimitBytes: 256 << 20, addressSpaceBytes: 320 << 20, stackBytes: 0, outputLimitBytes: 64 << 20,
    maxTasks: 64)

// Interleave the two ways so that machine noise hits both alike; all on this (dedicated) thread.
let (spawnSamples, sandboxSamples) = try await pool.withSlot { slot in
    var spawn: [Double] = []
    var sandbox: [Double] = []
    for _ in 0..<20 {
        _ = try slot.runBlocking(request)
        spawnAndWait([binary])
    }
    for _ in 0..<runs {
        var start = now()
        spawnAndWait([binary])
        spawn.append(now() - start)
        start = now()
        let outcome = try slot.runBlocking(request)
        sandbox.append(now() - start)
        precondition(outcome.exitCode == 0, "the sandboxed run failed: \(outcome)")
    }
    return (spawn, sandbox)
}
let floor = median(spawnSamples)
let sandboxed = median(sandboxSamples)
print(protections.summary)
print("per-run cost of a trivial static binary, \(runs) runs each, interleaved:")
print(
    String(format: "  posix_spawn + wait (floor)  median %6.0f µs   p90 %6.0f µs", floor, percentile(spawnSamples, 0.9))
)
print(
    String(
        format: "  sandbox run                 median %6.0f µs   p90 %6.0f µs", sandboxed,
        percentile(sandboxSamples, 0.9)))
print(String(format: "  ratio sandbox / floor       %.2f× (target ≤ 1.30×)", sandboxed / floor))

// Capture files after a run that printed a line: reopening with O_TRUNC (ext4 writes the old output back when the
// truncated file is closed) against emptying the slot's open file.
let capture = directory.appendingPathComponent("capture").path
var reopenSamples: [Double] = []
var resetSamples: [Double] = []
let kept = open(capture, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
var reopened = open(capture + ".2", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
for _ in 0..<runs {
    _ = write(reopened, "1 2\n", 4)
    var start = now()
    close(reopened)
    reopened = open(capture + ".2", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    reopenSamples.append(now() - start)
    _ = write(kept, "1 2\n", 4)
    start = now()
    precondition(csandbox_capture_reset(kept) == 0, "capture reset failed")
    resetSamples.append(now() - start)
}
close(kept)
close(reopened)
print("capture file after a run that printed one line (\(runs) times each, interleaved):")
print(String(format: "  reopen with O_TRUNC         median %6.0f µs", median(reopenSamples)))
print(String(format: "  the slot's reset            median %6.0f µs", median(resetSamples)))

// Precompiled header: compile the same bits/stdc++.h program through the judge with and without it.
let program =
    "#include <bits/stdc++.h>\nint main() { std::vector<int> v{3, 1, 2}; std::sort(v.begin(), v.end()); std::cout << v[0] << '\\n'; }\n"
let judge = try Judge()
let withPCH = Submission(source: program, language: .cpp, name: "pch.cpp")
var noPCHLanguage = Language.cpp
noPCHLanguage.usesPrecompiledHeader = false
let withoutPCH = Submission(source: program, language: noPCHLanguage, name: "plain.cpp")
let problem = try BenchProblem.make(in: directory)
_ = try await judge.judge(withPCH, on: problem)  // builds the header once (cached per machine and compiler)
var plainTimes: [Double] = []
var pchTimes: [Double] = []
for _ in 0..<5 {
    plainTimes.append(Double(try await judge.judge(withoutPCH, on: problem).compile.timeMilliseconds))
    pchTimes.append(Double(try await judge.judge(withPCH, on: problem).compile.timeMilliseconds))
}
print("C++ compile of a bits/stdc++.h program (g++ -O2 -std=gnu++20, median of 5, sandboxed):")
print(String(format: "  without precompiled header  %6.0f ms", median(plainTimes)))
print(String(format: "  with precompiled header     %6.0f ms", median(pchTimes)))
print(String(format: "  speed-up                    %.2f× (target ≥ 1.80×)", median(plainTimes) / median(pchTimes)))

// The token checker on 63 MiB of output (just under the default output cap), streaming against the old way.
try ComparisonBench.run(in: directory)
