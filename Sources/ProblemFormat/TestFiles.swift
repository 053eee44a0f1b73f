import Foundation

/// Test files on disk: `NAME.in` paired with `NAME.ans` (and, for function problems, `NAME.py` check files), in
/// natural name order.
enum TestFiles {
    /// The tests whose `.in` and `.ans` files lie inside `directory`.
    ///
    /// Other files are ignored, and so are sub-folders unless `recursive`. A test found in a sub-folder is named by
    /// its path, e.g. `group1/03`. Tests are sorted component by component in natural order (`2` before `10`).
    /// - Parameters:
    ///   - root: The problem's folder, which links must not leave (see ``FileEntry``).
    ///   - namePrefix: Put before every name, e.g. `secret/`.
    ///   - checks: Whether `NAME.py` files are tests too: Python code defining `check(candidate)` (function problems).
    /// - Throws: ``ProblemFormatError/missingAnswer(input:expected:)`` or
    ///   ``ProblemFormatError/missingInput(answer:expected:)`` for a file without its partner,
    ///   ``ProblemFormatError/notAFileOrFolder(path:found:root:)`` for a special file or a bad link, and
    ///   ``ProblemFormatError/unreadable(file:reason:)`` when a folder cannot be listed.
    static func tests(
        in directory: URL, root: URL, recursive: Bool, namePrefix: String = "", isSample: Bool, checks: Bool = false
    ) throws -> [TestCase] {
        var found: [(path: [String], test: TestCase)] = []
        try collect(
            in: directory, root: root, walking: [], path: [], recursive: recursive, namePrefix: namePrefix,
            isSample: isSample, checks: checks, into: &found)
        return found.sorted { naturallyOrdered($0.path, before: $1.path) }.map(\.test)
    }

    private static func collect(
        in directory: URL, root: URL, walking: [String], path: [String], recursive: Bool, namePrefix: String,
        isSample: Bool, checks: Bool, into found: inout [(path: [String], test: TestCase)]
    ) throws {
        let walking = walking + [FileEntry.realPath(directory.path) ?? directory.path]
        let (files, folders) = try entries(of: directory, root: root, walking: walking)
        let inputs = Set(files.filter { $0.pathExtension == "in" }.map { $0.deletingPathExtension().lastPathComponent })
        let answers = Set(
            files.filter { $0.pathExtension == "ans" }.map { $0.deletingPathExtension().lastPathComponent })
        for stem in inputs.union(answers).sorted(by: { naturallyOrdered($0, before: $1) }) {
            let input = directory.appendingPathComponent(stem + ".in")
            let answer = directory.appendingPathComponent(stem + ".ans")
            guard answers.contains(stem) else {
                throw ProblemFormatError.missingAnswer(input: input.path, expected: answer.path)
            }
            guard inputs.contains(stem) else {
                throw ProblemFormatError.missingInput(answer: answer.path, expected: input.path)
            }
            let name = namePrefix + (path + [stem]).joined(separator: "/")
            found.append(
                (path + [stem], TestCase(name: name, input: .file(input), answer: .file(answer), isSample: isSample)))
        }
        for file in files where checks && file.pathExtension == "py" {
            let stem = file.deletingPathExtension().lastPathComponent
            let test = TestCase(
                name: namePrefix + (path + [stem]).joined(separator: "/"), input: .file(file), answer: .text(""),
                isSample: isSample, kind: .pythonCheck)
            found.append((path + [stem], test))
        }
        guard recursive else { return }
        for folder in folders {
            try collect(
                in: folder, root: root, walking: walking, path: path + [folder.lastPathComponent], recursive: true,
                namePrefix: namePrefix, isSample: isSample, checks: checks, into: &found)
        }
    }

