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
    /// The kind of an actor a row creates at one end: its `<role>_kind` cell when the row has one, else
    /// --default-kind; `nil` after reporting a cell that is no kind, or an actor (`text`, in `column`) that neither
    /// gives a kind (`hint` says where one can come from).
    mutating func newActorKind(
        _ record: borrowing CSVRecord, kindColumn: Int?, role: String, actor text: String, in column: Int?,
        hint: String, _ check: inout RowCheck
    ) -> ActorKind? {
        guard let kindText = self.text(record, kindColumn, "\(role)_kind", &check) else {
            if let kind = options.defaultKind { return kind }
            problem(record, column, "unknown actor '\(text)' and no kind for it", hint: hint, &check)
            return nil
        }
        guard let kind = ActorKindCell.kind(kindText) else {
            let problem = ActorKindCell.problem(kindText)
            self.problem(record, kindColumn, problem.message, hint: problem.hint, &check)
            return nil
        }
        return kind
    }
}
