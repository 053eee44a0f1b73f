import Foundation

/// The fields `solve` reads from a streamed `chat.completion.chunk` or a whole `chat.completion`, either error shape
/// included. Read by a scanner of its own: a stream of one-token deltas is mostly JSON, and Foundation's decoders
/// spend about 20 µs on each small object, which caps a stream at a few MB/s.
struct ChatChunk: Equatable {
    var choices: [Choice]?
    var usage: Usage?
    /// The message of an `{"error": …}` or `{"object": "error", "message": …}` body.
    var errorMessage: String?

    struct Choice: Equatable {
        var index = 0
        var content: String?
        /// `reasoning_content` (vLLM, llama.cpp) or `reasoning` (newer vLLM, OpenRouter).
        var reasoning: String?
        var finishReason: String?
    }

    /// Why a body is not a chunk: a JSON syntax error with its byte offset, or a field of the wrong type.
    struct Malformed: Error, Equatable {
        var detail: String
    }

    /// Reads one chunk from the UTF-8 JSON text in `bytes`.
    ///
    /// - Throws: `Malformed` when the text is not JSON, not an object, or a known field has the wrong type.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> ChatChunk {
        var scanner = JSONScanner(bytes)
        var chunk = ChatChunk()
        var object: String?
        var message: String?
        var error: String?
        try scanner.object { scanner, key throws(Malformed) in
            switch key {
            case .choices: chunk.choices = try scanner.nullable { scanner throws(Malformed) in try choices(&scanner) }
            case .usage: chunk.usage = try scanner.nullable { scanner throws(Malformed) in try usage(&scanner) } ?? nil
            case .error: error = try scanner.nullable { scanner throws(Malformed) in try errorMessage(&scanner) }
            case .object: object = try scanner.nullable { scanner throws(Malformed) in try scanner.string("object") }
            case .message:
                message = try scanner.nullable { scanner throws(Malformed) in try scanner.stringOrSkip() } ?? nil
            default: try scanner.skipValue()
            }
        }
        try scanner.end()
        if let error {
            chunk.errorMessage = error
        } else if object == "error" {
            chunk.errorMessage = message ?? "unspecified error"
        }
        return chunk
    }

    /// Reads one chunk from `text`.
    static func parse(_ text: String) throws(Malformed) -> ChatChunk {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(Malformed) in try parse(UnsafeRawBufferPointer(bytes)) }
        }.get()
    }

    private static func choices(_ scanner: inout JSONScanner) throws(Malformed) -> [Choice] {
        var choices: [Choice] = []
        try scanner.array("choices") { scanner throws(Malformed) in
            let number = choices.count
            var choice = Choice()
            var delta: (content: String?, reasoning: String?)?
            var message: (content: String?, reasoning: String?)?
            try scanner.object("choices[\(number)]") { scanner, key throws(Malformed) in
                switch key {
                case .index:
                    choice.index =
                        try scanner.nullable { scanner throws(Malformed) in
                            try scanner.integer("choices[\(number)].index", in: 0...Int(Int32.max))
                        } ?? 0
                case .delta:
                    delta = try scanner.nullable { scanner throws(Malformed) in
                        try readText(&scanner, "choices[\(number)].delta")
                    }
                case .message:
                    message = try scanner.nullable { scanner throws(Malformed) in
                        try readText(&scanner, "choices[\(number)].message")
                    }
                case .finishReason:
                    choice.finishReason = try scanner.nullable { scanner throws(Malformed) in
                        try scanner.string("choices[\(number)].finish_reason")
                    }
                default: try scanner.skipValue()
                }
            }
            let text = delta ?? message
            choice.content = text?.content
            choice.reasoning = text?.reasoning
            choices.append(choice)
        }
        return choices
    }

    private static func readText(
        _ scanner: inout JSONScanner, _ position: @autoclosure () -> String
    ) throws(Malformed) -> (String?, String?) {
        var content: String?
        var reasoningContent: String?
        var reasoning: String?
        try scanner.object(position()) { scanner, key throws(Malformed) in
            switch key {
            case .content:
                content = try scanner.nullable { scanner throws(Malformed) in
                    try scanner.string("\(position()).content")
                }
            case .reasoningContent:
                reasoningContent = try scanner.nullable { scanner throws(Malformed) in
                    try scanner.string("\(position()).reasoning_content")
                }
            case .reasoning:
                reasoning = try scanner.nullable { scanner throws(Malformed) in
                    try scanner.string("\(position()).reasoning")
                }
            default: try scanner.skipValue()
            }
        }
        return (content, reasoningContent ?? reasoning)
    }

    /// `usage` when it has all three counts; nil when one is missing (a server's partial usage is not worth an error).
    private static func usage(_ scanner: inout JSONScanner) throws(Malformed) -> Usage? {
        var prompt: Int?
        var completion: Int?
        var total: Int?
        let range = 0...(1 << 53)
        try scanner.object("usage") { scanner, key throws(Malformed) in
            switch key {
            case .promptTokens:
                prompt = try scanner.nullable { scanner throws(Malformed) in
                    try scanner.integer("usage.prompt_tokens", in: range)
                }
            case .completionTokens:
                completion = try scanner.nullable { scanner throws(Malformed) in
                    try scanner.integer("usage.completion_tokens", in: range)
                }
            case .totalTokens:
                total = try scanner.nullable { scanner throws(Malformed) in
                    try scanner.integer("usage.total_tokens", in: range)
                }
            default: try scanner.skipValue()
            }
        }
        guard let prompt, let completion, let total else { return nil }
        return Usage(promptTokens: prompt, completionTokens: completion, totalTokens: total)
    }

    /// `"error": "text"` or `"error": {"message": "text", …}`.
    private static func errorMessage(_ scanner: inout JSONScanner) throws(Malformed) -> String {
        if scanner.peek == UInt8(ascii: "\"") { return try scanner.string("error") }
        var message: String?
        try scanner.object("error") { scanner, key throws(Malformed) in
            if key == .message {
                message = try scanner.nullable { scanner throws(Malformed) in try scanner.stringOrSkip() } ?? nil
            } else {
                try scanner.skipValue()
            }
        }
        return message ?? "unspecified error"
    }
}
