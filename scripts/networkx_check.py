#!/usr/bin/env python3
"""Reads an exported GraphML or GEXF file with networkx and prints what it found as JSON.

Used by the Swift tests (Tests/ActorGraphIOTests/ExportNetworkXTests.swift) to prove that a real consumer
opens our exports with the same nodes, edges and attributes.

    python3 scripts/networkx_check.py graphml FILE
    python3 scripts/networkx_check.py gexf FILE

Output: {"networkx": VERSION, "directed": bool, "multigraph": bool, "nodes": N, "edges": M,
         "node_attributes": {node_id: {name: value}}, "edge_attributes": {edge_id: {name: value}},
         "edge_endpoints": {edge_id: [source, target]}}

Exit status 3 when networkx cannot be imported (the caller decides whether that skips or fails).
"""
import json
import sys


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("graphml", "gexf"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import networkx
    except ImportError as error:
        print(f"networkx is not installed: {error}", file=sys.stderr)
        return 3
    kind, path = sys.argv[1], sys.argv[2]
    graph = networkx.read_graphml(path) if kind == "graphml" else networkx.read_gexf(path)
    nodes = {str(node): {key: value for key, value in data.items()} for node, data in graph.nodes(data=True)}
    edges = {}
    endpoints = {}
    triples = (
        graph.edges(keys=True, data=True)
        if graph.is_multigraph()
        else ((source, target, None, data) for source, target, data in graph.edges(data=True))
    )
    for source, target, key, data in triples:
        edge_id = str(data.get("id", key))
        edges[edge_id] = {name: value for name, value in data.items() if name != "id"}
        endpoints[edge_id] = [str(source), str(target)]
    result = {
        "networkx": networkx.__version__,
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "node_attributes": nodes,
        "edge_attributes": edges,
        "edge_endpoints": endpoints,
    }
    json.dump(result, sys.stdout, ensure_ascii=False, sort_keys=True, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
