import Foundation

/// The lines of a JSON-lines file that hold more than whitespace, each with its number (from 1), found in one pass
/// without splitting the file: millions of blank lines cost a scan, not an array of slices.
struct RecordLines: Sequence, IteratorProtocol {
    private let data: Data
    /// Bytes from the start of `data` already read.
    private var offset = 0
    /// The number of the line at `offset`.
    private var line = 1

    init(_ data: Data) {
        self.data = data
    }

    mutating func next() -> (line: Int, text: Data)? {
        var line = self.line
        let found = data.withUnsafeBytes { [offset] (bytes: UnsafeRawBufferPointer) -> (start: Int, end: Int)? in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            var start = offset
            // Blank space, newlines included, up to the record; CR counts as space (CRLF files).
            while start < bytes.count {
                switch base[start] {
                case UInt8(ascii: "\n"): line += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
                default:
                    let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                    let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
                    return (start, end)
                }
                start += 1
            }
            return nil
        }
        self.line = line
        guard let found else {
            offset = data.count
            return nil
        }
        // The newline after the record (if any) is read by the next call, which counts it.
        offset = found.end
        return (line, data[(data.startIndex + found.start)..<(data.startIndex + found.end)])
    }
}
