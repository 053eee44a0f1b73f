import Foundation

/// The JSON that `solve` writes (reports, `--json` output, transcripts, the store's JSON columns): keys sorted and
/// slashes left unescaped, so that the same value always gives the same bytes.
public enum JSONText {
    /// How the text is laid out.
    public enum Layout: Sendable, Hashable {
        /// Indented, one member a line: what people read.
        case pretty
        /// One line: what a database column stores.
        case compact
    }

    /// An encoder that writes this JSON; callers may add strategies of their own (key and number encodings).
    public static func encoder(_ layout: Layout = .pretty) -> JSONEncoder {
        let encoder = JSONEncoder()
        switch layout {
        case .pretty: encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        case .compact: encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }
        return encoder
    }

    /// `value` as this JSON, without a trailing newline.
    /// - Parameters:
    ///   - value: what to encode.
    ///   - layout: pretty (the default) or compact.
    /// - Throws: `EncodingError` when `value` cannot be encoded (a non-finite number, say).
    public static func string(_ value: some Encodable, layout: Layout = .pretty) throws -> String {
        try string(value, encoder: encoder(layout))
    }

    /// `value` encoded by `encoder`, as text.
    /// - Throws: `EncodingError` when `value` cannot be encoded.
    public static func string(_ value: some Encodable, encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
