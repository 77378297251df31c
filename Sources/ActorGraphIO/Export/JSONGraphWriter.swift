import ActorGraph

/// JSON Lines (one relation object per line) and one JSON document in node-link form.
///
/// Relation and actor objects are those of ``GraphJSON``, shared with the query commands. The node-link document
/// reads directly into networkx (`node_link_graph(data, edges="links")`) and d3: `nodes` carry `id`, `links`
/// carry `source`, `target` and `key` (the relation id) before the relation's own fields.
public enum JSONGraphWriter {
    /// One compact relation object per line, in selection order.
    public static func writeLines(_ graph: RelationGraph, _ selection: ExportSelection, to output: ExportOutput) {
        for relation in selection.relations {
            output.write(GraphJSON.relation(graph, relation).compact())
            output.write(byte: 0x0A)
        }
    }

    /// `{"format","directed","multigraph","graph","vocabulary","sources","nodes","links"}`, one element per line.
    public static func writeDocument(_ graph: RelationGraph, _ selection: ExportSelection, to output: ExportOutput) {
        output.write("{\n  \"format\": \"actorgraph-node-link\",\n  \"version\": 1,\n")
        output.write("  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n")
        writeArray("vocabulary", graph.vocabulary.all.map(type), to: output)
        output.write(",\n")
        writeArray("sources", selection.citedSources(in: graph).map(source), to: output)
        output.write(",\n")
        writeArray("nodes", selection.actors.map { GraphJSON.actor(graph, $0, full: true) }, to: output)
        output.write(",\n")
        let links = selection.relations.lazy.map { relation -> JSONValue in
            guard case .object(let members) = GraphJSON.relation(graph, relation) else { return .null }
            return .object(
                [
                    ("source", .string(graph[graph.source(of: relation)].id)),
                    ("target", .string(graph[graph.target(of: relation)].id)),
                    ("key", .string(graph.id(of: relation))),
                ] + members)
        }
        writeArray("links", links, to: output)
        output.write("\n}\n")
    }

    private static func writeArray(_ name: String, _ items: some Sequence<JSONValue>, to output: ExportOutput) {
        output.write("  \"\(name)\": [")
        var first = true
        for item in items {
            output.write(first ? "\n    " : ",\n    ")
            output.write(item.compact())
            first = false
        }
        output.write(first ? "]" : "\n  ]")
    }

    static func type(_ type: RelationType) -> JSONValue {
        .object([
            ("name", .string(type.name)), ("directed", .bool(type.directed)), ("category", .string(type.category.rawValue)),
            ("inverse", .optional(type.inverse)), ("self", .bool(type.allowsSelf)), ("description", .optional(type.description)),
        ])
    }

    public static func source(_ source: SourceDocument) -> JSONValue {
        .object([
            ("id", .string(source.id)), ("file", .string(source.file)), ("title", .string(source.title)),
            ("outlet", .optional(source.outlet)), ("author", .optional(source.author)),
            ("published", .optional(source.published?.description)), ("published_note", .optional(source.publishedNote)),
            ("url", .optional(source.url)), ("language", .optional(source.language)), ("sha256", .string(source.sha256)),
            ("lines", .int(source.lines)), ("summary", .optional(source.summary)),
            ("reliability", .optional(source.reliability?.rawValue)),
            ("reliability_note", .optional(source.reliabilityNote)),
            ("derived_from", .array(source.derivedFrom.map { .string($0) })),
            ("body", .array(source.body.map { .string("\($0.lowerBound)-\($0.upperBound)") })),
            ("published_lines", .optional(source.publishedLines.map { "\($0.lowerBound)-\($0.upperBound)" })),
        ])
    }
}
