import CZlib
import Foundation

/// Decompression of zlib and gzip data (HumanEval's `.jsonl.gz`, LiveCodeBench's compressed tests).
enum Inflate {
    /// Whether `data` starts like a gzip file (magic bytes 1f 8b).
    static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The decompressed bytes of a zlib stream or of a gzip file (several members are joined, as `zcat` does).
    ///
    /// - Throws: ``InflateError`` with zlib's reason: a bad header, corrupt or truncated data.
    static func decompress(_ data: Data) throws -> Data {
        guard data.count < Int(UInt32.max) else { throw InflateError(reason: "more than 4 GiB of compressed data") }
        var stream = z_stream()
        let initialized = czlib_inflate_init(&stream, 15 + 32)
        guard initialized == Z_OK else { throw InflateError(reason: "zlib could not start (status \(initialized))") }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let base = input.bindMemory(to: Bytef.self).baseAddress else { return }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            while true {
                var status: Int32 = Z_OK
                let produced = buffer.withUnsafeMutableBufferPointer { out -> Int in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                output.append(contentsOf: buffer[0..<produced])
                switch status {
                case Z_STREAM_END:
                    guard stream.avail_in > 0 else { return }
                    guard inflateReset(&stream) == Z_OK else { throw InflateError(reason: "zlib could not restart") }
                case Z_OK, Z_BUF_ERROR:
                    if stream.avail_in == 0 && produced == 0 {
                        throw InflateError(reason: "the compressed data ends early (truncated file?)")
                    }
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                    throw InflateError(reason: "corrupt compressed data (\(message))")
                }
            }
        }
        return output
    }
}

/// Why compressed data could not be read.
struct InflateError: Error, Sendable, Equatable, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
