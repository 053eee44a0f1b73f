import Foundation
import FuzzCommon
import ModelClient

/// The SSE parser: the first byte says where to cut the rest into chunks (every n-th byte); the events must not
/// depend on the cuts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServerSentEvents(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzInput.data(start, count)
    guard let first = data.first else { return 0 }
    let body = data.dropFirst()
    let step = Int(first % 16) + 1
    let chunks = stride(from: body.startIndex, to: body.endIndex, by: step).map {
        Data(body[$0..<min($0 + step, body.endIndex)])
    }
    let whole = events(in: [Data(body)])
    let cut = events(in: chunks)
    precondition(
        whole.map(\.name) == cut.map(\.name) && whole.map(\.data) == cut.map(\.data),
        "events differ when the body arrives in chunks of \(step) bytes")
    return 0
}

/// The events of a body delivered in `chunks`, the one left open at the end included.
func events(in chunks: [Data]) -> [ServerSentEvents.Event] {
    var parser = ServerSentEvents()
    var events = chunks.flatMap { parser.feed($0) }
    if let last = parser.finish() { events.append(last) }
    return events
}
