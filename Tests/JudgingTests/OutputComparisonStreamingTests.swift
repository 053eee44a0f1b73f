import Foundation
import ProblemFormat
import TestSupport
import Testing

@testable import Judging

@Suite("Output comparison, streaming")
struct OutputComparisonStreamingTests {
    /// The streaming comparison with small chunks (and `head` bytes kept of each token or line).
    private func mismatch(_ output: String, _ answer: String, _ checker: CheckerSpec, chunk: Int, head: Int = 64)
        -> String?
    {
        OutputComparison.mismatch(
            ByteSource(Data(output.utf8)), ByteSource(Data(answer.utf8)), checker: checker,
            sizes: ScanSizes(chunk: chunk, head: head))
    }

    @Test("the checker table holds at every chunk size", arguments: OutputComparisonTests.cases, [1, 2, 3, 7])
    func table(_ item: OutputComparisonTests.Case, chunk: Int) {
        let mismatch = mismatch(item.output, item.answer, item.checker, chunk: chunk)
        #expect((mismatch == nil) == item.accepted, "\(mismatch ?? "accepted")")
    }

    @Test("random outputs get the plain in-memory rules' verdict and message, whatever the chunk and head sizes")
    func model() {
        var random = SplitMix64(seed: 11)
        let alphabets = [
            ["1", "2", "12", " ", "\n", "\r\n", "\r", "\t"], ["a", "A", "bB", "é", "\u{A0}", " ", "\n", "  "],
            ["1", ".", "0", "5", "e", "-", " ", "\n", "nan", "inf", "1e-7"],
            ["x", "\r", "\n", " ", "\u{0B}", "\u{0C}"],
        ]
        let checkers: [CheckerSpec] = [
            .exact, .tokens(.standard), .tokens(TokenCompare(caseSensitive: false)),
            .tokens(TokenCompare(spaceSensitive: true)), .tokens(.float(1e-6)),
            .tokens(TokenCompare(caseSensitive: false, spaceSensitive: true, absoluteTolerance: 1e-3)),
        ]
        for round in 0..<20_000 {
            let alphabet = alphabets[round % alphabets.count]
            func text() -> String {
                (0..<Int.random(in: 0...24, using: &random)).map { _ in
                    alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                }
                .joined()
            }
            let answer = text()
            let output: String
            switch Int.random(in: 0..<5, using: &random) {
            case 0: output = answer
            case 1: output = answer.uppercased()
            case 2: output = answer + ["\n", " ", "\r\n", "\n\n", "x"][Int.random(in: 0..<5, using: &random)]
            default: output = text()
            }
            let checker = checkers[round % checkers.count]
            let chunk = Int.random(in: 1...6, using: &random)
            let expected = Reference.mismatch(Array(output.utf8), Array(answer.utf8), checker)
            let streamed = mismatch(output, answer, checker, chunk: chunk)
            #expect(streamed == expected, "\(output.debugDescription) vs \(answer.debugDescription), chunk \(chunk)")
            // With heads too short for the messages, only the clipped texts may differ; numbers need whole heads.
            guard case .tokens(let options) = checker, options.absoluteTolerance == nil else { continue }
            let short = mismatch(output, answer, checker, chunk: chunk, head: Int.random(in: 1...3, using: &random))
            #expect(short?.prefix { $0 != "`" } == expected?.prefix { $0 != "`" })
        }
    }

