import ActorGraph

/// GEXF 1.3 (https://gexf.net) in dynamic mode, so Gephi's timeline plays the graph through time.
///
/// Time: `timeformat="date"`, `timerepresentation="interval"`; a dated relation's `start` is the first day it may
/// cover and `end` the last (GEXF 1.3 intervals are inclusive), each omitted when that side is open or unknown,
/// both omitted when undated (present throughout). `2021` becomes 2021-01-01 … 2021-12-31, `2022-03/..` starts on
/// 2022-03-01 and never ends. The EDTF text itself is kept in the `date` attribute, since GEXF has no notion of
/// precision. Actors carry no dates and are present throughout.
///
/// Edges are `defaultedgetype="directed"`; a relation of an undirected type is a `type="undirected"` edge unless
/// `symmetric` asks for directed edges only (networkx refuses mixed graphs), and its `directed` attribute says
/// `false` either way, as in ``GraphMLWriter``. Each edge's `kind` is its relation type, which is how GEXF 1.3
/// tells parallel edges apart.
public enum GEXFWriter {
    public static func write(
        _ graph: RelationGraph, _ selection: ExportSelection, symmetric: SymmetricRelations = .undirectedEdges,
        to output: ExportOutput
    ) {
        let attributeKeys = selection.attributeKeys(in: graph)
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write(
            "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n")
        output.write("  <meta>\n    <creator>ActorGraph</creator>\n")
        output.write("    <description>Actors and dated, cited relations exported by actorgraph.</description>\n")
        output.write("  </meta>\n")
        output.write(
            "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" timerepresentation=\"interval\">\n")
        func attribute(_ id: String, _ title: String, _ type: String) {
            output.write("      <attribute")
            output.write(xmlAttribute: "id", id)
            output.write(xmlAttribute: "title", title)
            output.write(xmlAttribute: "type", type)
            output.write("/>\n")
        }
        output.write("    <attributes class=\"node\" mode=\"static\">\n")
        for property in ExportProperties.actor.dropFirst() {
            attribute("n_" + property.name, property.name, property.type.rawValue)
        }
        output.write("    </attributes>\n")
        output.write("    <attributes class=\"edge\" mode=\"static\">\n")
        for property in ExportProperties.relation where property.name != "start" && property.name != "end" {
            attribute("e_" + property.name, property.name, property.type.rawValue)
        }
        for (position, key) in attributeKeys.enumerated() {
            attribute("e_attr\(position)", EdgeListWriter.attributePrefix + key, "string")
        }
        output.write("    </attributes>\n")
        output.write("    <nodes>\n")
        for actor in selection.actors {
            let record = graph[actor]
            output.write("      <node")
            output.write(xmlAttribute: "id", record.id)
            output.write(xmlAttribute: "label", record.name)
            output.write(">\n        <attvalues>\n")
            for (property, value) in zip(ExportProperties.actor, ExportProperties.actorValues(record)).dropFirst() {
                if let value { attributeValue("n_" + property.name, value, to: output) }
            }
            output.write("        </attvalues>\n      </node>\n")
        }
        output.write("    </nodes>\n    <edges>\n")
        for relation in selection.relations {
            let type = graph.type(of: relation)
            let span = graph.span(of: relation)
            output.write("      <edge")
            output.write(xmlAttribute: "id", graph.id(of: relation))
            output.write(xmlAttribute: "source", graph[graph.source(of: relation)].id)
            output.write(xmlAttribute: "target", graph[graph.target(of: relation)].id)
            if symmetric == .undirectedEdges && !type.directed { output.write(xmlAttribute: "type", "undirected") }
            output.write(xmlAttribute: "label", type.label)
            output.write(xmlAttribute: "kind", type.name)
            if let start = ExportText.startDay(span) { output.write(xmlAttribute: "start", start.description) }
            if let end = ExportText.endDay(span) { output.write(xmlAttribute: "end", end.description) }
            output.write(">\n        <attvalues>\n")
            for (property, value) in zip(ExportProperties.relation, ExportProperties.relationValues(graph, relation))
            where property.name != "start" && property.name != "end" {
                if let value { attributeValue("e_" + property.name, value, to: output) }
            }
            let values = ExportProperties.attributeValues(graph, relation, keys: attributeKeys)
            for (position, value) in values.enumerated() {
                if let value { attributeValue("e_attr\(position)", value, to: output) }
            }
            output.write("        </attvalues>\n      </edge>\n")
        }
        output.write("    </edges>\n  </graph>\n</gexf>\n")
    }

    private static func attributeValue(_ id: String, _ value: String, to output: ExportOutput) {
        output.write("          <attvalue")
        output.write(xmlAttribute: "for", id)
        output.write(xmlAttribute: "value", value)
        output.write("/>\n")
    }
}

/// How the XML graph formats write relations of undirected (symmetric) types.
public enum SymmetricRelations: String, CaseIterable, Sendable {
    /// Undirected edges in a graph whose other edges are directed, as the formats allow (Gephi, yEd, Cytoscape).
    case undirectedEdges = "undirected"
    /// Directed edges in their written direction, `directed=false` in their data: for networkx, which refuses a
    /// graph mixing directed and undirected edges.
    case directedEdges = "directed"
}
