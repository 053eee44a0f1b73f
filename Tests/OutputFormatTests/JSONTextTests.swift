import Foundation
import OutputFormat
import Testing

@Suite struct JSONTextTests {
    struct Sample: Encodable {
        var zebra = 1
        var path = "a/b"
        var apple: [Int] = [1, 2]
    }

    @Test("pretty: indented, keys sorted, slashes as they are")
    func pretty() throws {
        let expected = """
            {
              "apple" : [
                1,
                2
              ],
              "path" : "a/b",
              "zebra" : 1
            }
            """
        #expect(try JSONText.string(Sample()) == expected)
    }

    @Test("compact: one line, keys sorted, slashes as they are")
    func compact() throws {
        #expect(try JSONText.string(Sample(), layout: .compact) == #"{"apple":[1,2],"path":"a/b","zebra":1}"#)
    }

    @Test("a value that cannot be encoded throws")
    func nonFiniteThrows() {
        #expect(throws: EncodingError.self) { try JSONText.string([Double.nan]) }
    }
}
