import Foundation
import ProblemFormat

/// CodeContests records (DeepMind's dataset as JSON lines): `name`, `description`, `public_tests`,
/// `private_tests` and `generated_tests` (each `{input: [...], output: [...]}`), `difficulty`, `cf_rating`,
/// `cf_tags`, `time_limit` (`{seconds, nanos}`) and `memory_limit_bytes`.
enum CodeContests {
    /// When a record gives no time limit: 2 s, Codeforces' most common one.
    static let defaultTimeMilliseconds = 2000
    /// When a record gives no memory limit: 256 MiB.
    static let defaultMemoryBytes = 256 << 20

    /// A standard-I/O problem: public tests are the samples, private then generated tests the hidden ones.
    static func problem(from record: RecordField, source: URL) throws -> Problem {
        let name = try record["name"].string("the problem's name, e.g. 1548_E. Gregor and the Two Painters")
        let description = try record["description"].string("the statement")
        for key in ["input_file", "output_file"] {
            if let file = try record[key].optionalString("a file name, or empty for standard I/O"), !file.isEmpty {
                throw record[key].invalid("is \"\(file)\": the program must use files; expected standard I/O only")
            }
        }
        let samples = try tests(record["public_tests"]).enumerated().map { index, test in
            TestCase(
                name: "sample-\(index + 1)", input: .text(MarkdownWriter.blockText(test.input)),
                answer: .text(MarkdownWriter.blockText(test.output)), isSample: true)
        }
        let hidden = try (tests(record["private_tests"]) + tests(record["generated_tests"])).enumerated().map {
            TestCase(
                name: "\($0.offset + 1)", input: .text($0.element.input), answer: .text($0.element.output),
                isSample: false)
        }
        guard !samples.isEmpty || !hidden.isEmpty else {
            throw record["public_tests"].invalid("and the private and generated tests are empty; expected a test")
        }
        guard !slug(name).isEmpty else { throw record["name"].invalid("has no letters or digits") }
        let tags =
            try record["cf_tags"].isAbsent
            ? []
            : record["cf_tags"].items("a list of tags").map {
                try $0.string("a tag such as dp or greedy")
            }
        return Problem(
            slug: slug(name), title: name, statement: MarkdownWriter.statement(description, samples: samples),
            limits: try limits(record), tags: tags.filter { !$0.isEmpty }, difficulty: try difficulty(record),
            tests: samples + hidden, source: source, format: .jsonLines)
    }

    /// The pairs of a `{input: [...], output: [...]}` field.
    private static func tests(_ field: RecordField) throws -> [(input: String, output: String)] {
        let expected = "a list of texts"
        let inputs = try field["input"].items(expected).map { try $0.string("the test's input") }
        let outputs = try field["output"].items(expected).map { try $0.string("the test's expected output") }
        guard inputs.count == outputs.count else {
            throw field.invalid(
                "has \(inputs.count) inputs but \(outputs.count) outputs; expected one output per input")
        }
        return Array(zip(inputs, outputs))
    }

    /// `time_limit` and `memory_limit_bytes`, or the defaults. A memory limit in whole megabytes (256000000) means
    /// that many MiB, as problem setters mean it; any other is rounded up to whole MiB.
    private static func limits(_ record: RecordField) throws -> Limits {
        var limits = Limits(timeMilliseconds: defaultTimeMilliseconds, memoryBytes: defaultMemoryBytes)
        let time = record["time_limit"]
        if !time.isAbsent {
            let maximumSeconds = Limits.maximumTimeMilliseconds / 1000
            let seconds = try time["seconds"].optionalInt("whole seconds", in: 0...maximumSeconds) ?? 0
            let nanos = try time["nanos"].optionalInt("nanoseconds", in: 0...999_999_999) ?? 0
            // Both are range-checked above, so this cannot overflow.
            let milliseconds = seconds * 1000 + (nanos + 999_999) / 1_000_000
            guard milliseconds <= Limits.maximumTimeMilliseconds else {
                throw time.invalid("is \(milliseconds) ms; expected at most \(maximumSeconds) s")
            }
            if milliseconds > 0 { limits.timeMilliseconds = milliseconds }
        }
        let memory = record["memory_limit_bytes"]
        let expected = "the memory limit in bytes (0 for none)"
        if let bytes = try memory.optionalInt(expected, in: 0...Limits.memoryBytesRange.upperBound), bytes > 0 {
            let mebibytes = bytes % 1_000_000 == 0 ? bytes / 1_000_000 : (bytes + (1 << 20) - 1) >> 20
            guard Limits.memoryBytesRange.contains(mebibytes << 20) else {
                throw memory.invalid("is \(bytes) bytes; expected 1 MiB to 64 GiB")
            }
            limits.memoryBytes = mebibytes << 20
        }
        return limits
    }

    /// easy, medium or hard: from `cf_rating` when it is set (below 1400 easy, below 2100 medium), else from
    /// `difficulty` (EASY, A and B easy; MEDIUM, C and D medium; HARD, HARDER, HARDEST and E onwards hard;
    /// UNKNOWN_DIFFICULTY and EXTERNAL none). `difficulty` may be the dataset's number or its name.
    static func difficulty(_ record: RecordField) throws -> String? {
        // The dataset's field is an int32; 0 or -1 means none.
        let rating = try record["cf_rating"].optionalInt(
            "a Codeforces rating such as 1500", in: Int(Int32.min)...Int(Int32.max))
        if let rating, rating > 0 {
            return rating < 1400 ? "easy" : rating < 2100 ? "medium" : "hard"
        }
        let field = record["difficulty"]
        guard !field.isAbsent, let value = field.value else { return nil }
        let names =
            [
                "UNKNOWN_DIFFICULTY", "EASY", "MEDIUM", "HARD", "HARDER", "HARDEST", "EXTERNAL",
            ] + "ABCDEFGHIJKLMNOPQRSTUV".map(String.init)
        let name: String
        if case .number = value {
            name = names[try field.optionalInt("the dataset's level", in: 0...(names.count - 1)) ?? 0]
        } else {
            name = try field.string("a number from 0 to 28 or its name, such as EASY or C").uppercased()
            guard names.contains(name) else { throw field.invalid("is \"\(name)\"; expected EASY, C, … or a number") }
        }
        switch name {
        case "EASY", "A", "B": return "easy"
        case "MEDIUM", "C", "D": return "medium"
        case "UNKNOWN_DIFFICULTY", "EXTERNAL": return nil
        default: return "hard"
        }
    }
}
