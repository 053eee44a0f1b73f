import Foundation
import FuzzCommon
import Importing

/// The HumanEval record parser: the input is a JSON-lines file (plain or gzip), every bad record skipped.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHumanEval(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let file = URL(fileURLWithPath: "/fuzz/humaneval.jsonl")
    _ = try? Importer.read(FuzzInput.data(start, count), from: file, format: .humaneval, skipInvalid: true)
    return 0
}
