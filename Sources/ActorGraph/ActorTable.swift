/// A graph's actors, by ``ActorIndex`` position: held as records (a graph built by a ``GraphBuilder``) or made on
/// demand by a reader of a saved graph that checked them all when it loaded them, so that a query naming two actors
/// of a million makes two records instead of a million. Each actor's kind is kept as a column either way, because
/// filters read it on every step of a search.
public struct ActorTable: RandomAccessCollection, Equatable, Sendable {
    /// Makes the record of the actor at a position; must not fail for any position below `count`.
    package typealias Maker = @Sendable (Int) -> ActorRecord

    private enum Storage: Sendable {
        case records([ActorRecord])
        case made(count: Int, maker: Maker)
    }

    private let storage: Storage
    /// Each actor's kind, by position.
    package let kinds: [ActorKind]

    init(_ records: [ActorRecord]) {
        storage = .records(records)
        kinds = records.map(\.kind)
    }

    /// `kinds.count` actors, each made by `maker` when it is read.
    package init(kinds: [ActorKind], maker: @escaping Maker) {
        storage = .made(count: kinds.count, maker: maker)
        self.kinds = kinds
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { kinds.count }

    public subscript(position: Int) -> ActorRecord {
        switch storage {
        case .records(let records): return records[position]
        case .made(let count, let maker):
            precondition(position >= 0 && position < count, "actor position out of range")
            return maker(position)
        }
    }

    public static func == (lhs: ActorTable, rhs: ActorTable) -> Bool { lhs.elementsEqual(rhs) }
}
