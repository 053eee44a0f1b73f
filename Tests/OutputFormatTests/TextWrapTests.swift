import OutputFormat
import Testing

@Suite struct TextWrapTests {
    @Test(
        "words fill lines up to the width; the first line has its own prefix; a longer word gets a line of its own",
        arguments: [
            ("one two three", 9, ["- one two", "  three"]),
            ("one two three", 100, ["- one two three"]),
            ("a verylongword b", 6, ["- a", "  verylongword", "  b"]),
            ("", 10, ["- "]),
            ("  spaced   out  ", 100, ["- spaced out"]),
        ])
    func wraps(text: String, width: Int, expected: [String]) {
        #expect(TextWrap.lines(of: text, first: "- ", rest: "  ", width: width) == expected)
    }
}
