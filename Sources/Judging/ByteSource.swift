import Foundation
import ProblemFormat

/// Bytes that the output comparison reads at any offset: an open file (read with `pread`) or bytes in memory.
///
/// Reading never throws, so the comparison's inner loops stay plain: a failed read ends the bytes early and is kept
/// in ``failure``, which the caller checks once the comparison is over.
final class ByteSource {
    private let descriptor: Int32
    private let data: Data
    private let path: String
    /// The first failed read, as "cannot read PATH: REASON".
    private(set) var failure: String?

    /// Bytes in memory.
    init(_ data: Data) {
        descriptor = -1
        self.data = data
        path = ""
    }

    /// An open file.
    /// - Throws: `JudgingError.checker` when it cannot be opened.
    init(file: URL) throws {
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw JudgingError.checker("cannot read \(file.path): \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        data = Data()
        path = file.path
    }

    /// A test's answer: its file, or its inline text.
    /// - Throws: `JudgingError.checker` when the file cannot be opened.
    convenience init(_ test: TestData) throws {
        switch test {
        case .file(let url): try self.init(file: url)
        case .text(let text): self.init(Data(text.utf8))
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Copies bytes from `offset` on into `buffer` and returns how many: 0 at the end (or after a failed read).
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard descriptor >= 0 else {
            let start = data.startIndex + offset
            let count = max(0, min(buffer.count, data.endIndex - start))
            if count > 0 { data.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: start..<start + count) }
            return count
        }
        guard failure == nil, let base = buffer.baseAddress else { return 0 }
        while true {
            let count = pread(descriptor, base, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            failure = "cannot read \(path): \(String(cString: strerror(errno)))"
            return 0
        }
    }

    /// - Throws: `JudgingError.checker` when a read failed, so what was compared may be incomplete.
    func checkReads() throws {
        if let failure { throw JudgingError.checker(failure) }
    }
}
