import Foundation

/// The bytes libFuzzer hands a target, and the helpers the targets share.
public enum FuzzInput {
    /// The input as `Data`.
    public static func data(_ start: UnsafeRawPointer, _ count: Int) -> Data {
        Data(bytes: start, count: count)
    }

    /// `data` split at its first `separator` byte (which belongs to neither part); all of it and nothing when absent.
    public static func split(_ data: Data, at separator: UInt8) -> (Data, Data?) {
        guard let index = data.firstIndex(of: separator) else { return (data, nil) }
        return (Data(data[..<index]), Data(data[(index + 1)...]))
    }

    /// A folder of this process's own for targets whose parser reads files, made once and emptied by the caller.
    public static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("solve-fuzz-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes `data` to `relative` inside ``scratch`` (creating folders), or removes it when `data` is nil.
    public static func write(_ data: Data?, to relative: String) -> URL {
        let url = scratch.appendingPathComponent(relative)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let data {
            try? data.write(to: url)
        } else {
            try? FileManager.default.removeItem(at: url)
        }
        return url
    }
}
