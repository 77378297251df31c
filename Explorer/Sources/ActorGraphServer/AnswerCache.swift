import Synchronization

/// Answers kept by key: at most `capacity` of them and `byteBudget` bytes in all; the oldest stored goes first when
/// either is full, and an answer larger than the budget is not kept. The graph never changes while the server runs,
/// so a kept answer never goes stale.
final class AnswerCache: Sendable {
    private struct State {
        var values: [String: [UInt8]] = [:]
        /// Keys in the order they were stored, from `head` on.
        var order: [String] = []
        var head = 0
        var bytes = 0
    }

    let capacity: Int
    let byteBudget: Int
    private let state = Mutex(State())

    init(capacity: Int, byteBudget: Int) {
        self.capacity = max(1, capacity)
        self.byteBudget = max(0, byteBudget)
    }

    subscript(key: String) -> [UInt8]? {
        state.withLock { $0.values[key] }
    }

    var count: Int { state.withLock { $0.values.count } }
    var bytes: Int { state.withLock { $0.bytes } }

    func store(_ value: [UInt8], for key: String) {
        guard value.count <= byteBudget else { return }
        state.withLock { state in
            if let old = state.values.updateValue(value, forKey: key) {
                state.bytes -= old.count
            } else {
                state.order.append(key)
            }
            state.bytes += value.count
            while state.values.count > capacity || state.bytes > byteBudget {
                let oldest = state.order[state.head]
                state.head += 1
                if let dropped = state.values.removeValue(forKey: oldest) { state.bytes -= dropped.count }
            }
            if state.head > 0, state.head * 2 >= state.order.count {
                state.order.removeFirst(state.head)
                state.head = 0
            }
        }
    }
}
