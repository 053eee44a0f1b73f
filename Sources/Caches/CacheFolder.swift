import Foundation

/// The one folder `solve` keeps built things in: precompiled headers (`pch/`) and the local model server
/// (`local/`), shared by every process and by `Scripts/install-local-model`.
public enum CacheFolder {
    /// `SOLVE_CACHE_DIR`, else `/var/cache/solve` for root (sandbox uids cannot enter /root), else
    /// `$XDG_CACHE_HOME/solve` or `~/.cache/solve`.
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["SOLVE_CACHE_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if geteuid() == 0 { return URL(fileURLWithPath: "/var/cache/solve") }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("solve")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/solve")
    }
}
