import Foundation
import Judging

/// A program taken out of a model's answer.
public struct ExtractedProgram: Sendable, Hashable, Codable {
    /// The program without its fences, ending with "\n".
    public var code: String
    /// Language id: `cpp`, `c`, `python`, `rust`, `java` or `go`.
    public var language: String
    /// Whether the program came from the final answer or, as a fallback, from the reasoning.
    public var origin: Origin
    /// The fence never closed (the model ran out of tokens or wrote sloppy Markdown).
    public var unterminated: Bool

    public enum Origin: String, Sendable, Hashable, Codable { case answer, reasoning }

    public init(code: String, language: String, origin: Origin, unterminated: Bool) {
        self.code = code
        self.language = language
        self.origin = origin
        self.unterminated = unterminated
    }
}

/// Finds the final program in a model's answer and canonicalizes programs for repeat detection.
public enum CodeExtractor {
    /// The program the model answered with, or nil when there is none.
    ///
    /// Fenced blocks labeled with a programming language or recognized by their content come first; among them
    /// complete programs (with an entry point) beat fragments, and when `truncated`, closed blocks beat cut ones.
    /// Ties go to `preferredLanguage`, then to the last block. Without any fenced program, unfenced code in the
    /// answer counts. The reasoning is searched, with the same rules, only when the answer yields nothing and
    /// the generation was `truncated`.
    ///
    /// - Parameters:
    ///   - truncated: The generation hit max_tokens (finish_reason "length").
    ///   - preferredLanguage: The language asked for in the prompt.
    public static func extract(answer: String, reasoning: String, truncated: Bool, preferredLanguage: String?)
        -> ExtractedProgram?
    {
        let preferred = preferredLanguage.flatMap(languageID(forLabel:))
        if let program = program(in: answer, truncated: truncated, preferred: preferred) {
            return ExtractedProgram(
                code: program.code, language: program.language, origin: .answer, unterminated: program.unterminated)
        }
        guard truncated, let program = program(in: reasoning, truncated: truncated, preferred: preferred) else {
            return nil
        }
        return ExtractedProgram(
            code: program.code, language: program.language, origin: .reasoning, unterminated: program.unterminated)
    }

    /// Canonical form of a program for repeat detection.
    ///
    /// Comments are removed (`//` and `/* */`, or `#` for Python) outside string literals, blank lines and
    /// indentation are dropped (Python keeps one space per indentation level), whitespace between tokens is kept,
    /// as one space, only between two word characters, and a line starting with `{` joins the previous one.
    /// String literals are kept verbatim.
    public static func normalized(_ code: String, language: String) -> String {
        var normalizer = Normalizer(isPython: languageID(forLabel: language) == Language.python.id)
        return normalizer.run(code)
    }

    /// The language id a fence label names (`C++`, `cpp17`, `py3`, `{.rust}` …) in the `Language` registry, or nil
    /// for anything else.
    static func languageID(forLabel label: String) -> String? {
        let word = label.lowercased().drop { $0 == "{" || $0 == "." || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || "+#-_".contains($0) }
        return Language.id(forFenceLabel: String(word))
    }

    /// The languages `code` could be, most likely first; empty when it does not look like a program.
    static func detectedLanguages(of code: String) -> [String] {
        let lines = code.split(whereSeparator: \.isNewline).map { $0.drop { $0 == " " || $0 == "\t" } }
        func anyLine(_ test: (Substring) -> Bool) -> Bool { lines.contains(where: test) }
        if code.has("public static void main")
            || (code.has("class ") && (code.has("System.out") || code.has("System.in")))
        {
            return ["java"]
        }
        if anyLine({ $0.hasPrefix("package main") }) || code.has("func main(") { return ["go"] }
        if code.has("fn main(") || anyLine({ $0.hasPrefix("use std::") }) { return ["rust"] }
        let isCFamily =
            anyLine { $0.hasPrefix("#include") }
            || ["int main(", "int main (", "signed main(", "void main("].contains(where: code.has)
        if isCFamily { return hasCppSignals(code) ? ["cpp"] : ["c", "cpp"] }
        let isPython =
            anyLine { $0.hasPrefix("def ") || $0.hasPrefix("import ") || ($0.hasPrefix("from ") && $0.has(" import ")) }
            || ["print(", "input()", "sys.stdin", "__name__"].contains(where: code.has)
        return isPython ? ["python"] : []
    }

