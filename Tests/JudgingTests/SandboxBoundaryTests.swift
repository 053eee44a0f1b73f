import CSandbox
import Foundation
import TestSupport
import Testing

@testable import Judging

/// CSandbox's one convention (0 or a positive errno, results through out-parameters) and the typed errors the Swift
/// side turns its failures into.
@Suite("C/Swift boundary of the sandbox", .serialized)
struct SandboxBoundaryTests {
    @Test("a failing CSandbox function returns a positive errno, never -1 or a negated errno")
    func failuresArePositiveErrnos() {
        #expect(csandbox_capture_reset(-1) == EBADF)
        #expect(csandbox_input_load(-1, -1, -1, nil, 0) == EBADF)
        // A path the kernel refuses (not one that is missing: those are skipped).
        var ruleset: Int32 = 7
        let tooLong = "/" + String(repeating: "a", count: 5000)
        let status = withCStrings([tooLong]) { read in
            withCStrings([]) { write in csandbox_landlock_create(read, 1, write, 0, &ruleset) }
        }
        #expect(status == (csandbox_landlock_abi() > 0 ? ENAMETOOLONG : ENOSYS))
        #expect(ruleset == -1)
    }

    @Test("a slot comes back through its out-parameter with status 0")
    func slotThroughOutParameter() throws {
        var options = csandbox_slot_options(claim: 0, drop_uid: 0, uid_base: 0, use_cgroups: 0, view: nil)
        var slot: OpaquePointer?
        var step: UnsafePointer<CChar>?
        var viewError: Int32 = -1
        var viewStep: UnsafePointer<CChar>?
        #expect(csandbox_slot_create(&options, &slot, &step, &viewError, &viewStep) == 0)
        #expect(step == nil && viewError == 0 && viewStep == nil)
        let made = try #require(slot)
        #expect(csandbox_slot_protections(made) & UInt32(CSANDBOX_PROTECT_SECCOMP) != 0)
        csandbox_slot_destroy(made)
    }

    @Test("a run the sandbox cannot set up is a typed error naming the step")
    func runFailureNamesTheStep() async throws {
        let folder = try Fixtures.temporaryDirectory(prefix: "boundary")
        defer { try? FileManager.default.removeItem(at: folder) }
        let capture = folder.appendingPathComponent("capture")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: false)
        chmod(capture.path, 0o700)
        let slot = try SandboxSlot(ownUID: false, view: nil, captureDirectory: capture)
        let request = SandboxRequest(
            arguments: ["/" + String(repeating: "x", count: 5000)], environment: [:], workingDirectory: folder,
            stdin: .empty, profile: .native, readablePaths: [], cpuLimitMilliseconds: 1000,
            wallLimitMilliseconds: 2000, memoryLimitBytes: 0, addressSpaceBytes: 0, stackBytes: 0,
            outputLimitBytes: 1 << 20, maxTasks: 1)
        await #expect(throws: JudgingError.sandboxUnavailable(step: "executable path", errno: ENAMETOOLONG)) {
            try await slot.run(request)
        }
        #expect(throws: JudgingError.sandboxUnavailable(step: "executable path", errno: ENAMETOOLONG)) {
            try slot.runBlocking(request)
        }
    }
}
