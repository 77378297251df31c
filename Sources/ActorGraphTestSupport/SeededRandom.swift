import ActorGraph

/// The tests' seeded generator: ``SyntheticRandom`` (stable on every platform and toolchain) with the draws tests
/// ask for, so every random test graph can be rebuilt from its seed. No draw goes through `Int.random(in:using:)`,
/// whose algorithm the standard library does not promise to keep.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var source: SyntheticRandom

    public init(seed: UInt64) { source = SyntheticRandom(seed: seed) }

    public mutating func next() -> UInt64 { source.next() }

    /// A uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + source.below(range.count) }

    /// A uniform position below `bound` (`bound > 0`).
    public mutating func below(_ bound: Int) -> Int { source.below(bound) }

    /// `true` with probability `probability`: 53 random bits as a fraction of one.
    public mutating func chance(_ probability: Double) -> Bool {
        Double(source.next() >> 11) * 0x1p-53 < probability
    }

    /// One element of a non-empty collection.
    public mutating func element<C: RandomAccessCollection>(of collection: C) -> C.Element where C.Index == Int {
        collection[collection.startIndex + below(collection.count)]
    }
}

/// An error thrown by a property test's body, with the seed that produced it.
public struct SeedFailure: Error, CustomStringConvertible {
    public let seed: UInt64
    public let error: any Error
    public var description: String { "seed \(seed): \(error)" }
}

/// Runs `body` once per seed, the loop of every property test; an error thrown for a seed stops the loop and is
/// rethrown as a ``SeedFailure`` naming the seed, so the failing case can be rebuilt.
public func forEachSeed(_ seeds: Range<UInt64>, _ body: (UInt64) throws -> Void) throws {
    for seed in seeds {
        do { try body(seed) } catch { throw SeedFailure(seed: seed, error: error) }
    }
}