    /// Whether C-family `code` uses something C does not have.
    static func hasCppSignals(_ code: String) -> Bool {
        let markers = [
            "iostream", "bits/stdc++.h", "std::", "using namespace", "cin >>", "cin>>", "cout <<", "cout<<",
            "vector<", "template<", "template <", "nullptr",
        ]
        if markers.contains(where: code.has) { return true }
        // `#include <cstdio>`, `<algorithm>`: standard headers without `.h` are C++.
        return code.split(whereSeparator: \.isNewline).contains { line in
            let text = line.drop { $0 == " " || $0 == "\t" }
            guard text.hasPrefix("#include"), let open = text.firstIndex(of: "<"), let close = text.firstIndex(of: ">"),
                open < close
            else { return false }
            return !text[open..<close].contains(".")
        }
    }

    /// Whether `code` has an entry point (or, for Python, does input or output) rather than being a fragment.
    static func looksComplete(_ code: String, language: String) -> Bool {
        switch language {
        case "rust": return code.has("fn main")
        case "java": return code.has("void main")
        case "go": return code.has("func main")
        case "python":
            return ["input(", "stdin", "print(", "open(0", "__main__", "stdout"].contains(where: code.has)
        default: return code.has("main(") || code.has("main (")
        }
    }

    // MARK: - Finding candidates

    /// A program found in one text, before its origin is known.
    struct Candidate {
        var code: String
        var language: String
        var unterminated: Bool
    }

    /// A fenced block: its info string, its (dedented) content and whether it was closed.
    struct FencedBlock {
        var info: String
        var lines: [Substring]
        var unterminated: Bool
    }

    /// The best program in `text`: fenced blocks first, then unfenced code.
    static func program(in text: String, truncated: Bool, preferred: String?) -> Candidate? {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        let (blocks, outside) = fencedBlocks(in: lines)
        let fenced = blocks.compactMap { candidate(from: $0, preferred: preferred) }
        if let best = choose(fenced, truncated: truncated, preferred: preferred) { return best }
        return choose(unfencedPrograms(in: outside, preferred: preferred), truncated: truncated, preferred: preferred)
    }

    /// Picks among `candidates`: complete programs, then closed blocks when `truncated`, then `preferred`, then last.
    static func choose(_ candidates: [Candidate], truncated: Bool, preferred: String?) -> Candidate? {
        var pool = candidates
        func narrow(_ keep: (Candidate) -> Bool) {
            let kept = pool.filter(keep)
            if !kept.isEmpty { pool = kept }
        }
        narrow { looksComplete($0.code, language: $0.language) }
        if truncated { narrow { !$0.unterminated } }
        if let preferred { narrow { $0.language == preferred } }
        return pool.last
    }

    /// The fenced blocks in `lines`, and the lines outside any fence (nil where a fence or its content was).
    static func fencedBlocks(in lines: [Substring]) -> (blocks: [FencedBlock], outside: [Substring?]) {
        var blocks: [FencedBlock] = []
        var outside: [Substring?] = []
        var open: Fence?
        var content: [Substring] = []
        for line in lines {
            if let fence = open {
                if fence.isClosed(by: line) {
                    blocks.append(FencedBlock(info: fence.info, lines: content, unterminated: false))
                    open = nil
                } else {
                    content.append(fence.dedent(line))
                }
                outside.append(nil)
            } else if let fence = Fence(line) {
                open = fence
                content = []
                outside.append(nil)
            } else {
                outside.append(line)
            }
        }
        if let fence = open {
            blocks.append(FencedBlock(info: fence.info, lines: content, unterminated: true))
        }
        return (blocks, outside)
    }

    /// The program in a fenced block, if its label names a language or its content is recognizably code.
    static func candidate(from block: FencedBlock, preferred: String?) -> Candidate? {
        var lines = block.lines[...]
        if block.unterminated { lines = lines.prefix(endOfCode(in: block.lines.map(Optional.some)[...])) }
        guard let code = joined(lines) else { return nil }
        let language: String
        if block.info.isEmpty {
            guard let detected = pick(detectedLanguages(of: code), preferred: preferred) else { return nil }
            language = detected
        } else {
            guard let labeled = languageID(forLabel: block.info) else { return nil }
            language = labeled == "c" && hasCppSignals(code) ? "cpp" : labeled
        }
        return Candidate(code: code, language: language, unterminated: block.unterminated)
    }

    /// Unfenced programs: runs of lines that start like a program and stop at prose, a fence or the end.
    static func unfencedPrograms(in lines: [Substring?], preferred: String?) -> [Candidate] {
        var programs: [Candidate] = []
        var index = 0
        while index < lines.count {
            guard let line = lines[index], startsProgram(line) else {
                index += 1
                continue
            }
            let end = endOfCode(in: lines[index...])
            let run = lines[index..<end].compactMap { $0 }
            index = max(end, index + 1)
            if let code = joined(run[...]), let language = pick(detectedLanguages(of: code), preferred: preferred),
                looksComplete(code, language: language)
            {
                programs.append(Candidate(code: code, language: language, unterminated: false))
            }
        }
        return programs
    }

