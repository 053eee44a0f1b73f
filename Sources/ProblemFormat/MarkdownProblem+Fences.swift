import Foundation

extension MarkdownProblem {
    /// What the Markdown body holds besides its text: the first `# heading`, the sample blocks and the
    /// ```python starter block of a function problem.
    struct Body {
        var heading: String?
        var samples: [TestCase] = []
        /// The file lines of each sample's ```input and ```output fences.
        var sampleLines: [(input: Int, output: Int)] = []
        var starter: Starter?
    }

    /// A ```python starter block: the code a function problem's model completes.
    struct Starter {
        var code: String
        /// The file lines from the opening fence to the closing one.
        var lines: ClosedRange<Int>
    }

    /// A fenced code block's opening line: ``` or ~~~ (three or more), indented by at most three spaces.
    private struct Fence {
        var character: Character
        var length: Int
        var indent: Int
        var info: String
        var line: Int

        /// The opening fence on `text`, if it is one.
        init?(_ text: Substring, line: Int) {
            let indent = text.prefix { $0 == " " }.count
            guard indent <= 3, let character = text.dropFirst(indent).first, character == "`" || character == "~"
            else { return nil }
            let run = text.dropFirst(indent).prefix { $0 == character }
            let info = text.dropFirst(indent + run.count).trimmingCharacters(in: .whitespaces)
            guard run.count >= 3, character == "~" || !info.contains("`") else { return nil }
            self.character = character
            self.length = run.count
            self.indent = indent
            self.info = info
            self.line = line
        }

        /// Whether `text` closes this fence: the same character, at least as many, nothing after but spaces.
        func isClosed(by text: Substring) -> Bool {
            let indent = text.prefix { $0 == " " }.count
            let run = text.dropFirst(indent).prefix { $0 == character }
            return indent <= 3 && run.count >= length
                && text.dropFirst(indent + run.count).allSatisfy { $0 == " " || $0 == "\t" }
        }

        /// The first word of the info string, lowercased: `input`, `output`, `cpp`, ….
        var kind: String { info.split(separator: " ").first.map { $0.lowercased() } ?? "" }

        /// Whether the info string marks a function problem's starter code: ```python starter.
        var isStarter: Bool { info.split(separator: " ").dropFirst().contains { $0.lowercased() == "starter" } }

        /// The fence as written, for messages.
        var text: String { String(repeating: character, count: length) }
    }

    /// Finds the first level-1 heading, the ```input / ```output sample pairs and the ```python starter block in
    /// `lines`.
    ///
    /// - Parameters:
    ///   - firstLine: The file line number of `lines[0]`.
    /// - Throws: ``ProblemFormatError/unterminatedFence(file:line:fence:)``,
    ///   ``ProblemFormatError/unpairedSample(file:line:block:)`` and, for a second starter block,
    ///   ``ProblemFormatError/misplacedBlock(file:line:message:expected:)``.
    static func scan(_ lines: ArraySlice<Substring>, firstLine: Int, file: String) throws -> Body {
        var body = Body()
        var open: Fence?
        var content: [Substring] = []
        var pendingInput: (text: String, line: Int)?
        for (offset, text) in lines.enumerated() {
            let line = firstLine + offset
            guard let fence = open else {
                if let fence = Fence(text, line: line) {
                    open = fence
                    content = []
                } else if body.heading == nil, let heading = heading(in: text) {
                    body.heading = heading
                }
                continue
            }
            guard fence.isClosed(by: text) else {
                content.append(dedent(text, by: fence.indent))
                continue
            }
            open = nil
            let sample = normalized(content)
            switch fence.kind {
            case "python" where fence.isStarter:
                if let earlier = body.starter {
                    throw ProblemFormatError.misplacedBlock(
                        file: file, line: fence.line,
                        message: "a second ```python starter block (the first is on line \(earlier.lines.lowerBound))",
                        expected: "one starter block per problem")
                }
                body.starter = Starter(code: normalized(content), lines: fence.line...line)
            case "input":
                if let pending = pendingInput {
                    throw ProblemFormatError.unpairedSample(file: file, line: pending.line, block: "input")
                }
                pendingInput = (sample, fence.line)
            case "output":
                guard let input = pendingInput else {
                    throw ProblemFormatError.unpairedSample(file: file, line: fence.line, block: "output")
                }
                pendingInput = nil
                body.sampleLines.append((input.line, fence.line))
                body.samples.append(
                    TestCase(
                        name: "sample-\(body.samples.count + 1)", input: .text(input.text), answer: .text(sample),
                        isSample: true))
            default:
                break
            }
        }
        if let fence = open {
            throw ProblemFormatError.unterminatedFence(file: file, line: fence.line, fence: fence.text)
        }
        if let pending = pendingInput {
            throw ProblemFormatError.unpairedSample(file: file, line: pending.line, block: "input")
        }
        return body
    }

    /// Whether `line` would open a fenced code block.
    static func opensFence(_ line: Substring) -> Bool {
        Fence(line, line: 0) != nil
    }

    /// The text of `# Heading` (closing `#`s removed), if `text` is a level-1 ATX heading.
    private static func heading(in text: Substring) -> String? {
        let indent = text.prefix { $0 == " " }.count
        let rest = text.dropFirst(indent)
        guard indent <= 3, rest.hasPrefix("# ") || rest.hasPrefix("#\t") else { return nil }
        var title = rest.dropFirst(2).trimmingCharacters(in: .whitespaces)
        if let closing = title.range(of: #"(^|\s)#+$"#, options: .regularExpression) {
            title = title[..<closing.lowerBound].trimmingCharacters(in: .whitespaces)
        }
        return title.isEmpty ? nil : title
    }

    /// Removes up to `indent` leading spaces, as CommonMark does inside an indented fence.
    private static func dedent(_ text: Substring, by indent: Int) -> Substring {
        text.dropFirst(min(indent, text.prefix { $0 == " " }.count))
    }

    /// The block's lines without trailing blank ones, ending with exactly one newline.
    static func normalized(_ lines: [Substring]) -> String {
        var lines = lines[...]
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
