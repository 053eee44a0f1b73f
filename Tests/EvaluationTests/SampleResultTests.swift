import Evaluation
import Foundation
import Testing

@Suite("SampleResult")
struct SampleResultTests {
    @Test("round-trips through JSON with its optional fields")
    func roundTrip() throws {
        let result = SampleResult(
            run: "r", model: "coder", problem: "two-sum", difficulty: nil, tags: ["arrays"], sample: 0, maxAttempts: 4,
            attempts: 2, firstAttemptAccepted: false, accepted: true, acceptedAtAttempt: 2, completionTokens: 900,
            seconds: 12.5, truncatedAttempts: 0, noCodeAttempts: 1)
        let decoded = try JSONDecoder().decode(SampleResult.self, from: JSONEncoder().encode(result))
        #expect(decoded == result)
    }
}
