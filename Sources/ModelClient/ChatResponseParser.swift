import Foundation

/// Reads a chat-completions response body from bytes already received, the way
/// ``ModelClient/chat(_:stream:reasoningModel:onEvent:)`` reads it off the wire: the stream parser's entry point
/// for fuzz targets and tests, without a server.
public enum ChatResponseParser {
    /// The events of a `text/event-stream` body delivered in `chunks`: each event's name (nil for the default) and
    /// its `data:` lines joined by newlines, the one left open at the end included.
    public static func events(in chunks: [Data]) -> [(name: String?, data: String)] {
        var parser = ServerSentEvents()
        var events = chunks.flatMap { parser.feed($0) }
        if let last = parser.finish() { events.append(last) }
        return events.map { ($0.name, $0.data) }
    }

    /// The completion in a status-200 body delivered in `chunks`: an SSE stream (`streamed`) or one JSON object.
    ///
    /// - Throws: ``ModelServerError`` for a malformed or cut stream, or an error the server sent.
    public static func result(of chunks: [Data], streamed: Bool, reasoningModel: Bool = false) throws -> ChatResult {
        let reader = CompletionReader(
            endpoint: "memory", stream: streamed, reasoningModel: reasoningModel, started: Date(), onEvent: { _ in })
        let head = HTTPResponseHead(
            status: 200, headers: ["content-type": streamed ? "text/event-stream" : "application/json"])
        for chunk in chunks where !reader.receive(head, chunk) { break }
        return try reader.result(head: head, model: "memory", seconds: 0)
    }
}
