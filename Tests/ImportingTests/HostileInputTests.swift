import Foundation
import ProblemFormat
import TestSupport
import Testing

@testable import Importing

/// Inputs built to crash or exhaust the importers: inflation bombs and lengths near `Int.max`. Each ends at once
/// with an error naming the file, the line and the field.
@Suite("hostile import input", .serialized)
struct HostileInputTests {
    /// 400 MiB of newlines, as 400 KB of gzip (the issue's bomb), built once.
    static let gzipBomb = Result { try Deflate.compress(Data(repeating: 0x0A, count: 1 << 20), times: 400, gzip: true) }
    /// The same, as a zlib stream (LiveCodeBench's compressed tests).
    static let zlibBomb = Result { try Deflate.compress(Data(repeating: 0x0A, count: 1 << 20), times: 400) }

    /// Runs `body` with `contents` written to a fresh `name`.
    private func withFile(_ name: String, _ contents: Data, _ body: (URL) throws -> Void) throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try contents.write(to: file)
        try body(file)
    }

    @Test(
        "a gzip file inflating past the limit is an error naming the file and the limit",
        arguments: ImportFormat.allCases)
    func gzipBomb(format: ImportFormat) throws {
        let bomb = try Self.gzipBomb.get()
        #expect(bomb.count < 1_000_000)
        try withFile("bomb.jsonl.gz", bomb) { file in
            let started = Date()
            let error = #expect(throws: ImportError.self) { try Importer.read(file, format: format) }
            #expect(error == .inflatesTooLarge(file: file.path, limit: Inflate.maximumInflatedBytes))
            #expect(
                error?.description
                    == "\(file.path): inflates to more than 256 MiB, the limit for compressed data; expected a smaller "
                    + "gzip file, or decompress it (gunzip) and import the plain file")
            #expect(Date().timeIntervalSince(started) < 20)
        }
    }

    @Test("compressed LiveCodeBench tests inflating past the limit are an error naming the line and field")
    func zlibBombInARecord() throws {
        let record = try LiveCodeBenchImportTests.record([
            "private_test_cases": .string(try Self.zlibBomb.get().base64EncodedString())
        ])
        try withFile("bomb.jsonl", Data(("\n" + record + "\n").utf8)) { file in
            let started = Date()
            let error = #expect(throws: ImportError.self) { try Importer.read(file) }
            #expect(
                error?.description
                    == "\(file.path):2: field private_test_cases inflates to more than 256 MiB, the limit for "
                    + "compressed data; expected at most that much test data (--skip-invalid leaves it out)")
            #expect(Date().timeIntervalSince(started) < 20)
            let skipped = try Importer.read(file, skipInvalid: true)
            #expect(skipped.problems.isEmpty && skipped.skipped.map(\.line) == [2])
        }
    }

    @Test("inflating stops at the limit; up to it, the data comes out whole")
    func inflateLimit() throws {
        let text = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let packed = try Deflate.compress(text)
        #expect(try Inflate.decompress(packed, limit: 5000) == text)
        #expect(throws: InflateError.tooLarge(limit: 4999)) { try Inflate.decompress(packed, limit: 4999) }
        #expect(throws: InflateError.tooLarge(limit: 0)) { try Inflate.decompress(packed, limit: 0) }
    }

    @Test("millions of blank lines before a record cost a scan, and the record keeps its line number")
    func blankLines() throws {
        let record =
            #"{"task_id": "T/1", "prompt": "def f():\n", "test": "def check(c):\n    assert c() == 1\n", "entry_point": "f"}"#
        var contents = Data(repeating: 0x0A, count: 8 << 20)
        contents.append(contentsOf: Array("  \r\n\t".utf8))
        contents.append(Data((record + "\n\n").utf8))
        let gzip = try Deflate.compress(contents, gzip: true)
        try withFile("blank.jsonl.gz", gzip) { file in
            let result = try Importer.read(file)
            #expect(result.problems.map(\.slug) == ["t-1"])
        }
        try withFile("blank.jsonl", contents + Data(#"{"task_id": 5}"#.utf8)) { file in
            let error = #expect(throws: ImportError.self) { try Importer.read(file) }
            #expect(error?.line == (8 << 20) + 4)
        }
    }

    @Test("record lines: blank ones are skipped, CRLF and a last line without newline are read")
    func recordLines() {
        let lines = RecordLines(Data("\n{1}\r\n  \n\t{2}\n{3}".utf8)).map {
            ($0.line, String(decoding: $0.text, as: UTF8.self))
        }
        #expect(lines.map(\.0) == [2, 4, 5])
        #expect(lines.map(\.1) == ["{1}\r", "{2}", "{3}"])
        #expect(Array(RecordLines(Data())).isEmpty && Array(RecordLines(Data(" \n\r\n".utf8))).isEmpty)
    }

    /// A BINUNICODE8 pickle claiming `length` bytes and holding two.
    static func pickle(length: UInt64) -> Data {
        Data([0x80, 0x04, 0x8d] + (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) } + [0x61, 0x62, 0x2e])
    }

    @Test(
        "a pickled length near Int.max is refused, not added to the offset",
        arguments: [UInt64(Int.max), UInt64(Int.max) - 1, UInt64(Int.max) - 10, 1 << 62])
    func hugePickleLength(length: UInt64) {
        #expect(throws: PickleError(offset: 11, reason: "the pickle ends early")) {
            try PickledString.decode(Self.pickle(length: length))
        }
    }

    @Test("a pickled length past Int.max is refused")
    func pickleLengthPastIntMax() {
        #expect(throws: PickleError(offset: 11, reason: "a length too large")) {
            try PickledString.decode(Self.pickle(length: UInt64.max))
        }
    }

    @Test("a LiveCodeBench record whose pickled tests claim Int.max bytes is an error naming the line and field")
    func hugePickleLengthInARecord() throws {
        let packed = try Deflate.compress(Self.pickle(length: UInt64(Int.max) - 1)).base64EncodedString()
        let record = try LiveCodeBenchImportTests.record(["private_test_cases": .string(packed)])
        try withFile("pickle.jsonl", Data((record + "\n").utf8)) { file in
            let error = #expect(throws: ImportError.self) { try Importer.read(file) }
            #expect(
                error?.description
                    == "\(file.path):1: field private_test_cases decompresses to a pickle that is not one str (pickle "
                    + "byte 11: the pickle ends early; expected a single pickled str)")
        }
    }
}
