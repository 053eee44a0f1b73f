import Foundation
import FuzzCommon
import ProblemFormat

/// The Kattis package loader's metadata: the input is `problem.yaml`, then (after a NUL byte, if any) `.timelimit`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKattisPackage(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let (yaml, timelimit) = FuzzInput.split(FuzzInput.data(start, count), at: 0)
    _ = FuzzInput.write(Data("1\n".utf8), to: "pkg/data/sample/1.in")
    _ = FuzzInput.write(Data("1\n".utf8), to: "pkg/data/sample/1.ans")
    _ = FuzzInput.write(yaml, to: "pkg/problem.yaml")
    let package = FuzzInput.write(timelimit, to: "pkg/.timelimit").deletingLastPathComponent()
    _ = try? ProblemLoader.load(package)
    return 0
}
