import Foundation
import Testing

@testable import ModelClient

@Suite(.timeLimit(.minutes(1))) struct ChatStreamAccumulatorTests {
    /// `data: {…}` for one delta of choice `index`.
    static func delta(
        _ content: String? = nil, reasoning: String? = nil, index: Int = 0, finish: String? = nil
    ) -> String {
        var delta: [String: Any] = [:]
        if let content { delta["content"] = content }
        if let reasoning { delta["reasoning_content"] = reasoning }
        var choice: [String: Any] = ["index": index, "delta": delta]
        if let finish { choice["finish_reason"] = finish }
        let object: [String: Any] = ["object": "chat.completion.chunk", "choices": [choice]]
        let json = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return "data: " + String(decoding: json, as: UTF8.self) + "\n\n"
    }

    static let usage =
        #"data: {"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14}}"#
        + "\n\n"

    /// Reasoning in its field and inline, two choices, multi-byte text, usage, `[DONE]`, CRLF line ends.
    static let stream =
        (delta(reasoning: "Plan: héllo ") + delta(reasoning: "wörld 🙂") + delta("<think>more</think>Answer ✓", index: 1)
            + delta("```python\nprint(1)\n```") + delta(finish: "stop") + delta(" second", index: 1, finish: "length")
            + usage + "data: [DONE]\r\n\r\n")

    func read(
        _ stream: String, chunkSize: Int = .max, limit: Int = ChatStreamAccumulator.defaultAnswerLimit,
        events: EventLog? = nil
    ) -> (ChatStreamAccumulator, Result<[ChatChoice], Error>) {
        var accumulator = ChatStreamAccumulator(endpoint: "http://test/v1", answerLimit: limit) { events?.add($0) }
        let bytes = Array(stream.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = offset + min(chunkSize, bytes.count - offset)
            guard accumulator.feed(Data(bytes[offset..<end])) else { break }
            offset = end
        }
        let result = Result { try accumulator.finish() }
        return (accumulator, result)
    }

    @Test func theSameChoicesWhateverTheChunking() throws {
        let (whole, expected) = read(Self.stream)
        let choices = try expected.get()
        #expect(
            choices == [
                ChatChoice(
                    index: 0, reasoning: "Plan: héllo wörld 🙂", answer: "```python\nprint(1)\n```", finishReason: "stop"
                ),
                ChatChoice(index: 1, reasoning: "more", answer: "Answer ✓ second", finishReason: "length"),
            ])
        #expect(whole.usage == Usage(promptTokens: 5, completionTokens: 9, totalTokens: 14))
        #expect(whole.textDeltas == 5 && whole.done && whole.firstText != nil)
        for size in [1, 2, 3, 5, 17, 100] {
            let (chunked, result) = read(Self.stream, chunkSize: size)
            #expect(try result.get() == choices, "chunks of \(size) bytes")
            #expect(chunked.textDeltas == 5 && chunked.usage == whole.usage)
        }
    }

    @Test func streamedTextMatchesTheFinalSplit() throws {
        let events = EventLog()
        let (_, result) = read(Self.stream, chunkSize: 7, events: events)
        let choices = try result.get()
        #expect(events.reasoning(choice: 0) == choices[0].reasoning)
        #expect(events.answer(choice: 0) == choices[0].answer)
        #expect(events.reasoning(choice: 1) == choices[1].reasoning)
        #expect(events.answer(choice: 1) == choices[1].answer)
    }

    @Test func textPastTheLimitIsCutAtACharacterAndTheStreamStops() throws {
        // 6 bytes, then 2 bytes of room: "w" fits, "ö" (2 bytes) would pass the limit.
        let stream = Self.delta("héllo") + Self.delta("wörld") + Self.delta("never read") + "data: [DONE]\n\n"
        let (accumulator, result) = read(stream, chunkSize: 3, limit: 8)
        let choice = try #require(try result.get().first)
        #expect(choice.answer == "héllow")
        #expect(choice.finishReason == ChatStreamAccumulator.answerLimitReason && choice.truncated)
        #expect(accumulator.reachedLimit && !accumulator.done)
    }

    @Test func anEventPastTwiceTheLimitEndsTheAnswerWithTheTextBeforeIt() throws {
        let huge = Self.delta(String(repeating: "x", count: 70_000))
        let (_, kept) = read(Self.delta("kept") + huge + Self.delta(finish: "stop"), chunkSize: 4096, limit: 100)
        #expect(try kept.get() == [ChatChoice(index: 0, reasoning: "", answer: "kept", finishReason: "answer_limit")])
        let (_, nothing) = read(huge, chunkSize: 4096, limit: 100)
        #expect(try nothing.get() == [ChatChoice(index: 0, reasoning: "", answer: "", finishReason: "answer_limit")])
    }

    @Test func doneEndsTheStreamEvenWithoutAFinishReason() throws {
        var accumulator = ChatStreamAccumulator(endpoint: "e")
        #expect(accumulator.feed(Data((Self.delta("a") + "data:  [DONE] \n\n").utf8)) == false)
        #expect(accumulator.feed(Data(Self.delta("after").utf8)) == false)
        #expect(try accumulator.finish().map(\.answer) == ["a"])
    }

    @Test(arguments: [
        (
            Self.delta("a") + #"data: {"error":{"message":"Engine crashed"}}"# + "\n\n",
            "error event in the stream: Engine crashed"
        ),
        ("event: error\ndata: upstream went away\n\n", "error event in the stream: upstream went away"),
        (Self.delta("a") + "data: {\"choices\": [\n\n", "an event is not a chat completion chunk: not JSON at byte 13"),
        ("", "stream ended before [DONE] (no events)"),
        (": keep-alive\n\n: keep-alive\n", "stream ended before [DONE] (no events)"),
        (Self.delta("a"), "stream ended before [DONE] (no finish_reason)"),
        ("<!DOCTYPE html><html>Sign in</html>", "malformed response (not an event stream): <!DOCTYPE html>"),
        (#"data: {"choices":[]}"# + "\n\ndata: [DONE]\n\n", "malformed response (no choices)"),
    ])
    func failuresNameTheEndpointAndSayWhat(stream: String, message: String) {
        let (_, result) = read(stream, chunkSize: 5)
        guard case .failure(let error) = result else {
            Issue.record("accepted: \(stream)")
            return
        }
        #expect("\(error)".hasPrefix("http://test/v1: "), "\(error)")
        #expect("\(error)".contains(message), "\(error)")
    }

    @Test func aWholeCompletionBody() throws {
        var accumulator = ChatStreamAccumulator(endpoint: "e")
        try accumulator.readCompletion(
            Data(
                (#"{"choices":[{"index":0,"message":{"content":"<think>plan</think>done"},"finish_reason":"stop"}],"#
                    + #""usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}"#).utf8))
        #expect(
            try accumulator.finish() == [ChatChoice(index: 0, reasoning: "plan", answer: "done", finishReason: "stop")])
        #expect(accumulator.usage?.totalTokens == 3 && accumulator.textDeltas == 0)
        var error = ChatStreamAccumulator(endpoint: "e")
        #expect(throws: ModelServerError.streamError(endpoint: "e", message: "flat")) {
            try error.readCompletion(Data(#"{"object":"error","message":"flat"}"#.utf8))
        }
        var other = ChatStreamAccumulator(endpoint: "e")
        #expect(throws: ModelServerError.self) { try other.readCompletion(Data(#"{"data":[]}"#.utf8)) }
    }

    @Test func twentyThousandOneByteDeltas() throws {
        // The accumulator's worst case: every delta appended in place (`solve-bench stream` measures the speed).
        let count = 20_000
        var stream = Data()
        let prefix = Data(#"data: {"choices":[{"index":0,"delta":{"content":""#.utf8)
        let suffix = Data((#""}}]}"# + "\n\n").utf8)
        for index in 0..<count {
            stream.append(prefix)
            stream.append(UInt8(ascii: "a") + UInt8(index % 26))
            stream.append(suffix)
        }
        stream.append(Data((Self.delta(finish: "stop") + "data: [DONE]\n\n").utf8))
        var accumulator = ChatStreamAccumulator(endpoint: "e")
        var offset = 0
        while offset < stream.count {
            _ = accumulator.feed(stream.subdata(in: offset..<min(offset + 16_384, stream.count)))
            offset += 16_384
        }
        let answer = try #require(try accumulator.finish().first?.answer)
        #expect(answer.utf8.count == count && answer.hasPrefix("abcdefghijklmnopqrstuvwxyzab"))
        #expect(accumulator.textDeltas == count)
    }
}
