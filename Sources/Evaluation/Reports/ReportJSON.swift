import Foundation

/// The JSON form of reports: pretty-printed, keys sorted and in snake_case, absent values left out.
enum ReportJSON {
    /// `value` as JSON; non-finite numbers become the strings "nan", "inf" and "-inf", so encoding cannot fail on data.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            let message = try? JSONEncoder().encode(["error": String(describing: error)])
            return (message.map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
        }
    }
}
