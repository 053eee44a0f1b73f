import Foundation
import ProblemFormat

/// Why a benchmark file (or one of its records) could not be imported; every case names the file, and the line of
/// the JSON-lines file where the record is.
public enum ImportError: Error, Sendable, Equatable {
    /// The file cannot be read.
    case unreadable(file: String, reason: String)
    /// The file looks gzip-compressed but does not decompress.
    case badCompression(file: String, reason: String)
    /// The file is gzip-compressed and inflates to more than `limit` bytes (``Inflate/maximumInflatedBytes``).
    case inflatesTooLarge(file: String, limit: Int)
    /// The file holds no records.
    case noRecords(file: String)
    /// The first record's keys match none of the formats.
    case unknownFormat(file: String, line: Int, keys: [String])
    /// The format named for the file is not the one its first record has.
    case formatMismatch(file: String, line: Int, named: ImportFormat, detected: ImportFormat)
    /// A line is not JSON, or not a JSON object.
    case notARecord(file: String, line: Int, reason: String)
    /// A field the format needs is absent (`field` is a path such as `public_tests.input`).
    case missingField(file: String, line: Int, field: String, expected: String)
    /// A field holds the wrong kind of value (`found`: "a number", "a list", …).
    case wrongType(file: String, line: Int, field: String, found: String, expected: String)
    /// A field holds a value of the right kind that cannot be used (`reason`: "is not valid JSON at byte 3: …").
    case invalidValue(file: String, line: Int, field: String, reason: String)
    /// Two records would become problems with the same slug.
    case duplicateSlug(file: String, line: Int, slug: String, firstLine: Int)
    /// The output already holds problems of these slugs (`path` is the first), and overwriting was not asked for.
    case outputExists(path: String, count: Int)
}

extension ImportError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot be read (\(reason))"
        case .badCompression(let file, let reason):
            return "\(file): not a valid gzip file (\(reason))"
        case .inflatesTooLarge(let file, let limit):
            return "\(file): \(InflateError.tooLarge(limit: limit)); expected a smaller gzip file, or decompress it "
                + "(gunzip) and import the plain file"
        case .noRecords(let file):
            return "\(file): no records; expected one JSON object per line"
        case .unknownFormat(let file, let line, let keys):
            return "\(file):\(line): a record with keys \(keys.joined(separator: ", ")) is none of the known formats; "
                + "expected LiveCodeBench (question_content, public_test_cases, …), HumanEval (task_id, prompt, test, "
                + "entry_point, …) or CodeContests (name, description, public_tests, …), or name the format"
        case .formatMismatch(let file, let line, let named, let detected):
            return "\(file):\(line): the record is \(detected.rawValue), not \(named.rawValue); expected a "
                + "\(named.rawValue) file, or import this one as \(detected.rawValue)"
        case .notARecord(let file, let line, let reason):
            return "\(file):\(line): \(reason); expected one JSON object per line"
        case .missingField(let file, let line, let field, let expected):
            return "\(file):\(line): field \(field) is missing; expected \(expected)"
        case .wrongType(let file, let line, let field, let found, let expected):
            return "\(file):\(line): field \(field) is \(found); expected \(expected)"
        case .invalidValue(let file, let line, let field, let reason):
            return "\(file):\(line): field \(field) \(reason)"
        case .duplicateSlug(let file, let line, let slug, let firstLine):
            return "\(file):\(line): this record's problem would be \(slug), like the record on line \(firstLine); "
                + "expected unique ids"
        case .outputExists(let path, let count):
            let others = count > 1 ? " (and \(count - 1) more of the problems to write)" : ""
            return "\(path) exists\(others); pass --force to overwrite, or choose another --out folder"
        }
    }

    /// The line of the JSON-lines file the error is about, where there is one.
    public var line: Int? {
        switch self {
        case .unknownFormat(_, let line, _), .formatMismatch(_, let line, _, _), .notARecord(_, let line, _),
            .missingField(_, let line, _, _),
            .wrongType(_, let line, _, _, _), .invalidValue(_, let line, _, _), .duplicateSlug(_, let line, _, _):
            return line
        case .unreadable, .badCompression, .inflatesTooLarge, .noRecords, .outputExists:
            return nil
        }
    }
}
