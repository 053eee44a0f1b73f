import Foundation
import ProblemFormat

/// What a compiled program's ELF header says about the memory it needs before it runs.
enum ELFImage {
    /// The bytes its loadable segments span in memory (code, data and zero-filled `.bss`), or nil when the file is
    /// not a 64-bit little-endian ELF file or its header is malformed.
    static func loadSize(of file: URL) -> Int? {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 64), header.count == 64,
            header.starts(with: [0x7F, 0x45, 0x4C, 0x46]), header[4] == 2, header[5] == 1
        else { return nil }
        let tableOffset = integer(header, at: 32, size: 8)
        let entrySize = integer(header, at: 54, size: 2)
        let entries = integer(header, at: 56, size: 2)
        guard entrySize >= 56, entries > 0, let tableSize = CheckedNumber.product(entrySize, entries),
            (try? handle.seek(toOffset: UInt64(tableOffset))) != nil,
            let table = try? handle.read(upToCount: tableSize), table.count == tableSize
        else { return nil }
        var total = 0
        for index in 0..<entries {
            let entry = index * entrySize
            guard integer(table, at: entry, size: 4) == 1 else { continue }  // PT_LOAD
            guard let sum = CheckedNumber.sum(total, integer(table, at: entry + 40, size: 8)) else { return Int.max }
            total = sum
        }
        return total
    }

    /// A little-endian unsigned integer of `size` bytes at `offset`, capped at `Int.max`.
    private static func integer(_ data: Data, at offset: Int, size: Int) -> Int {
        var value: UInt64 = 0
        for index in (0..<size).reversed() {
            value = value << 8 | UInt64(data[data.startIndex + offset + index])
        }
        return value > UInt64(Int.max) ? Int.max : Int(value)
    }
}
