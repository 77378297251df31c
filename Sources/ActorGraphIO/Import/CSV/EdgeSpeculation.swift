import ActorGraph
import Dispatch

/// The second half of an edge list, read on another thread while the first half is read as usual: plain rows
/// only, against a copy of the import state taken at the split, stopping at the first row that is not plain (or
/// the end). Actors and dates it meets that the copy lacks are numbered after the copy's, and renumbered when
/// the rows are adopted; everything from `stop` on is read again by the usual loop.
final class EdgeSpeculation: @unchecked Sendable {
    // Safety: `state` and `reader` are touched by the worker only between `run()` and the end of `wait()`, and by
    // the caller only after `wait()`; `bytes` outlives both (the caller waits before returning).
    var state: CSVImportState
    private let reader: FastEdgeReader
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the speculation starts (a line start) and where it stopped.
    let start: Int
    private(set) var stop: Int
    private(set) var rowsRead = 0
    /// Actors and dates of the copy: later ones are the speculation's own.
    let actorBase: Int
    let dateBase: Int
    private let group = DispatchGroup()

    init(state: CSVImportState, reader: FastEdgeReader, bytes: UnsafeBufferPointer<UInt8>, start: Int) {
        self.state = state
        self.reader = reader
        self.bytes = bytes
        self.start = start
        self.stop = start
        actorBase = state.actorIDs.count
        dateBase = state.dateTexts.count
    }

    func run() {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { self.read() }
    }

    func wait() { group.wait() }

    private func read() {
        var position = start
        var count = 0
        while position < bytes.count, let next = reader.readRow(bytes, at: position, state: &state) {
            position = next
            count += 1
        }
        stop = position
        rowsRead = count
    }
}

extension CSVImportState {
    /// Starts reading the second half of `bytes[position...]` on another thread, from the line start after its
    /// middle, with a copy of this state: ``EdgeSpeculation``. `nil` when there is too little left to gain.
    func speculate(
        _ bytes: UnsafeBufferPointer<UInt8>, from position: Int, columns: EdgeColumns?
    ) -> EdgeSpeculation? {
        let remaining = bytes.count - position
        guard remaining >= options.parallelMinimumBytes, remaining >= 2, let columns,
            let reader = FastEdgeReader(columns: columns, separator: options.separator)
        else { return nil }
        var start = position + remaining / 2
        while start < bytes.count, bytes[start] != 0x0A { start += 1 }
        start += 1
        guard start < bytes.count else { return nil }
        // The copy shares the interners (copied on first write by either side) but not the growing columns,
        // which are emptied here, before the other thread starts, so neither side copies them.
        var copy = self
        copy.relationSource = []
        copy.relationTarget = []
        copy.relationType = []
        copy.relationDate = []
        copy.relationDetails = []
        copy.actors = []
        copy.actorLines = []
        copy.distinctDates = []
        copy.problems = []
        copy.explicitIDs = [:]
        let expected = Int(Double(relationSource.capacity) * Double(bytes.count - start) / Double(bytes.count))
        copy.relationSource.reserveCapacity(expected)
        copy.relationTarget.reserveCapacity(expected)
        copy.relationType.reserveCapacity(expected)
        copy.relationDate.reserveCapacity(expected)
        let speculation = EdgeSpeculation(state: copy, reader: reader, bytes: bytes, start: start)
        speculation.run()
        return speculation
    }

    /// Appends the rows a finished speculation read, as if read here: its new actors and dates are looked up
    /// again (this side may have met them first) and added in the order it met them.
    mutating func adopt(_ speculation: EdgeSpeculation) {
        let other = speculation.state
        let actorBase = speculation.actorBase
        let dateBase = speculation.dateBase
        var actorMap: [UInt32] = []
        actorMap.reserveCapacity(other.actors.count)
        for (offset, actor) in other.actors.enumerated() {
            let index = other.actorIDs.withKey(actorBase + offset) { key in
                if let known = actorIDs.find(key) { return known }
                actors.append(actor)
                actorLines.append(nil)
                return actorIDs.insert(key)
            }
            actorMap.append(UInt32(index))
        }
        var dateMap: [Int32] = []
        dateMap.reserveCapacity(other.distinctDates.count)
        for (offset, date) in other.distinctDates.enumerated() {
            dateMap.append(other.dateTexts.withKey(dateBase + offset) { dateIndex($0, date) })
        }
        let base = UInt32(actorBase)
        func actor(_ index: ActorIndex) -> ActorIndex {
            index.rawValue < base ? index : ActorIndex(actorMap[Int(index.rawValue - base)])
        }
        relationSource.append(contentsOf: other.relationSource.lazy.map(actor))
        relationTarget.append(contentsOf: other.relationTarget.lazy.map(actor))
        relationType.append(contentsOf: other.relationType)
        let firstNewDate = Int32(dateBase)
        relationDate.append(
            contentsOf: other.relationDate.lazy.map { $0 < firstNewDate ? $0 : dateMap[Int($0 - firstNewDate)] })
    }
}
