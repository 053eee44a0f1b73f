import Foundation

/// Reads a chat completion as its body arrives — an SSE stream of chunks (`feed`), or one whole `chat.completion`
/// (`readCompletion`) — and gives its choices (`finish`). Text is appended in place, so a stream costs time linear
/// in its bytes. Past `answerLimit` bytes of text the rest is not read: every open choice ends there, with finish
/// reason `answer_limit`.
public struct ChatStreamAccumulator: Sendable {
    /// The finish reason of a choice cut at `answerLimit`.
    public static let answerLimitReason = "answer_limit"
    /// 4 MiB of text (reasoning and answers of every choice together). A 32768-token answer of a reasoning model is
    /// about 128 KiB, and a 131072-token context filled with 16-byte tokens is 2 MiB: only a misbehaving server
    /// reaches the limit.
    public static let defaultAnswerLimit = 4 << 20

    /// The API base, for errors.
    public let endpoint: String
    /// The most bytes of text (UTF-8) kept over every choice; past it the stream is cut.
    public let answerLimit: Int
    /// Token counts, when the server sent them.
    public private(set) var usage: Usage?
    /// Streamed chunks that carried text.
    public private(set) var textDeltas = 0
    /// When the first and the last text arrived.
    public private(set) var firstText: Date?
    public private(set) var lastText: Date?
    /// Why the stream failed (an error event, a chunk that is not JSON); `feed` returned false.
    public private(set) var failure: ModelServerError?
    /// Whether the text passed `answerLimit` (or one event passed twice that) and the stream was cut there.
    public private(set) var reachedLimit = false
    /// Whether `data: [DONE]` arrived.
    public private(set) var done = false

    private let reasoningModel: Bool
    private let onEvent: @Sendable (ChatEvent) -> Void
    private var events: ServerSentEvents
    private var choices: [Int: Accumulated] = [:]
    private var textBytes = 0
    private var sawEvent = false
    private var whole = false
    /// The first bytes of the body, for the error when it holds no event at all.
    private var opening = Data()

    /// One choice's text so far.
    private struct Accumulated {
        var reasoningField = ""
        var content = ""
        var finishReason: String?
        var display: ThinkTags.Stream
    }

    /// - Parameters:
    ///   - endpoint: the API base, named in errors.
    ///   - reasoningModel: show content before any `<think>` tag as reasoning while streaming.
    ///   - answerLimit: the most bytes of text kept; an event may hold twice that (JSON escapes) plus 64 KiB.
    ///   - onEvent: sees text as it arrives.
    public init(
        endpoint: String, reasoningModel: Bool = false, answerLimit: Int = defaultAnswerLimit,
        onEvent: @escaping @Sendable (ChatEvent) -> Void = { _ in }
    ) {
        self.endpoint = endpoint
        self.reasoningModel = reasoningModel
        self.answerLimit = max(0, answerLimit)
        self.onEvent = onEvent
        let eventLimit = self.answerLimit > (Int.max - (1 << 16)) / 2 ? Int.max : self.answerLimit * 2 + (1 << 16)
        events = ServerSentEvents(eventLimit: eventLimit)
    }

    /// The most bytes one event may hold: twice `answerLimit` (room for JSON escapes), plus 64 KiB.
    public var eventLimit: Int { events.eventLimit }

    /// Feeds the next bytes of an event stream; false when the rest is not needed: `[DONE]`, a failure, or the limit.
    public mutating func feed(_ bytes: Data) -> Bool {
        guard failure == nil, !reachedLimit, !done else { return false }
        if opening.count < 200 { opening.append(bytes.prefix(200 - opening.count)) }
        for event in events.feed(bytes) where !handle(event) { return false }
        if events.overflowed { reachedLimit = true }
        return !reachedLimit
    }

    /// Reads a whole `chat.completion` body (a request with `stream: false`).
    ///
    /// - Throws: `ModelServerError.malformedResponse` when it is not one, `.streamError` for an error body.
    public mutating func readCompletion(_ body: Data) throws {
        whole = true
        let chunk: ChatChunk
        do throws(ChatChunk.Malformed) {
            chunk = try body.withUnsafeBytes { bytes in
                Result { () throws(ChatChunk.Malformed) in try ChatChunk.parse(bytes) }
            }.get()
        } catch {
            throw ModelServerError.malformed(endpoint: endpoint, detail: error.detail, body: body)
        }
        if let message = chunk.errorMessage { throw ModelServerError.streamError(endpoint: endpoint, message: message) }
        guard chunk.choices != nil else {
            throw ModelServerError.malformed(
                endpoint: endpoint, detail: "expected a chat.completion object", body: body)
        }
        absorb(chunk, streaming: false)
    }

