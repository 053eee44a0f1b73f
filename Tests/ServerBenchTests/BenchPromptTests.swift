import Testing

@testable import ServerBench

@Suite struct BenchPromptTests {
    @Test func promptsHaveTheWordCountAndAreReproducible() {
        let prompt = BenchPrompt.text(tokens: 100, index: 5, seed: 42)
        #expect(prompt.split(separator: " ").count == 100)
        #expect(prompt == BenchPrompt.text(tokens: 100, index: 5, seed: 42))
        #expect(BenchPrompt.text(tokens: 1, index: 0, seed: 0).split(separator: " ").count == 6, "index and seed words")
        #expect(BenchPrompt.words.count == 64 && Set(BenchPrompt.words).count == 64)
    }

    @Test func everyRequestStartsDifferently() {
        let openings = (0..<5000).map { index in
            BenchPrompt.text(tokens: 8, index: index, seed: 7).split(separator: " ").prefix(3).joined(separator: " ")
        }
        #expect(Set(openings).count == 5000)
    }

    @Test func anotherRunsPromptsDifferAfterTheThirdWord() {
        for index in 0..<100 {
            let first = BenchPrompt.text(tokens: 64, index: index, seed: 1).split(separator: " ")
            let second = BenchPrompt.text(tokens: 64, index: index, seed: 2).split(separator: " ")
            #expect(first.prefix(3) == second.prefix(3))
            #expect(first[3] != second[3], "the seed's first word")
        }
    }
}
