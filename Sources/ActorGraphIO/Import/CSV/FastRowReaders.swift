import ActorGraph

/// The fast path of the edge loop: takes a plain record (``PlainRecordScanner``) and checks, from its bytes,
/// that the general row code would accept it without a word — ids that are interned or valid new ones, a type
/// already seen, a date the byte parser reads, no details. It then commits the row exactly as the general code
/// would (same actors in the same order, same arrays). Anything else returns `nil` and the caller reads the
/// record the general way, which also produces any diagnostic.
final class FastEdgeReader: CSVFastRowReader {
    private let scanner: PlainRecordScanner
    private let source: Int
    private let target: Int
    private let type: Int
    private let date: Int?
    private let id: Int?
    private let status: Int?
    private let sourceName: Int?
    private let sourceKind: Int?
    private let targetName: Int?
    private let targetKind: Int?
    /// Columns whose content would make the row carry details (or need a check): the row is plain only when
    /// they are all empty.
    private let mustBeEmpty: [Int]

    init?(columns: CSVImportState.EdgeColumns, separator: UInt8) {
        guard let source = columns.source, let target = columns.target, let type = columns.type,
            let scanner = PlainRecordScanner(width: columns.width, separator: separator)
        else { return nil }
        (self.scanner, self.source, self.target, self.type) = (scanner, source, target, type)
        (self.date, self.id, self.status) = (columns.date, columns.id, columns.status)
        (self.sourceName, self.sourceKind) = (columns.sourceName, columns.sourceKind)
        (self.targetName, self.targetKind) = (columns.targetName, columns.targetKind)
        mustBeEmpty =
            [columns.citations, columns.note, columns.dateNote, columns.grade, columns.claimedBy]
            .compactMap { $0 } + columns.attributes.map { $0.0 }
    }

    @inline(__always)
    func readRow(
        _ bytes: UnsafeBufferPointer<UInt8>, at position: Int, line: Int, file: String, state: inout CSVImportState
    ) -> Int? {
        readRow(bytes, at: position, state: &state)
    }

    /// Reads and commits the plain row at `position`, returning where the next record starts; `nil` when the
    /// row is not plain (nothing was changed). The rows carry no position, so the speculation calls it too.
    func readRow(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, state: inout CSVImportState) -> Int? {
        guard let base = bytes.baseAddress, let next = scanner.scan(base, count: bytes.count, at: position) else {
            return nil
        }
        let scanner = self.scanner
        @inline(__always) func length(_ column: Int) -> Int { scanner.length(column) }
        @inline(__always) func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> { scanner.cell(column, base) }

        for column in mustBeEmpty where length(column) != 0 { return nil }
        if let status, length(status) != 0, !CSVImportState.isReported(cell(status)) { return nil }
        if let id, length(id) != 0 {
            // Only positional ids (`r<number>`), which the importer renumbers.
            let text = cell(id)
            guard text.count > 1, text[0] == UInt8(ascii: "r") else { return nil }
            for byte in text.dropFirst() where byte < 0x30 || byte > 0x39 { return nil }
        }
        guard length(type) != 0, let interned = state.typeNames.find(cell(type)) else { return nil }
        let typeIndex = state.typeIndexByName[interned]
        var dateIndex: Int32 = -1
        var newDate: EDTFDate?
        if let date, length(date) != 0 {
            if let known = state.dateTexts.find(cell(date)) {
                dateIndex = Int32(known)
            } else {
                guard let value = EDTFBytes.parse(cell(date)) else { return nil }
                newDate = value
            }
        }
        guard length(source) != 0, length(target) != 0 else { return nil }
        let sourceKey = cell(source)
        let targetKey = cell(target)
        let sourceIndex = state.actorIDs.find(sourceKey)
        let targetIndex = state.actorIDs.find(targetKey)
        let sourceIsNew = sourceIndex == nil
        let targetIsNew = targetIndex == nil
        if sourceIsNew, !newActorIsPlain(sourceKey, kind: sourceKind, name: sourceName, base: base, state: state) {
            return nil
        }
        if targetIsNew {
            // The same new actor at both ends: rare, left to the general code.
            if sourceIsNew && sourceKey.elementsEqual(targetKey) { return nil }
            if !newActorIsPlain(targetKey, kind: targetKind, name: targetName, base: base, state: state) { return nil }
        }
        if let sourceIndex, sourceIndex == targetIndex,
            !state.vocabulary[RelationTypeIndex(typeIndex)].allowsSelf
        {
            return nil
        }
        // Commit, as the general code does: the source's new actor first.
        if let newDate, let date { dateIndex = state.dateIndex(cell(date), newDate) }
        var sourceValue = sourceIndex ?? 0
        var targetValue = targetIndex ?? 0
        if sourceIsNew {
            sourceValue = state.actorIDs.insert(sourceKey)
            state.actors.append(newActor(sourceKey, kind: sourceKind, name: sourceName, base: base, state: state))
            state.actorLines.append(nil)
        }
        if targetIsNew {
            targetValue = state.actorIDs.insert(targetKey)
            state.actors.append(newActor(targetKey, kind: targetKind, name: targetName, base: base, state: state))
            state.actorLines.append(nil)
        }
        state.relationSource.append(ActorIndex(sourceValue))
        state.relationTarget.append(ActorIndex(targetValue))
        state.relationType.append(RelationTypeIndex(typeIndex))
        state.relationDate.append(dateIndex)
        return next
    }