    @Test("a CRLF split across chunks is one line end, and one newline at the end")
    func crlfAcrossChunks() {
        #expect(mismatch("a\r\nb\r\n", "a\nb", .exact, chunk: 2) == nil)
        #expect(mismatch("a\r\n", "a\n", .tokens(TokenCompare(spaceSensitive: true)), chunk: 2) == nil)
        #expect(
            mismatch("a\r\nb", "a\nb", .tokens(TokenCompare(spaceSensitive: true)), chunk: 2)
                == "token 2: whitespace before it differs from the answer's")
    }

    @Test("whitespace after the last token counts without the newlines that start and end it")
    func trailingSpace() {
        let spaces = CheckerSpec.tokens(TokenCompare(spaceSensitive: true))
        let different = "whitespace at the end differs from the answer's"
        #expect(mismatch("a\n \n", "a ", spaces, chunk: 1) == nil)
        #expect(mismatch("a\r\n\n \t\r\n", "a \t", spaces, chunk: 2) == nil)
        #expect(mismatch("a \n ", "a  ", spaces, chunk: 1) == different)
        #expect(mismatch("a\r", "a", spaces, chunk: 1) == different)
        #expect(mismatch("a\r\r\n", "a\r", spaces, chunk: 1) == nil)
    }

    @Test("tokens, lines and whitespace longer than a chunk and than their kept head")
    func longItems() {
        let long = String(repeating: "a", count: 200_000)
        let clipped = String(repeating: "a", count: 57) + "…"
        let tokens = CheckerSpec.tokens(.standard)
        #expect(
            OutputComparison.mismatch(output: Data("x \(long)".utf8), answer: Data("x \(long)".utf8), checker: tokens)
                == nil)
        #expect(
            OutputComparison.mismatch(output: Data("x \(long)b".utf8), answer: Data("x \(long)c".utf8), checker: tokens)
                == "token 2: expected `\(clipped)`, got `\(clipped)`")
        #expect(
            OutputComparison.mismatch(output: Data("\(long)\n".utf8), answer: Data("\(long)a\n".utf8), checker: .exact)
                == "line 1: expected `\(clipped)`, got `\(clipped)`")
        #expect(mismatch("\(long)\r\n", "\(long)", .exact, chunk: 4096, head: 1000) == nil)
        let spaces = CheckerSpec.tokens(TokenCompare(spaceSensitive: true))
        let gap = String(repeating: " ", count: 10_000)
        #expect(mismatch("a\(gap)b", "a\(gap)b", spaces, chunk: 7, head: 100) == nil)
        #expect(
            mismatch("a\(gap) b", "a\(gap)b", spaces, chunk: 7, head: 100)
                == "token 2: whitespace before it differs from the answer's")
        let newlines = String(repeating: "\r\n", count: 10_000)
        #expect(mismatch("a \(newlines)", "a \n", spaces, chunk: 7, head: 100) == nil)
        #expect(
            mismatch("a\t\(newlines)", "a \n", spaces, chunk: 7, head: 100)
                == "whitespace at the end differs from the answer's")
    }

    @Test("multi-byte UTF-8 across chunks and at the end of a kept head")
    func utf8AcrossChunks() {
        #expect(mismatch("héllo wörld", "héllo wörld", .tokens(.standard), chunk: 1) == nil)
        #expect(mismatch("héllo", "hèllo", .tokens(.standard), chunk: 1) == "token 1: expected `hèllo`, got `héllo`")
        #expect(mismatch("ééa", "ééb", .tokens(.standard), chunk: 1, head: 3) == "token 1: expected `é…`, got `é…`")
        #expect(mismatch("ÄÖÜ", "äöü", .tokens(TokenCompare(caseSensitive: false)), chunk: 1, head: 3) == nil)
    }

    @Test(
        "case-insensitive tokens fold each Unicode scalar; equal means equal bytes, without normalisation",
        arguments: [
            ("ÄÖÜ", "äöü", true), ("STRASSE", "straße", true), ("ΟΔΟΣ", "οδος", true), ("ΟΔΟΣ", "οδοσ", true),
            ("İ", "i", false), ("e\u{301}", "é", false), ("\u{FF}", "\u{178}", true),
        ])
    func caseFolding(output: String, answer: String, accepted: Bool) {
        let checker = CheckerSpec.tokens(TokenCompare(caseSensitive: false))
        #expect((mismatch(output, answer, checker, chunk: 1) == nil) == accepted)
        #expect((mismatch(output, answer, checker, chunk: 1, head: 1) == nil) == accepted)
        #expect(mismatch("e\u{301}", "é", .tokens(.standard), chunk: 3) != nil)
    }

    @Test("numbers: NaN never matches, an answer that is not finite compares as text, a very long token is text")
    func numbers() {
        let float = CheckerSpec.tokens(.float(1e-6))
        #expect(mismatch("nan", "nan", float, chunk: 2) == nil)
        #expect(mismatch("inf", "inf", float, chunk: 2) == nil)
        #expect(mismatch("INF", "inf", float, chunk: 2) == "token 1: expected `inf`, got `INF`")
        #expect(mismatch("-0", "0.0000000001", float, chunk: 2) == nil)
        let zeros = "1." + String(repeating: "0", count: 5000)
        #expect(
            OutputComparison.mismatch(output: Data(zeros.utf8), answer: Data("1".utf8), checker: float)
                == "token 1: expected `1`, got `\(String(zeros.prefix(57)))…`")
    }

    @Test("files: a flood of output compares in chunks, with today's messages")
    func files() throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "compare")
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 1 << 19
        func write(_ name: String, _ text: String, last: String = "1\n") throws -> URL {
            let url = folder.appendingPathComponent(name)
            try (String(repeating: text, count: count - 1) + last).write(to: url, atomically: false, encoding: .utf8)
            return url
        }
        let ones = try write("ones", "1\n")
        let two = try write("two", "1\n", last: "2\n")
        let extra = try write("extra", "1\n", last: "1\n1\n")
        let tokens = CheckerSpec.tokens(.standard)
        #expect(try OutputComparison.mismatch(outputFile: ones, answer: .file(ones), checker: tokens) == nil)
        #expect(try OutputComparison.mismatch(outputFile: ones, answer: .file(ones), checker: .exact) == nil)
        #expect(
            try OutputComparison.mismatch(outputFile: ones, answer: .file(two), checker: tokens)
                == "token \(count): expected `2`, got `1`")
        #expect(
            try OutputComparison.mismatch(outputFile: extra, answer: .file(ones), checker: tokens)
                == "extra output after \(count) tokens: `1`")
        #expect(
            try OutputComparison.mismatch(outputFile: ones, answer: .file(extra), checker: .exact)
                == "output ended at line \(count + 1); expected `1`")
        let short = folder.appendingPathComponent("short")
        try "1 1\n".write(to: short, atomically: false, encoding: .utf8)
        #expect(
            try OutputComparison.mismatch(outputFile: short, answer: .file(ones), checker: tokens)
                == "output ended after 2 tokens; expected \(count), next `1`")
        #expect(try OutputComparison.mismatch(outputFile: short, answer: .text("1  1"), checker: tokens) == nil)
    }

    @Test("an output that cannot be read is the judge's error, not a verdict")
    func unreadable() {
        let missing = URL(fileURLWithPath: "/nonexistent/output")
        #expect(throws: JudgingError.self) {
            try OutputComparison.mismatch(outputFile: missing, answer: .text("1"), checker: .tokens(.standard))
        }
    }
}

