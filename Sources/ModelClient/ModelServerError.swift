import Foundation

/// Why a model server could not give an answer.
public enum ModelServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing listens at the endpoint.
    case unreachable(endpoint: String, detail: String)
    case timedOut(endpoint: String, kind: TimeoutKind, detail: String)
    /// An HTTP error status, with the server's message from either error body shape.
    case http(endpoint: String, status: Int, message: String, retryAfter: Double?)
    /// An error event inside a `200` stream.
    case streamError(endpoint: String, message: String)
    /// The stream ended before `[DONE]` or a finish reason.
    case streamCut(endpoint: String, detail: String)
    /// The body was not the JSON the OpenAI API specifies.
    case malformedResponse(endpoint: String, detail: String, excerpt: String)
    /// libcurl refused an option of the request (`CURLOPT_URL` longer than it takes, say): nothing was sent.
    case rejectedOption(endpoint: String, option: String, detail: String)
    case cancelled

    /// Whether sending the same request again may succeed.
    public var isTransient: Bool {
        switch self {
        case .http(_, let status, _, _): return [408, 429, 500, 502, 503, 504].contains(status)
        case .streamError, .streamCut: return true
        case .timedOut(_, let kind, _): return kind != .connect
        case .unreachable, .malformedResponse, .rejectedOption, .cancelled: return false
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let endpoint, let detail): return "\(endpoint): no server answers (\(detail))"
        case .timedOut(let endpoint, let kind, let detail): return "\(endpoint): \(kind.rawValue) timeout (\(detail))"
        case .http(let endpoint, let status, let message, _): return "\(endpoint): HTTP \(status): \(message)"
        case .streamError(let endpoint, let message): return "\(endpoint): error event in the stream: \(message)"
        case .streamCut(let endpoint, let detail): return "\(endpoint): stream ended before [DONE] (\(detail))"
        case .malformedResponse(let endpoint, let detail, let excerpt):
            return "\(endpoint): malformed response (\(detail)): \(excerpt)"
        case .rejectedOption(let endpoint, let option, let detail):
            return "\(endpoint): libcurl refused \(option) (\(detail)), so nothing was sent"
        case .cancelled: return "cancelled"
        }
    }

    /// An HTTP error response: the server's message and its `Retry-After`.
    static func http(endpoint: String, head: HTTPResponseHead, body: Data) -> ModelServerError {
        .http(
            endpoint: endpoint, status: head.status, message: message(fromErrorBody: body),
            retryAfter: head.headers["retry-after"].flatMap(retryAfterSeconds))
    }

    /// A body that is not the JSON expected, with its first 200 bytes.
    static func malformed(endpoint: String, detail: String, body: Data) -> ModelServerError {
        .malformedResponse(
            endpoint: endpoint, detail: detail, excerpt: String(decoding: body.prefix(200), as: UTF8.self))
    }

    /// `Retry-After` as seconds: a number, or an HTTP date.
    static func retryAfterSeconds(_ value: String) -> Double? {
        if let seconds = Double(value.trimmingCharacters(in: .whitespaces)) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    /// The message of an OpenAI-style error body: `{"error": {"message": …}}`, `{"object": "error", "message": …}`,
    /// `{"error": "…"}`, or the body's text.
    static func message(fromErrorBody body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String {
                return message
            }
            if let error = object["error"] as? String { return error }
            if let message = object["message"] as? String { return message }
            if let detail = object["detail"] as? String { return detail }
        }
        let text = String(decoding: body.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "(empty body)" : text
    }
}
