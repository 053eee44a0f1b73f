import Foundation
import FuzzCommon
import Importing

/// The reader of one pickled str (LiveCodeBench's compressed tests).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPickledString(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    _ = try? PickledString.decode(FuzzInput.data(start, count))
    return 0
}
