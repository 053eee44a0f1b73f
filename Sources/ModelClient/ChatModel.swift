/// A model behind an OpenAI-compatible API, as the solve loop uses it: chat completions and the list of served
/// models. `ModelClient` (libcurl) is the real one; tests use scripted ones in-process.
public protocol ChatModel: Sendable {
    /// Sends `request` and returns the whole completion; `onEvent` sees text as it arrives.
    /// - Parameter reasoningModel: show content before any `<think>` tag as reasoning while streaming.
    /// - Throws: `ModelServerError` when the server fails or cannot be reached (after any retries),
    ///   `ModelServerError.cancelled` when the task is cancelled.
    func complete(
        _ request: ChatRequest, reasoningModel: Bool, onEvent: @escaping @Sendable (ChatEvent) -> Void
    ) async throws -> ChatResult

    /// `GET /models`: the served models, with their context lengths where the server tells them.
    /// - Throws: `ModelServerError`.
    func models() async throws -> [ServedModel]
}

extension ModelClient: ChatModel {
    /// A streamed `chat(_:stream:reasoningModel:onEvent:)`, retrying transient failures.
    public func complete(
        _ request: ChatRequest, reasoningModel: Bool, onEvent: @escaping @Sendable (ChatEvent) -> Void
    ) async throws -> ChatResult {
        try await chat(request, stream: true, reasoningModel: reasoningModel, onEvent: onEvent)
    }
}
