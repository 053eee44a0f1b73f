import Foundation
import Testing

@testable import ProblemFormat

@Suite struct JSONValueTests {
    @Test(
        "valid JSON parses and prints back compactly",
        arguments: [
            (" [1, -2.5e3, true, false, null] ", "[1,-2.5e3,true,false,null]"),
            (#"{"a": {"b": []}, "c": "x\"y\\z\n\u00e9\ud83d\ude00\/"}"#, #"{"a":{"b":[]},"c":"x\"y\\z\né😀/"}"#),
            ("123456789012345678901234567890", "123456789012345678901234567890"),
            (#""tab\there""#, #""tab\there""#),
            ("-0", "-0"),
        ])
    func parses(text: String, json: String) throws {
        #expect(try JSONValue.parse(text).json == json)
    }

    @Test(
        "invalid JSON names the byte and what was expected",
        arguments: [
            ("", 1, "a value"), ("[1, 2", 6, "',' or ']'"), ("{\"a\" 1}", 6, "':'"), ("01", 2, "the end of the text"),
            ("[1,]", 4, "a value"), ("\"a\nb\"", 3, "no control characters inside a string (write \\n, \\t, …)"),
            ("1.", 3, "a digit after '.'"), ("tru", 1, "a value"),
            ("\"\\x\"", 3, "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"),
            ("{1: 2}", 2, "a key in quotes"), ("NaN", 1, "a value"),
        ])
    func rejects(text: String, offset: Int, expected: String) {
        #expect(throws: JSONSyntaxError(offset: offset, expected: expected)) { try JSONValue.parse(text) }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(deep) }
    }

    @Test func pythonLiteralsAndAccessors() throws {
        let value = try JSONValue.parse(#"{"s": "it's", "q": "say \"hi\"\n", "n": [null, true, 2, 1e3], "s": 5}"#)
        #expect(value.pythonLiteral == #"{'s': "it's", 'q': 'say "hi"\n', 'n': [None, True, 2, 1e3], 's': 5}"#)
        #expect(value["s"] == .number("5"), "the last of repeated keys wins, as in Python")
        #expect(value["n"]?.kind == "a list")
        #expect(JSONValue.number("12").int == 12 && JSONValue.number("1e3").int == nil)
        #expect(JSONValue.number("1e3").double == 1000)
    }
}
