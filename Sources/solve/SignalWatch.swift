import Foundation

/// SIGINT, SIGTERM and SIGHUP delivered to a closure by Dispatch signal sources: it runs on a Dispatch queue as
/// ordinary Swift, not in a signal handler. The signals' default actions come back with `cancel()`.
final class SignalWatch: @unchecked Sendable {  // `sources` is set once in `init` and only read afterwards
    static let stopSignals = [SIGINT, SIGTERM, SIGHUP]

    private let signals: [Int32]
    private let sources: [DispatchSourceSignal]

    /// Starts watching; `onSignal` gets the signal's number, once per delivery.
    init(_ signals: [Int32] = SignalWatch.stopSignals, onSignal: @escaping @Sendable (Int32) -> Void) {
        self.signals = signals
        sources = signals.map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { onSignal(signalNumber) }
            source.resume()
            return source
        }
    }

    /// Stops watching and restores the default actions.
    func cancel() {
        for source in sources { source.cancel() }
        for signalNumber in signals { signal(signalNumber, SIG_DFL) }
    }
}

/// How `solve PROBLEM` and `solve eval` stop on Ctrl-C, SIGTERM or SIGHUP: at once, after the clean-ups the command
/// registered while it ran (stop the local server, release a run's lease, in the order registered) and a farewell
/// ("stopped", or how to resume), with exit code 128 + the signal. What runs is held here, under `lock`, and
/// reached only through the closure given to the signal sources: nothing global.
final class SignalExit: @unchecked Sendable {  // `cleanups` and `farewell` are guarded by `lock`
    private let lock = NSLock()
    private var cleanups: [@Sendable () -> Void] = []
    private var farewell: @Sendable () -> Void = {
        FileHandle.standardError.write(Data("\nstopped\n".utf8))
    }

    /// Runs `body` with the signals watched; they are let go when it returns or throws.
    static func watching<T>(_ body: (SignalExit) async throws -> T) async throws -> T {
        let exit = SignalExit()
        let watch = SignalWatch { exit.stop(signal: $0) }
        defer { watch.cancel() }
        return try await body(exit)
    }

    /// Adds a clean-up to run before exiting on a signal.
    func onSignal(_ cleanup: @escaping @Sendable () -> Void) {
        lock.withLock { cleanups.append(cleanup) }
    }

    /// Replaces what is said on the way out (by default "stopped").
    func sayOnSignal(_ farewell: @escaping @Sendable () -> Void) {
        lock.withLock { self.farewell = farewell }
    }

    private func stop(signal: Int32) -> Never {
        let (cleanups, farewell) = lock.withLock { (self.cleanups, self.farewell) }
        for cleanup in cleanups { cleanup() }
        farewell()
        exit(128 + signal)
    }
}