    /// `preferred` when it is among `languages`, else the most likely one.
    static func pick(_ languages: [String], preferred: String?) -> String? {
        if let preferred, languages.contains(preferred) { return preferred }
        return languages.first
    }

    /// How programs typically begin: an unfenced run of code starts at a line with one of these prefixes.
    static let programOpeners = [
        "#include", "#define", "#!", "using namespace", "import ", "package main", "use std", "fn main",
        "public class", "class ", "def ", "int main", "template", "typedef ", "const ", "static ",
    ]

    /// Whether `line` typically opens a program: an include, an import, a definition, a first input read.
    static func startsProgram(_ line: Substring) -> Bool {
        let text = line.drop { $0 == " " || $0 == "\t" }
        return programOpeners.contains(where: text.hasPrefix)
            || (text.hasPrefix("from ") && text.has(" import "))
            || ((text.has("input(") || text.hasPrefix("print(")) && !isProse(line))
    }

    /// Where the code in `lines` ends: at the end, a fence (nil), or the first unindented line of prose or
    /// Markdown outside any braces.
    static func endOfCode(in lines: ArraySlice<Substring?>) -> Int {
        var depth = 0
        for index in lines.indices {
            guard let line = lines[index] else { return index }
            if depth <= 0, line.first.map({ $0 != " " && $0 != "\t" }) ?? false, isProse(line) { return index }
            for character in line {
                if character == "{" { depth += 1 } else if character == "}" { depth -= 1 }
            }
        }
        return lines.endIndex
    }

    /// Whether `line` reads like a sentence or a Markdown heading, not like code.
    static func isProse(_ line: Substring) -> Bool {
        let text = line.drop { $0 == " " || $0 == "\t" }
        guard let first = text.first else { return false }
        if first == "*" || first == "#" {
            return text.hasPrefix("**") || (text.hasPrefix("##") && text.drop { $0 == "#" }.first == " ")
        }
        guard first.isUppercase, let last = text.last(where: { $0 != " " && $0 != "\t" }), !";{}".contains(last)
        else { return false }
        let words = text.split(separator: " ")
        return words.count >= 4
            && words.prefix(3).allSatisfy { word in
                word.contains(where: \.isLetter) && word.allSatisfy { $0.isLetter || ",.:;!?'’".contains($0) }
            }
    }

    /// `lines` without leading and trailing blank lines and their common indentation, joined and ending with
    /// "\n"; nil when all are blank.
    static func joined(_ lines: ArraySlice<Substring>) -> String? {
        let isBlank: (Substring) -> Bool = { $0.allSatisfy(\.isWhitespace) }
        guard let first = lines.firstIndex(where: { !isBlank($0) }), let last = lines.lastIndex(where: { !isBlank($0) })
        else { return nil }
        let kept = lines[first...last]
        let indent = kept.filter { !isBlank($0) }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        return kept.map { $0.dropFirst(min(indent, $0.prefix { $0 == " " || $0 == "\t" }.count)) }
            .joined(separator: "\n") + "\n"
    }

    /// A fence's opening line: three or more ``` or ~~~ after any indentation, then an info string.
    struct Fence {
        var character: Character
        var length: Int
        var indent: Int
        var info: String

        init?(_ line: Substring) {
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            guard let character = line.dropFirst(indent).first, character == "`" || character == "~" else { return nil }
            let run = line.dropFirst(indent).prefix { $0 == character }
            guard run.count >= 3 else { return nil }
            let info = line.dropFirst(indent + run.count).trimmingCharacters(in: .whitespaces)
            guard character == "~" || !info.contains("`") else { return nil }
            self.character = character
            self.length = run.count
            self.indent = indent
            self.info = info
        }

        /// Whether `line` closes this fence: the same character at least as many times, then only spaces.
        func isClosed(by line: Substring) -> Bool {
            let text = line.drop { $0 == " " || $0 == "\t" }
            let run = text.prefix { $0 == character }
            return run.count >= length && text.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" }
        }

        /// `line` without up to `indent` leading spaces or tabs.
        func dedent(_ line: Substring) -> Substring {
            line.dropFirst(line.prefix(indent).prefix { $0 == " " || $0 == "\t" }.count)
        }
    }
}

/// Rewrites a program line by line into its canonical form (see ``CodeExtractor/normalized(_:language:)``).
private struct Normalizer {
    let isPython: Bool
    /// Finished lines, and the one being built.
    var lines: [String] = []
    var line = ""
    /// No token yet on this line (only indentation or comments).
    var atLineStart = true
    /// Whitespace was skipped since the last token.
    var pendingSpace = false
    /// Python: this line's indentation width, the open indentation levels, open brackets, a trailing backslash.
    var indentWidth = 0
    var indentStack = [0]
    var bracketDepth = 0
    var continuesLine = false

    init(isPython: Bool) { self.isPython = isPython }

