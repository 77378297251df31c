import ActorGraphTestSupport
import Testing

@testable import ActorGraphIO

@Suite("Byte interner")
struct ByteInternerTests {
    /// Keys that differ only past their first eight bytes, only in length, or by trailing zero bytes (the slot's
    /// zero-padded prefix must not confuse them), and enough of them to grow the table several times: every key finds
    /// the value it was given, and no absent key is found.
    @Test func findsEveryKeyAndNoOther() {
        var random = SeededRandom(seed: 11)
        var keys: [[UInt8]] = [[], [0], [0, 0], [97], [97, 0], Array("abcdefgh".utf8), Array("abcdefgh\0".utf8)]
        keys += (0..<3_000).map { _ in
            let length = random.int(0...20)
            // A small alphabet and a shared start make equal prefixes and hash-slot collisions common.
            return Array("abcdefgh".utf8.prefix(min(length, random.int(0...8))))
                + (0..<max(0, length - 8)).map { _ in UInt8(random.int(0...3)) }
        }
        // Short keys with zero-extended twins ("ab", "ab\0", "ab\0\0"): equal zero-padded prefixes, told apart only
        // by their lengths; with thousands of them some probe sequences pass through a twin's slot.
        for _ in 0..<2_000 {
            let short = (0..<random.int(0...5)).map { _ in UInt8(random.int(97...100)) }
            keys += [short, short + [0], short + [0, 0]]
        }
        var interner = ByteInterner(capacity: 4)
        var oracle: [[UInt8]: Int] = [:]
        for key in keys {
            let found = key.withUnsafeBufferPointer { interner.find($0) }
            #expect(found == oracle[key], "key \(key)")
            if found == nil {
                let value = key.withUnsafeBufferPointer { interner.insert($0) }
                #expect(value == oracle.count)
                oracle[key] = value
            }
        }
        #expect(interner.count == oracle.count)
        for (key, value) in oracle {
            #expect(key.withUnsafeBufferPointer { interner.find($0) } == value, "key \(key)")
            #expect(interner.withKey(value) { Array($0) } == key)
        }
        for absent in [Array("abcdefgh\0\0".utf8), [0, 0, 0], Array("zzzzzzzzzz".utf8)] where oracle[absent] == nil {
            #expect(absent.withUnsafeBufferPointer { interner.find($0) } == nil)
        }
    }
}
