extension RelationGraph {
    /// How many relations cite no source (sketches, or bulk data without details), counted over the details side
    /// table only: each relation with details has its own slot, every other relation is unsourced.
    ///
    /// - Complexity: O(relations with details).
    public var unsourcedCount: Int {
        relationCount - details.reduce(0) { $0 + ($1.citations.isEmpty ? 0 : 1) }
    }
}