    /// The visible regular files and folders directly inside `directory`, each in natural name order; links to them
    /// are followed once.
    ///
    /// - Parameters:
    ///   - root: The problem's (or the problem set's) folder, which links must not leave.
    ///   - walking: The real paths of the folders being walked, `directory`'s included, which links must not reach.
    /// - Throws: ``ProblemFormatError/notAFileOrFolder(path:found:root:)`` for any other entry (a FIFO, a device, a
    ///   socket, a link leaving `root` or making a loop), and ``ProblemFormatError/unreadable(file:reason:)`` when the
    ///   folder cannot be listed.
    static func entries(of directory: URL, root: URL, walking: [String] = []) throws -> (files: [URL], folders: [URL]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw ProblemFormatError.unreadable(file: directory.path, reason: reason(error))
        }
        var files: [URL] = []
        var folders: [URL] = []
        for name in names.sorted(by: { naturallyOrdered($0, before: $1) }) where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            switch try FileEntry.classify(url, root: root, walking: walking) {
            case .file: files.append(url)
            case .folder: folders.append(url)
            case nil: continue
            }
        }
        return (files, folders)
    }

    /// Whether `path` is a folder (following symbolic links).
    static func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Reads a UTF-8 text file, which must be a regular file.
    ///
    /// - Parameter root: The problem's folder when the file lies inside one: a link must not leave it. Nil for a
    ///   file the user names, which may be a link anywhere.
    /// - Throws: ``ProblemFormatError/unreadable(file:reason:)``, or
    ///   ``ProblemFormatError/notAFileOrFolder(path:found:root:)`` for a special file or a bad link.
    static func readText(_ url: URL, root: URL?) throws -> String {
        if let root {
            if try FileEntry.classify(url, root: root) == .folder {
                throw ProblemFormatError.unreadable(file: url.path, reason: "a folder, not a file")
            }
        } else if FileManager.default.fileExists(atPath: url.path), !FileEntry.isRegularFile(url.path) {
            throw ProblemFormatError.unreadable(
                file: url.path, reason: "\(FileEntry.kind(of: url.path)), not a regular file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ProblemFormatError.unreadable(file: url.path, reason: reason(error))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProblemFormatError.unreadable(file: url.path, reason: "not UTF-8 text")
        }
        return text
    }

    /// A short reason for a Foundation file error: the POSIX message when there is one.
    private static func reason(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let message = strerror(Int32(underlying.code))
        {
            return String(cString: message)
        }
        return error.localizedDescription
    }
}

/// Natural order of names: runs of digits compare as numbers, so `2` sorts before `10` and `group2` before `group10`.
func naturallyOrdered(_ lhs: String, before rhs: String) -> Bool {
    var left = lhs.unicodeScalars[...]
    var right = rhs.unicodeScalars[...]
    while let l = left.first, let r = right.first {
        let lDigits = l.properties.numericType == .decimal && l.isASCII
        let rDigits = r.properties.numericType == .decimal && r.isASCII
        if lDigits && rDigits {
            let lRun = left.prefix { $0.isASCII && $0.properties.numericType == .decimal }
            let rRun = right.prefix { $0.isASCII && $0.properties.numericType == .decimal }
            let lNumber = lRun.drop { $0 == "0" }
            let rNumber = rRun.drop { $0 == "0" }
            if lNumber.count != rNumber.count { return lNumber.count < rNumber.count }
            if !lNumber.elementsEqual(rNumber) { return lNumber.lexicographicallyPrecedes(rNumber) }
            left = left.dropFirst(lRun.count)
            right = right.dropFirst(rRun.count)
        } else {
            if l != r { return l.value < r.value }
            left = left.dropFirst()
            right = right.dropFirst()
        }
    }
    if left.isEmpty != right.isEmpty { return left.isEmpty }
    return lhs < rhs
}

/// Natural order of paths, component by component.
func naturallyOrdered(_ lhs: [String], before rhs: [String]) -> Bool {
    for (l, r) in zip(lhs, rhs) where l != r {
        return naturallyOrdered(l, before: r)
    }
    return lhs.count < rhs.count
}