    /// Whether the general code would create the actor for an id not seen before without a word: a valid id,
    /// a known kind (or the default one), a name that is valid UTF-8 (or none: the id).
    private func newActorIsPlain(
        _ key: UnsafeBufferPointer<UInt8>, kind: Int?, name: Int?, base: UnsafePointer<UInt8>,
        state: borrowing CSVImportState
    ) -> Bool {
        guard Self.isIdentifier(key) else { return false }
        if let kindBytes = scanner.filledCell(kind, base) {
            guard Self.actorKind(kindBytes) != nil else { return false }
        } else if state.options.defaultKind == nil {
            return false
        }
        if let nameBytes = scanner.filledCell(name, base), CSVReader.string(nameBytes) == nil { return false }
        return true
    }

    /// The actor for an id that ``newActorIsPlain(_:kind:name:base:state:)`` accepted.
    private func newActor(
        _ key: UnsafeBufferPointer<UInt8>, kind: Int?, name: Int?, base: UnsafePointer<UInt8>,
        state: borrowing CSVImportState
    ) -> ActorRecord {
        let actorKind = scanner.filledCell(kind, base).flatMap(Self.actorKind) ?? state.options.defaultKind ?? .group
        let id = String(decoding: key, as: UTF8.self)
        let actorName = scanner.filledCell(name, base).flatMap(CSVReader.string) ?? id
        return ActorRecord(id: id, name: actorName, kind: actorKind)
    }

    /// ``Identifier/problem(with:)`` is `nil`, from bytes.
    static func isIdentifier(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !key.isEmpty, key.count <= Identifier.maximumLength else { return false }
        for (offset, byte) in key.enumerated() {
            let isLowerOrDigit = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if !isLowerOrDigit && (offset == 0 || (byte != 0x5F && byte != 0x2D && byte != 0x2E)) { return false }
        }
        return true
    }

    /// `ActorKind(rawValue:)` from bytes, without making a String.
    static func actorKind(_ bytes: UnsafeBufferPointer<UInt8>) -> ActorKind? {
        candidates: for (kind, name) in kindNames where name.count == bytes.count {
            for position in 0..<name.count where name[position] != bytes[position] { continue candidates }
            return kind
        }
        return nil
    }

    private static let kindNames = ActorKind.allCases.map { ($0, Array($0.rawValue.utf8)) }
}

/// The fast path of the actor list: a plain record (``PlainRecordScanner``) whose id is valid and new, whose name
/// is there, whose kind is known and whose texts are valid UTF-8 is committed as `readActor` would; anything
/// else returns `nil` and goes through `readActor`, which reports it.
final class FastActorReader: CSVFastRowReader {
    private let scanner: PlainRecordScanner
    private let columns: CSVImportState.ActorColumns
    private let id: Int
    private let name: Int
    private let kind: Int

    init?(columns: CSVImportState.ActorColumns, width: Int, separator: UInt8) {
        guard let id = columns.id, let name = columns.name, let kind = columns.kind,
            let scanner = PlainRecordScanner(width: width, separator: separator)
        else { return nil }
        (self.scanner, self.columns, self.id, self.name, self.kind) = (scanner, columns, id, name, kind)
    }

    func readRow(
        _ bytes: UnsafeBufferPointer<UInt8>, at position: Int, line: Int, file: String, state: inout CSVImportState
    ) -> Int? {
        guard let base = bytes.baseAddress, let next = scanner.scan(base, count: bytes.count, at: position) else {
            return nil
        }
        let scanner = self.scanner
        let key = scanner.cell(id, base)
        guard FastEdgeReader.isIdentifier(key), state.actorIDs.find(key) == nil,
            let nameBytes = scanner.filledCell(name, base), let actorName = CSVReader.string(nameBytes),
            let kindBytes = scanner.filledCell(kind, base), let actorKind = FastEdgeReader.actorKind(kindBytes)
        else { return nil }
        // An optional text: absent, or present and valid UTF-8; `.none` when invalid (not plain).
        func text(_ column: Int?) -> String?? {
            guard let bytes = scanner.filledCell(column, base) else { return .some(nil) }
            guard let value = CSVReader.string(bytes) else { return .none }
            return .some(value)
        }
        guard let subkind = text(columns.subkind), let aliasText = text(columns.aliases),
            let description = text(columns.description), let country = text(columns.country)
        else { return nil }
        _ = state.actorIDs.insert(key)
        state.actors.append(
            ActorRecord(
                id: String(decoding: key, as: UTF8.self), name: actorName, kind: actorKind, subkind: subkind,
                aliases: aliasText.map(ExportText.splitAliases) ?? [], description: description, country: country))
        // The column is only ever read to report a bad country, so it is worked out only when there is one.
        let countryColumn =
            country == nil ? 1 : columns.country.map { CSVReader.column(of: scanner.start($0), in: bytes) } ?? 1
        state.actorLines.append((file, line, countryColumn))
        return next
    }
}
