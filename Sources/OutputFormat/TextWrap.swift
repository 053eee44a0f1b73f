/// Text broken into lines that fit a column width, for the notes and lists of text reports.
public enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` columns (a longer word gets a line of its own), the
    /// first prefixed by `first`, the others by `rest`.
    public static func lines(of text: String, first: String, rest: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = first
        var currentHasWord = false
        for word in text.split(separator: " ") {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = rest + word
            } else {
                current += (currentHasWord ? " " : "") + word
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }
}
