import Foundation
import FuzzCommon
import ProblemFormat

/// The Markdown problem parser: the input is `p.md` (front matter, statement, sample fences); its tests folder holds
/// one hidden test.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownProblem(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    _ = FuzzInput.write(Data("1\n".utf8), to: "p/1.in")
    _ = FuzzInput.write(Data("1\n".utf8), to: "p/1.ans")
    let file = FuzzInput.write(FuzzInput.data(start, count), to: "p.md")
    _ = try? ProblemLoader.load(file)
    return 0
}
