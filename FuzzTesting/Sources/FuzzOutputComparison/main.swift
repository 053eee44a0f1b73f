import Foundation
import FuzzCommon
import Judging
import ProblemFormat

/// The judge's output comparison: the first byte picks the checker, the rest is the output, a NUL, then the answer.
/// An output always matches itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOutputComparison(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzInput.data(start, count)
    guard let first = data.first else { return 0 }
    let checkers: [CheckerSpec] = [
        .exact, .tokens(.standard), .tokens(.float(1e-6)), .tokens(TokenCompare(caseSensitive: false)),
        .tokens(TokenCompare(spaceSensitive: true)), .tokens(TokenCompare(absoluteTolerance: 1e-3)),
        .tokens(TokenCompare(relativeTolerance: 1e-9)),
    ]
    let checker = checkers[Int(first) % checkers.count]
    let (output, answer) = FuzzInput.split(Data(data.dropFirst()), at: 0)
    _ = OutputComparison.mismatch(output: output, answer: answer ?? Data(), checker: checker)
    let itself = OutputComparison.mismatch(output: output, answer: output, checker: checker)
    precondition(itself == nil, "an output does not match itself: \(itself ?? "")")
    return 0
}
