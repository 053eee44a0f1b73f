import Foundation
import ModelClient

/// An in-process model for loop and evaluation tests: it answers each request as its script says, without a server,
/// and keeps the requests it got. (The Python scripted server stays for the client's protocol tests.)
public final class ScriptedChatModel: ChatModel, @unchecked Sendable {  // `received` is guarded by `lock`
    /// What one request gets.
    public enum Reply: Sendable {
        /// A finished completion.
        case answer(String, reasoning: String = "", finishReason: String = "stop")
        /// The request fails (after any retries a real client would make).
        case failure(ModelServerError)
        /// No answer until the task is cancelled (a request in flight when a run stops).
        case hang
    }

    /// The served id `models()` lists.
    public let served: String
    /// The context length `models()` reports.
    public let contextLength: Int?
    /// Why `models()` fails, if it does (an unreachable server).
    public let unreachable: ModelServerError?
    private let script: @Sendable (_ request: ChatRequest, _ number: Int) -> Reply
    private let lock = NSLock()
    private var received: [ChatRequest] = []

    /// - Parameter script: the reply to the `number`th request (1-based) this model got.
    public init(
        serving served: String, contextLength: Int? = 4096, unreachable: ModelServerError? = nil,
        script: @escaping @Sendable (_ request: ChatRequest, _ number: Int) -> Reply
    ) {
        self.served = served
        self.contextLength = contextLength
        self.unreachable = unreachable
        self.script = script
    }

    /// The requests received so far, in order.
    public var requests: [ChatRequest] { lock.withLock { received } }

    public func complete(
        _ request: ChatRequest, reasoningModel: Bool, onEvent: @escaping @Sendable (ChatEvent) -> Void
    ) async throws -> ChatResult {
        let number = lock.withLock {
            received.append(request)
            return received.count
        }
        switch script(request, number) {
        case .answer(let answer, let reasoning, let finishReason):
            if !reasoning.isEmpty { onEvent(.reasoning(choice: 0, text: reasoning)) }
            onEvent(.answer(choice: 0, text: answer))
            let tokens = (reasoning.utf8.count + answer.utf8.count) / 4 + 1
            return ChatResult(
                model: request.model, endpoint: "scripted",
                choices: [
                    ChatChoice(index: 0, reasoning: reasoning, answer: answer, finishReason: finishReason)
                ], usage: Usage(promptTokens: 100, completionTokens: tokens, totalTokens: 100 + tokens),
                firstTokenSeconds: 0.01, lastTokenSeconds: 0.02, textDeltas: 2, seconds: 0.02, retries: 0)
        case .failure(let error):
            throw error
        case .hang:
            try await Task.sleep(for: .seconds(3600))
            throw CancellationError()
        }
    }

    public func models() async throws -> [ServedModel] {
        if let unreachable { throw unreachable }
        return [ServedModel(id: served, maxModelLength: contextLength)]
    }

    /// Whether `request` carries an earlier answer (a feedback turn).
    public static func isFeedback(_ request: ChatRequest) -> Bool {
        request.messages.contains { $0.role == .assistant }
    }
}
