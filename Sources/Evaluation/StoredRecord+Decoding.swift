import Foundation
import GRDB

extension StoredRecord {
    /// Decodes `row` through the `Decodable` conformance, by way of a container that names failing columns.
    /// - Throws: `StoredValueError` naming the run, the problem and the column of the first value that cannot be
    ///   decoded (a text where a number belongs, JSON that does not parse, a code that does not exist).
    init(row: Row) throws {
        do {
            // From a copy: decoding from the statement itself would read a text in an INTEGER column as SQLite
            // converts it (`two` as 0); a copy's values convert only when they are what the property holds.
            self = try FetchableRecordDecoder().decode(ColumnNaming<Self>.self, from: row.copy()).record
        } catch let failure as ColumnFailure {
            throw StoredValueError(
                run: Self.text(row, Self.runColumn) ?? "?", problem: Self.problemColumn.flatMap { Self.text(row, $0) },
                column: failure.column, value: Self.text(row, failure.column, quoted: true) ?? "nothing",
                reason: failure.reason)
        }
    }

    /// The value of `column` in `row` as text, at most 80 characters; nil without that column.
    private static func text(_ row: Row, _ column: String, quoted: Bool = false) -> String? {
        guard let value = row[column] as DatabaseValue? else { return nil }
        let text: String
        if case .string(let string) = value.storage, !quoted { text = string } else { text = value.description }
        return text.count > 80 ? String(text.prefix(77)) + "…" : text
    }
}

/// A column that could not be decoded, and why: what `ColumnNaming`'s container throws.
private struct ColumnFailure: Error {
    var column: String
    var reason: String
}

/// A record decoded from GRDB's row decoder through a container that names the column of any failure (GRDB's errors
/// hold the column only in a description of the whole row and its query, and a JSON decoder's not at all).
private struct ColumnNaming<Record: StoredRecord>: Decodable, FetchableRecord {
    var record: Record

    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        Record.databaseColumnDecodingStrategy
    }

    init(from decoder: any Decoder) throws {
        record = try Record(from: NamingDecoder(base: decoder))
    }
}

/// A decoder whose keyed containers name the column of any failure.
private struct NamingDecoder: Decoder {
    var base: any Decoder
    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(NamingContainer(base: try base.container(keyedBy: type)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try base.unkeyedContainer() }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { try base.singleValueContainer() }
}

/// GRDB's keyed container of a row, whose failures become `ColumnFailure`s. Its generic `decode` also serves the
/// requirements for `Int`, `String`, `Bool`, …; `decodeIfPresent` is the protocol's (`decodeNil`, then `decode`).
private struct NamingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    var base: KeyedDecodingContainer<Key>
    var codingPath: [any CodingKey] { base.codingPath }
    var allKeys: [Key] { base.allKeys }

    func contains(_ key: Key) -> Bool { base.contains(key) }

    func decodeNil(forKey key: Key) throws -> Bool { try base.decodeNil(forKey: key) }

    /// The value of `key`'s column.
    /// - Throws: `ColumnFailure` naming the column: why, from a `DecodingError`; else (GRDB's errors for a value
    ///   SQLite holds in another type) that a `T` was expected.
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        do {
            return try base.decode(type, forKey: key)
        } catch let failure as ColumnFailure {
            throw failure
        } catch let error as DecodingError {
            throw ColumnFailure(column: Self.column(key), reason: StoredJSON.reason(error))
        } catch {
            throw ColumnFailure(column: Self.column(key), reason: "expected \(T.self)")
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try base.nestedContainer(keyedBy: type, forKey: key)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try base.nestedUnkeyedContainer(forKey: key)
    }

    func superDecoder() throws -> any Decoder { try base.superDecoder() }

    func superDecoder(forKey key: Key) throws -> any Decoder { try base.superDecoder(forKey: key) }

    /// The snake_case column of a camelCase key (what `.convertToSnakeCase` writes for the keys of the store).
    private static func column(_ key: Key) -> String {
        key.stringValue.reduce(into: "") { column, character in
            column += character.isUppercase ? "_" + character.lowercased() : String(character)
        }
    }
}
