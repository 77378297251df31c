"""Our GraphML and GEXF exports obey the rules of the official schemas.

The schema files themselves (graphml.xsd 1.0 with graphml-structure.xsd and graphml-attributes.xsd; gexf.xsd 1.3)
are not shipped by any Debian or PyPI package, and this machine cannot download them, so xmllint cannot validate
against them here. Each rule below is one of theirs, checked with the standard library's XML parser and named by
the declaration it comes from, on the seed graph and on a generated graph.
"""

import datetime
import re
import xml.etree.ElementTree as ElementTree

import pytest

from engine_support import REPO, actorgraph, generated_graph

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"
# XML 1.0 Nmtoken: one or more NameChar (letters, digits, '.', '-', '_', ':', combining marks and extenders).
NMTOKEN = re.compile(r"^[\w.:\-\u00B7\u0300-\u036F\u203F-\u2040]+$")


def graphs(tmp_path):
    return [REPO / "graphs", generated_graph(tmp_path, actors=200, relations=800, seed=3)]


def export(graph, tmp_path, fmt, *options):
    path = tmp_path / f"{graph.name}.{fmt}"
    actorgraph("export", "--graph", str(graph), "--format", fmt, "-o", str(path), *options)
    return ElementTree.parse(path).getroot()


def child_names(element, namespace):
    return [child.tag.removeprefix(namespace) for child in element]


def follows(sequence, pattern):
    """Whether the child element names match a regular expression over space-joined names."""
    return re.fullmatch(pattern, " ".join(sequence) + (" " if sequence else "")) is not None


@pytest.mark.parametrize("symmetric", ["undirected", "directed"])
def test_graphml_obeys_the_graphml_schema(tmp_path, symmetric):
    for graph in graphs(tmp_path):
        root = export(graph, tmp_path, "graphml", "--symmetric-edges", symmetric)
        # graphml-structure.xsd, graphml.type: (desc?, key*, (data | graph)*)
        assert follows(child_names(root, GRAPHML), r"(desc )?(key )*((data|graph) )*")
        keys = {}
        for key in root.iter(GRAPHML + "key"):
            # key.type: (desc?, default?); key.extra.attrib: id xs:NMTOKEN (unique: key_id_unique)
            assert follows(child_names(key, GRAPHML), r"(desc )?(default )?")
            assert NMTOKEN.match(key.get("id")), key.get("id")
            assert key.get("id") not in keys, "graphml-structure.xsd key_id_unique"
            # graphml-attributes.xsd, key.extra.attrib: attr.name xs:NMTOKEN, attr.type key.type.type
            assert NMTOKEN.match(key.get("attr.name")), f"attr.name {key.get('attr.name')!r} is not an NMTOKEN"
            assert key.get("attr.type") in {"boolean", "int", "long", "float", "double", "string"}
            # key.for.type
            assert key.get("for") in {"all", "graphml", "graph", "node", "edge", "hyperedge", "port", "endpoint"}
            keys[key.get("id")] = key.get("for")
        graph_element = root.find(GRAPHML + "graph")
        # graph.edgedefault.type
        assert graph_element.get("edgedefault") in {"directed", "undirected"}
        node_ids = set()
        for node in graph_element.iter(GRAPHML + "node"):
            # node.type: (desc?, (data | port)*, (graph | locator)?); node.extra.attrib: id xs:NMTOKEN, unique
            assert follows(child_names(node, GRAPHML), r"(desc )?((data|port) )*((graph|locator) )?")
            assert NMTOKEN.match(node.get("id")) and node.get("id") not in node_ids
            node_ids.add(node.get("id"))
        undirected = 0
        for edge in graph_element.iter(GRAPHML + "edge"):
            # edge.type: (desc?, data*, graph?); edge.extra.attrib: source/target xs:NMTOKEN (keyref to node ids),
            # directed xs:boolean
            assert follows(child_names(edge, GRAPHML), r"(desc )?(data )*(graph )?")
            assert edge.get("source") in node_ids and edge.get("target") in node_ids
            assert edge.get("directed") in {None, "true", "false", "1", "0"}
            undirected += edge.get("directed") == "false"
        for element in root.iter():
            # data.extra.attrib: key xs:NMTOKEN, a keyref to key/@id whose `for` fits the element
            for data in element.findall(GRAPHML + "data"):
                domain = keys.get(data.get("key"))
                assert domain in {"all", element.tag.removeprefix(GRAPHML)}, (data.get("key"), element.tag)
        if symmetric == "undirected":
            assert undirected > 0, "symmetric relations should be undirected edges"
        else:
            assert undirected == 0


@pytest.mark.parametrize("symmetric", ["undirected", "directed"])
def test_gexf_obeys_the_gexf_1_3_schema(tmp_path, symmetric):
    for graph in graphs(tmp_path):
        root = export(graph, tmp_path, "gexf", "--symmetric-edges", symmetric)
        assert root.tag == GEXF + "gexf" and root.get("version") == "1.3"
        graph_element = root.find(GEXF + "graph")
        # gexf.xsd graph-content: defaultedgetype defaultedgetype-type, mode mode-type, timeformat timeformat-type,
        # timerepresentation timerepresentation-type
        assert graph_element.get("defaultedgetype") in {"directed", "undirected", "mutual"}
        assert graph_element.get("mode") in {"static", "dynamic"}
        assert graph_element.get("timeformat") in {"integer", "double", "date", "dateTime"}
        assert graph_element.get("timerepresentation") in {"interval", "timestamp"}
        declared = {}
        for attributes in graph_element.findall(GEXF + "attributes"):
            assert attributes.get("class") in {"node", "edge"}
            for attribute in attributes.findall(GEXF + "attribute"):
                # data.xsd attrtype-type
                assert attribute.get("type") in {
                    "integer", "long", "double", "float", "boolean", "listboolean", "listinteger", "listlong",
                    "listfloat", "listdouble", "byte", "short", "liststring", "listbyte", "listshort",
                    "bigdecimal", "listbigdecimal", "biginteger", "listbiginteger", "char", "listchar", "date",
                    "listdate", "string", "anyURI", "liststring"}
                declared[(attributes.get("class"), attribute.get("id"))] = attribute.get("type")
        node_ids = set()
        for node in graph_element.iter(GEXF + "node"):
            assert node.get("id") not in node_ids
            node_ids.add(node.get("id"))
            check_attvalues(node, "node", declared)
        edge_ids = set()
        undirected = 0
        for edge in graph_element.iter(GEXF + "edge"):
            assert edge.get("id") not in edge_ids
            edge_ids.add(edge.get("id"))
            assert edge.get("source") in node_ids and edge.get("target") in node_ids
            # edge-content: type edgetype-type
            assert edge.get("type") in {None, "directed", "undirected", "mutual"}
            undirected += edge.get("type") == "undirected"
            # dynamics.xsd: with timeformat="date", start and end are xs:date
            for side in ("start", "end"):
                if edge.get(side) is not None:
                    datetime.date.fromisoformat(edge.get(side))
            check_attvalues(edge, "edge", declared)
        if symmetric == "undirected":
            assert undirected > 0
        else:
            assert undirected == 0


def check_attvalues(element, kind, declared):
    # attvalue-content: for is a reference to an attribute id of the element's class; booleans are xs:boolean
    for attvalue in element.iter(GEXF + "attvalue"):
        value_type = declared.get((kind, attvalue.get("for")))
        assert value_type is not None, f"attvalue for undeclared {kind} attribute {attvalue.get('for')}"
        if value_type == "boolean":
            assert attvalue.get("value") in {"true", "false", "1", "0"}
