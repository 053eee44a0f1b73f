import Foundation

/// A stretch of a source (a token, the whitespace before it, or a line) and its first bytes.
struct Span {
    /// Offset of its first byte in the source.
    var start = 0
    var length = 0
    /// Its last byte (0 when empty).
    var last: UInt8 = 0
    /// Where its first bytes are kept (the scanner's memory).
    fileprivate(set) var headStart: UnsafeMutablePointer<UInt8>
    /// How many of its first bytes are kept: all, or ``ScanSizes/head``.
    fileprivate(set) var headCount = 0

    /// The bytes kept: all of them when ``isWhole``.
    var head: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: headStart, count: headCount) }

    /// Whether ``head`` holds every byte.
    var isWhole: Bool { headCount == length }
}

/// The memory a comparison reads with: fixed, whatever the size of what it compares.
struct ScanSizes: Sendable {
    /// Bytes read from a source at a time.
    var chunk = 64 << 10
    /// Bytes kept of a token, a whitespace run or a line; a longer one is read again from its source to compare it,
    /// and is too long to be a number.
    var head = 4 << 10
}

/// Reads a source front to back in fixed chunks and cuts it into tokens (each with the whitespace before it) or into
/// lines, keeping only the first ``ScanSizes/head`` bytes of each: its memory does not grow with the source.
///
/// Whitespace is ASCII's (space, tab, LF, VT, FF, CR), as in C's `isspace` and contest judges' checkers.
struct ByteScanner {
    let source: ByteSource
    let sizes: ScanSizes
    private let memory: Memory
    private var position = 0
    private var count = 0
    private var chunkOffset = 0
    private var hasLines = false
    /// The current token or line.
    private(set) var item: Span
    /// The whitespace before the current token or, once ``nextToken()`` returned false, after the last one.
    private(set) var space: Span

    init(_ source: ByteSource, sizes: ScanSizes) {
        self.source = source
        self.sizes = sizes
        memory = Memory(sizes)
        item = Span(headStart: memory.itemHead)
        space = Span(headStart: memory.spaceHead)
    }

    /// Source offset of the next byte to scan.
    private var offset: Int { chunkOffset + position }

    /// Moves to the next token; false at the end.
    mutating func nextToken() -> Bool {
        space = Span(start: offset, headStart: memory.spaceHead)
        while true {
            if position == count, !refill() { return false }
            let start = position
            while position < count, OutputComparison.isSpace(memory.chunk[position]) { position += 1 }
            Self.append(memory.chunk, start..<position, to: &space, limit: sizes.head)
            if position < count { break }
        }
        item = Span(start: offset, headStart: memory.itemHead)
        while true {
            if position == count, !refill() { break }
            let start = position
            while position < count, !OutputComparison.isSpace(memory.chunk[position]) { position += 1 }
            Self.append(memory.chunk, start..<position, to: &item, limit: sizes.head)
            if position < count { break }
        }
        return true
    }

    /// Moves to the next line, without its LF and a CR before that; false at the end.
    ///
    /// The lines are those ending in LF, then what follows the last LF if it is not empty; an empty source has one
    /// empty line. So one final newline does not count, as in the exact checker's rule.
    mutating func nextLine() -> Bool {
        item = Span(start: offset, headStart: memory.itemHead)
        while true {
            if position == count, !refill() {
                defer { hasLines = true }
                return item.length > 0 || !hasLines
            }
            let start = position
            let rest = UnsafeRawPointer(memory.chunk + start)
            let end = memchr(rest, 0x0A, count - start).map { start + (UnsafeRawPointer($0) - rest) } ?? count
            Self.append(memory.chunk, start..<end, to: &item, limit: sizes.head)
            position = end
            if end < count {
                position += 1
                if item.last == 0x0D {
                    item.length -= 1
                    item.headCount = min(item.headCount, item.length)
                }
                hasLines = true
                return true
            }
        }
    }

    /// The bytes of `span`, one of this scanner's, read again.
    func reader(_ span: Span) -> SpanReader { SpanReader(span, in: source, chunkSize: sizes.chunk) }

    /// Counts the tokens left after the current one.
    mutating func countTokens() -> Int {
        var tokens = 0
        while nextToken() { tokens += 1 }
        return tokens
    }

    /// Adds `chunk[range]` to the span, keeping what fits of it in the span's head.
    private static func append(
        _ chunk: UnsafeMutablePointer<UInt8>, _ range: Range<Int>, to span: inout Span, limit: Int
    ) {
        guard !range.isEmpty else { return }
        let kept = span.isWhole ? min(range.count, limit - span.length) : 0
        if kept > 0 { (span.headStart + span.length).update(from: chunk + range.lowerBound, count: kept) }
        span.headCount += kept
        span.length += range.count
        span.last = chunk[range.upperBound - 1]
    }

    private mutating func refill() -> Bool {
        chunkOffset += count
        position = 0
        count = source.read(
            at: chunkOffset, into: UnsafeMutableRawBufferPointer(start: memory.chunk, count: sizes.chunk))
        return count > 0
    }

    /// The scanner's fixed memory: one chunk and the heads of the current item and space.
    private final class Memory {
        let chunk: UnsafeMutablePointer<UInt8>
        let itemHead: UnsafeMutablePointer<UInt8>
        let spaceHead: UnsafeMutablePointer<UInt8>

        init(_ sizes: ScanSizes) {
            chunk = .allocate(capacity: sizes.chunk)
            itemHead = .allocate(capacity: sizes.head)
            spaceHead = .allocate(capacity: sizes.head)
        }

        deinit {
            chunk.deallocate()
            itemHead.deallocate()
            spaceHead.deallocate()
        }
    }
}

/// The bytes of a span, front to back: its head from memory, then the rest read again from its source in chunks.
struct SpanReader: IteratorProtocol, Sequence {
    private let source: ByteSource
    private var buffer: [UInt8]
    private var index = 0
    private var nextOffset: Int
    private let end: Int
    private let chunkSize: Int

    init(_ span: Span, in source: ByteSource, chunkSize: Int) {
        self.source = source
        self.chunkSize = chunkSize
        buffer = Array(span.head)
        nextOffset = span.start + buffer.count
        end = span.start + span.length
    }

    /// The next chunk of bytes (empty at the end), starting where ``next()`` would.
    mutating func nextChunk() -> ArraySlice<UInt8> {
        if index == buffer.count, !refill() { return [] }
        defer { index = buffer.count }
        return buffer[index...]
    }

    mutating func next() -> UInt8? {
        if index == buffer.count, !refill() { return nil }
        defer { index += 1 }
        return buffer[index]
    }

    private mutating func refill() -> Bool {
        guard nextOffset < end else { return false }
        let size = Swift.min(end - nextOffset, chunkSize)
        buffer = [UInt8](repeating: 0, count: size)
        let read = buffer.withUnsafeMutableBytes { source.read(at: nextOffset, into: $0) }
        guard read > 0 else { return false }
        buffer.removeLast(size - read)
        nextOffset += read
        index = 0
        return true
    }
}
