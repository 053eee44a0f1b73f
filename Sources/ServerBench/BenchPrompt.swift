/// Benchmark prompts of a chosen length: the same text on every run, yet each request's differs from its first
/// word, so that prefix caching (vLLM's, llama.cpp's `cache_prompt`) cannot skip a prompt's prefill.
public enum BenchPrompt {
    /// 64 common English words, each one token with its leading space in the GPT-2, Llama 3 and Qwen2 vocabularies.
    static let words = """
        the of and to in is that it for on with as was at by this from or be are an have not but all one can more \
        time when will out up about into some than them only its over new also after two first way use may these \
        see how other could like any just make now then back good well long
        """.split(separator: " ").map(String.init)

    /// How a prompt's length is estimated, for the report.
    public static let estimate =
        "one token per word (common English words that are single tokens in GPT-2, Llama 3 and Qwen2 vocabularies);"
        + " the server adds its chat template's tokens"

    /// The prompt of request number `index`: `tokens` words (at least 3). The first three spell `index` in base 64,
    /// so the first 262,144 requests all start differently; the rest follow from a linear congruential generator
    /// seeded by `index`.
    public static func text(tokens: Int, index: Int) -> String {
        let count = Swift.max(tokens, 3)
        var chosen: [String] = []
        chosen.reserveCapacity(count)
        var digits = index
        for _ in 0..<3 {
            chosen.append(words[digits % words.count])
            digits /= words.count
        }
        var state = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        while chosen.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407  // Knuth's MMIX constants
            chosen.append(words[Int(state >> 58)])  // the top 6 bits: 0…63
        }
        return chosen.joined(separator: " ")
    }
}
