import Synchronization

/// Answers kept by key, at most `capacity` of them; the oldest stored goes first when it is full. The graph never
/// changes while the server runs, so a stored answer never goes stale.
final class AnswerCache<Value: Sendable>: Sendable {
    private struct State {
        var values: [String: Value] = [:]
        /// Keys in the order they were stored, from `head` on.
        var order: [String] = []
        var head = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    subscript(key: String) -> Value? {
        state.withLock { $0.values[key] }
    }

    var count: Int { state.withLock { $0.values.count } }

    func store(_ value: Value, for key: String) {
        state.withLock { state in
            guard state.values.updateValue(value, forKey: key) == nil else { return }
            state.order.append(key)
            if state.values.count > capacity {
                state.values[state.order[state.head]] = nil
                state.head += 1
            }
            if state.head >= capacity {
                state.order.removeFirst(state.head)
                state.head = 0
            }
        }
    }
}
