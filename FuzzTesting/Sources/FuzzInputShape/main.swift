import Foundation
import FuzzCommon
import Solving

/// The generated-input shape check: the sample inputs (separated by 0x01 bytes), a NUL, then a generated input. Every
/// sample has its own samples' shape.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInputShape(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let (samplesPart, input) = FuzzInput.split(FuzzInput.data(start, count), at: 0)
    let samples = samplesPart.split(separator: 0x01, omittingEmptySubsequences: false).map { Data($0) }
    let shape = InputShape(samples: samples)
    _ = shape.mismatch(input ?? Data())
    for sample in samples {
        let mismatch = shape.mismatch(sample)
        precondition(mismatch == nil, "a sample does not have its samples' shape: \(mismatch ?? "")")
    }
    return 0
}