/// The token and exact checkers' rules on whole byte arrays, the plain way: what the streaming comparison must say.
private enum Reference {
    static func mismatch(_ output: [UInt8], _ answer: [UInt8], _ checker: CheckerSpec) -> String? {
        switch checker {
        case .exact: return exact(lines(output), lines(answer))
        case .tokens(let options): return tokens(split(output), split(answer), options)
        default: return nil
        }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        OutputComparison.clip(Substring(String(decoding: bytes, as: UTF8.self)))
    }

    private static func withLF(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 13, index + 1 < bytes.endIndex, bytes[index + 1] == 10 { index += 1 }
            result.append(bytes[index])
            index += 1
        }
        return result
    }

    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var normalized = withLF(bytes[...])
        if normalized.last == 10 { normalized.removeLast() }
        return normalized.split(separator: 10, omittingEmptySubsequences: false)
    }

    private static func exact(_ got: [ArraySlice<UInt8>], _ expected: [ArraySlice<UInt8>]) -> String? {
        for (index, line) in expected.enumerated() {
            guard index < got.count else { return "output ended at line \(got.count + 1); expected `\(text(line))`" }
            if got[index] != line { return "line \(index + 1): expected `\(text(line))`, got `\(text(got[index]))`" }
        }
        return got.count > expected.count
            ? "extra output from line \(expected.count + 1): `\(text(got[expected.count]))`" : nil
    }

    /// Tokens, and the whitespace before each and after the last.
    private static func split(_ bytes: [UInt8]) -> (tokens: [ArraySlice<UInt8>], spaces: [ArraySlice<UInt8>]) {
        let isSpace: (UInt8) -> Bool = { $0 == 32 || (9...13).contains($0) }
        var tokens: [ArraySlice<UInt8>] = []
        var spaces: [ArraySlice<UInt8>] = []
        var index = 0
        while true {
            let spaceStart = index
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            spaces.append(bytes[spaceStart..<index])
            guard index < bytes.count else { return (tokens, spaces) }
            let start = index
            while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
            tokens.append(bytes[start..<index])
        }
    }

    private static func tokens(
        _ got: (tokens: [ArraySlice<UInt8>], spaces: [ArraySlice<UInt8>]),
        _ expected: (tokens: [ArraySlice<UInt8>], spaces: [ArraySlice<UInt8>]), _ options: TokenCompare
    ) -> String? {
        for (index, want) in expected.tokens.enumerated() {
            guard index < got.tokens.count else {
                return
                    "output ended after \(got.tokens.count) tokens; expected \(expected.tokens.count), next `\(text(want))`"
            }
            if options.spaceSensitive, index > 0, got.spaces[index] != expected.spaces[index] {
                return "token \(index + 1): whitespace before it differs from the answer's"
            }
            if !match(got.tokens[index], want, options) {
                return "token \(index + 1): expected `\(text(want))`, got `\(text(got.tokens[index]))`"
            }
        }
        if got.tokens.count > expected.tokens.count {
            return "extra output after \(expected.tokens.count) tokens: `\(text(got.tokens[expected.tokens.count]))`"
        }
        func trailing(_ space: ArraySlice<UInt8>?) -> ArraySlice<UInt8> {
            let normalized = withLF(space ?? [])
            guard let first = normalized.firstIndex(where: { $0 != 10 }),
                let last = normalized.lastIndex(where: { $0 != 10 })
            else { return [] }
            return normalized[first...last]
        }
        if options.spaceSensitive, !expected.tokens.isEmpty, trailing(got.spaces.last) != trailing(expected.spaces.last)
        {
            return "whitespace at the end differs from the answer's"
        }
        return nil
    }

    private static func match(_ have: ArraySlice<UInt8>, _ want: ArraySlice<UInt8>, _ options: TokenCompare) -> Bool {
        let haveText = String(decoding: have, as: UTF8.self)
        let wantText = String(decoding: want, as: UTF8.self)
        if options.absoluteTolerance != nil || options.relativeTolerance != nil, let expected = Double(wantText),
            expected.isFinite
        {
            guard let value = Double(haveText), !value.isNaN else { return false }
            let difference = abs(value - expected)
            return value == expected || options.absoluteTolerance.map { difference <= $0 * (1 + 1e-12) } == true
                || options.relativeTolerance.map { difference <= $0 * abs(expected) * (1 + 1e-12) } == true
        }
        if have == want { return true }
        // The random texts fold like this: ASCII, é/É, and U+00A0 (no case).
        return !options.caseSensitive && haveText.lowercased() == wantText.lowercased()
    }
}

/// A seeded generator, so a failing round can be replayed.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
