import Synchronization

/// A counting semaphore for tasks: at most `permits` holders at once, the others waiting their turn in the order
/// they came. A permit handed back goes straight to the longest waiter, so no newcomer overtakes it. A waiting task
/// keeps waiting when cancelled, as a thread blocked on a semaphore would.
public final class AsyncSemaphore: Sendable {
    private struct State {
        var permits: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    /// - Parameter permits: how many holders there may be at once.
    public init(permits: Int) {
        state = Mutex(State(permits: permits))
    }

    /// Takes a permit, first waiting for one to be handed back when none is free. Runs on the caller's actor.
    public func wait(isolation: isolated (any Actor)? = #isolation) async {
        if take(orQueue: nil) { return }
        await withCheckedContinuation(isolation: isolation) { continuation in
            if take(orQueue: continuation) { continuation.resume() }
        }
    }

    /// How many tasks wait for a permit now.
    var waiting: Int { state.withLock { $0.waiters.count } }

    /// Hands a permit back, to the longest waiter if there is one.
    public func signal() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.permits += 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }

    /// Takes a free permit, or else queues `waiter` (when given) for the next one handed back.
    private func take(orQueue waiter: CheckedContinuation<Void, Never>?) -> Bool {
        state.withLock { state in
            if state.permits > 0 {
                state.permits -= 1
                return true
            }
            if let waiter { state.waiters.append(waiter) }
            return false
        }
    }
}
