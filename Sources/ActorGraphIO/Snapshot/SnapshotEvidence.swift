import ActorGraph

/// A source's evidence fields in a snapshot (format version 2): reliability and its note, `derived_from`, the body
/// ranges and `published_lines`, the ranges written as text (`"1-37"`).
enum SnapshotEvidence {
    static func write(_ source: SourceDocument, to payload: inout ByteWriter) {
        payload.optionalString(source.reliability?.rawValue)
        payload.optionalString(source.reliabilityNote)
        payload.u32(UInt32(source.derivedFrom.count))
        for id in source.derivedFrom { payload.string(id) }
        payload.u32(UInt32(source.body.count))
        for range in source.body { payload.string(text(range)) }
        payload.optionalString(source.publishedLines.map(text))
    }

    static func read(into source: inout SourceDocument, from reader: inout ByteReader) throws(GraphSnapshot.FormatError) {
        if let letter = try reader.optionalString("reliability") {
            guard let reliability = SourceReliability(rawValue: letter) else {
                throw GraphSnapshot.FormatError("bad reliability '\(letter)'")
            }
            source.reliability = reliability
        }
        source.reliabilityNote = try reader.optionalString("reliability note")
        for _ in 0..<(try reader.count(atLeast: 4)) { source.derivedFrom.append(try reader.string("derived_from id")) }
        for _ in 0..<(try reader.count(atLeast: 4)) { source.body.append(try range(try reader.string("body range"))) }
        if let published = try reader.optionalString("published lines") { source.publishedLines = try range(published) }
    }

    static func text(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)-\(range.upperBound)" }

    static func range(_ text: String) throws(GraphSnapshot.FormatError) -> ClosedRange<Int> {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]), first >= 1, first <= last else {
            throw GraphSnapshot.FormatError("bad line range '\(text)'")
        }
        return first...last
    }
}
