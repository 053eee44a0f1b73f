import AsyncLimits
import Foundation

/// Hands out sandbox slots, one per concurrent run, creating them on first use.
public actor SandboxPool {
    /// Whether programs run as a separate unprivileged uid (root) or as the judge's user.
    public enum Isolation: Sendable {
        /// One unprivileged uid per slot when the judge is root; the judge's uid otherwise.
        case unprivilegedWhenRoot
        /// Always the judge's uid (checkers and other trusted tools that read the problem's files).
        case judgeUser
    }

    /// One permit per slot there may be: a run holds one from `acquire` to `release`.
    private let permits: AsyncSemaphore
    private let isolation: Isolation
    private let workspace: Workspace
    /// Slots made and free; a run holding a permit finds one here or makes one.
    private var idle: [SandboxSlot] = []
    private let poolName: String
    /// The private view of untrusted programs' slots (nil for trusted tools, which see the judge's tree).
    private let view: SandboxView?

    /// - Parameters:
    ///   - capacity: the most slots (concurrent runs).
    ///   - isolation: which uid programs run as; untrusted programs' slots also get a private file-system view.
    ///   - workspace: where capture files live; its work folder is the one writable tree of the view.
    ///   - visiblePaths: trees besides the system's that the view shows read-only (the precompiled headers).
    public init(capacity: Int, isolation: Isolation, workspace: Workspace, visiblePaths: [String] = []) {
        permits = AsyncSemaphore(permits: max(1, capacity))
        self.isolation = isolation
        self.workspace = workspace
        poolName = isolation == .judgeUser ? "tool" : "run"
        view =
            isolation == .unprivilegedWhenRoot
            ? SandboxView(readable: visiblePaths, writable: [workspace.workRoot.path]) : nil
    }

    /// Runs `body` with a slot of its own and gives the slot back afterwards.
    public func withSlot<T: Sendable>(_ body: @Sendable (SandboxSlot) async throws -> T) async throws -> T {
        let slot = try await acquire()
        do {
            let value = try await body(slot)
            release(slot)
            return value
        } catch {
            release(slot)
            throw error
        }
    }

    /// The protections a slot of this pool enforces (creates one slot if none exists yet).
    public func protections() async throws -> SandboxProtections {
        try await withSlot { $0.protections }
    }

    private func acquire() async throws -> SandboxSlot {
        await permits.wait()
        if let slot = idle.popLast() { return slot }
        do {
            return try makeSlot(index: SandboxPool.slotNumbers.next())
        } catch {
            permits.signal()
            throw error
        }
    }

    private func release(_ slot: SandboxSlot) {
        idle.append(slot)
        permits.signal()
    }

    private func makeSlot(index: Int) throws -> SandboxSlot {
        let capture = try workspace.makePrivateDirectory("\(poolName)-slot-\(index)")
        return try SandboxSlot(ownUID: isolation == .unprivilegedWhenRoot, view: view, captureDirectory: capture)
    }

    /// First uid of the range slots run as: 1,000,000 + the slot number the judge claimed on this host.
    static let uidBase = 1_000_000
    /// Numbers slots across every pool of the process, for their capture folders' names.
    static let slotNumbers = Counter()
}
