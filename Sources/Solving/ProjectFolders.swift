import Foundation

/// Finds the folders that ship next to `solve` (`Problems/`, `Prompts/`) wherever it is run from.
public enum ProjectFolders {
    /// `$environmentKey`, `./NAME`, and `NAME/` in the folders above the binary (a build folder inside the
    /// package): the existing ones, in that order.
    public static func candidates(named name: String, environmentKey: String) -> [URL] {
        var folders: [URL] = []
        if let folder = ProcessInfo.processInfo.environment[environmentKey], !folder.isEmpty {
            folders.append(URL(fileURLWithPath: folder))
        }
        folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name))
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            folders.append(directory.appendingPathComponent(name))
            directory.deleteLastPathComponent()
        }
        var seen = Set<String>()
        return folders.filter {
            FileManager.default.fileExists(atPath: $0.path) && seen.insert($0.standardizedFileURL.path).inserted
        }
    }
}
