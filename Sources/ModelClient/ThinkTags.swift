/// Inline `<think>…</think>` reasoning, as sent by servers without a reasoning parser.
/// R1 distills often omit the opening tag because their chat template already adds it.
public enum ThinkTags {
    static let open = "<think>"
    static let close = "</think>"

    /// Separates reasoning from answer in a complete `content`: text before `</think>` is reasoning; an opened but
    /// never closed `<think>` means the whole text is reasoning (the model ran out of tokens while thinking).
    public static func split(_ content: String) -> (reasoning: String, answer: String) {
        var text = Substring(content)
        let leading = text.prefix { $0.isWhitespace }
        let opened = text.dropFirst(leading.count).hasPrefix(open)
        if opened { text = text.dropFirst(leading.count + open.count) }
        if let end = firstRange(of: close, in: text) {
            return (String(text[..<end.lowerBound]), String(text[end.upperBound...]))
        }
        return opened ? (String(text), "") : ("", content)
    }

    /// The first occurrence of the ASCII `tag` in `text`, found on its UTF-8 bytes (time linear in `text`).
    static func firstRange(of tag: String, in text: Substring) -> Range<String.Index>? {
        let needle = Array(tag.utf8)
        guard let first = needle.first else { return nil }
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: first) {
            if let end = utf8.index(found, offsetBy: needle.count, limitedBy: utf8.endIndex),
                utf8[found..<end].elementsEqual(needle)
            {
                return found..<end
            }
            index = utf8.index(after: found)
        }
        return nil
    }

    /// Classifies streamed `content` pieces for display, holding back text that may be the start of a tag.
    /// The final split is `split(_:)` on the whole text, which also catches a missing opening tag.
    struct Stream {
        enum Part: Equatable {
            case reasoning(String)
            case answer(String)
        }

        private enum State { case undecided, reasoning, answer }
        private var state = State.undecided
        private var held = ""
        private let startInReasoning: Bool

        /// `startInReasoning`: show text before any tag as reasoning (a reasoning model whose template opens `<think>`).
        init(startInReasoning: Bool) {
            self.startInReasoning = startInReasoning
        }

        /// All further content is answer (the server sends reasoning in a field of its own).
        mutating func answerOnly() {
            if state == .undecided { state = .answer }
        }

        mutating func feed(_ piece: String) -> [Part] {
            held += piece
            var parts: [Part] = []
            while true {
                switch state {
                case .undecided:
                    let trimmed = held.drop { $0.isWhitespace }
                    if trimmed.hasPrefix(ThinkTags.open) {
                        held = String(trimmed.dropFirst(ThinkTags.open.count))
                        state = .reasoning
                        continue
                    }
                    // Held whitespace is looked at again on every piece: past 256 bytes of it, stop waiting.
                    if (trimmed.isEmpty || ThinkTags.open.hasPrefix(trimmed)), held.utf8.count <= 256 { return parts }
                    state = startInReasoning ? .reasoning : .answer
                    continue
                case .reasoning:
                    if let end = ThinkTags.firstRange(of: ThinkTags.close, in: held[...]) {
                        if end.lowerBound > held.startIndex {
                            parts.append(.reasoning(String(held[..<end.lowerBound])))
                        }
                        held = String(held[end.upperBound...])
                        state = .answer
                        continue
                    }
                    let keep = Self.partialTagSuffix(of: held, tag: ThinkTags.close)
                    let split = held.utf8.index(held.utf8.endIndex, offsetBy: -keep)
                    if split > held.startIndex { parts.append(.reasoning(String(held[..<split]))) }
                    held = String(held[split...])
                    return parts
                case .answer:
                    if !held.isEmpty { parts.append(.answer(held)) }
                    held = ""
                    return parts
                }
            }
        }

        /// Whatever was held back when the stream ends.
        mutating func finish() -> [Part] {
            defer { held = "" }
            guard !held.isEmpty else { return [] }
            return state == .reasoning ? [.reasoning(held)] : [.answer(held)]
        }

        /// Length in bytes of the longest suffix of `text` that is a proper prefix of `tag` (ASCII).
        private static func partialTagSuffix(of text: String, tag: String) -> Int {
            let tail = Array(text.utf8.suffix(tag.utf8.count - 1))
            for length in stride(from: tail.count, through: 1, by: -1)
            where tail.suffix(length).elementsEqual(tag.utf8.prefix(length)) {
                return length
            }
            return 0
        }
    }
}
