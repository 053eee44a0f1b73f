import Foundation
import Judging
import ProblemFormat
import TestSupport
import Testing

/// One entry of Tests/Fixtures/hostile/manifest.json.
struct HostileCase: Decodable, Sendable, CustomTestStringConvertible {
    var file: String
    var language: String
    var stdin: String
    var answer: String?
    var timeLimitMs: Int?
    var memoryLimitMib: Int?
    var verdict: String
    var syscalls: [String]?
    var exitCode: Int32?
    var host: [String]
    var why: String

    var testDescription: String { "\(file) → \(verdict)" }

    enum CodingKeys: String, CodingKey {
        case file, language, stdin, answer, verdict, syscalls, host, why
        case timeLimitMs = "time_limit_ms"
        case memoryLimitMib = "memory_limit_mib"
        case exitCode = "exit_code"
    }

    static let all: [HostileCase] = {
        let url = Fixtures.fixture("hostile/manifest.json")
        guard let data = try? Data(contentsOf: url),
            let cases = try? JSONDecoder().decode([HostileCase].self, from: data)
        else { return [] }
        return cases
    }()
}

/// Shared state of the hostile suite: one judge, a secret, a marker, a world-writable outside folder.
final class HostileEnvironment: Sendable {
    static let shared = HostileEnvironment()

    let judge: Judge?
    let secret = "SECRET-\(UUID().uuidString)"
    let secretFile: URL
    let outsideFolder: URL
    let markerName = "SOLVE_HOSTILE_MARKER"
    let markerValue = "MARKER-\(UUID().uuidString)"

    private init() {
        judge = try? Judge(concurrency: 1)
        let secretFolder = (try? Fixtures.temporaryDirectory(prefix: "secret")) ?? URL(fileURLWithPath: "/tmp")
        secretFile = secretFolder.appendingPathComponent("secret.txt")
        try? Data(secret.utf8).write(to: secretFile)
        chmod(secretFile.path, 0o600)
        outsideFolder = (try? Fixtures.temporaryDirectory(prefix: "outside")) ?? URL(fileURLWithPath: "/tmp")
        chmod(outsideFolder.path, 0o1777)  // only the sandbox stands between a program and this folder
        setenv(markerName, markerValue, 1)
    }
}

@Suite("Hostile submissions", .serialized)
struct HostileSubmissionTests {
    @Test("manifest lists at least 25 programs in C, C++ and Python")
    func manifestIsComplete() {
        let cases = HostileCase.all
        #expect(cases.count >= 25)
        #expect(Set(cases.map(\.language)) == ["c", "cpp", "python"])
        for item in cases {
            #expect(
                FileManager.default.fileExists(atPath: Fixtures.fixture("hostile/\(item.file)").path), "\(item.file)")
            #expect(!item.host.isEmpty)
        }
    }

    @Test("hostile program gets its verdict and leaves no trace", arguments: HostileCase.all)
    func hostile(_ item: HostileCase) async throws {
        let environment = HostileEnvironment.shared
        let judge = try #require(environment.judge)
        let listener = try HostProbes.Listener()
        let outside = environment.outsideFolder.appendingPathComponent("escape-\(UUID().uuidString).txt")
        let substitutions = [
            "@PORT@": String(listener.port), "@OUTSIDE_PATH@": outside.path,
            "@SECRET_FILE@": environment.secretFile.path,
            "@ENV_MARKER@": environment.markerName,
        ]
        var problem = try Fixtures.problem(
            input: "", answer: item.answer ?? "ok\n", timeMilliseconds: item.timeLimitMs ?? 1000,
            memoryMiB: item.memoryLimitMib ?? 256)
        let answerFile = try #require(problem.tests[0].answer.file)
        var stdin = item.stdin.replacingOccurrences(of: "@ANSWER_FILE@", with: answerFile.path)
        for (key, value) in substitutions { stdin = stdin.replacingOccurrences(of: key, with: value) }
        let inputFile = try #require(problem.tests[0].input.file)
        try Data(stdin.utf8).write(to: inputFile)
        problem.tests[0].input = .file(inputFile)

        var source = try String(contentsOf: Fixtures.fixture("hostile/\(item.file)"), encoding: .utf8)
        source = source.replacingOccurrences(of: "@SECRET_FILE@", with: environment.secretFile.path)
        let submission = Submission(source: source, language: try Language.named(item.language), name: item.file)
        let sentinel = item.host.contains("sentinel_alive") ? HostProbes.startSentinel() : 0
        defer { if sentinel > 0 { HostProbes.stop(sentinel) } }

        let report = try await judge.judge(submission, on: problem)
        let test = report.tests.first
        let context =
            "\(item.file): \(report.verdict.code) \(report.message) | stderr: \(test?.stderr.suffix(300) ?? "")"
        #expect(report.verdict.code == item.verdict, "\(context)")
        if let syscalls = item.syscalls, report.verdict == .securityViolation {
            #expect(syscalls.contains { report.message.hasSuffix(": \($0)") }, "\(context)")
        }
        if let code = item.exitCode, report.verdict == .runtimeError {
            #expect(test?.exitCode == code, "\(context)")
        }
        let everything = [report.compile.log, test?.output ?? "", test?.stderr ?? "", report.message].joined()
        for check in item.host {
            switch check {
            case "no_process_left":
                let protections = try await judge.protections()
                let left = HostProbes.processes(ownedBy: protections.uid, orRunningIn: judge.workspace.root.path)
                #expect(left.isEmpty, "\(item.file): processes left: \(left)")
            case "no_connection":
                #expect(!listener.acceptedAnything(), "\(item.file) reached the loopback listener")
            case "output_lacks_secret", "compile_log_lacks_secret":
                #expect(!everything.contains(environment.secret), "\(item.file) leaked the secret")
            case "output_lacks_env_marker":
                #expect(!everything.contains(environment.markerValue), "\(item.file) saw the judge's environment")
            case "sentinel_alive":
                #expect(HostProbes.isAlive(sentinel), "\(item.file) killed a process outside the sandbox")
            case let check where check.hasPrefix("no_file:"):
                #expect(!FileManager.default.fileExists(atPath: outside.path), "\(item.file) wrote \(outside.path)")
            default:
                Issue.record("unknown host check \(check)")
            }
        }
    }
}

