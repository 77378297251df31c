import ActorGraph

/// GraphML (http://graphml.graphdrawing.org/) with a typed `<key>` for every property, read by Gephi,
/// Cytoscape, yEd, networkx and igraph.
///
/// The graph is `edgedefault="directed"`; a relation of an undirected type is an undirected edge
/// (`directed="false"`) unless `symmetric` asks for directed edges only (networkx refuses graphs that mix both);
/// either way its data says `directed=false`. Node ids are actor ids and edge ids relation ids; GraphML has no date
/// type, so dates are strings: the EDTF text, and the first and last possible day as `YYYY-MM-DD`. Relation
/// attribute keys become NMTOKEN-safe `attr.name`s, the key as written kept as the key's `<desc>`.
public enum GraphMLWriter {
    public static func write(
        _ graph: RelationGraph, _ selection: ExportSelection, symmetric: SymmetricRelations = .undirectedEdges,
        to output: ExportOutput
    ) {
        let attributeKeys = selection.attributeKeys(in: graph)
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write(
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                + "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        func key(_ id: String, _ domain: String, _ name: String, _ type: String, description: String? = nil) {
            output.write("  <key")
            output.write(xmlAttribute: "id", id)
            output.write(xmlAttribute: "for", domain)
            output.write(xmlAttribute: "attr.name", name)
            output.write(xmlAttribute: "attr.type", type)
            guard let description else { return output.write("/>\n") }
            output.write("><desc>")
            output.write(xml: description)
            output.write("</desc></key>\n")
        }
        key("label", "node", "label", "string")
        for property in ExportProperties.actor { key("n_" + property.name, "node", property.name, property.type.rawValue) }
        key("e_label", "edge", "label", "string")
        for property in ExportProperties.relation {
            key("e_" + property.name, "edge", property.name, property.type.rawValue)
        }
        let attributeNames = ExportProperties.attributeNames(for: attributeKeys, prefix: EdgeListWriter.attributePrefix)
        for (position, (attributeKey, name)) in zip(attributeKeys, attributeNames).enumerated() {
            key("e_attr\(position)", "edge", name, "string", description: attributeKey)
        }
        output.write("  <graph id=\"actorgraph\" edgedefault=\"directed\">\n")
        for actor in selection.actors {
            let record = graph[actor]
            output.write("    <node")
            output.write(xmlAttribute: "id", record.id)
            output.write(">\n")
            data("label", record.name, to: output)
            for (property, value) in zip(ExportProperties.actor, ExportProperties.actorValues(record)) {
                if let value { data("n_" + property.name, value, to: output) }
            }
            output.write("    </node>\n")
        }
        for relation in selection.relations {
            output.write("    <edge")
            output.write(xmlAttribute: "id", graph.id(of: relation))
            output.write(xmlAttribute: "source", graph[graph.source(of: relation)].id)
            output.write(xmlAttribute: "target", graph[graph.target(of: relation)].id)
            if symmetric == .undirectedEdges && !graph.type(of: relation).directed {
                output.write(xmlAttribute: "directed", "false")
            }
            output.write(">\n")
            data("e_label", graph.type(of: relation).label, to: output)
            for (property, value) in zip(ExportProperties.relation, ExportProperties.relationValues(graph, relation)) {
                if let value { data("e_" + property.name, value, to: output) }
            }
            let values = ExportProperties.attributeValues(graph, relation, keys: attributeKeys)
            for (position, value) in values.enumerated() {
                if let value { data("e_attr\(position)", value, to: output) }
            }
            output.write("    </edge>\n")
        }
        output.write("  </graph>\n</graphml>\n")
    }

    private static func data(_ key: String, _ value: String, to output: ExportOutput) {
        output.write("      <data key=\"")
        output.write(key)
        output.write("\">")
        output.write(xml: value)
        output.write("</data>\n")
    }
}
