import Foundation

/// Splits a `text/event-stream` body into events, however the bytes are chunked, in time linear in the bytes: each
/// byte is looked at once, and a line cut by a chunk boundary waits in a buffer that only grows.
public struct ServerSentEvents: Sendable {
    /// One event: its `event:` name (nil for the default) and its `data:` lines joined by newlines.
    public struct Event: Equatable, Sendable {
        public var name: String?
        public var data: String

        public init(name: String?, data: String) {
            self.name = name
            self.data = data
        }
    }

    /// The most bytes one event may hold (its unfinished line and its data lines together).
    public let eventLimit: Int
    /// Whether an event grew past `eventLimit`: the parser stopped there and ignores every later byte.
    public private(set) var overflowed = false

    /// The bytes of a line cut by a chunk boundary.
    private var line: [UInt8] = []
    /// The previous chunk ended with CR: a LF at the start of the next one belongs to it.
    private var afterCR = false
    private var name: String?
    private var data: [UInt8] = []
    private var hasData = false

    /// - Parameter eventLimit: the most bytes one event may hold; past it, `overflowed` is set and parsing stops.
    public init(eventLimit: Int = .max) {
        self.eventLimit = max(0, eventLimit)
    }

    /// Feeds the next chunk and returns the events it completed.
    public mutating func feed(_ chunk: Data) -> [Event] {
        chunk.withUnsafeBytes { feed(UnsafeRawBufferPointer($0)) }
    }

    /// Feeds the next chunk and returns the events it completed.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [Event] {
        var events: [Event] = []
        guard !overflowed, !chunk.isEmpty, let base = chunk.baseAddress else { return events }
        let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: chunk.count)
        var start = 0
        if afterCR {
            afterCR = false
            if bytes.first == UInt8(ascii: "\n") { start = 1 }
        }
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                index += 1
                continue
            }
            if line.isEmpty {
                take(UnsafeBufferPointer(rebasing: bytes[start..<index]), into: &events)
            } else {
                line.append(contentsOf: bytes[start..<index])
                line.withUnsafeBufferPointer { take($0, into: &events) }
                line.removeAll(keepingCapacity: line.capacity <= 1 << 16)
            }
            if overflowed { return events }
            if byte == UInt8(ascii: "\r") {
                if index + 1 == bytes.count {
                    afterCR = true
                } else if bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
            }
            index += 1
            start = index
        }
        if start < bytes.count {
            guard line.count + (bytes.count - start) + data.count <= eventLimit else {
                overflow()
                return events
            }
            line.append(contentsOf: bytes[start...])
        }
        return events
    }

    /// The event left open when the stream ended without a blank line, if any.
    public mutating func finish() -> Event? {
        guard !overflowed else { return nil }
        var events: [Event] = []
        if !line.isEmpty {
            line.withUnsafeBufferPointer { take($0, into: &events) }
            line = []
        }
        take(UnsafeBufferPointer(start: nil, count: 0), into: &events)
        return events.first
    }

    /// Handles one complete line (without its terminator).
    private mutating func take(_ line: UnsafeBufferPointer<UInt8>, into events: inout [Event]) {
        if line.isEmpty {
            if hasData {
                events.append(Event(name: name, data: String(decoding: data, as: UTF8.self)))
            }
            name = nil
            data.removeAll(keepingCapacity: data.capacity <= 1 << 16)
            hasData = false
            return
        }
        if line[0] == UInt8(ascii: ":") { return }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.count
        let field = UnsafeBufferPointer(rebasing: line[0..<colon])
        var valueStart = min(colon + 1, line.count)
        if valueStart < line.count, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = UnsafeBufferPointer(rebasing: line[valueStart...])
        if field.elementsEqual("data".utf8) {
            guard data.count + value.count + 1 <= eventLimit else {
                overflow()
                return
            }
            if hasData { data.append(UInt8(ascii: "\n")) }
            data.append(contentsOf: value)
            hasData = true
        } else if field.elementsEqual("event".utf8) {
            name = String(decoding: value, as: UTF8.self)
        }
    }

    private mutating func overflow() {
        overflowed = true
        line = []
        data = []
        hasData = false
    }
}
