/// A fixed-length, read-only column of plain values: one of ``RelationGraph``'s arrays. Its elements live either in
/// a Swift array the process built (``GraphBuilder``) or in memory a reader of a saved graph owns, such as a
/// memory-mapped snapshot, used in place without a copy (``ColumnMemory``).
///
/// Values in such memory were written by another process and may change under a mapping, so the graph never
/// trusts them as indices: every value it uses as an index is clamped into range where it is read (see
/// ``RelationGraph``'s accessors). Positions into the column itself are checked as an array's are.
package struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// Where the elements start; valid while `owner` lives and never written through.
    private let base: UnsafePointer<Element>?
    package let count: Int
    /// Keeps the elements alive: the array's storage, or the reader's memory.
    private let owner: AnyObject?

    package init() {
        (base, count, owner) = (nil, 0, nil)
    }

    /// The array's elements, without a copy.
    ///
    /// The array is held, never mutated, by an object only this column references, so its buffer is never
    /// reallocated or freed while the column lives, and the address `withUnsafeBufferPointer` gives stays valid
    /// (arrays of plain values are always native and contiguous on Linux).
    package init(_ array: [Element]) {
        let box = ArrayBox(array)
        (base, count, owner) = (box.array.withUnsafeBufferPointer { $0.baseAddress }, array.count, box)
    }

    /// `count` elements at `start`, kept alive by `owner`.
    package init(start: UnsafePointer<Element>, count: Int, owner: AnyObject) {
        (base, self.count, self.owner) = (count == 0 ? nil : start, count, owner)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    @inline(__always)
    package subscript(position: Int) -> Element {
        precondition(UInt(bitPattern: position) < UInt(bitPattern: count), "column position out of range")
        return base.unsafelyUnwrapped[position]
    }

    package func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<Element>) throws -> Result
    ) rethrows -> Result? {
        try withUnsafeBufferPointer(body)
    }

    /// The elements as a buffer, valid only inside `body`.
    package func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result)
        rethrows -> Result
    {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }
}

extension Column: Equatable where Element: Equatable {
    package static func == (lhs: Column, rhs: Column) -> Bool { lhs.elementsEqual(rhs) }
}

extension Column: ExpressibleByArrayLiteral {
    package init(arrayLiteral elements: Element...) { self.init(elements) }
}

private final class ArrayBox<Element>: @unchecked Sendable {
    let array: [Element]
    init(_ array: [Element]) { self.array = array }
}
