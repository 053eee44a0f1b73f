import Foundation

@testable import ProblemFormat

/// A fresh temporary folder to build problems in.
struct ScratchFolder {
    let url: URL

    /// Writes `contents` to `relative` (creating folders) and returns its URL.
    @discardableResult
    func write(_ relative: String, _ contents: String = "") throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
        return file
    }

    /// Creates the folder `relative`.
    @discardableResult
    func makeFolder(_ relative: String) throws -> URL {
        let folder = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Makes `relative` a symbolic link to `target` (as written: relative to the link's folder, or absolute).
    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }

    /// Makes `relative` a FIFO (named pipe).
    func fifo(_ relative: String) throws {
        try makeFolder((relative as NSString).deletingLastPathComponent)
        guard mkfifo(path(relative), 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The path of `relative` inside the folder, as errors spell it.
    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}

/// Runs `body` with a new temporary folder, removed afterwards.
@discardableResult
func withScratchFolder<T>(_ body: (ScratchFolder) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pf-tests-\(UUID().uuidString)")
        .absoluteURL.standardized
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(ScratchFolder(url: url))
}

/// The minimal sample a Markdown problem needs to load.
let sampleBlocks = "```input\n1\n```\n```output\n1\n```\n"
