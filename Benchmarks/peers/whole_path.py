#!/usr/bin/env python3
"""One whole process of what `actorgraph path --graph M.csv SOURCE TARGET` does, with networkit and pyarrow: start
Python, import them, read the edge list as `peers.py` does (pyarrow's multi-threaded CSV reader into numpy),
build the undirected graph, find one shortest path, print its length. scripts/bench-cold.sh times it beside
ActorGraph's whole process (docs/PERFORMANCE.md, "Cold queries from a snapshot": the CSV row).

    whole_path.py M.csv a1 a5000
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peers import NetworKit, read_edges  # noqa: E402


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: whole_path.py EDGES.csv SOURCE TARGET")
    path, source, target = sys.argv[1:]
    edges = read_edges(path)
    position = {name: index for index, name in enumerate(edges.names)}
    if source not in position or target not in position:
        sys.exit(f"{source} or {target} is not in {path}")
    library = NetworKit()
    graph = library.build(len(edges.names), edges.source, edges.target, directed=False)
    length = library.shortest_path(graph, position[source], position[target])
    print(f"{source} -> {target}: {length if length is not None else 'no path'} steps")


if __name__ == "__main__":
    main()
