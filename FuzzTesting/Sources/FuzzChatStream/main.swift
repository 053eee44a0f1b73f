import Foundation
import FuzzCommon
import ModelClient

/// The chat-stream accumulator: the first byte's low bit says whether the rest is an SSE stream or one JSON object,
/// its next bit whether the model reasons; the body arrives in chunks cut at each `\n`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChatStream(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzInput.data(start, count)
    guard let first = data.first else { return 0 }
    let chunks = data.dropFirst().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
        Data($0) + Data([UInt8(ascii: "\n")])
    }
    var accumulator = ChatStreamAccumulator(endpoint: "memory", reasoningModel: first & 2 != 0) { _ in }
    if first & 1 == 0 {
        for chunk in chunks where !accumulator.feed(chunk) { break }
    } else {
        try? accumulator.readCompletion(chunks.reduce(Data(), +))
    }
    _ = try? accumulator.finish()
    return 0
}
