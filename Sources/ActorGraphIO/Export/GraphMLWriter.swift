import ActorGraph

/// GraphML (http://graphml.graphdrawing.org/) with a typed `<key>` for every property, read by Gephi,
/// Cytoscape, yEd, networkx and igraph.
///
/// The graph is `edgedefault="directed"`; a relation of an undirected type keeps its written direction and says
/// `directed=false` in its data (networkx refuses graphs that mix directed and undirected edges). Node ids are
/// actor ids and edge ids relation ids; GraphML has no date type, so dates are strings: the EDTF text, and the
/// first and last possible day as `YYYY-MM-DD`.
public enum GraphMLWriter {
    public static func write(_ graph: RelationGraph, _ selection: ExportSelection, to output: ExportOutput) {
        let attributeKeys = selection.attributeKeys(in: graph)
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write(
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                + "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        func key(_ id: String, _ domain: String, _ name: String, _ type: String) {
            output.write("  <key")
            output.write(xmlAttribute: "id", id)
            output.write(xmlAttribute: "for", domain)
            output.write(xmlAttribute: "attr.name", name)
            output.write(xmlAttribute: "attr.type", type)
            output.write("/>\n")
        }
        key("label", "node", "label", "string")
        for property in ExportProperties.actor { key("n_" + property.name, "node", property.name, property.type.rawValue) }
        key("e_label", "edge", "label", "string")
        for property in ExportProperties.relation {
            key("e_" + property.name, "edge", property.name, property.type.rawValue)
        }
        for (position, attributeKey) in attributeKeys.enumerated() {
            key("e_attr\(position)", "edge", EdgeListWriter.attributePrefix + attributeKey, "string")
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
