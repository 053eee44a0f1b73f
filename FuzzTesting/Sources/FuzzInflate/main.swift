import Foundation
import FuzzCommon
import Importing

/// The inflater of zlib streams and gzip files, with a 1 MiB limit (the real one, 256 MiB, only makes runs slower);
/// the output must never pass the limit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInflate(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let limit = 1 << 20
    if let output = try? Inflate.decompress(FuzzInput.data(start, count), limit: limit) {
        precondition(output.count <= limit, "inflated \(output.count) bytes past the limit of \(limit)")
    }
    return 0
}