    mutating func run(_ code: String) -> String {
        let characters = code.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 }
        var index = 0
        func next(_ offset: Int) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }
        while index < characters.count {
            let character = characters[index]
            if character.isNewline {
                endLine()
                index += 1
            } else if character == " " || character == "\t" {
                if atLineStart {
                    indentWidth += character == "\t" ? 8 - indentWidth % 8 : 1
                } else {
                    pendingSpace = true
                }
                index += 1
            } else if isPython ? character == "#" : (character == "/" && next(1) == "/") {
                while index < characters.count, !characters[index].isNewline { index += 1 }
            } else if !isPython, character == "/", next(1) == "*" {
                index += 2
                var newlines = 0
                while index < characters.count, !(characters[index] == "*" && next(1) == "/") {
                    if characters[index].isNewline { newlines += 1 }
                    index += 1
                }
                index = min(index + 2, characters.count)
                if newlines == 0 { pendingSpace = !atLineStart } else { endLine() }
            } else if let end = literalEnd(in: characters, from: index) {
                emit(String(characters[index..<end]))
                index = end
            } else {
                emit(String(character))
                index += 1
            }
        }
        endLine()
        return lines.joined(separator: "\n")
    }

    /// The end of the string or character literal starting at `start`, or nil if none starts there.
    func literalEnd(in characters: [Character], from start: Int) -> Int? {
        let quote = characters[start]
        let count = characters.count
        if isPython, quote == "\"" || quote == "'" {
            let isTriple = start + 2 < count && characters[start + 1] == quote && characters[start + 2] == quote
            let delimiter = isTriple ? 3 : 1
            var index = start + delimiter
            while index < count {
                if characters[index] == "\\" {
                    index += 2
                } else if characters[index] == quote
                    && (!isTriple
                        || (index + 2 < count && characters[index + 1] == quote && characters[index + 2] == quote))
                {
                    return index + delimiter
                } else if !isTriple && characters[index].isNewline {
                    return index
                } else {
                    index += 1
                }
            }
            return count
        }
        if quote == "'" {
            // A character literal only when it closes right away: Rust lifetimes and C++ digit separators are not.
            let limit = min(count, start + 12)
            if start + 2 < count, characters[start + 1] != "\\", characters[start + 2] == "'" { return start + 3 }
            guard start + 1 < count, characters[start + 1] == "\\" else { return nil }
            return (start + 3..<max(start + 3, limit)).first { characters[$0] == "'" }.map { $0 + 1 }
        }
        guard quote == "\"" || (quote == "`" && !isPython) else { return nil }
        var index = start + 1
        while index < count {
            if characters[index] == "\\" && quote == "\"" {
                index += 2
            } else if characters[index] == quote {
                return index + 1
            } else if quote == "\"" && characters[index].isNewline {
                return index
            } else {
                index += 1
            }
        }
        return count
    }

    /// Appends a token, with one space before it only where two words would otherwise merge.
    mutating func emit(_ token: String) {
        if atLineStart { beginLine() }
        if pendingSpace, let last = line.last, let first = token.first, isWordCharacter(last), isWordCharacter(first) {
            line.append(" ")
        }
        pendingSpace = false
        line.append(token)
        guard isPython, token.count == 1, let character = token.first else { return }
        if "([{".contains(character) {
            bracketDepth += 1
        } else if ")]}".contains(character) {
            bracketDepth = max(0, bracketDepth - 1)
        }
    }

    /// Starts a line with content; Python gets one space per indentation level outside brackets.
    mutating func beginLine() {
        atLineStart = false
        guard isPython, bracketDepth == 0, !continuesLine else { return }
        while indentStack.count > 1, indentWidth < indentStack[indentStack.count - 1] { indentStack.removeLast() }
        if indentWidth > indentStack[indentStack.count - 1] { indentStack.append(indentWidth) }
        line = String(repeating: " ", count: indentStack.count - 1)
    }

    /// Finishes the line: kept if it has a token; a C-family line opening with `{` joins the previous one.
    mutating func endLine() {
        if !atLineStart {
            continuesLine = isPython && line.last == "\\"
            if !isPython, line.first == "{", !lines.isEmpty {
                lines[lines.count - 1] += line
            } else {
                lines.append(line)
            }
        }
        line = ""
        atLineStart = true
        pendingSpace = false
        indentWidth = 0
    }

    /// Letters, digits, `_` and `$`: a space between two of these separates tokens.
    func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "$"
    }
}

extension StringProtocol {
    /// Whether `text` occurs in `self`, compared as UTF-8 bytes (faster than Foundation's `contains`).
    fileprivate func has(_ text: String) -> Bool {
        var haystack = String(self)
        var needle = text
        return haystack.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard haystack.count >= needle.count else { return false }
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
                }
                return false
            }
        }
    }
}
