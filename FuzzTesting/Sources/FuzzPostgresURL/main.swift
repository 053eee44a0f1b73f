import Evaluation
import Foundation
import FuzzCommon

/// `--db postgres://…`: the input is the URL (as UTF-8, invalid bytes replaced), read without environment variables.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPostgresURL(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let url = String(decoding: FuzzInput.data(start, count), as: UTF8.self)
    _ = try? EvaluationDatabases.serverURL(url, environment: [:])
    return 0
}
