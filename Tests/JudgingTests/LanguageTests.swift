import Foundation
import Testing

@testable import Judging

/// The one registry of languages: fence labels (with the unjudged Java and Go), the loop's rotation, checkers.
@Suite struct LanguageTests {
    @Test(arguments: [
        ("cpp", "cpp"), ("c++", "cpp"), ("cpp17", "cpp"), ("c++20", "cpp"), ("hpp", "cpp"), ("c", "c"),
        ("py3", "python"), ("python3", "python"), ("rs", "rust"), ("java", "java"), ("golang", "go"),
    ])
    func fenceLabelsNameTheirLanguage(label: String, id: String) {
        #expect(Language.id(forFenceLabel: label) == id)
    }

    @Test(arguments: ["text", "output", "c#", "cppx", "pypy", ""])
    func otherLabelsNameNone(label: String) {
        #expect(Language.id(forFenceLabel: label) == nil)
    }

    @Test func theRegistryHoldsTheRotationTheFencesAndTheCheckerLanguages() {
        #expect(Language.rotation.map(\.id) == ["cpp", "python"])
        #expect(Language.all.allSatisfy { $0.fence == $0.id })
        #expect(Language.checkerLanguages.flatMap(\.extensions).contains("cc"))
    }
}
