import CCurl
import Foundation
import Synchronization

/// One HTTP request to a model server.
public struct HTTPRequest: Sendable {
    public var url: String
    public var method: String
    public var headers: [String: String]
    public var body: Data?
    public var timeouts: Timeouts

    public init(
        url: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil, timeouts: Timeouts
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
    }
}

/// How long a request may take, in seconds.
public struct Timeouts: Sendable, Hashable, Codable {
    /// Until the TCP connection is up.
    public var connect: Double
    /// Until the first body byte (for a stream: the first event), through queueing and prefill.
    public var firstByte: Double
    /// After the first body byte, the longest silence between two bytes. 120 s: a running stream of a busy vLLM
    /// sends a token every few decode steps (well under a second each); its longest legitimate silence is a request
    /// preempted when the KV cache filled, waiting for blocks and prefilling its prompt and text again, which takes
    /// tens of seconds. Twice vLLM's own limit for one engine step (60 s, `VLLM_ENGINE_ITERATION_TIMEOUT_S`) leaves
    /// room for that, while a dead stream is retried within two minutes instead of the total's thirty.
    public var idle: Double
    /// The whole request.
    public var total: Double

    public init(connect: Double = 5, firstByte: Double = 300, idle: Double = 120, total: Double = 1800) {
        self.connect = connect
        self.firstByte = firstByte
        self.idle = idle
        self.total = total
    }
}

/// Status and headers of a response (names lower-cased).
public struct HTTPResponseHead: Sendable {
    public var status: Int
    public var headers: [String: String]
}

/// How a transfer failed below HTTP.
enum TransportFailure: Error {
    case connectionRefused(String)
    case timedOut(TimeoutKind, String)
    case cancelled
    case cutOff(String)
    /// libcurl refused an option (named as `CURLOPT_…`): nothing was sent.
    case option(name: String, detail: String)
    case other(String)
}

/// Which of the `Timeouts` ran out.
public enum TimeoutKind: String, Sendable {
    case connect, firstByte = "first token", idle, total
}

/// libcurl easy transfers, each on its own thread so that Swift's cooperative pool never blocks on I/O.
enum HTTPTransport {
    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Performs `request`; `onBody` gets each chunk of the body as it arrives (on the transfer's thread), with the head,
    /// and returns false to abort the transfer.
    static func perform(
        _ request: HTTPRequest, onBody: @escaping @Sendable (HTTPResponseHead, Data) -> Bool
    ) async throws -> HTTPResponseHead {
        _ = globalInit
        let cancellation = Cancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponseHead, Error>) in
                let thread = Thread {
                    let transfer = Transfer(request: request, onBody: onBody, cancellation: cancellation)
                    continuation.resume(with: transfer.run())
                }
                thread.name = "solve-http"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }
}

/// Whether the task that started a transfer was cancelled: set by its cancellation handler, read on the transfer's
/// thread.
private final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    var isCancelled: Bool { flag.load(ordering: .relaxed) }

    func cancel() {
        flag.store(true, ordering: .relaxed)
    }
}

/// The state of one transfer, reached from libcurl's C callbacks through an unmanaged pointer. Not `Sendable`: it is
/// made, used and dropped on the transfer's own thread (libcurl calls back on the thread that performs).
private final class Transfer {
    let request: HTTPRequest
    let onBody: @Sendable (HTTPResponseHead, Data) -> Bool
    private let cancellation: Cancellation
    private var handle: UnsafeMutableRawPointer?
    private var headers: [String: String] = [:]
    private var head: HTTPResponseHead?
    private var started = ContinuousClock.now
    /// When the last body byte came (nil before the first).
    private var lastByte: ContinuousClock.Instant?
    /// The timeout `shouldAbort` enforced, if any.
    private var timedOut: (kind: TimeoutKind, detail: String)?

    init(
        request: HTTPRequest, onBody: @escaping @Sendable (HTTPResponseHead, Data) -> Bool, cancellation: Cancellation
    ) {
        self.request = request
        self.onBody = onBody
        self.cancellation = cancellation
    }

    func run() -> Result<HTTPResponseHead, Error> {
        guard let handle = curl_easy_init() else { return .failure(TransportFailure.other("curl_easy_init failed")) }
        self.handle = handle
        defer { curl_easy_cleanup(handle) }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for (name, value) in request.headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }
        let body = request.body ?? Data()
        let context = Unmanaged.passUnretained(self).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        started = .now

