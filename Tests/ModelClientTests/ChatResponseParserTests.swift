import Foundation
import ModelClient
import Testing

/// The public entry point of the stream parser, which the fuzz targets use.
@Suite struct ChatResponseParserTests {
    static let body =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"<think>plan</think>\"}}]}\r\n\r\n"
        + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"answer\"},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: [DONE]\n\n"

    @Test func eventsDoNotDependOnChunking() {
        let bytes = Array(Self.body.utf8)
        let whole = ChatResponseParser.events(in: [Data(bytes)])
        #expect(whole.count == 3 && whole.last?.data == "[DONE]")
        let single = ChatResponseParser.events(in: bytes.map { Data([$0]) })
        #expect(single.map(\.data) == whole.map(\.data) && single.map(\.name) == whole.map(\.name))
    }

    @Test func streamedDeltasAccumulate() throws {
        let result = try ChatResponseParser.result(of: [Data(Self.body.utf8)], streamed: true)
        #expect(result.choices.map(\.reasoning) == ["plan"])
        #expect(result.choices.map(\.answer) == ["answer"])
        #expect(result.choices.map(\.finishReason) == ["stop"])
    }

    @Test func aCutOrMalformedStreamThrows() {
        #expect(throws: ModelServerError.self) {
            try ChatResponseParser.result(of: [Data("data: {\"choices\":[]}\n\n".utf8)], streamed: true)
        }
        #expect(throws: ModelServerError.self) {
            try ChatResponseParser.result(of: [Data("data: {not json\n\n".utf8)], streamed: true)
        }
    }
}
