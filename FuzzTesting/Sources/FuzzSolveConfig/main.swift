import Foundation
import FuzzCommon
import ModelFleet

/// `solve.yaml`: the input is the file, read by `SolveConfig.load` without environment variables.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSolveConfig(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let file = FuzzInput.write(FuzzInput.data(start, count), to: "solve.yaml")
    _ = try? SolveConfig.load(file: file, environment: [:])
    return 0
}
