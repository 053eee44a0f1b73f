import Foundation
import Judging
import ProblemFormat

/// The token checker on a flood of output: the streaming comparison (what the judge runs) against a copy of the
/// in-memory one it replaced, each timed with the growth of this process's peak resident memory around the call.
enum ComparisonBench {
    /// Runs the section and prints its figures.
    static func run(in directory: URL) throws {
        let oldSize = 8 << 20
        let newSize = 63 << 20
        print("token checker, output = answer = \"1\\n\" repeated (both read from files):")
        var oldSeconds = 0.0
        var newSeconds = 0.0
        for (size, inMemory) in [(newSize, false), (oldSize, false), (oldSize, true)] {
            let file = directory.appendingPathComponent("ones-\(size)")
            if !FileManager.default.fileExists(atPath: file.path) {
                var ones = Data(count: size)
                ones.withUnsafeMutableBytes { bytes in
                    for index in bytes.indices {
                        bytes[index] = index % 2 == 0 ? UInt8(ascii: "1") : UInt8(ascii: "\n")
                    }
                }
                try ones.write(to: file)
            }
            let (mismatch, seconds, growth) = try measure {
                if inMemory {
                    return InMemoryComparison.tokenMismatch(
                        output: try Data(contentsOf: file), answer: try Data(contentsOf: file))
                }
                return try OutputComparison.mismatch(outputFile: file, answer: .file(file), checker: .tokens(.standard))
            }
            precondition(mismatch == nil, "the comparison rejected equal files: \(mismatch ?? "")")
            let name = inMemory ? "in memory (the old way)" : "streaming"
            let figures = String(
                format: "%2d MiB  %7.2f s  %7.1f MB/s  peak memory +%8d KiB", size >> 20, seconds,
                Double(size) / seconds / 1e6, growth >> 10)
            print("  \(name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(figures)")
            if inMemory { oldSeconds = seconds } else if size == oldSize { newSeconds = seconds }
        }
        print(String(format: "  streaming / in memory at %d MiB: %.1f× faster", oldSize >> 20, oldSeconds / newSeconds))
    }

    /// The result of `body`, its wall time and how far it raised the peak resident set above the resident set
    /// before it (freed heap is given back first, so `body` cannot reuse it unseen, and the peak is reset through
    /// `/proc/self/clear_refs`).
    static func measure(_ body: () throws -> String?) throws -> (String?, Double, Int) {
        trimHeap()
        resetPeak()
        let before = statusKiB("VmRSS")
        let start = Date()
        let result = try body()
        let seconds = Date().timeIntervalSince(start)
        return (result, seconds, max(0, statusKiB("VmHWM") - before) * 1024)
    }

    /// Gives freed heap back to the system: glibc's `malloc_trim(0)`, which Swift's Glibc module does not declare.
    private static func trimHeap() {
        guard let symbol = dlsym(nil, "malloc_trim") else { fatalError("glibc's malloc_trim is missing") }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
    }

    /// Sets VmHWM back to the current resident set (Linux ≥ 4.0).
    private static func resetPeak() {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { fatalError("cannot reset the peak resident set: /proc/self/clear_refs") }
        defer { close(fd) }
        precondition(write(fd, "5", 1) == 1, "cannot reset the peak resident set")
    }

    /// A `kB` field of `/proc/self/status`.
    private static func statusKiB(_ field: String) -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

/// The token checker as it was before streaming (standard options only): every token of both sides as substrings.
enum InMemoryComparison {
    private struct Token {
        var text: Substring
        var spaceBefore: Substring
        var spaceAfter: Substring
    }

    static func tokenMismatch(output: Data, answer: Data) -> String? {
        let got = tokens(of: output)
        let expected = tokens(of: answer)
        for (index, want) in expected.enumerated() {
            guard index < got.count else { return "output ended after \(got.count) tokens" }
            if got[index].text != want.text { return "token \(index + 1) differs" }
        }
        return got.count > expected.count ? "extra output after \(expected.count) tokens" : nil
    }

    private static func tokens(of data: Data) -> [Token] {
        let text = Substring(String(decoding: data, as: UTF8.self))
        var result: [Token] = []
        var index = text.startIndex
        var spaceStart = index
        while index < text.endIndex {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            let start = index
            while index < text.endIndex, !text[index].isWhitespace { index = text.index(after: index) }
            if start < index {
                if !result.isEmpty { result[result.count - 1].spaceAfter = text[spaceStart..<start] }
                result.append(Token(text: text[start..<index], spaceBefore: text[spaceStart..<start], spaceAfter: ""))
                spaceStart = index
            }
        }
        if !result.isEmpty { result[result.count - 1].spaceAfter = text[spaceStart..<text.endIndex] }
        return result
    }
}
