import Foundation
import Testing

@testable import Judging

@Suite("Byte scanner")
struct ByteScannerTests {
    /// Chunk and head sizes small enough that items and CRLFs fall across chunk boundaries and past their heads.
    static let sizes = [
        ScanSizes(chunk: 1, head: 1), ScanSizes(chunk: 2, head: 3), ScanSizes(chunk: 3, head: 2),
        ScanSizes(chunk: 5, head: 64), ScanSizes(),
    ]

    /// Every line of `text`, read back whole through ``SpanReader``.
    private func lines(_ text: String, _ sizes: ScanSizes) -> [String] {
        var scanner = ByteScanner(ByteSource(Data(text.utf8)), sizes: sizes)
        var lines: [String] = []
        while scanner.nextLine() { lines.append(String(decoding: Array(scanner.reader(scanner.item)), as: UTF8.self)) }
        return lines
    }

    /// Every token of `text` with the whitespace before it, and the whitespace after the last one.
    private func tokens(_ text: String, _ sizes: ScanSizes) -> (tokens: [String], spaces: [String]) {
        var scanner = ByteScanner(ByteSource(Data(text.utf8)), sizes: sizes)
        var tokens: [String] = []
        var spaces: [String] = []
        func read(_ span: Span) -> String { String(decoding: Array(scanner.reader(span)), as: UTF8.self) }
        while scanner.nextToken() {
            tokens.append(read(scanner.item))
            spaces.append(read(scanner.space))
        }
        spaces.append(read(scanner.space))
        return (tokens, spaces)
    }

    @Test("lines end at LF, drop one CR before it, and one final newline does not count", arguments: sizes)
    func lineRules(_ sizes: ScanSizes) {
        #expect(lines("", sizes) == [""])
        #expect(lines("\n", sizes) == [""])
        #expect(lines("\r\n", sizes) == [""])
        #expect(lines("ab", sizes) == ["ab"])
        #expect(lines("ab\r\n\r\ncd\n", sizes) == ["ab", "", "cd"])
        #expect(lines("ab\n\n", sizes) == ["ab", ""])
        #expect(lines("ab\r\r\nc\r", sizes) == ["ab\r", "c\r"])
        #expect(lines("héllo wörld\r\n", sizes) == ["héllo wörld"])
    }

    @Test("tokens split on ASCII whitespace only", arguments: sizes)
    func tokenRules(_ sizes: ScanSizes) {
        let (tokens, spaces) = tokens(" ab\t\u{0B}cd\u{0C}\r\ne\u{A0}f  ", sizes)
        #expect(tokens == ["ab", "cd", "e\u{A0}f"])
        #expect(spaces == [" ", "\t\u{0B}", "\u{0C}\r\n", "  "])
        #expect(self.tokens(" \n ", sizes) == ([], [" \n "]))
        #expect(self.tokens("", sizes) == ([], [""]))
    }

    @Test("a span keeps its first bytes and is whole only when they are all of it")
    func heads() {
        var scanner = ByteScanner(ByteSource(Data("abcdef abc".utf8)), sizes: ScanSizes(chunk: 2, head: 3))
        let first = scanner.nextToken()
        #expect(first && Array(scanner.item.head) == Array("abc".utf8))
        #expect(scanner.item.length == 6 && !scanner.item.isWhole)
        let second = scanner.nextToken()
        #expect(second && scanner.item.isWhole && scanner.item.start == 7)
        let third = scanner.nextToken()
        #expect(!third)
    }
}
