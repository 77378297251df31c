import ActorGraph
import ActorGraphDOT
import ActorGraphIO
import Foundation
import HTTPTypes

extension ExplorerView {
    /// `/api/view`: the actors and links the chart draws, in the chart's order, with the equivalent command.
    func json(_ graph: RelationGraph, request: ViewRequest) -> JSONValue {
        .object([
            (
                "actors",
                .array(
                    actors.map { actor in
                        .object([
                            ("id", .string(graph[actor].id)), ("name", .string(graph[actor].name)),
                            ("kind", .string(graph[actor].kind.rawValue)), ("focus", .bool(focus.contains(actor))),
                        ])
                    })
            ),
            ("links", .array(links.map { linkJSON($0, graph) })),
            ("notices", .array(notices.map { .string($0) })),
            ("possiblyOmitted", .int(possiblyOmitted)),
            ("command", .string(Self.command(request, graph: graph))),
        ])
    }

    private func linkJSON(_ link: Link, _ graph: RelationGraph) -> JSONValue {
        let (first, last) = Self.dateRange(link.relations, graph)
        return .object([
            ("id", .string(link.svgID)),
            ("source", .string(graph[link.source].id)),
            ("target", .string(graph[link.target].id)),
            ("count", .int(link.relations.count)),
            ("relations", .array(link.relations.map { .string(graph.id(of: $0)) })),
            ("first", .optional(first)),
            ("last", .optional(last)),
            ("category", .string(link.category.rawValue)),
            ("status", .string(link.status.rawValue)),
            ("possibly", .bool(link.possibly)),
            ("hop", link.hop.map { .int($0) } ?? .null),
        ])
    }

    /// The earliest possible start and latest possible end of a link's dated relations.
    static func dateRange(_ relations: [RelationIndex], _ graph: RelationGraph) -> (String?, String?) {
        let starts = relations.compactMap { GraphJSON.startDay(graph, $0) }
        let ends = relations.compactMap { GraphJSON.endDay(graph, $0) }
        return (starts.min(), ends.max())
    }

    /// The `actorgraph render` command line that draws the same selection (what it cannot say is left out and
    /// noted by a trailing comment).
    static func command(_ request: ViewRequest, graph: RelationGraph) -> String {
        var words = ["actorgraph", "render"]
        let given = request.given
        if let ends = request.pathEnds {
            words += ["--path", graph[ends.from].id, graph[ends.to].id]
            switch request.pathMode {
            case .shortest: break
            case .k: words += ["--shortest", String(request.k)]
            case .earliest, .latest, .fastest: words += ["--temporal", request.pathMode.rawValue]
            }
        } else {
            for actor in request.focus { words += ["--focus", graph[actor].id] }
            if !request.focus.isEmpty, request.depth != 1 { words += ["--depth", String(request.depth)] }
        }
        for actor in request.hidden { words += ["--avoid", graph[actor].id] }
        if let at = given["at"] {
            words += ["--at", at]
        } else if given["from"] != nil || given["to"] != nil {
            words += ["--between", (given["from"] ?? "") + ".." + (given["to"] ?? "")]
        }
        // `possibly` also chooses the lenient reading of a time-respecting path, with or without a time filter.
        if request.filter.includePossible { words.append("--possibly") }
        if request.timeFiltered, request.filter.includeUndated { words.append("--include-undated") }
        for name in ["types", "categories", "kinds", "status"] where given[name] != nil {
            words += ["--\(name)", given.list(name).joined(separator: ",")]
        }
        if let grade = request.filter.minimumGrade { words += ["--min-grade", grade.description] }
        switch request.bundling {
        case .pair: break
        case .type: words += ["--bundle", "type"]
        case .none: words += ["--bundle", "none"]
        }
        if !request.labels { words.append("--no-labels") }
        // The page's chart has no caption (the page says what it shows).
        words += ["--caption", "", "-o", "view.svg"]
        var text = words.map(shellQuoted).joined(separator: " ")
        let unsaid = [request.only != nil ? "only" : nil].compactMap { $0 }
        if !unsaid.isEmpty { text += "  # render has no option for: " + unsaid.joined(separator: ", ") }
        return text
    }

    /// A word as a POSIX shell reads it back: bare when plain, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { scalar in
            (scalar.isASCII && (CharacterSetASCII.isAlphanumeric(scalar) || "-_.,/:=@+".unicodeScalars.contains(scalar)))
        }
        if plain, !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}

/// ASCII letter and digit test without Foundation's locale-aware character sets.
enum CharacterSetASCII {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
