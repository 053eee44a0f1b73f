import CSandbox
import Foundation

/// Which protections a slot enforces, for the one line `solve judge` prints about them.
public struct SandboxProtections: Sendable, Hashable, Codable {
    public var seccomp: Bool
    public var landlockABI: Int
    public var landlockNetwork: Bool
    public var landlockSignalScope: Bool
    /// The uid programs run as, when it differs from the judge's.
    public var uid: UInt32?
    public var memoryCgroup: Bool
    public var pidsCgroup: Bool
    /// Programs run in a private file-system view: only system folders and the work folder exist for them.
    public var privateView: Bool
    /// Why the private view could not be made, when it was asked for.
    public var viewFailure: String?

    init(bits: UInt32, uid: uid_t?, viewFailure: String?) {
        seccomp = bits & UInt32(CSANDBOX_PROTECT_SECCOMP) != 0
        landlockABI = bits & UInt32(CSANDBOX_PROTECT_LANDLOCK) != 0 ? Int(csandbox_landlock_abi()) : 0
        landlockNetwork = bits & UInt32(CSANDBOX_PROTECT_LANDLOCK_NET) != 0
        landlockSignalScope = bits & UInt32(CSANDBOX_PROTECT_LANDLOCK_SIGNAL_SCOPE) != 0
        self.uid = bits & UInt32(CSANDBOX_PROTECT_UID) != 0 ? uid : nil
        memoryCgroup = bits & UInt32(CSANDBOX_PROTECT_CGROUP_MEMORY) != 0
        pidsCgroup = bits & UInt32(CSANDBOX_PROTECT_CGROUP_PIDS) != 0
        privateView = bits & UInt32(CSANDBOX_PROTECT_VIEW) != 0
        self.viewFailure = viewFailure
    }

    /// One entry per active protection, e.g. `seccomp allow-list`, `Landlock ABI 7 (files, TCP, signals)`.
    public var active: [String] {
        var list = ["seccomp (per-language allow-list, SV names the call)", "rlimits (CPU, stack, file size, files)"]
        if landlockABI > 0 {
            var scope = ["files"]
            if landlockNetwork { scope.append("TCP") }
            if landlockSignalScope { scope.append("signals") }
            list.append("Landlock ABI \(landlockABI) (\(scope.joined(separator: ", ")))")
        }
        if privateView { list.append("private file-system view (system folders and the work folder only)") }
        if let uid { list.append("unprivileged uid \(uid) (RLIMIT_NPROC caps its tasks)") }
        if memoryCgroup { list.append("memory cgroup (exact peak, OOM → MLE)") }
        if pidsCgroup { list.append("pids cgroup") }
        return list
    }

    /// What is missing compared with running as root on a Landlock kernel.
    public var missing: [String] {
        var list: [String] = []
        if landlockABI == 0 { list.append("Landlock (the program can read any file its uid can)") }
        if let viewFailure {
            list.append("private file-system view (\(viewFailure)): a program can stat paths outside its folder")
        }
        if uid == nil { list.append("uid drop (needs root)") }
        if !memoryCgroup { list.append("memory cgroup (peak memory from ru_maxrss, includes judge pages)") }
        if !pidsCgroup && uid == nil { list.append("task cap (threads bounded only by the address-space limit)") }
        return list
    }

    /// `sandbox: …; missing: …`.
    public var summary: String {
        var text = "sandbox: " + active.joined(separator: ", ")
        if !missing.isEmpty { text += "; not active: " + missing.joined(separator: ", ") }
        return text
    }
}
