import Foundation
import FuzzCommon
import Importing

/// The CodeContests record parser: the input is a JSON-lines file (plain or gzip), every bad record skipped.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCodeContests(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let file = URL(fileURLWithPath: "/fuzz/codecontests.jsonl")
    _ = try? Importer.read(FuzzInput.data(start, count), from: file, format: .codecontests, skipInvalid: true)
    return 0
}
