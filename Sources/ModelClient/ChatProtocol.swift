import Foundation

/// One message of a chat.
public struct ChatMessage: Codable, Sendable, Hashable {
    public enum Role: String, Codable, Sendable { case system, user, assistant }
    public var role: Role
    public var content: String

    public init(_ role: Role, _ content: String) {
        self.role = role
        self.content = content
    }
}

/// Sampling parameters. Every one that is set is sent explicitly: vLLM otherwise applies the model's
/// `generation_config.json` silently.
public struct Sampling: Codable, Sendable, Hashable {
    public var temperature: Double?
    public var topP: Double?
    public var topK: Int?
    public var minP: Double?
    public var repetitionPenalty: Double?
    public var presencePenalty: Double?
    public var frequencyPenalty: Double?
    public var maxTokens: Int?
    public var seed: Int?
    /// vLLM's and SGLang's `min_tokens`: no stop (EOS or stop string) before this many tokens.
    public var minTokens: Int?
    /// `ignore_eos` (vLLM, SGLang, llama.cpp): keep generating past the end-of-sequence token up to `maxTokens`.
    public var ignoreEOS: Bool?

    public init(
        temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil, minP: Double? = nil,
        repetitionPenalty: Double? = nil, presencePenalty: Double? = nil, frequencyPenalty: Double? = nil,
        maxTokens: Int? = nil, seed: Int? = nil, minTokens: Int? = nil, ignoreEOS: Bool? = nil
    ) {
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.minP = minP
        self.repetitionPenalty = repetitionPenalty
        self.presencePenalty = presencePenalty
        self.frequencyPenalty = frequencyPenalty
        self.maxTokens = maxTokens
        self.seed = seed
        self.minTokens = minTokens
        self.ignoreEOS = ignoreEOS
    }

    enum CodingKeys: String, CodingKey {
        case temperature, seed
        case topP = "top_p", topK = "top_k", minP = "min_p", repetitionPenalty = "repetition_penalty"
        case presencePenalty = "presence_penalty", frequencyPenalty = "frequency_penalty", maxTokens = "max_tokens"
        case minTokens = "min_tokens", ignoreEOS = "ignore_eos"
    }

    /// `other`'s values where it has them, else these.
    public func overridden(by other: Sampling) -> Sampling {
        Sampling(
            temperature: other.temperature ?? temperature, topP: other.topP ?? topP, topK: other.topK ?? topK,
            minP: other.minP ?? minP, repetitionPenalty: other.repetitionPenalty ?? repetitionPenalty,
            presencePenalty: other.presencePenalty ?? presencePenalty,
            frequencyPenalty: other.frequencyPenalty ?? frequencyPenalty, maxTokens: other.maxTokens ?? maxTokens,
            seed: other.seed ?? seed, minTokens: other.minTokens ?? minTokens, ignoreEOS: other.ignoreEOS ?? ignoreEOS)
    }
}

/// A chat completion request.
public struct ChatRequest: Sendable, Hashable {
    /// The served model id (`/v1/models`).
    public var model: String
    public var messages: [ChatMessage]
    public var sampling: Sampling
    /// Independent completions wanted (`n`).
    public var choices: Int

    public init(model: String, messages: [ChatMessage], sampling: Sampling, choices: Int = 1) {
        self.model = model
        self.messages = messages
        self.sampling = sampling
        self.choices = choices
    }

    /// The JSON body. `repeat_penalty` duplicates `repetition_penalty` for llama.cpp, which reads only that name
    /// (vLLM, SGLang and Ollama ignore fields they do not know).
    func body(stream: Bool) throws -> Data {
        var object: [String: Any] = [
            "model": model,
            "messages": messages.map { ["role": $0.role.rawValue, "content": $0.content] },
            "stream": stream,
        ]
        if choices != 1 { object["n"] = choices }
        if stream { object["stream_options"] = ["include_usage": true] }
        let sampling =
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(self.sampling)) as? [String: Any] ?? [:]
        object.merge(sampling) { current, _ in current }
        if let penalty = self.sampling.repetitionPenalty { object["repeat_penalty"] = penalty }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}

/// Token counts reported by the server.
public struct Usage: Codable, Sendable, Hashable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int

    public init(promptTokens: Int, completionTokens: Int, totalTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", totalTokens = "total_tokens"
    }
}

/// One completion: the reasoning and the final answer, already separated.
public struct ChatChoice: Codable, Sendable, Hashable {
    public var index: Int
    public var reasoning: String
    public var answer: String
    /// `stop`, `length` (cut by max_tokens), `answer_limit` (cut by `ChatStreamAccumulator`'s limit), … — nil when
    /// the server sent none.
    public var finishReason: String?

    public init(index: Int, reasoning: String, answer: String, finishReason: String?) {
        self.index = index
        self.reasoning = reasoning
        self.answer = answer
        self.finishReason = finishReason
    }

    /// The generation hit the token limit or the answer limit.
    public var truncated: Bool { finishReason == "length" || finishReason == ChatStreamAccumulator.answerLimitReason }
}

/// What a chat request produced, and what it cost.
public struct ChatResult: Codable, Sendable, Hashable {
    public var model: String
    public var endpoint: String
    public var choices: [ChatChoice]
    public var usage: Usage?
    /// Seconds until the first streamed token (nil without streaming).
    public var firstTokenSeconds: Double?
    /// Seconds until the last streamed token (nil without streaming).
    public var lastTokenSeconds: Double?
    /// Streamed chunks that carried text (content or reasoning) — a token count for servers that send no `usage`.
    public var textDeltas: Int
    public var seconds: Double
    /// Requests that failed transiently before this one succeeded.
    public var retries: Int

    public init(
        model: String, endpoint: String, choices: [ChatChoice], usage: Usage?, firstTokenSeconds: Double?,
        lastTokenSeconds: Double?, textDeltas: Int, seconds: Double, retries: Int
    ) {
        self.model = model
        self.endpoint = endpoint
        self.choices = choices
        self.usage = usage
        self.firstTokenSeconds = firstTokenSeconds
        self.lastTokenSeconds = lastTokenSeconds
        self.textDeltas = textDeltas
        self.seconds = seconds
        self.retries = retries
    }
}

/// Something that happened while a completion streamed.
public enum ChatEvent: Sendable {
    case reasoning(choice: Int, text: String)
    case answer(choice: Int, text: String)
    /// The request failed transiently and is sent again after `delay` seconds; text streamed so far is void.
    case retrying(ModelServerError, delay: Double)
}

/// A model a server serves (`GET /v1/models`).
public struct ServedModel: Sendable, Hashable, Codable {
    public var id: String
    /// vLLM's `max_model_len`, or llama.cpp's context size.
    public var maxModelLength: Int?

    public init(id: String, maxModelLength: Int?) {
        self.id = id
        self.maxModelLength = maxModelLength
    }
}
