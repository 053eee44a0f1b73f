import Foundation
import Testing

@testable import ProblemFormat

/// Packages and Markdown test folders are read only through regular files and folders: a FIFO would block the
/// judge forever and a link loop would make the walk endless, so both are errors naming the path.
@Suite struct SpecialFileTests {
    /// A package `pkg/` with one sample test, in `folder`.
    private func package(_ folder: ScratchFolder) throws -> URL {
        try folder.write("pkg/problem.yaml", "name: Links\n")
        try folder.write("pkg/data/sample/1.in", "1\n")
        try folder.write("pkg/data/sample/1.ans", "1\n")
        return folder.url.appendingPathComponent("pkg")
    }

    /// Loads `url`, expecting an error about `path` whose description says `found`.
    private func expectRefused(
        _ url: URL, path: String, found: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: ProblemFormatError.self, sourceLocation: sourceLocation) {
            try ProblemLoader.load(url)
        }
        #expect(error?.file == path, sourceLocation: sourceLocation)
        #expect(
            error?.description.hasPrefix("\(path): \(found)") == true, "\(String(describing: error))",
            sourceLocation: sourceLocation)
    }

    @Test func fifoAsSecretInputIsRefused() throws {
        try withScratchFolder { folder in
            let url = try package(folder)
            try folder.fifo("pkg/data/secret/1.in")
            try folder.write("pkg/data/secret/1.ans", "1\n")
            expectRefused(
                url, path: folder.path("pkg/data/secret/1.in"), found: "a FIFO (named pipe); expected a regular file")
        }
    }

    @Test func fifoAsProblemYAMLIsRefused() throws {
        try withScratchFolder { folder in
            let url = try package(folder)
            try FileManager.default.removeItem(atPath: folder.path("pkg/problem.yaml"))
            try folder.fifo("pkg/problem.yaml")
            expectRefused(url, path: folder.path("pkg/problem.yaml"), found: "a FIFO (named pipe)")
        }
    }

    @Test func linkToItsOwnFolderIsALoop() throws {
        try withScratchFolder { folder in
            let url = try package(folder)
            try folder.write("pkg/data/secret/1.in", "1\n")
            try folder.write("pkg/data/secret/1.ans", "1\n")
            try folder.link("pkg/data/secret/loop", to: ".")
            expectRefused(
                url, path: folder.path("pkg/data/secret/loop"),
                found: "a symbolic link to ., a folder that holds it: a loop")
        }
    }

    @Test func linksBetweenSiblingFoldersAreALoop() throws {
        try withScratchFolder { folder in
            let url = try package(folder)
            try folder.makeFolder("pkg/data/secret/a")
            try folder.makeFolder("pkg/data/secret/b")
            try folder.link("pkg/data/secret/a/to-b", to: "../b")
            try folder.link("pkg/data/secret/b/to-a", to: "../a")
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.load(url) }
            #expect(
                error?.description.contains("a folder that holds it: a loop") == true, "\(String(describing: error))")
        }
    }

    @Test func linkToAParentFolderIsALoop() throws {
        try withScratchFolder { folder in
            let url = try package(folder)
            try folder.makeFolder("pkg/data/secret/group")
            try folder.link("pkg/data/secret/group/up", to: "../..")
            expectRefused(
                url, path: folder.path("pkg/data/secret/group/up"),
                found: "a symbolic link to ../.., a folder that holds it")
        }
    }

    @Test func linkLeavingThePackageIsRefused() throws {
        try withScratchFolder { folder in
            let url = try package(folder)
            try folder.write("outside.txt", "secret\n")
            try folder.write("pkg/data/secret/1.ans", "1\n")
            try folder.link("pkg/data/secret/1.in", to: "../../../outside.txt")
            expectRefused(
                url, path: folder.path("pkg/data/secret/1.in"),
                found: "a symbolic link to ../../../outside.txt, outside the problem")
            try FileManager.default.removeItem(atPath: folder.path("pkg/data/secret/1.in"))
            try folder.link("pkg/data/secret/1.in", to: "/dev/zero")
            expectRefused(
                url, path: folder.path("pkg/data/secret/1.in"),
                found: "a symbolic link to /dev/zero, outside the problem")
        }
    }

    @Test func linkToALinkOrToNothingIsRefused() throws {
        try withScratchFolder { folder in
            let url = try package(folder)
            try folder.write("pkg/data/secret/1.ans", "1\n")
            try folder.link("pkg/data/secret/1.in", to: "2.in")
            expectRefused(
                url, path: folder.path("pkg/data/secret/1.in"), found: "a symbolic link to 2.in, which does not exist")
            try folder.link("pkg/data/secret/2.in", to: "../sample/1.in")
            try folder.write("pkg/data/secret/2.ans", "1\n")
            expectRefused(
                url, path: folder.path("pkg/data/secret/1.in"),
                found: "a symbolic link to 2.in, which is another symbolic link")
        }
    }

    @Test func linkInsideThePackageIsFollowedOnce() throws {
        try withScratchFolder { folder in
            let url = try package(folder)
            try folder.makeFolder("pkg/data/secret")
            try folder.link("pkg/data/secret/1.in", to: "../sample/1.in")
            try folder.link("pkg/data/secret/1.ans", to: "../sample/1.ans")
            try folder.makeFolder("pkg/shared")
            try folder.write("pkg/shared/2.in", "2\n")
            try folder.write("pkg/shared/2.ans", "2\n")
            try folder.link("pkg/data/secret/group", to: "../../shared")
            let problem = try ProblemLoader.load(url)
            #expect(problem.tests.map(\.name) == ["sample/1", "secret/1", "secret/group/2"])
            #expect(try problem.tests[1].input.read() == Data("1\n".utf8))
            #expect(try problem.tests[2].answer.read() == Data("2\n".utf8))
        }
    }

    @Test func markdownHiddenTestsFolderReadsOnlyRegularFiles() throws {
        try withScratchFolder { folder in
            let url = try folder.write("p.md", "---\ntitle: P\n---\n" + sampleBlocks)
            try folder.write("p/1.ans", "1\n")
            try folder.fifo("p/1.in")
            expectRefused(url, path: folder.path("p/1.in"), found: "a FIFO (named pipe)")

            try FileManager.default.removeItem(atPath: folder.path("p/1.in"))
            try folder.write("elsewhere.in", "1\n")
            try folder.link("p/1.in", to: "../elsewhere.in")
            expectRefused(
                url, path: folder.path("p/1.in"), found: "a symbolic link to ../elsewhere.in, outside the problem")
        }
    }

    @Test func markdownFileThatIsAFIFOIsRefused() throws {
        try withScratchFolder { folder in
            try folder.fifo("p.md")
            let error = #expect(throws: ProblemFormatError.self) {
                try ProblemLoader.load(folder.url.appendingPathComponent("p.md"))
            }
            #expect(error == .unreadable(file: folder.path("p.md"), reason: "a FIFO (named pipe), not a regular file"))
        }
    }

    @Test func problemSetListingRefusesSpecialFiles() throws {
        try withScratchFolder { folder in
            try folder.write("a.md", "---\ntitle: A\n---\n" + sampleBlocks)
            try folder.fifo("b.md")
            let error = #expect(throws: ProblemFormatError.self) { try ProblemLoader.loadSet(folder.url) }
            #expect(error?.file == folder.path("b.md"))
        }
    }
}
