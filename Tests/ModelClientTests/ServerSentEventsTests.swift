import Foundation
import Testing

@testable import ModelClient

@Suite struct ServerSentEventsTests {
    /// CRLF, CR and LF line ends, a comment, an event name, several data lines, a field without a colon, a data value
    /// without its space, and multi-byte UTF-8 (2, 3 and 4 bytes) inside data.
    static let body = Array(
        ("data: {\"a\":1}\n\n: keep-alive comment\r\n\r\nevent: error\r\ndata: line one\r\ndata: line two\r\n\r\n"
            + "data:é ✓ 🙂\rdata\r\rid: 7\nretry: 10\ndata: [DONE]\n\n").utf8)
    static let expected: [ServerSentEvents.Event] = [
        .init(name: nil, data: "{\"a\":1}"), .init(name: "error", data: "line one\nline two"),
        .init(name: nil, data: "é ✓ 🙂\n"), .init(name: nil, data: "[DONE]"),
    ]

    func parse(_ chunks: [ArraySlice<UInt8>]) -> [ServerSentEvents.Event] {
        var parser = ServerSentEvents()
        var events: [ServerSentEvents.Event] = []
        for chunk in chunks { events += parser.feed(Data(chunk)) }
        if let last = parser.finish() { events.append(last) }
        return events
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func eventsSurviveChunksOfAnySize(size: Int) {
        let chunks = stride(from: 0, to: Self.body.count, by: size).map {
            Self.body[$0..<min($0 + size, Self.body.count)]
        }
        #expect(parse(chunks) == Self.expected)
    }

    /// Every place for one cut and every pair of places for two: inside `\r\n`, inside `data:`, inside each byte of
    /// a multi-byte character, right after a CR at a chunk's end.
    @Test func aCutAnywhereChangesNothing() {
        let bytes = Self.body
        for first in 0...bytes.count {
            #expect(parse([bytes[..<first], bytes[first...]]) == Self.expected, "cut at \(first)")
            for second in stride(from: first, through: bytes.count, by: 5) {
                let chunks = [bytes[..<first], bytes[first..<second], bytes[second...]]
                #expect(parse(chunks) == Self.expected, "cuts at \(first) and \(second)")
            }
        }
    }

    @Test func emptyChunksAndALoneCRAtTheEndAreHarmless() {
        let bytes = Array("data: x\r".utf8)
        #expect(parse([[], bytes[...], [], ArraySlice("\ndata: y\n\n".utf8)]) == [.init(name: nil, data: "x\ny")])
    }

    @Test func anEventWithoutTheFinalBlankLineIsKeptAtTheEnd() {
        var parser = ServerSentEvents()
        #expect(parser.feed(Data("data: tail".utf8)).isEmpty)
        #expect(parser.finish() == .init(name: nil, data: "tail"))
    }

    @Test func anEventPastTheLimitStopsTheParser() {
        var parser = ServerSentEvents(eventLimit: 100)
        #expect(parser.feed(Data("data: small\n\n".utf8)) == [.init(name: nil, data: "small")])
        // 60 bytes on each of two data lines: 121 bytes with the newline between them.
        let long = String(repeating: "x", count: 60)
        #expect(parser.feed(Data("data: \(long)\ndata: \(long)\n\ndata: after\n\n".utf8)).isEmpty)
        #expect(parser.overflowed)
        #expect(parser.feed(Data("data: later\n\n".utf8)).isEmpty)
        #expect(parser.finish() == nil)
    }

    @Test func anUnfinishedLinePastTheLimitStopsTheParserToo() {
        var parser = ServerSentEvents(eventLimit: 1000)
        for _ in 0..<9 { #expect(parser.feed(Data(repeating: UInt8(ascii: "x"), count: 100)).isEmpty) }
        #expect(!parser.overflowed)
        _ = parser.feed(Data(repeating: UInt8(ascii: "x"), count: 101))
        #expect(parser.overflowed)
    }

    @Test func aHugeEventInSmallChunksIsReadInOnePass() {
        // 8 MiB in 16 KiB pieces, each byte looked at once (`solve-bench stream` measures the speed).
        var parser = ServerSentEvents()
        let piece = Data(repeating: UInt8(ascii: "a"), count: 16_384)
        #expect(parser.feed(Data("data: ".utf8)).isEmpty)
        for _ in 0..<512 { #expect(parser.feed(piece).isEmpty) }
        let events = parser.feed(Data("\n\n".utf8))
        #expect(events.count == 1 && events.first?.data.utf8.count == 8 << 20)
    }
}
