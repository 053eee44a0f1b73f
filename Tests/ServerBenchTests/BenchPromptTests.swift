import Testing

@testable import ServerBench

@Suite struct BenchPromptTests {
    @Test func promptsHaveTheWordCountAndAreStable() {
        let prompt = BenchPrompt.text(tokens: 100, index: 5)
        #expect(prompt.split(separator: " ").count == 100)
        #expect(prompt == BenchPrompt.text(tokens: 100, index: 5))
        #expect(BenchPrompt.text(tokens: 1, index: 0).split(separator: " ").count == 3, "three words spell the index")
        #expect(BenchPrompt.words.count == 64 && Set(BenchPrompt.words).count == 64)
    }

    @Test func everyRequestStartsDifferently() {
        let openings = (0..<5000).map {
            BenchPrompt.text(tokens: 8, index: $0).split(separator: " ").prefix(3).joined(separator: " ")
        }
        #expect(Set(openings).count == 5000)
    }
}
