import Foundation
import OutputFormat

/// The JSON form of reports: pretty-printed, keys sorted and in snake_case, absent values left out.
enum ReportJSON {
    /// `value` as JSON; non-finite numbers become the strings "nan", "inf" and "-inf", so encoding cannot fail on data.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONText.encoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try JSONText.string(value, encoder: encoder) + "\n"
        } catch {
            let message = try? JSONText.string(["error": String(describing: error)], layout: .compact)
            return (message ?? "{}") + "\n"
        }
    }
}
