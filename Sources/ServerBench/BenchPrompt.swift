/// Benchmark prompts of a chosen length. Every prompt of a run starts differently, and so do the prompts of two
/// runs, so that prefix caching (vLLM's prefix blocks, llama.cpp's `cache_prompt` and its cache of idle slots)
/// cannot skip a prompt's prefill — not even with the prompts of an earlier run still cached.
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

    /// The prompt of request number `index` of the run with `seed`: `tokens` words (at least 6). The first three
    /// spell `index` in base 64, so the first 262,144 requests of a run all start differently; the next three
    /// spell the seed's low 18 bits, and the rest follow from a linear congruential generator seeded by both.
    /// The same seed and index give the same prompt.
    public static func text(tokens: Int, index: Int, seed: UInt64) -> String {
        let count = Swift.max(tokens, 6)
        var chosen = digits(UInt64(truncatingIfNeeded: index)) + digits(seed)
        chosen.reserveCapacity(count)
        var state = seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        while chosen.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407  // Knuth's MMIX constants
            chosen.append(words[Int(state >> 58)])  // the top 6 bits: 0…63
        }
        return chosen.joined(separator: " ")
    }

    /// The low 18 bits of `value` as three words, least significant first.
    private static func digits(_ value: UInt64) -> [String] {
        (0..<3).map { words[Int((value >> (6 * UInt64($0))) & 63)] }
    }
}
