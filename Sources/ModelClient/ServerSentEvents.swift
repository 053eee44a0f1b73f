import Foundation

/// Splits a `text/event-stream` body into events, however the bytes are chunked.
struct ServerSentEvents {
    /// One event: its `event:` name (nil for the default) and its `data:` lines joined by newlines.
    struct Event: Equatable {
        var name: String?
        var data: String
    }

    private var pending = Data()
    private var name: String?
    private var dataLines: [String] = []

    /// Feeds the next chunk and returns the events it completed.
    mutating func feed(_ chunk: Data) -> [Event] {
        pending.append(chunk)
        var events: [Event] = []
        var lineStart = pending.startIndex
        var index = lineStart
        while index < pending.endIndex {
            let byte = pending[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                // A CR at the very end may be the first half of CRLF: wait for the next chunk.
                if byte == UInt8(ascii: "\r"), index + 1 == pending.endIndex { break }
                let line = String(decoding: pending[lineStart..<index], as: UTF8.self)
                if byte == UInt8(ascii: "\r"), pending[index + 1] == UInt8(ascii: "\n") { index += 1 }
                if let event = take(line) { events.append(event) }
                lineStart = index + 1
            }
            index += 1
        }
        pending = Data(pending[lineStart...])
        return events
    }

    /// The event left open when the stream ended without a blank line, if any.
    mutating func finish() -> Event? {
        if !pending.isEmpty {
            let line = String(decoding: pending, as: UTF8.self)
            pending = Data()
            if let event = take(line) { return event }
        }
        return take("")
    }

    private mutating func take(_ line: String) -> Event? {
        if line.isEmpty {
            defer { name = nil; dataLines = [] }
            return dataLines.isEmpty ? nil : Event(name: name, data: dataLines.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = Substring(line)
            value = ""
        }
        switch field {
        case "data": dataLines.append(String(value))
        case "event": name = String(value)
        default: break
        }
        return nil
    }
}
