import Foundation

extension KattisPackage {
    /// The flags `validator_flags` may hold for the default validator.
    static let knownFlags =
        "case_sensitive, space_change_sensitive, float_tolerance E, float_absolute_tolerance E "
        + "or float_relative_tolerance E"

    /// How answers are checked: `validation: custom` (or an `output_validator/` folder) names the validator folder,
    /// else the default validator with `validator_flags`.
    ///
    /// - Throws: ``ProblemFormatError/unsupported(file:line:feature:value:)`` for interactive and multi-pass problems,
    ///   ``ProblemFormatError/outputValidator(directory:found:)`` when the validator folder is missing or ambiguous.
    static func readChecker(_ fields: YAMLMapping, package: URL) throws -> CheckerSpec {
        let expected = "default, custom, custom interactive or custom multi-pass"
        let validation = try fields.string("validation", expected: expected) ?? "default"
        let words = validation.split(whereSeparator: \.isWhitespace)
        try rejectUnsupported(words, key: "validation", value: validation, fields: fields)
        let isCustom: Bool
        switch words.first {
        case "default" where words.count == 1, .none: isCustom = false
        case "custom" where words.dropFirst().allSatisfy({ $0 == "score" }): isCustom = true
        default:
            throw fields.invalidValue("validation", validation, reason: "is not a validation mode", expected: expected)
        }
        // The 2023 format says `type:` instead, and a custom validator is there whenever `output_validator/` is.
        if let types = try fields.strings("type", expected: "pass-fail, scoring or a list of such types") {
            let words = types.flatMap { $0.split(whereSeparator: \.isWhitespace) }
            try rejectUnsupported(words, key: "type", value: types.joined(separator: " "), fields: fields)
            if let unknown = words.first(where: { $0 != "pass-fail" && $0 != "scoring" }) {
                throw fields.invalidValue(
                    "type", String(unknown), reason: "is not a problem type", expected: "pass-fail or scoring")
            }
        }
        let modernValidator = package.appendingPathComponent("output_validator")
        if isCustom || TestFiles.isFolder(modernValidator) {
            return .kattisValidator(directory: try validatorDirectory(package: package))
        }
        let flags = try fields.string(
            "validator_flags", expected: "flags separated by spaces, e.g. float_tolerance 1e-6")
        return .tokens(try tokenCompare(flags: flags ?? "", fields: fields))
    }

    /// Throws for the words that name problem kinds `solve` cannot judge yet.
    private static func rejectUnsupported(
        _ words: [Substring], key: String, value: String, fields: YAMLMapping
    ) throws {
        let unsupported = [
            "interactive": "interactive problems", "multi-pass": "multi-pass problems",
            "submit-answer": "submit-answer problems",
        ]
        if let feature = words.lazy.compactMap({ unsupported[String($0)] }).first {
            throw ProblemFormatError.unsupported(
                file: fields.file, line: fields.line(of: key), feature: feature, value: "\(key): \(value)")
        }
    }

    /// The options of Kattis' default validator: case- and space-insensitive tokens unless `flags` say otherwise.
    ///
    /// - Throws: ``ProblemFormatError/invalidValue(file:line:key:value:reason:expected:)`` for an unknown flag or a
    ///   tolerance without a number.
    static func tokenCompare(flags: String, fields: YAMLMapping) throws -> TokenCompare {
        var compare = TokenCompare(caseSensitive: false, spaceSensitive: false)
        var words = flags.split(whereSeparator: \.isWhitespace)[...]
        while let flag = words.popFirst() {
            switch flag {
            case "case_sensitive":
                compare.caseSensitive = true
            case "space_change_sensitive":
                compare.spaceSensitive = true
            case "float_tolerance", "float_absolute_tolerance", "float_relative_tolerance":
                guard let number = words.popFirst(),
                    let tolerance = Double(number).flatMap({
                        CheckedNumber.finite($0, in: 0...Double.greatestFiniteMagnitude)
                    })
                else {
                    throw fields.invalidValue(
                        "validator_flags", flags, reason: "has no tolerance after \(flag)",
                        expected: "\(flag) followed by a number, e.g. \(flag) 1e-6")
                }
                if flag != "float_relative_tolerance" { compare.absoluteTolerance = tolerance }
                if flag != "float_absolute_tolerance" { compare.relativeTolerance = tolerance }
            default:
                throw fields.invalidValue(
                    "validator_flags", flags, reason: "has an unknown flag \(flag)", expected: knownFlags)
            }
        }
        return compare
    }

    /// The custom output validator's folder: the one folder inside `output_validators/`, or `output_validators/`
    /// itself when it holds only files, or the 2023 format's `output_validator/`.
    private static func validatorDirectory(package: URL) throws -> URL {
        let legacy = package.appendingPathComponent("output_validators")
        let modern = package.appendingPathComponent("output_validator")
        guard TestFiles.isFolder(legacy) else {
            guard TestFiles.isFolder(modern) else {
                throw ProblemFormatError.outputValidator(directory: legacy.path, found: [])
            }
            return modern
        }
        let (files, folders) = try TestFiles.entries(of: legacy, root: package)
        switch (files.isEmpty, folders.count) {
        case (true, 1): return folders[0]
        case (false, 0): return legacy
        default:
            throw ProblemFormatError.outputValidator(
                directory: legacy.path, found: (folders + files).map(\.lastPathComponent))
        }
    }
}
