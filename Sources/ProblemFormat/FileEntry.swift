import Foundation

/// What a path inside a problem is, found before anything opens it. Only regular files and folders are read: a
/// FIFO would block the reader forever, and a device or socket is no test. A symbolic link is followed once, to a
/// file or folder inside the problem's root that is not a folder being walked (which would make the walk endless).
enum FileEntry: Equatable {
    case file
    case folder

    /// What `url` is, or nil when nothing is there.
    ///
    /// - Parameters:
    ///   - root: The problem's folder (a package, or a Markdown problem's tests folder): links must stay inside it.
    ///   - walking: The real paths of the folders being walked down to `url`; a link to one of them (or to a
    ///     folder holding one) is a loop.
    /// - Throws: ``ProblemFormatError/notAFileOrFolder(path:found:root:)`` for anything but a regular file or folder
    ///   or a link to one inside `root`.
    static func classify(_ url: URL, root: URL, walking: [String] = []) throws -> FileEntry? {
        let path = url.path
        func refuse(_ found: String) -> ProblemFormatError {
            .notAFileOrFolder(path: path, found: found, root: root.path)
        }
        guard let mode = fileType(path, following: false) else { return nil }
        guard mode == S_IFLNK else {
            if let entry = entry(mode) { return entry }
            throw refuse(describe(mode))
        }
        let target = linkTarget(path) ?? "?"
        guard let real = realPath(path) else {
            throw refuse("a symbolic link to \(target), which does not exist or is a loop of links")
        }
        guard let realRoot = realPath(root.path), real == realRoot || real.hasPrefix(realRoot + "/") else {
            throw refuse("a symbolic link to \(target), outside the problem")
        }
        // Followed once: the link's own target must be the file or folder, not another link.
        let directory = realPath(url.deletingLastPathComponent().path) ?? ""
        let named = target.hasPrefix("/") ? target : directory + "/" + target
        guard let targetMode = fileType(named, following: false), targetMode != S_IFLNK,
            let entry = entry(targetMode)
        else {
            let what = fileType(named, following: false).map(describe) ?? "nothing"
            throw refuse("a symbolic link to \(target), which is \(what)")
        }
        if entry == .folder, walking.contains(where: { $0 == real || $0.hasPrefix(real + "/") }) {
            throw refuse("a symbolic link to \(target), a folder that holds it: a loop")
        }
        return entry
    }

    /// The real path of `path` (links resolved), or nil when it cannot be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The type bits of `path`'s mode (`S_IFREG`, `S_IFDIR`, …), or nil when nothing is there.
    private static func fileType(_ path: String, following: Bool) -> mode_t? {
        var info = stat()
        let status = following ? stat(path, &info) : lstat(path, &info)
        return status == 0 ? info.st_mode & S_IFMT : nil
    }

    private static func entry(_ mode: mode_t) -> FileEntry? {
        switch mode {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return nil
        }
    }

    private static func describe(_ mode: mode_t) -> String {
        switch mode {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "another symbolic link"
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a folder"
        default: return "a special file"
        }
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether the file at `path` (following links) is a regular file; for files a user names directly.
    static func isRegularFile(_ path: String) -> Bool {
        fileType(path, following: true) == S_IFREG
    }

    /// What the file at `path` (following links) is, for an error: "a FIFO (named pipe)", "a folder", ….
    static func kind(of path: String) -> String {
        fileType(path, following: true).map(describe) ?? "nothing"
    }
}
