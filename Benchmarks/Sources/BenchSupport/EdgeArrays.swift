/// The edge list as plain arrays, the way `peers.py` holds it: actor ids by first appearance, relation endpoints
/// as actor positions, and per relation whether its type is directed, whether it is dated, and its first and last
/// possible day (`start`/`end` columns; open sides as `Int32.min` / `Int32.max`).
public struct EdgeArrays {
    public var names: [String] = []
    public var indexByName: [String: Int] = [:]
    public var source: [Int32] = []
    public var target: [Int32] = []
    public var typeDirected: [Bool] = []
    public var dated: [Bool] = []
    public var start: [Int32] = []
    public var end: [Int32] = []

    public var actorCount: Int { names.count }
    public var relationCount: Int { source.count }

    public init(_ table: CSVTable) throws {
        guard let sourceColumn = table.column("source"), let targetColumn = table.column("target"),
            let directedColumn = table.column("directed"), let dateColumn = table.column("date"),
            let startColumn = table.column("start"), let endColumn = table.column("end")
        else {
            throw CSVTable.ReadError(description: "the CSV needs columns source, target, directed, date, start, end")
        }
        let needed = max(sourceColumn, targetColumn, directedColumn, dateColumn, startColumn, endColumn)
        table.forEachRecord { buffer, fields in
            guard fields.count > needed else { return }
            source.append(actor(buffer.string(fields[sourceColumn])))
            target.append(actor(buffer.string(fields[targetColumn])))
            typeDirected.append(buffer.equals(fields[directedColumn], "true"))
            dated.append(!buffer.isEmpty(fields[dateColumn]))
            start.append(buffer.dayNumber(fields[startColumn]) ?? Int32.min)
            end.append(buffer.dayNumber(fields[endColumn]) ?? Int32.max)
        }
    }

    private mutating func actor(_ name: String) -> Int32 {
        if let position = indexByName[name] { return Int32(position) }
        let position = names.count
        indexByName[name] = position
        names.append(name)
        return Int32(position)
    }

    /// Relations possibly active on `day`, as `peers.py`'s `active_at`.
    public func isActive(_ relation: Int, at day: Int32) -> Bool {
        dated[relation] && start[relation] <= day && end[relation] >= day
    }
}