    /// The choices once the body has ended, in index order.
    ///
    /// - Throws: the stream's `failure`; `.streamCut` when it ended before `[DONE]` or a finish reason of every
    ///   choice; `.malformedResponse` when the body held no event, or no choice.
    public mutating func finish() throws -> [ChatChoice] {
        if let failure { throw failure }
        if !whole, !reachedLimit, !done, let event = events.finish(), !handle(event), let failure { throw failure }
        if reachedLimit {
            if choices.isEmpty { choices[0] = Accumulated(display: ThinkTags.Stream(startInReasoning: reasoningModel)) }
            for index in choices.keys where choices[index]?.finishReason == nil {
                choices[index]?.finishReason = Self.answerLimitReason
            }
        }
        if !whole {
            let finished = !choices.isEmpty && choices.values.allSatisfy { $0.finishReason != nil }
            guard done || finished else {
                if !sawEvent, !Self.looksLikeEvents(opening) {
                    throw ModelServerError.malformed(endpoint: endpoint, detail: "not an event stream", body: opening)
                }
                throw ModelServerError.streamCut(
                    endpoint: endpoint, detail: sawEvent ? "no finish_reason" : "no events")
            }
        }
        guard !choices.isEmpty else {
            throw ModelServerError.malformed(endpoint: endpoint, detail: "no choices", body: opening)
        }
        return choices.keys.sorted().compactMap { index in
            guard let accumulated = choices[index] else { return nil }
            var (reasoning, answer) = ThinkTags.split(accumulated.content)
            if !accumulated.reasoningField.isEmpty { reasoning = accumulated.reasoningField + reasoning }
            return ChatChoice(
                index: index, reasoning: reasoning, answer: answer, finishReason: accumulated.finishReason)
        }
    }

    /// Handles one SSE event; false stops the stream (the reason is in `failure`, `done` or `reachedLimit`).
    private mutating func handle(_ event: ServerSentEvents.Event) -> Bool {
        sawEvent = true
        var data = event.data
        if Self.isDone(data) {
            done = true
            return false
        }
        let parsed = data.withUTF8 { bytes in
            Result { () throws(ChatChunk.Malformed) in try ChatChunk.parse(UnsafeRawBufferPointer(bytes)) }
        }
        let chunk: ChatChunk
        switch parsed {
        case .success(let value): chunk = value
        case .failure where event.name == "error":
            failure = .streamError(endpoint: endpoint, message: String(data.prefix(500)))
            return false
        case .failure(let error):
            failure = .malformed(
                endpoint: endpoint, detail: "an event is not a chat completion chunk: \(error.detail)",
                body: Data(data.utf8.prefix(200)))
            return false
        }
        if let message = chunk.errorMessage ?? (event.name == "error" ? String(data.prefix(500)) : nil) {
            failure = .streamError(endpoint: endpoint, message: message)
            return false
        }
        absorb(chunk, streaming: true)
        return !reachedLimit
    }

    /// Whether a body that gave no event at least began like an event stream (a comment or a field), so that its
    /// end is a cut stream rather than a page of something else.
    private static func looksLikeEvents(_ opening: Data) -> Bool {
        let text = opening.drop { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: " ") }
        return text.isEmpty || text.first == UInt8(ascii: ":")
            || ["data", "event", "id", "retry"].contains { text.starts(with: $0.utf8) }
    }

    /// `[DONE]`, with any spaces or tabs around it.
    private static func isDone(_ data: String) -> Bool {
        let utf8 = data.utf8
        guard utf8.count >= 6, utf8.count <= 64 else { return false }
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return utf8.drop(while: blank).reversed().drop(while: blank).reversed().elementsEqual("[DONE]".utf8)
    }

    private mutating func absorb(_ chunk: ChatChunk, streaming: Bool) {
        if let usage = chunk.usage { self.usage = usage }
        for choice in chunk.choices ?? [] {
            let index = choice.index
            let fresh = Accumulated(display: ThinkTags.Stream(startInReasoning: reasoningModel))
            var carriesText = false
            if let reasoning = choice.reasoning.map({ admit($0) }), !reasoning.isEmpty {
                choices[index, default: fresh].reasoningField += reasoning
                choices[index, default: fresh].display.answerOnly()
                carriesText = true
                if streaming { onEvent(.reasoning(choice: index, text: String(reasoning))) }
            }
            if let content = choice.content.map({ admit($0) }), !content.isEmpty {
                choices[index, default: fresh].content += content
                carriesText = true
                if streaming {
                    for part in choices[index, default: fresh].display.feed(String(content)) {
                        emit(part, choice: index)
                    }
                }
            }
            if let reason = choice.finishReason {
                choices[index, default: fresh].finishReason = reason
            }
            if streaming, choice.finishReason != nil || reachedLimit {
                for part in choices[index, default: fresh].display.finish() { emit(part, choice: index) }
            }
            if choices[index] == nil { choices[index] = fresh }
            if streaming, carriesText {
                let now = Date()
                if firstText == nil { firstText = now }
                lastText = now
                textDeltas += 1
            }
            if reachedLimit { break }
        }
    }

    /// The part of `text` within `answerLimit` (cut at a Unicode scalar); sets `reachedLimit` when it cut.
    private mutating func admit(_ text: String) -> Substring {
        let remaining = answerLimit - textBytes
        let utf8 = text.utf8
        if utf8.count <= remaining {
            textBytes += utf8.count
            return text[...]
        }
        reachedLimit = true
        var end = utf8.index(utf8.startIndex, offsetBy: max(0, remaining))
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        textBytes = answerLimit
        return text[..<end]
    }

    private func emit(_ part: ThinkTags.Stream.Part, choice: Int) {
        switch part {
        case .reasoning(let text): onEvent(.reasoning(choice: choice, text: text))
        case .answer(let text): onEvent(.answer(choice: choice, text: text))
        }
    }
}
