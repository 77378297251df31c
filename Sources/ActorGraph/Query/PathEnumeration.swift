/// The paths between two actors in a GQL path mode, by increasing length, produced lazily.
///
/// Iterative deepening: for each length from the shortest distance up to `maxLength`, a depth-first search lists
/// the paths of exactly that length. Distances to the target (a BFS bounded by `maxLength`) prune every branch
/// that cannot arrive in time, so the search never wanders far from an answer. Each path's hops hold every
/// parallel relation the view allows.
///
/// - Complexity: O(actors + relations) to start, then for each length L time proportional to the partial paths
///   that can still reach the target in L hops.
public struct PathEnumeration<View: Traversable>: Sequence {
    public let view: View
    public let from: ActorIndex
    public let to: ActorIndex
    public let mode: PathMode
    public let minLength: Int
    public let maxLength: Int
    /// Stops the listing at its next check (every 1,024 steps of the search) once raised.
    public var stop: StopSignal? = nil

    public func makeIterator() -> Iterator { Iterator(self) }

    public struct Iterator: IteratorProtocol {
        private let view: View
        private let target: ActorIndex
        private let mode: PathMode
        private let maxLength: Int
        /// Hops from each actor to the target (only actors within `maxLength`).
        private let distanceToTarget: [ActorIndex: Int]
        private let origin: ActorIndex
        private var length: Int
        private var exhausted: Bool
        private var frames: [Frame] = []
        private var onPath: Set<ActorIndex> = []
        private var usedLinks: [UInt64] = []
        private let stop: StopSignal?
        private var steps = 0
        /// `true` when the listing ended because its ``StopSignal`` was raised, not because every path was listed.
        public private(set) var wasStopped = false

        private struct Frame {
            let actor: ActorIndex
            var candidates: [ActorIndex]
            var next = 0
        }

        init(_ enumeration: PathEnumeration<View>) {
            view = enumeration.view
            target = enumeration.to
            origin = enumeration.from
            mode = enumeration.mode
            maxLength = enumeration.maxLength
            stop = enumeration.stop
            // Backward BFS from the target, bounded by maxLength.
            var distances: [ActorIndex: Int] = [enumeration.to: 0]
            var frontier = [enumeration.to]
            var depth = 0
            while !frontier.isEmpty && depth < enumeration.maxLength {
                depth += 1
                var next: [ActorIndex] = []
                for actor in frontier {
                    enumeration.view.forEachStep(into: actor) { neighbor, _ in
                        if distances[neighbor] == nil {
                            distances[neighbor] = depth
                            next.append(neighbor)
                        }
                    }
                }
                frontier = next
            }
            distanceToTarget = distances
            if let shortest = distances[enumeration.from] {
                length = Swift.max(enumeration.minLength, shortest)
                exhausted = length > maxLength
            } else {
                length = 0
                exhausted = true
            }
            if !exhausted { push(origin) }
        }

        private static func linkKey(_ a: ActorIndex, _ b: ActorIndex) -> UInt64 {
            let (low, high) = a < b ? (a, b) : (b, a)
            return UInt64(low.rawValue) << 32 | UInt64(high.rawValue)
        }

        private mutating func push(_ actor: ActorIndex) {
            let depth = frames.count  // hops taken to reach `actor`
            if let previous = frames.last { usedLinks.append(Self.linkKey(previous.actor, actor)) }
            if mode == .acyclic { onPath.insert(actor) }
            var candidates: [ActorIndex] = []
            let remaining = length - depth
            if remaining > 0 {
                for neighbor in view.successors(of: actor) {
                    guard let distance = distanceToTarget[neighbor], distance <= remaining - 1 else { continue }
                    switch mode {
                    case .acyclic:
                        if onPath.contains(neighbor) || (neighbor == target && remaining > 1) { continue }
                    case .trail:
                        if usedLinks.contains(Self.linkKey(actor, neighbor)) { continue }
                    case .walk:
                        break
                    }
                    candidates.append(neighbor)
                }
            }
            frames.append(Frame(actor: actor, candidates: candidates))
        }

        private mutating func pop() {
            let frame = frames.removeLast()
            if mode == .acyclic { onPath.remove(frame.actor) }
            if !frames.isEmpty { usedLinks.removeLast() }
        }

        public mutating func next() -> Path? {
            while !exhausted {
                steps &+= 1
                if steps & 1023 == 0, let stop, stop.isRaised {
                    wasStopped = true
                    exhausted = true
                    return nil
                }
                if frames.isEmpty {
                    // Every path of this length is listed: go one longer.
                    if length >= maxLength {
                        exhausted = true
                        return nil
                    }
                    length += 1
                    push(origin)
                }
                // Pruning lets only the target stand at full length.
                if frames.count == length + 1 {
                    let actors = frames.map(\.actor)
                    pop()
                    if let path = view.path(through: actors) { return path }
                    continue
                }
                let top = frames.count - 1
                if frames[top].next < frames[top].candidates.count {
                    let neighbor = frames[top].candidates[frames[top].next]
                    frames[top].next += 1
                    push(neighbor)
                } else {
                    pop()
                }
            }
            return nil
        }
    }
}
