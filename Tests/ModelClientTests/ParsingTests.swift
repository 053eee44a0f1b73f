import Foundation
import Testing

@testable import ModelClient

@Suite struct ThinkTagTests {
    @Test func splitsInlineReasoning() {
        #expect(ThinkTags.split("<think>plan</think>\nanswer") == ("plan", "\nanswer"))
        #expect(ThinkTags.split("plan without opening tag</think>answer") == ("plan without opening tag", "answer"))
        #expect(
            ThinkTags.split("  <think>still thinking when tokens ran out") == ("still thinking when tokens ran out", "")
        )
        #expect(ThinkTags.split("just an answer") == ("", "just an answer"))
    }

    @Test func streamHoldsBackPartialTags() {
        var stream = ThinkTags.Stream(startInReasoning: false)
        var parts: [ThinkTags.Stream.Part] = []
        for piece in ["<th", "ink>draft ", "code</th", "ink>final", " answer"] { parts += stream.feed(piece) }
        parts += stream.finish()
        #expect(parts == [.reasoning("draft "), .reasoning("code"), .answer("final"), .answer(" answer")])
    }

    @Test func streamOfAReasoningModelStartsInReasoning() {
        var stream = ThinkTags.Stream(startInReasoning: true)
        var parts: [ThinkTags.Stream.Part] = []
        for piece in ["think", "ing</thi", "nk>done"] { parts += stream.feed(piece) }
        #expect(parts == [.reasoning("think"), .reasoning("ing"), .answer("done")])
    }

    @Test func plainAnswerIsNotDelayed() {
        var stream = ThinkTags.Stream(startInReasoning: false)
        #expect(stream.feed("Here") == [.answer("Here")])
    }
}

@Suite struct RetryPolicyTests {
    @Test func backoffGrowsWithJitterAndHonoursRetryAfter() {
        let policy = RetryPolicy(maxRetries: 5, baseDelay: 1, maxDelay: 8)
        for retry in 1...5 {
            let step = min(8, pow(2, Double(retry - 1)))
            let delay = policy.delay(beforeRetry: retry, retryAfter: nil)
            #expect(delay >= step / 2 && delay <= step)
        }
        #expect(policy.delay(beforeRetry: 1, retryAfter: 3) == 3)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 600) == 8)
    }

    @Test func errorBodiesOfBothShapesGiveTheirMessage() {
        #expect(
            ModelServerError.message(fromErrorBody: Data(#"{"error":{"message":"nested","code":400}}"#.utf8))
                == "nested")
        #expect(ModelServerError.message(fromErrorBody: Data(#"{"object":"error","message":"flat"}"#.utf8)) == "flat")
        #expect(ModelServerError.message(fromErrorBody: Data("Internal Server Error".utf8)) == "Internal Server Error")
    }
}
