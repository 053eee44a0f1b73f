import CZlib
import Foundation

/// Compression for building test inputs: zlib streams and gzip files, including inflation bombs built from one
/// repeated chunk so that the uncompressed text never sits in memory.
enum Deflate {
    /// `chunk` repeated `times` times, compressed as a zlib stream (or a gzip file when `gzip`).
    static func compress(_ chunk: Data, times: Int = 1, gzip: Bool = false) throws -> Data {
        var stream = z_stream()
        let windowBits: Int32 = gzip ? 15 + 16 : 15
        let size = Int32(MemoryLayout<z_stream>.size)
        guard deflateInit2_(&stream, 9, Z_DEFLATED, windowBits, 9, Z_DEFAULT_STRATEGY, zlibVersion(), size) == Z_OK
        else { throw DeflateError(status: Z_STREAM_ERROR) }
        defer { deflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var input = [UInt8](chunk)
        for round in 0..<times {
            let flush = round == times - 1 ? Z_FINISH : Z_NO_FLUSH
            try input.withUnsafeMutableBufferPointer { bytes in
                stream.next_in = bytes.baseAddress
                stream.avail_in = uInt(bytes.count)
                while true {
                    let status = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
                        guard let start = out.baseAddress else { return Z_STREAM_ERROR }
                        stream.next_out = start
                        stream.avail_out = uInt(out.count)
                        let status = deflate(&stream, flush)
                        output.append(start, count: out.count - Int(stream.avail_out))
                        return status
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw DeflateError(status: status)
                    }
                    if flush == Z_FINISH ? status == Z_STREAM_END : stream.avail_in == 0 && stream.avail_out > 0 {
                        break
                    }
                }
            }
        }
        return output
    }

    /// A zlib status other than OK.
    struct DeflateError: Error {
        var status: Int32
    }
}
