import CZlib
import Foundation

/// Decompression of zlib and gzip data (HumanEval's `.jsonl.gz`, LiveCodeBench's compressed tests), in memory
/// bounded by a limit on the inflated size.
public enum Inflate {
    /// The most a compressed payload (a gzip file, or one field of compressed tests) may inflate to: 256 MiB.
    ///
    /// Real payloads stay far below it (HumanEval's file inflates to 0.2 MiB), while a few hundred KiB of
    /// compressed data can claim gigabytes: past this limit inflating stops, having held at most this much.
    public static let maximumInflatedBytes = 256 << 20

    /// Whether `data` starts like a gzip file (magic bytes 1f 8b).
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The decompressed bytes of a zlib stream or of a gzip file (several members are joined, as `zcat` does).
    ///
    /// - Parameter limit: The most bytes the result may hold.
    /// - Throws: ``InflateError/tooLarge(limit:)`` as soon as the output would pass `limit`, or
    ///   ``InflateError/corrupt(reason:)`` with zlib's reason: a bad header, corrupt or truncated data.
    public static func decompress(_ data: Data, limit: Int = maximumInflatedBytes) throws -> Data {
        guard data.count < Int(UInt32.max) else {
            throw InflateError.corrupt(reason: "more than 4 GiB of compressed data")
        }
        var stream = z_stream()
        let initialized = czlib_inflate_init(&stream, 15 + 32)
        guard initialized == Z_OK else {
            throw InflateError.corrupt(reason: "zlib could not start (status \(initialized))")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let base = input.bindMemory(to: Bytef.self).baseAddress else { return }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            while true {
                var status: Int32 = Z_OK
                try buffer.withUnsafeMutableBufferPointer { out in
                    guard let start = out.baseAddress else { return }
                    stream.next_out = start
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    let produced = out.count - Int(stream.avail_out)
                    guard produced <= limit - output.count else { throw InflateError.tooLarge(limit: limit) }
                    output.append(start, count: produced)
                    if status == Z_OK || status == Z_BUF_ERROR, stream.avail_in == 0, produced == 0 {
                        throw InflateError.corrupt(reason: "the compressed data ends early (truncated file?)")
                    }
                }
                switch status {
                case Z_STREAM_END:
                    guard stream.avail_in > 0 else { return }
                    guard inflateReset(&stream) == Z_OK else {
                        throw InflateError.corrupt(reason: "zlib could not restart")
                    }
                case Z_OK, Z_BUF_ERROR:
                    continue
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                    throw InflateError.corrupt(reason: "corrupt compressed data (\(message))")
                }
            }
        }
        return output
    }
}

/// Why compressed data could not be read.
public enum InflateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// zlib refused the data (`reason` says why: a bad header, corrupt or truncated data).
    case corrupt(reason: String)
    /// The data inflates to more than `limit` bytes.
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .corrupt(let reason): return reason
        case .tooLarge(let limit):
            let size = limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
            return "inflates to more than \(size), the limit for compressed data"
        }
    }
}
