import Foundation
import ProblemFormat

/// What reading a benchmark file gave.
public struct ImportResult: Sendable {
    /// The format named, or detected from the first record.
    public var format: ImportFormat
    /// The problems in file order.
    public var problems: [Problem]
    /// The records left out with `skipInvalid`, each with why.
    public var skipped: [ImportError]
}

/// What ``Importer/write(_:to:force:)`` wrote.
public struct WriteSummary: Sendable, Equatable {
    /// How many problems were written.
    public var problems: Int
    /// Samples and hidden tests of all problems.
    public var tests: Int
}

/// Turns a benchmark's JSON-lines file (LiveCodeBench, HumanEval, CodeContests; plain or gzip) into problems, in
/// memory or as Markdown problem folders. Only the given file is read: nothing is downloaded.
public enum Importer {
    /// Every problem of `file`, failing on the first bad record.
    ///
    /// - Parameter format: The file's format; nil detects it from the first record's keys.
    /// - Throws: ``ImportError``.
    public static func problems(from file: URL, format: ImportFormat? = nil) throws -> [Problem] {
        try read(file, format: format).problems
    }

    /// The problems of `file`, in file order.
    ///
    /// - Parameters:
    ///   - format: The file's format; nil detects it from the first record's keys.
    ///   - limit: Stop after this many problems.
    ///   - skipInvalid: Leave out records that cannot be imported (they are listed in ``ImportResult/skipped``)
    ///     instead of failing on the first one.
    /// - Throws: ``ImportError``: the file cannot be read or decompressed, holds no records, or its format is
    ///   unknown; without `skipInvalid`, also the first bad record's error.
    public static func read(_ file: URL, format: ImportFormat? = nil, limit: Int? = nil, skipInvalid: Bool = false)
        throws -> ImportResult
    {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ImportError.unreadable(file: file.path, reason: (error as NSError).localizedDescription)
        }
        return try read(data, from: file, format: format, limit: limit, skipInvalid: skipInvalid)
    }

    /// The problems of `data`, the contents of `file` (plain or gzip JSON lines), in file order.
    ///
    /// - Parameters:
    ///   - file: Where the data came from, for errors and each problem's ``Problem/source``; it is not read.
    ///   - format: The file's format; nil detects it from the first record's keys.
    ///   - limit: Stop after this many problems.
    ///   - skipInvalid: Leave out records that cannot be imported instead of failing on the first one.
    /// - Throws: ``ImportError``, as ``read(_:format:limit:skipInvalid:)`` does.
    public static func read(
        _ data: Data, from file: URL, format: ImportFormat? = nil, limit: Int? = nil, skipInvalid: Bool = false
    ) throws -> ImportResult {
        let path = file.path
        var data = data
        if Inflate.isGzip(data) {
            do {
                data = try Inflate.decompress(data)
            } catch InflateError.tooLarge(let limit) {
                throw ImportError.inflatesTooLarge(file: path, limit: limit)
            } catch let error as InflateError {
                throw ImportError.badCompression(file: path, reason: error.description)
            }
        }
        var detected: ImportFormat?
        var problems: [Problem] = []
        var skipped: [ImportError] = []
        var slugLines: [String: Int] = [:]
        for (number, line) in RecordLines(data) {
            if let limit, problems.count >= limit { break }
            do {
                let record = try parseRecord(line, file: path, line: number)
                let format = try detected ?? self.format(of: record, named: format, file: path, line: number)
                detected = format
                let problem = try format.problem(
                    from: RecordField(record: record, file: path, line: number), source: file.absoluteURL)
                if let first = slugLines[problem.slug] {
                    throw ImportError.duplicateSlug(file: path, line: number, slug: problem.slug, firstLine: first)
                }
                slugLines[problem.slug] = number
                problems.append(problem)
            } catch let error as ImportError {
                guard skipInvalid, error.isAboutOneRecord else { throw error }
                skipped.append(error)
            }
        }
        guard let detected else { throw skipped.first ?? ImportError.noRecords(file: path) }
        return ImportResult(format: detected, problems: problems, skipped: skipped)
    }

    /// Writes `problems` into `directory` as Markdown problems (`<slug>.md` and `<slug>/`), which
    /// `ProblemLoader.loadSet` reads back.
    ///
    /// - Parameter force: Overwrite problems of the same slugs; without it, finding any is an error.
    /// - Throws: ``ImportError/outputExists(path:count:)``, or `ProblemFormatError` when a problem cannot be
    ///   written.
    @discardableResult
    public static func write(_ problems: [Problem], to directory: URL, force: Bool = false) throws -> WriteSummary {
        let existing = problems.compactMap { problem in
            [problem.slug + ".md", problem.slug].map { directory.appendingPathComponent($0) }
                .first { FileManager.default.fileExists(atPath: $0.path) }
        }
        if let first = existing.first, !force {
            throw ImportError.outputExists(path: first.path, count: existing.count)
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ImportError.unreadable(file: directory.path, reason: (error as NSError).localizedDescription)
        }
        for problem in problems {
            try MarkdownWriter.write(problem, into: directory)
        }
        return WriteSummary(problems: problems.count, tests: problems.reduce(0) { $0 + $1.tests.count })
    }

    /// One line as a JSON object.
    private static func parseRecord(_ line: Data, file: String, line number: Int) throws -> JSONValue {
        let record: JSONValue
        do {
            record = try JSONValue.parse(line)
        } catch let error as JSONSyntaxError {
            throw ImportError.notARecord(file: file, line: number, reason: "the line is \(error)")
        }
        guard case .object = record else {
            throw ImportError.notARecord(file: file, line: number, reason: "the line is \(record.kind), not an object")
        }
        return record
    }

    /// The format of the first record: the named one, unless the record's keys say it is another.
    private static func format(of record: JSONValue, named: ImportFormat?, file: String, line: Int) throws
        -> ImportFormat
    {
        let keys = keys(of: record)
        switch (named, ImportFormat.detect(keys: keys)) {
        case (let named?, let detected?) where detected != named:
            throw ImportError.formatMismatch(file: file, line: line, named: named, detected: detected)
        case (let named?, _): return named
        case (nil, let detected?): return detected
        case (nil, nil): throw ImportError.unknownFormat(file: file, line: line, keys: keys)
        }
    }

    private static func keys(of record: JSONValue) -> [String] {
        guard case .object(let members) = record else { return [] }
        return members.map(\.key)
    }
}

extension ImportError {
    /// Whether the error is about one record (which `skipInvalid` may leave out) rather than the whole file.
    var isAboutOneRecord: Bool {
        switch self {
        case .notARecord, .missingField, .wrongType, .invalidValue, .duplicateSlug: return true
        case .unreadable, .badCompression, .inflatesTooLarge, .noRecords, .unknownFormat, .formatMismatch,
            .outputExists:
            return false
        }
    }
}
