import Foundation
import TestSupport
import Testing

/// The built binary on inputs that once crashed it (a Swift trap, exit 132/133) or hung it: each now ends within
/// seconds with exit 2 and a message naming the file, the line and the field or path.
@Suite("solve on hostile input", .serialized)
struct HostileInputBinaryTests {
    /// Writes the hostile benchmark files into `folder` with Python's zlib (the bombs are streamed, never held).
    static func writeInputs(into folder: URL) throws {
        let script = #"""
            import base64, json, sys, zlib
            folder = sys.argv[1]
            def bomb(wbits):
                packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
                chunk = b"\n" * (1 << 20)
                return b"".join(packer.compress(chunk) for _ in range(400)) + packer.flush()
            open(folder + "/bomb.jsonl.gz", "wb").write(bomb(31))
            lcb = {"question_title": "T", "question_content": "S", "platform": "leetcode", "question_id": "1",
                   "starter_code": "", "difficulty": "easy", "metadata": "{}",
                   "public_test_cases": json.dumps([{"input": "1\n", "output": "1\n", "testtype": "stdin"}])}
            def write(name, record):
                open(folder + "/" + name, "w").write("\n" + json.dumps(record) + "\n")
            write("lcb-bomb.jsonl", dict(lcb, private_test_cases=base64.b64encode(bomb(15)).decode()))
            pickle = b"\x80\x04\x8d" + (2**63 - 2).to_bytes(8, "little") + b"ab."
            write("lcb-pickle.jsonl", dict(lcb, private_test_cases=base64.b64encode(zlib.compress(pickle)).decode()))
            cc = {"name": "1000_A. X", "description": "d",
                  "public_tests": {"input": ["1\n"], "output": ["1\n"]},
                  "private_tests": {"input": [], "output": []}, "generated_tests": {"input": [], "output": []}}
            write("cc-max.jsonl", dict(cc, time_limit={"seconds": 2**63 - 1, "nanos": 0}))
            write("cc-min.jsonl", dict(cc, time_limit={"seconds": -2**63, "nanos": 0}))
            """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, folder.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// Runs `solve` with `arguments`, expecting exit 2 within seconds and `message` after `error: `.
    private func expectError(
        _ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let started = Date()
        let result = try runSolve(arguments)
        #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("error: \(message)"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(Date().timeIntervalSince(started) < 30, sourceLocation: sourceLocation)
    }

    @Test("imports: inflation bombs, a pickled length near Int.max, time limits at Int's ends")
    func imports() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "cli-hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeInputs(into: folder)
        let out = folder.appendingPathComponent("out").path
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        for format in ["humaneval", "codecontests", "livecodebench"] {
            try expectError(
                ["import", format, path("bomb.jsonl.gz"), "--out", out],
                "\(path("bomb.jsonl.gz")): inflates to more than 256 MiB, the limit for compressed data")
        }
        try expectError(
            ["import", "livecodebench", path("lcb-bomb.jsonl"), "--out", out],
            "\(path("lcb-bomb.jsonl")):2: field private_test_cases inflates to more than 256 MiB")
        try expectError(
            ["import", "livecodebench", path("lcb-pickle.jsonl"), "--out", out],
            "\(path("lcb-pickle.jsonl")):2: field private_test_cases decompresses to a pickle that is not one str "
                + "(pickle byte 11: the pickle ends early")
        try expectError(
            ["import", "codecontests", path("cc-max.jsonl"), "--out", out],
            "\(path("cc-max.jsonl")):2: field time_limit.seconds is 9223372036854775807; expected whole seconds")
        try expectError(
            ["import", "codecontests", path("cc-min.jsonl"), "--out", out],
            "\(path("cc-min.jsonl")):2: field time_limit.seconds is -9223372036854775808; expected whole seconds")
    }

    @Test("judge: a package whose secret input is a FIFO, and one with a link loop in data/")
    func packages() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "cli-hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let solution = folder.appendingPathComponent("echo.py")
        try Data("print(input())\n".utf8).write(to: solution)
        for name in ["fifo", "loop"] {
            let package = folder.appendingPathComponent(name)
            let secret = package.appendingPathComponent("data/secret")
            try FileManager.default.createDirectory(at: secret, withIntermediateDirectories: true)
            try Data("name: Hostile\n".utf8).write(to: package.appendingPathComponent("problem.yaml"))
            try Data("1\n".utf8).write(to: secret.appendingPathComponent("1.ans"))
            if name == "fifo" {
                #expect(mkfifo(secret.appendingPathComponent("1.in").path, 0o644) == 0)
            } else {
                try Data("1\n".utf8).write(to: secret.appendingPathComponent("1.in"))
                try FileManager.default.createSymbolicLink(
                    atPath: secret.appendingPathComponent("loop").path, withDestinationPath: ".")
            }
        }
        try expectError(
            ["judge", folder.appendingPathComponent("fifo").path, solution.path],
            "\(folder.path)/fifo/data/secret/1.in: a FIFO (named pipe); expected a regular file or folder")
        try expectError(
            ["judge", folder.appendingPathComponent("loop").path, solution.path],
            "\(folder.path)/loop/data/secret/loop: a symbolic link to ., a folder that holds it: a loop")
    }
}
