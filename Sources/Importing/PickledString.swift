import Foundation

/// Reads a Python pickle that holds a single `str`, the way LiveCodeBench stores its compressed private tests
/// (`base64(zlib(pickle.dumps(json_text)))`).
///
/// Only the opcodes `pickle.dumps` writes for one string are understood (protocols 1 to 5: PROTO, FRAME,
/// SHORT_BINUNICODE, BINUNICODE, BINUNICODE8, MEMOIZE, BINPUT, LONG_BINPUT, STOP); anything else is refused with
/// the opcode named, never executed.
public enum PickledString {
    /// The string in `data`.
    ///
    /// - Throws: ``PickleError`` naming the offset and what was expected there.
    public static func decode(_ data: Data) throws -> String {
        let bytes = [UInt8](data)
        var index = 0
        var value: String?

        func take(_ count: Int) throws -> ArraySlice<UInt8> {
            // `count` comes from the pickle (up to Int.max): compare it with what is left, never add it to `index`.
            guard count >= 0, count <= bytes.count - index else {
                throw PickleError(offset: index, reason: "the pickle ends early")
            }
            defer { index += count }
            return bytes[index..<index + count]
        }
        func littleEndian(_ count: Int) throws -> Int {
            let slice = try take(count)
            let number = slice.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard number <= UInt64(Int.max) else { throw PickleError(offset: index, reason: "a length too large") }
            return Int(number)
        }
        func string(lengthBytes: Int, opcode offset: Int) throws -> String {
            guard value == nil else { throw PickleError(offset: offset, reason: "a second object") }
            guard let text = String(bytes: try take(try littleEndian(lengthBytes)), encoding: .utf8) else {
                throw PickleError(offset: index, reason: "a string that is not UTF-8")
            }
            return text
        }

        while true {
            let offset = index
            let opcode = try take(1).first ?? 0
            switch opcode {
            case 0x80: _ = try take(1)  // PROTO n
            case 0x95: _ = try take(8)  // FRAME: its bytes follow inline
            case 0x8c: value = try string(lengthBytes: 1, opcode: offset)  // SHORT_BINUNICODE
            case 0x58: value = try string(lengthBytes: 4, opcode: offset)  // BINUNICODE
            case 0x8d: value = try string(lengthBytes: 8, opcode: offset)  // BINUNICODE8
            case 0x94: break  // MEMOIZE
            case 0x71: _ = try take(1)  // BINPUT
            case 0x72: _ = try take(4)  // LONG_BINPUT
            case 0x2e:  // STOP
                guard let value else { throw PickleError(offset: offset, reason: "no object before STOP") }
                guard index == bytes.count else { throw PickleError(offset: index, reason: "bytes after STOP") }
                return value
            default:
                throw PickleError(
                    offset: offset,
                    reason: String(format: "opcode 0x%02x, which a pickled str does not use", opcode))
            }
        }
    }
}

/// Why a pickle is not a single pickled `str`.
public struct PickleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The byte of the pickle (from 0) where it stops being a pickled str.
    public var offset: Int
    public var reason: String
    public var description: String { "pickle byte \(offset): \(reason); expected a single pickled str" }
}
