import ActorGraph

/// An actor-kind cell (the actor list's `kind`, an edge list's `source_kind`/`target_kind`): one of ``ActorKind``'s
/// names, case, spacing and punctuation folded as the resolver folds names, read the same way by every CSV reader.
enum ActorKindCell {
    static func kind(_ text: String) -> ActorKind? {
        ActorKind(rawValue: text) ?? ActorKind(rawValue: ActorResolver.normalize(text))
    }

    static func problem(_ text: String) -> (message: String, hint: String) {
        ("unknown actor kind '\(text)'", "one of: " + ActorKind.allCases.map(\.rawValue).joined(separator: ", "))
    }
}

extension CSVImportState {
    /// The kind of an actor a row creates at one end.
    enum NewActorKind {
        /// From the row's kind cell, else --default-kind.
        case kind(ActorKind)
        /// Neither a kind cell nor --default-kind gives one.
        case missing
        /// The kind cell is not a kind (reported).
        case bad
    }

    /// The kind of an actor a row creates at one end: its `<role>_kind` cell when the row has one, else
    /// --default-kind.
    mutating func newActorKind(
        _ record: borrowing CSVRecord, kindColumn: Int?, role: String, _ check: inout RowCheck
    ) -> NewActorKind {
        guard let kindText = text(record, kindColumn, "\(role)_kind", &check) else {
            return options.defaultKind.map(NewActorKind.kind) ?? .missing
        }
        guard let kind = ActorKindCell.kind(kindText) else {
            let problem = ActorKindCell.problem(kindText)
            self.problem(record, kindColumn, problem.message, hint: problem.hint, &check)
            return .bad
        }
        return .kind(kind)
    }
}
