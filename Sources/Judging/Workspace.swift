import Foundation

/// A temporary tree for one judge process: work directories (under ``workRoot``, the one tree of it that sandboxed
/// programs can see) and private folders beside it (capture files, inline tests, checker feedback).
/// Removed when released. Directory creation is atomic, so one workspace serves concurrent judges.
public final class Workspace: Sendable {
    public let root: URL
    /// Where work directories live: the only part of the workspace a program's file-system view shows.
    public let workRoot: URL
    private let counter = Counter()

    /// Creates `/tmp/solve-XXXXXX` (or under `TMPDIR`), traversable by sandbox uids but not listable.
    /// - Throws: `JudgingError.workspace`.
    public init() throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/solve-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw JudgingError.workspace(path: base, reason: String(cString: strerror(errno)))
        }
        root = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        chmod(root.path, 0o711)
        workRoot = root.appendingPathComponent("work", isDirectory: true)
        guard mkdir(workRoot.path, 0o711) == 0 else {
            throw JudgingError.workspace(path: workRoot.path, reason: String(cString: strerror(errno)))
        }
        chmod(workRoot.path, 0o711)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// A fresh work directory readable by every uid (programs run there).
    public func makeDirectory(_ prefix: String) throws -> URL {
        try make("\(prefix)-\(counter.next())", in: workRoot, mode: 0o755)
    }

    /// A directory only the judge can open, outside every program's view (capture files, checker feedback).
    func makePrivateDirectory(_ name: String) throws -> URL {
        try make(name, in: root, mode: 0o700)
    }

    private func make(_ name: String, in parent: URL, mode: mode_t) throws -> URL {
        let url = parent.appendingPathComponent(name, isDirectory: true)
        guard mkdir(url.path, mode) == 0 || errno == EEXIST else {
            throw JudgingError.workspace(path: url.path, reason: String(cString: strerror(errno)))
        }
        chmod(url.path, mode)
        return url
    }

    /// Gives `url` and everything below it to `uid` (so a compiler running as that uid can write there).
    func chown(_ url: URL, to uid: uid_t?) {
        let owner = uid ?? getuid()
        let group = uid.map { gid_t($0) } ?? getgid()
        Glibc.chown(url.path, owner, group)
        if let items = FileManager.default.enumerator(atPath: url.path) {
            for case let item as String in items {
                Glibc.lchown(url.appendingPathComponent(item).path, owner, group)
            }
        }
    }
}

/// A thread-safe counter (an `NSLock` guards `value`).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
