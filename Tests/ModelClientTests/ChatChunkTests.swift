import Foundation
import Testing

@testable import ModelClient

@Suite struct ChatChunkTests {
    typealias Choice = ChatChunk.Choice

    @Test func aVLLMDeltaWithEveryFieldItIgnores() throws {
        let chunk = try ChatChunk.parse(
            #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1718000000,"model":"m","#
                + #""choices":[{"index":0,"delta":{"role":"assistant","content":"Hi","tool_calls":[]},"#
                + #""logprobs":null,"finish_reason":null,"stop_reason":{"a":[1,2.5e-3,true,false,null]}}]}"#)
        #expect(chunk == ChatChunk(choices: [Choice(index: 0, content: "Hi")]))
    }

    @Test func reasoningFieldsMessagesUsageAndNulls() throws {
        let chunk = try ChatChunk.parse(
            #"{"choices":[{"index":1,"delta":{"reasoning_content":"think","content":null},"finish_reason":"stop"},"#
                + #"{"message":{"reasoning":"plan","content":"answer"}},{"index":null,"delta":null}],"#
                + #""usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}"#)
        #expect(
            chunk.choices == [
                Choice(index: 1, reasoning: "think", finishReason: "stop"),
                Choice(index: 0, content: "answer", reasoning: "plan"), Choice(index: 0),
            ])
        #expect(chunk.usage == Usage(promptTokens: 3, completionTokens: 4, totalTokens: 7))
        #expect(try ChatChunk.parse(#"{"choices":[],"usage":{"prompt_tokens":3}}"#).usage == nil)
        #expect(try ChatChunk.parse(#"{"choices":null,"usage":null}"#) == ChatChunk())
    }

    @Test func escapesSurrogatePairsAndRawUTF8() throws {
        let chunk = try ChatChunk.parse(
            #"{"choices":[{"delta":{"content":"a\"b\\c\/d\b\f\n\r\t \u00e9\u2713 \ud83d\ude42 é ✓ 🙂 \ud800x"}}]}"#)
        #expect(chunk.choices?.first?.content == "a\"b\\c/d\u{08}\u{0C}\n\r\t é✓ 🙂 é ✓ 🙂 \u{FFFD}x")
        let key = try ChatChunk.parse(#"{"ch\u006fices":[{"delta":{"content":"k"}}]}"#)
        #expect(key.choices?.first?.content == "k", "an escaped key is still the key")
    }

    @Test func bothErrorShapes() throws {
        #expect(try ChatChunk.parse(#"{"error":{"message":"nested","code":400}}"#).errorMessage == "nested")
        #expect(try ChatChunk.parse(#"{"error":"flat text"}"#).errorMessage == "flat text")
        #expect(try ChatChunk.parse(#"{"error":{"code":500}}"#).errorMessage == "unspecified error")
        #expect(try ChatChunk.parse(#"{"object":"error","message":"vLLM"}"#).errorMessage == "vLLM")
        #expect(try ChatChunk.parse(#"{"object":"error"}"#).errorMessage == "unspecified error")
        #expect(try ChatChunk.parse(#"{"error":null,"choices":[]}"#).errorMessage == nil)
    }

    @Test(arguments: [
        ("", "not JSON at byte 0: the text ends where the body should be"),
        ("[]", "the body is not an object"),
        (#"{"choices":[{"delta":{"content":"x"}}]"#, "not JSON at byte 38: expected ',' or '}' in an object"),
        (#"{"choices":[]} x"#, "not JSON at byte 15: text after the JSON value"),
        (#"{"choices":{}}"#, "choices is not an array"),
        (#"{"choices":[{"index":"0"}]}"#, "choices[0].index is not a whole number"),
        (#"{"choices":[{"index":1e300}]}"#, "choices[0].index is 1e300, not a whole number in 0…2147483647"),
        (#"{"choices":[{"index":-1}]}"#, "choices[0].index is -1, not a whole number in 0…2147483647"),
        (#"{"choices":[{"index":99999999999999999999}]}"#, "choices[0].index is 99999999999999999999, not a whole"),
        (#"{"choices":[{},{"delta":{"content":7}}]}"#, "choices[1].delta.content is not a string"),
        (#"{"choices":[{"finish_reason":false}]}"#, "choices[0].finish_reason is not a string"),
        (#"{"usage":{"total_tokens":-5}}"#, "usage.total_tokens is -5, not a whole number"),
        (#"{"choices":[{"delta":{"content":"a\qb"}}]}"#, "an unknown escape in a string"),
        (#"{"choices":[{"delta":{"content":"a\u12"}}]}"#, #"a \u escape needs four hex digits"#),
        ("{\"choices\":[{\"delta\":{\"content\":\"tab\there\"}}]}", "a control character inside a string"),
        (#"{"choices":[{"delta":{"content":"open"#, "a string is not closed"),
        (#"{"x":01}"#, "expected ',' or '}' in an object"),
        (#"{"x":-}"#, "expected a digit"),
        (#"{"x":1.}"#, "expected a digit after '.'"),
        (#"{"x":1e}"#, "expected an exponent"),
        (#"{"x":tru}"#, "expected a value"),
        (#"{"x" 1}"#, "expected ':' after a key"),
        (#"{x:1}"#, "expected a key in quotes"),
    ])
    func malformedTextSaysWhatAndWhere(text: String, detail: String) {
        let error = #expect(throws: ChatChunk.Malformed.self) { try ChatChunk.parse(text) }
        #expect(error?.detail.contains(detail) == true, "\(String(describing: error))")
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        for depth in [63, 64, 100_000] {
            let text = "{\"x\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
            if depth < JSONScanner.maximumDepth {
                #expect(throws: Never.self) { try ChatChunk.parse(text) }
            } else {
                #expect(throws: ChatChunk.Malformed(detail: "not JSON at byte \(5 + 63): nested deeper than 64 levels"))
                {
                    try ChatChunk.parse(text)
                }
            }
        }
    }

    @Test func wholeNumbersInEveryFormAndNoTrapAtTheEdges() throws {
        for text in ["3", "3.0", "3e0", "0.3e1", "30E-1"] {
            #expect(try ChatChunk.parse(#"{"choices":[{"index":\#(text)}]}"#).choices?.first?.index == 3, "\(text)")
        }
        for text in ["9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e19", "3.5", "-0.5"] {
            #expect(throws: ChatChunk.Malformed.self, "\(text)") {
                try ChatChunk.parse(#"{"choices":[{"index":\#(text)}]}"#)
            }
        }
    }
}
