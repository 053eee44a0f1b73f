import Foundation
import Judging
import ProblemFormat
import TestSupport
import Testing

/// A slot keeps its stdout and stderr files open across runs; no run may see what the previous one left there.
@Suite("Capture files between runs")
struct CaptureIsolationTests {
    static let program = """
        #define _GNU_SOURCE
        #include <fcntl.h>
        #include <stdio.h>
        #include <string.h>
        #include <unistd.h>
        int main(void) {
            char word[16] = {0};
            int count = 0;
            if (scanf("%15s %d", word, &count) < 1) return 1;
            if (strcmp(word, "big") == 0) {
                for (int i = 1; i <= count; i++) printf("%d\\n", i);
                return 0;
            }
            if (write(1, "ok\\n", 3) != 3) return 2;
            if (strcmp(word, "poison") == 0) {  // state on the shared description: flags, offset, a lease
                fcntl(1, F_SETFL, O_APPEND | O_DIRECT | O_NONBLOCK);
                lseek(1, 1 << 20, SEEK_SET);
                fcntl(1, F_SETLEASE, F_WRLCK);
            }
            return 0;
        }
        """

    @Test("a long output, then a run that poisons its stdout, then a plain run: each judged on its own output")
    func runsDoNotInheritCaptureState() async throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "capture")
        let big = (1...200_000).map(String.init).joined(separator: "\n") + "\n"
        let cases = [("1-big", "big 200000\n", big), ("2-poison", "poison\n", "ok\n"), ("3-plain", "plain\n", "ok\n")]
        var tests: [TestCase] = []
        for (name, input, answer) in cases {
            let inputFile = folder.appendingPathComponent("\(name).in")
            let answerFile = folder.appendingPathComponent("\(name).ans")
            try Data(input.utf8).write(to: inputFile)
            try Data(answer.utf8).write(to: answerFile)
            tests.append(TestCase(name: name, input: .file(inputFile), answer: .file(answerFile), isSample: false))
        }
        let problem = Problem(
            slug: "capture", title: "capture", statement: "",
            limits: Limits(timeMilliseconds: 2000, memoryBytes: 256 << 20), checker: .exact, tests: tests,
            source: folder, format: .markdown)
        let judge = try Judge(concurrency: 1)  // one slot: the three runs share its capture files
        let started = Date()
        let report = try await judge.judge(
            Submission(source: Self.program, language: .c, name: "capture.c"), on: problem,
            options: JudgeOptions(stopAtFirstFailure: false))
        #expect(report.tests.map(\.verdict) == [.accepted, .accepted, .accepted], "\(report.message)")
        #expect(report.tests.last?.output == "ok\n")
        // A lease left on the file would hold the judge's next open for lease-break-time (45 s): anything shorter
        // proves there was none (a few seconds alone; up to 33 s seen with the whole suite on two cores).
        #expect(Date().timeIntervalSince(started) < 44)
    }

    static let leaseTaker = """
        #define _GNU_SOURCE
        #include <fcntl.h>
        #include <stdio.h>
        #include <unistd.h>
        int main(void) {
            if (write(1, "ok\\n", 3) != 3) return 2;
            fprintf(stderr, "lease %d\\n", fcntl(1, F_SETLEASE, F_WRLCK));
            return 0;
        }
        """

    @Test("a write lease a program takes on its stdout is gone when the run returns, so reading the output never waits")
    func leaseIsDroppedWhenTheRunEnds() async throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "lease")
        let source = folder.appendingPathComponent("lease.c")
        let binary = folder.appendingPathComponent("lease")
        try Self.leaseTaker.write(to: source, atomically: true, encoding: .utf8)
        let gcc = try Process.run(
            URL(fileURLWithPath: "/usr/bin/gcc"), arguments: ["-O2", "-o", binary.path, source.path])
        gcc.waitUntilExit()
        try #require(gcc.terminationStatus == 0)
        // The judge's own uid owns the capture files, so only a program running as that uid can lease them.
        let pool = SandboxPool(capacity: 1, isolation: .judgeUser, workspace: try Workspace())
        let request = SandboxRequest(
            arguments: [binary.path], environment: [:], workingDirectory: folder, stdin: .empty, profile: .native,
            readablePaths: [folder.path], cpuLimitMilliseconds: 1000, wallLimitMilliseconds: 3000,
            memoryLimitBytes: 256 << 20, addressSpaceBytes: 0, stackBytes: 0, outputLimitBytes: 1 << 20, maxTasks: 16)
        let (stdout, stderr, seconds) = try await pool.withSlot { slot in
            let outcome = try await slot.run(request)
            let started = Date()
            let stdout = try String(contentsOf: outcome.stdoutFile, encoding: .utf8)
            let seconds = Date().timeIntervalSince(started)
            return (stdout, try String(contentsOf: outcome.stderrFile, encoding: .utf8), seconds)
        }
        #expect(stderr == "lease 0\n", "the program got its lease, or this test shows nothing")
        #expect(stdout == "ok\n")
        #expect(seconds < 5, "reading the output waited \(seconds) s for a lease break")
    }
}
