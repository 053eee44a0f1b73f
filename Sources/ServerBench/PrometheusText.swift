/// One sample of Prometheus' text exposition format: `name{label="value",…} 1.5 [timestamp]`.
public struct PrometheusSample: Sendable, Hashable {
    public var name: String
    public var labels: [String: String]
    public var value: Double

    public init(name: String, labels: [String: String] = [:], value: Double) {
        self.name = name
        self.labels = labels
        self.value = value
    }
}

/// A parsed `/metrics` page (text format 0.0.4, which vLLM, SGLang and llama.cpp serve).
public struct PrometheusText: Sendable, Hashable {
    public var samples: [PrometheusSample]
    /// 1-based numbers of lines that are neither comments nor samples; they are skipped, not fatal.
    public var unreadableLines: [Int]

    /// Parses `text`: `#` lines (HELP, TYPE) and blank lines are skipped, label values are unescaped
    /// (`\\`, `\"`, `\n`), values may be `NaN`, `+Inf` or `-Inf`, and a trailing timestamp is ignored.
    public init(parsing text: String) {
        samples = []
        unreadableLines = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let sample = Self.sample(trimmed) {
                samples.append(sample)
            } else {
                unreadableLines.append(index + 1)
            }
        }
    }

    /// The samples named `name`.
    public func samples(named name: String) -> [PrometheusSample] {
        samples.filter { $0.name == name }
    }

    private static func sample(_ line: Substring) -> PrometheusSample? {
        var scanner = Scanner(Array(line.unicodeScalars))
        let name = scanner.take { isNameScalar($0) }
        guard !name.isEmpty, let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return nil }
        var labels: [String: String] = [:]
        scanner.skipSpaces()  // "tokens may be separated by any number of blanks"
        if scanner.peek == "{" {
            scanner.advance()
            while true {
                scanner.skipSpaces()
                if scanner.peek == "}" { scanner.advance(); break }
                let label = scanner.take { isNameScalar($0) && $0 != ":" }
                scanner.skipSpaces()
                guard !label.isEmpty, scanner.peek == "=" else { return nil }
                scanner.advance()
                scanner.skipSpaces()
                guard let value = scanner.quoted() else { return nil }
                labels[label] = value
                scanner.skipSpaces()
                if scanner.peek == "," { scanner.advance(); continue }
                guard scanner.peek == "}" else { return nil }
                scanner.advance()
                break
            }
        }
        let fields = String(String.UnicodeScalarView(scanner.rest)).split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard (1...2).contains(fields.count), let value = number(fields[0]) else { return nil }
        return PrometheusSample(name: name, labels: labels, value: value)
    }

    private static func number(_ text: Substring) -> Double? {
        switch text {
        case "+Inf", "Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default: return Double(text)
        }
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "_" || scalar == ":"
    }

    /// A cursor over one line's scalars.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var position = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
        var rest: ArraySlice<Unicode.Scalar> { scalars[position...] }

        mutating func advance() { position += 1 }

        mutating func skipSpaces() {
            while peek == " " || peek == "\t" { advance() }
        }

        mutating func take(while accepts: (Unicode.Scalar) -> Bool) -> String {
            var taken = String.UnicodeScalarView()
            while let scalar = peek, accepts(scalar) {
                taken.append(scalar)
                advance()
            }
            return String(taken)
        }

        /// A double-quoted label value, unescaped; nil when unterminated.
        mutating func quoted() -> String? {
            guard peek == "\"" else { return nil }
            advance()
            var value = String.UnicodeScalarView()
            while let scalar = peek {
                advance()
                switch scalar {
                case "\"": return String(value)
                case "\\":
                    guard let escaped = peek else { return nil }
                    advance()
                    value.append(escaped == "n" ? "\n" : escaped)
                default: value.append(scalar)
                }
            }
            return nil
        }
    }
}