@Suite("A flood of output", .serialized)
struct OutputFloodTests {
    /// Runs `solve` to the end and returns its exit status and peak resident memory: the kernel's high-water mark
    /// (`VmHWM`), read while it runs. `wait4`'s `ru_maxrss` would not do: a spawned child's figure starts at the
    /// test process's own size, whose memory it shared until `execve`.
    static func peakMemory(of arguments: [String], output: URL) throws -> (status: Int32, peakBytes: Int) {
        var pid: pid_t = 0
        let argv = try [solveBinary().path] + arguments
        let pointers = argv.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        guard posix_spawn(&pid, argv[0], &actions, nil, pointers, environ) == 0 else { return (-1, 0) }
        var status: Int32 = 0
        var peak = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            peak = max(peak, highWaterMark(of: pid))
            usleep(10_000)
        }
        return (status, peak)
    }

    /// `VmHWM` of a live process, in bytes (0 when it cannot be read).
    static func highWaterMark(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kibibytes = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).dropLast(3))
        else { return 0 }
        return kibibytes * 1024
    }

    @Test("16 MB of output costs the judge a few MiB, not a gigabyte")
    func flood() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "flood")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = 8_000_000  // 16 MB of "1\n"
        try Data("---\ntitle: Flood\ntime_limit: 10s\n---\nPrint 1 on each of 8,000,000 lines.\n".utf8)
            .write(to: folder.appendingPathComponent("flood.md"))
        let tests = folder.appendingPathComponent("flood")
        try FileManager.default.createDirectory(at: tests, withIntermediateDirectories: true)
        try Data("\(lines)\n".utf8).write(to: tests.appendingPathComponent("1.in"))
        try Data(repeating: 0, count: 0).write(to: tests.appendingPathComponent("1.ans"))
        let answer = try FileHandle(forWritingTo: tests.appendingPathComponent("1.ans"))
        let block = Data(String(repeating: "1\n", count: 1_000_000).utf8)
        for _ in 0..<(lines / 1_000_000) { answer.write(block) }
        try answer.close()
        let program = folder.appendingPathComponent("flood.c")
        let source = """
            #include <stdio.h>
            int main(void) {
                long n = 0;
                if (scanf("%ld", &n) != 1) return 2;
                static char block[2000000];
                for (int i = 0; i < 2000000; i += 2) { block[i] = '1'; block[i + 1] = '\\n'; }
                for (long done = 0; done < n; done += 1000000) fwrite(block, 1, 2000000, stdout);
                return 0;
            }
            """
        try Data(source.utf8).write(to: program)
        let report = folder.appendingPathComponent("report.txt")
        let (status, peak) = try Self.peakMemory(
            of: ["judge", folder.appendingPathComponent("flood.md").path, program.path], output: report)
        let text = try String(contentsOf: report, encoding: .utf8)
        #expect(status == 0 && text.contains("verdict: AC"), "\(text)")
        // The judge process alone (the program runs in a child of its own): before the comparison streamed, it held
        // every token of both sides, 0.9 GB here (3.4 GB at 63 MiB).
        #expect(peak > 0 && peak < 160 << 20, "solve judge peaked at \(peak >> 20) MiB")
    }
}
