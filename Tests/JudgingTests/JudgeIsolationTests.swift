import Foundation
import TestSupport
import Testing

/// Judges that must not see or touch one another, and a judge run by an ordinary user: real `solve` processes.
@Suite("Judges side by side", .serialized, .enabled(if: geteuid() == 0, "needs root: pid namespaces and setpriv"))
struct JudgeIsolationTests {
    /// A problem whose program holds 200 MiB for about a second on each of `tests` tests, with a 256 MiB limit (and a
    /// 5 s time limit: first touches of fresh memory are slow on a loaded machine).
    static func memoryProblem(tests: Int, in folder: URL) throws -> (problem: URL, program: URL) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let problem = folder.appendingPathComponent("hold.md")
        try Data("---\ntitle: Hold\ntime_limit: 5s\nmemory_limit: 256MiB\n---\nHold memory.\n".utf8).write(to: problem)
        let hidden = folder.appendingPathComponent("hold")
        try FileManager.default.createDirectory(at: hidden, withIntermediateDirectories: true)
        for index in 1...tests {
            try Data("200\n".utf8).write(to: hidden.appendingPathComponent("\(index).in"))
            try Data("ok\n".utf8).write(to: hidden.appendingPathComponent("\(index).ans"))
        }
        let program = folder.appendingPathComponent("hold.c")
        let source = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <time.h>
            int main(void) {
                int mebibytes = 0;
                if (scanf("%d", &mebibytes) != 1) return 2;
                size_t size = (size_t)mebibytes << 20;
                char *block = malloc(size);
                if (block == NULL) return 3;
                memset(block, 1, size);
                struct timespec pause = {1, 0};
                nanosleep(&pause, NULL);
                puts(block[size - 1] == 1 ? "ok" : "bad");
                return 0;
            }
            """
        try Data(source.utf8).write(to: program)
        return (problem, program)
    }

    /// `solve judge … --json` as pid 1 of a new pid namespace, started now.
    static func startJudge(_ problem: URL, _ program: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = [
            "--pid", "--fork", "--kill-child", try solveBinary().path, "judge", problem.path, program.path, "--json",
            "--all-tests",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    @Test("two judges, each pid 1 in its own pid namespace, get their own slots and their own right verdicts")
    func judgesInTwoPidNamespaces() async throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "two-judges")
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = try Self.memoryProblem(tests: 8, in: folder.appendingPathComponent("long"))
        let short = try Self.memoryProblem(tests: 1, in: folder.appendingPathComponent("short"))
        // The short judge finishes, and removes its slots, while the long one is still judging: eight tests of a
        // second each leave it room even when the whole suite loads both cores (three were not enough in CI).
        let (first, firstOutput) = try Self.startJudge(long.problem, long.program)
        try await Task.sleep(for: .milliseconds(300))
        let (second, secondOutput) = try Self.startJudge(short.problem, short.program)
        let reports = [(first, firstOutput), (second, secondOutput)].map { process, output in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, data)
        }
        var uids: [String] = []
        for (status, data) in reports {
            let text = String(decoding: data, as: UTF8.self)
            #expect(status == 0, "\(text)")
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(text)")
            #expect(report["verdict"] as? String == "AC", "\(text)")
            let sandbox = report["sandbox"] as? [String] ?? []
            uids += sandbox.filter { $0.hasPrefix("unprivileged uid") }
        }
        #expect(uids.count == 2 && Set(uids).count == 2, "the judges ran programs as \(uids)")
    }

    @Test("an ordinary user's judge shows its programs none of the problem's files either")
    func ordinaryUser() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "ordinary-user")
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("solve")
        try FileManager.default.copyItem(at: try solveBinary(), to: binary)
        let problem = folder.appendingPathComponent("leak.md")
        try Data("---\ntitle: Leak\n---\nAnswer YES or NO.\n".utf8).write(to: problem)
        let tests = folder.appendingPathComponent("leak")
        try FileManager.default.createDirectory(at: tests, withIntermediateDirectories: true)
        let answer = tests.appendingPathComponent("1.ans")
        try Data("\(answer.path)\n".utf8).write(to: tests.appendingPathComponent("1.in"))
        try Data("YES\n".utf8).write(to: answer)
        let program = folder.appendingPathComponent("stat_answer.c")
        try FileManager.default.copyItem(at: Fixtures.fixture("hostile/stat_answer.c"), to: program)
        let cache = folder.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        for path in [folder, tests, cache] { chmod(path.path, 0o777) }
        for path in [binary, program, problem, answer, tests.appendingPathComponent("1.in")] { chmod(path.path, 0o755) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/env", "HOME=\(folder.path)",
            "SOLVE_CACHE_DIR=\(cache.path)", binary.path, "judge", problem.path, program.path, "--json",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(text)")
        let sandbox = report["sandbox"] as? [String] ?? []
        #expect(sandbox.contains { $0.hasPrefix("private file-system view") }, "\(sandbox)")
        #expect(!sandbox.contains { $0.hasPrefix("unprivileged uid") }, "an ordinary user has no uid to drop to")
        // The program exits 3 when every stat and readlink failed, 0 (and prints what leaked) otherwise.
        #expect(report["verdict"] as? String == "RE", "\(text)")
        #expect(!text.contains("ESCAPED"), "\(text)")
    }
}
