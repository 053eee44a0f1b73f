import Foundation
import Testing

@testable import ModelClient

/// libcurl's side of a request, without a server.
@Suite struct HTTPTransportTests {
    @Test("an option libcurl refuses is an error that names it, not a request sent without it")
    func refusedOptionIsNamed() async throws {
        // libcurl takes option strings of at most 8,000,000 bytes (CURL_MAX_INPUT_LENGTH).
        let path = String(repeating: "a", count: 8_000_001)
        let client = ModelClient(baseURL: "http://127.0.0.1:9/" + path, retry: RetryPolicy(maxRetries: 0))
        let error = await #expect(throws: ModelServerError.self) { try await client.models() }
        guard case .rejectedOption(_, let option, let detail) = error else {
            Issue.record("expected a refused option, got \(String(describing: error).prefix(200))")
            return
        }
        #expect(option == "CURLOPT_URL")
        #expect(!detail.isEmpty)
        #expect(error?.isTransient == false)
    }
}
