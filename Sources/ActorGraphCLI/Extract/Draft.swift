import ActorGraph
import ActorGraphExtract
import ActorGraphIO
import Foundation

/// `extract`'s output: a draft graph file of candidates (YAML) or the same as JSON, and a one-paragraph summary.
struct Draft {
    let file: String
    let sourceID: String
    let published: EDTFDate?
    let result: ExtractionResult
    let comparison: ExtractionComparison
    let graph: RelationGraph
    let explain: Bool

    /// Ids for the new names used as endpoints: a slug, made unique against the graph's actors and each other.
    var newActorIDs: [String: String] {
        var taken = Set(graph.actors.map(\.id))
        var ids: [String: String] = [:]
        for (name, _) in result.newNames where usedNames.contains(name) {
            let base = SourceCatalogue.slug(name) ?? "actor"
            var id = base
            var counter = 2
            while taken.contains(id) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            taken.insert(id)
            ids[name] = id
        }
        return ids
    }

    var usedNames: Set<String> {
        var names = Set<String>()
        for candidate in result.candidates {
            for end in [candidate.from.target, candidate.to.target] {
                if case .newName(let name) = end { names.insert(name) }
            }
        }
        return names
    }

    private func id(_ target: Mention.Target, _ ids: [String: String]) -> String {
        switch target {
        case .actor(let id): return id
        case .newName(let name): return ids[name] ?? name
        }
    }

    func yaml() -> String {
        let ids = newActorIDs
        var lines = [
            "# Candidate relations proposed by actorgraph extract from \(file) (source \(sourceID)"
                + (published.map { ", published \($0)" } ?? "") + ").",
            "# Nothing here is established: read each cited line, fix or delete the relation, set 'status' to reported,",
            "# claimed or denied, and write a note in your own words. 'check' refuses 'status: candidate'.",
            "actorgraph: 1",
            "",
        ]
        let newActors = result.newNames.filter { ids[$0.name] != nil }
        if !newActors.isEmpty {
            lines.append("actors:")
            lines.append("  # Possible new actors: capitalised names no actor answers to. Keep the real ones; check the kind.")
            for (name, nameLines) in newActors {
                let id = ids[name] ?? name
                lines.append("  - {id: \(id), name: \(SourceCatalogue.yamlQuoted(name)), kind: group}  # line\(nameLines.count == 1 ? "" : "s") \(nameLines.map(String.init).joined(separator: ", "))")
            }
            lines.append("")
        }
        lines.append("relations:")
        if result.candidates.isEmpty { lines.append("  []") }
        for (offset, candidate) in result.candidates.enumerated() {
            lines.append("  - from: \(id(candidate.from.target, ids))")
            lines.append("    to: \(id(candidate.to.target, ids))")
            lines.append("    type: \(candidate.type)")
            if let date = candidate.date { lines.append("    date: \(date.edtf)") }
            let reading = candidate.status == .reported ? "" : "  # reads as \(candidate.status.rawValue)"
            lines.append("    status: candidate\(reading)")
            if let claimedBy = candidate.claimedBy { lines.append("    claimed_by: \(SourceCatalogue.yamlQuoted(claimedBy))") }
            lines.append("    sources: [{source: \(sourceID), lines: \"\(Self.range(candidate.lines))\"}]")
            lines.append("    # trigger \(SourceCatalogue.yamlQuoted(candidate.trigger)) on line \(candidate.line)" + flagText(candidate))
            let known = comparison.matches[offset]
            if !known.isEmpty { lines.append("    # already in the graph: \(known.joined(separator: ", "))") }
            if explain { lines += candidate.reasons.map { "    # - \($0)" } }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func flagText(_ candidate: Candidate) -> String {
        candidate.flags.isEmpty ? "" : "; " + candidate.flags.map(\.rawValue).joined(separator: ", ")
    }

    func json() -> JSONValue {
        let ids = newActorIDs
        func end(_ mention: Mention) -> JSONValue {
            var members: [(String, JSONValue)] = [("id", .string(id(mention.target, ids))), ("text", .string(mention.text))]
            if case .newName = mention.target { members.append(("new", .bool(true))) }
            return .object(members)
        }
        func candidateJSON(_ candidate: Candidate, matches: [String]) -> JSONValue {
            var members: [(String, JSONValue)] = [
                ("from", end(candidate.from)), ("to", end(candidate.to)), ("type", .string(candidate.type)),
                ("lines", .string(Self.range(candidate.lines))), ("line", .int(candidate.line)),
                ("trigger", .string(candidate.trigger)),
                ("lexicon_entry", .string(candidate.lexiconEntry)), ("date", .optional(candidate.date?.edtf)),
                ("date_text", .optional(candidate.date?.text)), ("status", .string(candidate.status.rawValue)),
                ("claimed_by", .optional(candidate.claimedBy)),
                ("flags", .array(candidate.flags.map { .string($0.rawValue) })),
                ("in_graph", .array(matches.map { .string($0) })),
            ]
            if explain { members.append(("reasons", .array(candidate.reasons.map { .string($0) }))) }
            return .object(members)
        }
        return .object([
            ("file", .string(file)), ("source", .string(sourceID)), ("published", .optional(published?.description)),
            ("sentences", .int(result.sentences)),
            ("candidates", .array(zip(result.candidates, comparison.matches).map { candidateJSON($0, matches: $1) })),
            ("negated_left_out", .int(result.negated.count)), ("truncated", .bool(result.truncated)),
            ("new_names", .array(result.newNames.map { name, lines in
                .object([("name", .string(name)), ("lines", .array(lines.map { .int($0) }))])
            })),
            ("comparison", comparisonJSON()),
        ])
    }

    private func comparisonJSON() -> JSONValue {
        guard !comparison.references.isEmpty else { return .null }
        let matching = comparison.matches.filter { !$0.isEmpty }.count
        return .object([
            ("graph_pair_lines", .int(comparison.references.count)), ("found", .int(comparison.found.count)),
            ("recall", .double((comparison.recall * 1000).rounded() / 1000)),
            ("candidates_matching", .int(matching)),
            ("precision", .double((comparison.precision * 1000).rounded() / 1000)),
        ])
    }

    func summary(catalogued: Bool) -> String {
        let count = result.candidates.count
        var text = "\(count) candidate relation\(count == 1 ? "" : "s") from \(result.sentences) sentences of \(file)"
        text += " (\(result.negated.count) negated left out; \(result.newNames.count) possible new actor name\(result.newNames.count == 1 ? "" : "s"))"
        if result.truncated { text += "; stopped at the bound of \(count) candidates" }
        if !comparison.references.isEmpty {
            let matching = comparison.matches.filter { !$0.isEmpty }.count
            text += "\nthe graph cites \(sourceID) for \(comparison.references.count) (actor pair, lines): \(comparison.found.count) found"
                + " (\(Self.percent(comparison.recall))); \(matching) of \(count) candidates match a relation (\(Self.percent(comparison.precision)))"
        }
        if !catalogued {
            text += "\nnote: '\(file)' is not in the catalogue; the draft cites it as '\(sourceID)' (run actorgraph sources add)"
        }
        return text
    }

    static func range(_ lines: ClosedRange<Int>) -> String {
        lines.count == 1 ? "\(lines.lowerBound)" : "\(lines.lowerBound)-\(lines.upperBound)"
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
}