        let code: CURLcode
        do {
            code = try body.withUnsafeBytes { bodyBytes in
                try errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
                    let options = EasyOptions(handle: handle)
                    try options.set(CURLOPT_URL, string: request.url)
                    try options.set(CURLOPT_CUSTOMREQUEST, string: request.method)
                    try options.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headerList))
                    try options.set(CURLOPT_ERRORBUFFER, pointer: errorPointer.baseAddress)
                    if request.body != nil {
                        let bytes = UnsafeMutableRawPointer(mutating: bodyBytes.baseAddress)
                        try options.set(CURLOPT_POSTFIELDS, pointer: bytes)
                        try options.set(CURLOPT_POSTFIELDSIZE, long: body.count)
                    }
                    try options.set(CURLOPT_NOSIGNAL, long: 1)
                    try options.set(CURLOPT_TCP_NODELAY, long: 1)
                    try options.set(CURLOPT_CONNECTTIMEOUT_MS, long: milliseconds(request.timeouts.connect))
                    try options.set(CURLOPT_TIMEOUT_MS, long: milliseconds(request.timeouts.total))
                    try options.set(CURLOPT_HEADERFUNCTION, callback: transferHeader)
                    try options.set(CURLOPT_HEADERDATA, pointer: context)
                    try options.set(CURLOPT_WRITEFUNCTION, callback: transferBody)
                    try options.set(CURLOPT_WRITEDATA, pointer: context)
                    try options.set(CURLOPT_NOPROGRESS, long: 0)
                    try options.setProgressCallback(transferProgress)
                    try options.set(CURLOPT_XFERINFODATA, pointer: context)
                    return curl_easy_perform(handle)
                }
            }
        } catch {
            return .failure(error)
        }
        let message = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let detail = message.isEmpty ? String(cString: curl_easy_strerror(code)) : message
        switch code {
        case CURLE_OK:
            return .success(head ?? currentHead())
        case CURLE_COULDNT_CONNECT:
            return .failure(TransportFailure.connectionRefused(detail))
        case CURLE_OPERATION_TIMEDOUT:
            var connectMicroseconds: curl_off_t = 0
            _ = ccurl_get_off(handle, CURLINFO_CONNECT_TIME_T, &connectMicroseconds)
            return .failure(TransportFailure.timedOut(connectMicroseconds == 0 ? .connect : .total, detail))
        case CURLE_ABORTED_BY_CALLBACK, CURLE_WRITE_ERROR:
            if let timedOut { return .failure(TransportFailure.timedOut(timedOut.kind, timedOut.detail)) }
            return .failure(TransportFailure.cancelled)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_SEND_ERROR:
            return .failure(TransportFailure.cutOff(detail))
        default:
            return .failure(TransportFailure.other(detail))
        }
    }

    /// `seconds` for libcurl: at least 1 ms (0 would mean no limit), at most about 34 years, NaN as the most.
    private func milliseconds(_ seconds: Double) -> Int {
        let value = (seconds * 1000).rounded(.up)
        return value >= 1 ? Int(min(value, 1e12)) : value.isNaN ? Int(1e12) : 1
    }

    fileprivate func receivedHeader(_ line: String) {
        if line.hasPrefix("HTTP/") { headers = [:]; return }  // a new response (after 100-continue or a redirect)
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    fileprivate func receivedBody(_ data: Data) -> Bool {
        if cancellation.isCancelled { return false }
        lastByte = .now
        let head = self.head ?? currentHead()
        self.head = head
        return onBody(head, data)
    }

    /// Called by libcurl about once a second when nothing arrives: enforces the first-token and idle timeouts.
    fileprivate func shouldAbort() -> Bool {
        if cancellation.isCancelled { return true }
        let now = ContinuousClock.now
        if let lastByte {
            guard seconds(now - lastByte) > request.timeouts.idle else { return false }
            timedOut = (.idle, "nothing arrived for \(request.timeouts.idle) s in the middle of the body")
            return true
        }
        guard seconds(now - started) > request.timeouts.firstByte else { return false }
        timedOut = (.firstByte, "no answer within \(request.timeouts.firstByte) s")
        return true
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    private func currentHead() -> HTTPResponseHead {
        var status = 0
        if let handle { _ = ccurl_get_long(handle, CURLINFO_RESPONSE_CODE, &status) }
        return HTTPResponseHead(status: status, headers: headers)
    }
}

/// libcurl options set through the typed wrappers of `shim.h`, each result checked: an option libcurl refuses is an
/// error that names it, not a transfer made with its default.
private struct EasyOptions {
    let handle: UnsafeMutableRawPointer

    func set(_ option: CURLoption, long value: Int) throws {
        try check(ccurl_set_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, string value: String) throws {
        try check(ccurl_set_string(handle, option, value), option)
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws {
        try check(ccurl_set_pointer(handle, option, value), option)
    }

    func set(_ option: CURLoption, callback: ccurl_data_callback) throws {
        try check(ccurl_set_data_callback(handle, option, callback), option)
    }

    func setProgressCallback(_ callback: ccurl_progress_callback) throws {
        try check(ccurl_set_progress_callback(handle, callback), CURLOPT_XFERINFOFUNCTION)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws {
        guard code == CURLE_OK else {
            let detail = String(cString: curl_easy_strerror(code))
            throw TransportFailure.option(name: Self.name(of: option), detail: detail)
        }
    }

    /// `CURLOPT_URL` for `CURLOPT_URL`, from libcurl's own table of options.
    static func name(of option: CURLoption) -> String {
        guard let entry = curl_easy_option_by_id(option), let name = entry.pointee.name else {
            return "libcurl option \(option.rawValue)"
        }
        return "CURLOPT_" + String(cString: name)
    }
}

private func transferHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
    transfer.receivedHeader(String(decoding: bytes, as: UTF8.self))
    return size * count
}

private func transferBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receivedBody(Data(bytes: data, count: size * count)) ? size * count : 0
}

private func transferProgress(
    _ context: UnsafeMutableRawPointer?, _: curl_off_t, _: curl_off_t, _: curl_off_t, _: curl_off_t
) -> Int32 {
    guard let context else { return 0 }
    return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().shouldAbort() ? 1 : 0
}
