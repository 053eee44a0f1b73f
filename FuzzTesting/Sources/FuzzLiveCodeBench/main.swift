import Foundation
import FuzzCommon
import Importing

/// The LiveCodeBench record parser: the input is a JSON-lines file (plain or gzip), every bad record skipped.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLiveCodeBench(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let file = URL(fileURLWithPath: "/fuzz/livecodebench.jsonl")
    _ = try? Importer.read(FuzzInput.data(start, count), from: file, format: .livecodebench, skipInvalid: true)
    return 0
}
