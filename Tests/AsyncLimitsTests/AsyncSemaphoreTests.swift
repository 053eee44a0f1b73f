import Synchronization
import Testing

@testable import AsyncLimits

@Suite struct AsyncSemaphoreTests {
    /// How many tasks hold a permit now, and the most that ever did.
    final class Holders: Sendable {
        private let counts = Mutex((now: 0, most: 0))

        var most: Int { counts.withLock { $0.most } }

        func enter() {
            counts.withLock { counts in
                counts.now += 1
                counts.most = max(counts.most, counts.now)
            }
        }

        func leave() {
            counts.withLock { $0.now -= 1 }
        }
    }

    /// The order in which tasks got their permits.
    final class Order: Sendable {
        private let list = Mutex<[Int]>([])

        var numbers: [Int] { list.withLock { $0 } }

        func append(_ number: Int) {
            list.withLock { $0.append(number) }
        }
    }

    @Test("never more holders than permits, and every task gets its turn", arguments: [1, 3])
    func boundsHolders(permits: Int) async {
        let semaphore = AsyncSemaphore(permits: permits)
        let holders = Holders()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await semaphore.wait()
                    holders.enter()
                    try? await Task.sleep(for: .milliseconds(2))
                    holders.leave()
                    semaphore.signal()
                }
            }
        }
        #expect(holders.most == permits)
    }

    @Test("a permit handed back goes to the longest waiter")
    func firstComeFirstServed() async {
        let semaphore = AsyncSemaphore(permits: 1)
        await semaphore.wait()
        let order = Order()
        var waiters: [Task<Void, Never>] = []
        for number in 0..<5 {
            waiters.append(
                Task {
                    await semaphore.wait()
                    order.append(number)
                    semaphore.signal()
                })
            // Each waiter queues before the next one starts.
            while semaphore.waiting < number + 1 { await Task.yield() }
        }
        semaphore.signal()
        for waiter in waiters { await waiter.value }
        #expect(order.numbers == [0, 1, 2, 3, 4])
    }
}
