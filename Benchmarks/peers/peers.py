#!/usr/bin/env python3
"""Times the Python graph libraries an analyst would otherwise use on ActorGraph's CSV edge list.

Every peer gets the same CSV, the same parsed arrays and the same seeded query pairs, and runs in its own
process so that its memory is measured alone and one library's allocations do not slow the next.

    peers.py pairs --csv M.csv --count 200 --seed 7 -o M.pairs.tsv
    peers.py run   --csv M.csv --pairs M.pairs.tsv --at 2000-01-01 -o M.peers.json [--libs networkit,igraph]

What is measured, per library (times in milliseconds; `median`/`p99` over the query pairs):
- load: parse (the CSV to arrays, with pyarrow's multi-threaded reader, the fastest we found here) + build
  (the library's fastest bulk constructor, every relation an edge: parallel relations are kept);
- memory: the process's resident-set growth while building, per relation, for the graph alone; the relation
  types and dates are kept beside it in numpy arrays (11 bytes per relation, reported separately);
- shortest path between each pair, undirected (every relation both ways) and directed (a directed type only
  from source to target; an undirected type both ways, as ActorGraph's `--directed`);
- as-of shortest path: the relations possibly active on the `--at` day (start <= D <= end on the CSV's
  `start`/`end` columns, the first and last possible days; undated relations excluded; ActorGraph's
  `--at D --possibly`) — a filtered graph is built first (filter_build) and then queried;
- full BFS: every actor reachable from each of the first `--bfs-sources` pair sources, undirected.

Each answer's length is summed into a checksum so the sides can be checked to agree.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import random
import subprocess
import sys
import time

import numpy as np

LIBRARIES = ["networkit", "igraph", "rustworkx", "networkx"]
OPEN_START = np.iinfo(np.int32).min
OPEN_END = np.iinfo(np.int32).max
EPOCH = datetime.date(1970, 1, 1)


# MARK: Reading the CSV


class Edges:
    """The CSV as arrays: actor ids, relation endpoints (actor positions), types and date bounds."""

    def __init__(self, names, source, target, type_code, type_names, type_directed, dated, start, end):
        self.names = names  # position -> actor id
        self.source = source  # int64, one per relation
        self.target = target
        self.type_code = type_code  # int16 index into type_names
        self.type_names = type_names
        self.type_directed = type_directed  # bool, one per relation
        self.dated = dated  # bool, one per relation
        self.start = start  # int32 day number (days since 1970-01-01), OPEN_START when open
        self.end = end  # int32, OPEN_END when open

    @property
    def actor_count(self):
        return len(self.names)

    @property
    def relation_count(self):
        return len(self.source)

    def side_bytes(self):
        return self.type_code.nbytes + self.dated.nbytes + self.start.nbytes + self.end.nbytes

    def index_by_name(self):
        return {name: position for position, name in enumerate(self.names)}

    def directed_arcs(self, mask=None):
        """Arcs for a directed graph: each relation source -> target, and back when its type is undirected."""
        source, target, undirected = self.source, self.target, ~self.type_directed
        if mask is not None:
            source, target, undirected = source[mask], target[mask], undirected[mask]
        return np.concatenate([source, target[undirected]]), np.concatenate([target, source[undirected]])

    def active_at(self, day):
        """Relations possibly active on `day`: dated, start <= day <= end (the possible bounds)."""
        return self.dated & (self.start <= day) & (self.end >= day)


def day_number(text):
    return (datetime.date.fromisoformat(text) - EPOCH).days


def read_edges(path):
    """Parses the edge list with pyarrow (multi-threaded C++), falling back to the csv module."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.csv as pacsv
    except ImportError:
        return read_edges_csv_module(path)
    columns = ["source", "target", "type", "directed", "date", "start", "end"]
    table = pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            include_columns=columns,
            column_types={
                "source": pa.string(), "target": pa.string(), "type": pa.string(), "directed": pa.bool_(),
                "date": pa.string(), "start": pa.date32(), "end": pa.date32(),
            },
            strings_can_be_null=True,
        ),
    )
    relations = table.num_rows
    endpoints = pa.chunked_array(table["source"].chunks + table["target"].chunks).combine_chunks()
    encoded = endpoints.dictionary_encode()
    positions = encoded.indices.to_numpy().astype(np.int64)
    names = encoded.dictionary.to_pylist()
    types = table["type"].combine_chunks().dictionary_encode()
    start = table["start"].combine_chunks().cast(pa.int32()).fill_null(OPEN_START).to_numpy()
    end = table["end"].combine_chunks().cast(pa.int32()).fill_null(OPEN_END).to_numpy()
    dated = pc.fill_null(pc.greater(pc.utf8_length(table["date"]), 0), False).combine_chunks().to_numpy(
        zero_copy_only=False)
    return Edges(
        names=names,
        source=positions[:relations].copy(),
        target=positions[relations:].copy(),
        type_code=types.indices.to_numpy().astype(np.int16),
        type_names=types.dictionary.to_pylist(),
        type_directed=table["directed"].combine_chunks().fill_null(False).to_numpy(zero_copy_only=False),
        dated=dated,
        start=start.astype(np.int32),
        end=end.astype(np.int32),
    )


def read_edges_csv_module(path):
    import csv

    index, names, types = {}, [], {}
    columns = {name: [] for name in ("source", "target", "type", "directed", "dated", "start", "end")}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for side in ("source", "target"):
                position = index.get(row[side])
                if position is None:
                    position = index[row[side]] = len(names)
                    names.append(row[side])
                columns[side].append(position)
            columns["type"].append(types.setdefault(row["type"], len(types)))
            columns["directed"].append(row["directed"] == "true")
            columns["dated"].append(bool(row["date"]))
            columns["start"].append(day_number(row["start"]) if row["start"] else OPEN_START)
            columns["end"].append(day_number(row["end"]) if row["end"] else OPEN_END)
    return Edges(
        names=names,
        source=np.array(columns["source"], dtype=np.int64),
        target=np.array(columns["target"], dtype=np.int64),
        type_code=np.array(columns["type"], dtype=np.int16),
        type_names=list(types),
        type_directed=np.array(columns["directed"], dtype=bool),
        dated=np.array(columns["dated"], dtype=bool),
        start=np.array(columns["start"], dtype=np.int32),
        end=np.array(columns["end"], dtype=np.int32),
    )


def read_pairs(path):
    with open(path, encoding="utf-8") as handle:
        return [tuple(line.rstrip("\n").split("\t")[:2]) for line in handle if line.strip() and not line.startswith("#")]


# MARK: The peers
#
# Each adapter builds a graph from endpoint arrays over `n` actors and answers: the hop count of a shortest path
# (None when unreachable), and a full BFS (the library's own answer, timed; how many actors it reached is
# counted afterwards, untimed). Paths are materialised as each library
# returns them, since an analyst needs the path, not only its length.


class NetworKit:
    name = "networkit"

    def __init__(self):
        import networkit as nk

        nk.setNumberOfThreads(1)
        self.nk = nk
        self.version = nk.__version__

    def build(self, n, source, target, directed):
        graph = self.nk.Graph(n, directed=directed)
        graph.addEdges((source.astype(np.uint64), target.astype(np.uint64)))
        return graph

    def shortest_path(self, graph, source, target):
        search = self.nk.distance.BidirectionalBFS(graph, source, target, True)
        search.run()
        if search.getDistance() > graph.numberOfNodes():  # infinity when unreachable
            return None
        return len(search.getPath()) + 1

    def full_bfs(self, graph, source):
        search = self.nk.distance.BFS(graph, source, False)
        search.run()
        return search

    def reached(self, answer):
        distances = np.asarray(answer.getDistances())
        return int(np.count_nonzero(distances < 1e300))


class IGraph:
    name = "igraph"

    def __init__(self):
        import igraph as ig

        self.ig = ig
        self.version = ig.__version__

    def build(self, n, source, target, directed):
        graph = self.ig.Graph(n=n, directed=directed)
        graph.add_edges(np.column_stack([source, target]))
        return graph

    def shortest_path(self, graph, source, target):
        path = graph.get_shortest_path(source, target, mode="out", output="vpath")
        return len(path) - 1 if path else None

    def full_bfs(self, graph, source):
        return graph.bfs(source, mode="all")

    def reached(self, answer):
        return len(answer[0])


class RustworkX:
    name = "rustworkx"

    def __init__(self):
        import rustworkx as rx

        self.rx = rx
        self.version = rx.__version__

    def build(self, n, source, target, directed):
        graph = self.rx.PyDiGraph(multigraph=True) if directed else self.rx.PyGraph(multigraph=True)
        graph.add_nodes_from([None] * n)
        graph.extend_from_edge_list(list(zip(source.tolist(), target.tolist())))
        return graph

    def shortest_path(self, graph, source, target):
        # Unit weights: rustworkx has no unweighted single-pair search; Dijkstra stops at the target.
        paths = self.rx.dijkstra_shortest_paths(graph, source, target=target, default_weight=1.0)
        return len(paths[target]) - 1 if target in paths else None

    def full_bfs(self, graph, source):
        return self.rx.bfs_layers(graph, [source])

    def reached(self, answer):
        return sum(len(layer) for layer in answer)


class NetworkX:
    name = "networkx"

    def __init__(self):
        import networkx as nx

        self.nx = nx
        self.version = nx.__version__

    def build(self, n, source, target, directed):
        graph = self.nx.MultiDiGraph() if directed else self.nx.MultiGraph()
        graph.add_nodes_from(range(n))
        graph.add_edges_from(zip(source.tolist(), target.tolist()))
        return graph

    def shortest_path(self, graph, source, target):
        try:
            return len(self.nx.bidirectional_shortest_path(graph, source, target)) - 1
        except self.nx.NetworkXNoPath:
            return None

    def full_bfs(self, graph, source):
        return self.nx.single_source_shortest_path_length(graph, source)

    def reached(self, answer):
        return len(answer)


ADAPTERS = {adapter.name: adapter for adapter in (NetworKit, IGraph, RustworkX, NetworkX)}


# MARK: Measuring


def resident_bytes():
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def ms(nanoseconds):
    return nanoseconds / 1e6


def summary(samples_ns):
    """Median and p99 (nearest rank) in milliseconds."""
    if not samples_ns:
        return {"count": 0}
    ordered = sorted(samples_ns)
    count = len(ordered)
    p99 = ordered[min(count - 1, max(0, int(np.ceil(0.99 * count)) - 1))]
    return {
        "count": count, "median_ms": ms(float(np.median(ordered))), "p99_ms": ms(p99),
        "min_ms": ms(ordered[0]), "max_ms": ms(ordered[-1]), "total_ms": ms(sum(ordered)),
    }


def time_pairs(adapter, graph, pairs):
    adapter.shortest_path(graph, *pairs[0])  # warm-up, untimed
    samples, hops, unreachable = [], 0, 0
    for source, target in pairs:
        began = time.perf_counter_ns()
        length = adapter.shortest_path(graph, source, target)
        samples.append(time.perf_counter_ns() - began)
        if length is None:
            unreachable += 1
        else:
            hops += length
    result = summary(samples)
    result.update({"hops_sum": hops, "unreachable": unreachable})
    return result


def run_one(args):
    """Times one library in this process and prints its JSON result."""
    adapter = ADAPTERS[args.lib]()
    try:  # Imported before the clock starts: a module's import is not part of loading a file.
        import pyarrow.compute  # noqa: F401
        import pyarrow.csv  # noqa: F401
    except ImportError:
        pass
    gc.collect()
    began = time.perf_counter_ns()
    edges = read_edges(args.csv)
    parse_ns = time.perf_counter_ns() - began
    index = edges.index_by_name()
    pairs = [(index[a], index[b]) for a, b in read_pairs(args.pairs)]
    bfs_sources = list(dict.fromkeys(source for source, _ in pairs))[: args.bfs_sources]
    n, relations = edges.actor_count, edges.relation_count
    result = {
        "library": adapter.name, "version": adapter.version, "actors": n, "relations": relations,
        "pairs": len(pairs), "parse_ms": ms(parse_ns),
    }

    gc.collect()
    rss_before = resident_bytes()
    began = time.perf_counter_ns()
    undirected = adapter.build(n, edges.source, edges.target, directed=False)
    build_ns = time.perf_counter_ns() - began
    gc.collect()
    graph_bytes = resident_bytes() - rss_before
    result.update({
        "build_ms": ms(build_ns), "load_ms": ms(parse_ns + build_ns),
        "graph_bytes": graph_bytes, "graph_bytes_per_relation": graph_bytes / max(relations, 1),
        "side_bytes_per_relation": edges.side_bytes() / max(relations, 1),
        "bytes_per_relation": (graph_bytes + edges.side_bytes()) / max(relations, 1),
    })

    result["shortest_path_undirected"] = time_pairs(adapter, undirected, pairs)

    samples, reached = [], 0
    for source in bfs_sources:
        began = time.perf_counter_ns()
        answer = adapter.full_bfs(undirected, source)
        samples.append(time.perf_counter_ns() - began)
        reached += adapter.reached(answer)
        del answer
    result["full_bfs"] = summary(samples)
    result["full_bfs"]["reached_sum"] = reached

    # As of a day: build the filtered graph (mask + constructor), then query it.
    day = day_number(args.at)
    began = time.perf_counter_ns()
    mask = edges.active_at(day)
    as_of = adapter.build(n, edges.source[mask], edges.target[mask], directed=False)
    filter_ns = time.perf_counter_ns() - began
    result["as_of"] = {"date": args.at, "relations": int(mask.sum()), "filter_build_ms": ms(filter_ns)}
    result["shortest_path_as_of"] = time_pairs(adapter, as_of, pairs)
    del as_of, undirected
    gc.collect()

    began = time.perf_counter_ns()
    arc_source, arc_target = edges.directed_arcs()
    directed = adapter.build(n, arc_source, arc_target, directed=True)
    result["directed_build_ms"] = ms(time.perf_counter_ns() - began)
    result["shortest_path_directed"] = time_pairs(adapter, directed, pairs)
    json.dump(result, sys.stdout)


def run_all(args):
    libraries = [name for name in args.libs.split(",") if name]
    results = {
        "csv": args.csv, "pairs_file": args.pairs, "at": args.at,
        "machine": {"python": platform.python_version(), "nproc": os.cpu_count()},
        "peers": [],
    }
    for library in libraries:
        command = [
            sys.executable, os.path.abspath(__file__), "run-one", "--lib", library, "--csv", args.csv,
            "--pairs", args.pairs, "--at", args.at, "--bfs-sources", str(args.bfs_sources),
        ]
        print(f"peers: timing {library} ...", file=sys.stderr, flush=True)
        try:
            completed = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            results["peers"].append({"library": library, "error": f"timed out after {args.timeout} s"})
            continue
        if completed.returncode != 0:
            reason = (completed.stderr.strip().splitlines() or ["no output"])[-1]
            results["peers"].append({"library": library, "error": reason})
            print(f"peers: {library} failed: {reason}", file=sys.stderr)
            continue
        results["peers"].append(json.loads(completed.stdout))
    text = json.dumps(results, indent=2)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    else:
        print(text)


def make_pairs(args):
    """`count` ordered pairs of distinct actors, uniform, from a seeded generator; actors sorted by id first."""
    edges = read_edges(args.csv)
    names = sorted(edges.names)
    generator = random.Random(args.seed)
    pairs = []
    while len(pairs) < args.count:
        source, target = generator.choice(names), generator.choice(names)
        if source != target:
            pairs.append((source, target))
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(f"# {args.count} pairs, seed {args.seed}, from {os.path.basename(args.csv)}\n")
        for source, target in pairs:
            handle.write(f"{source}\t{target}\n")


def pick_focus(args):
    """Prints the first pair source whose undirected 2-hop neighbourhood has between --min and --max actors: the
    render benchmark's focus, chosen by rule so every run draws the same neighbourhood."""
    import igraph as ig

    edges = read_edges(args.csv)
    graph = ig.Graph(n=edges.actor_count)
    graph.add_edges(np.column_stack([edges.source, edges.target]))
    index = edges.index_by_name()
    for source, _ in read_pairs(args.pairs):
        size = len(graph.neighborhood(index[source], order=args.depth))
        if args.min <= size <= args.max:
            print(f"{source}\t{size}")
            return
    sys.exit(f"no pair source has a {args.depth}-hop neighbourhood of {args.min}-{args.max} actors")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    pairs = commands.add_parser("pairs", help="Writes the seeded query pairs (TSV of actor ids).")
    pairs.add_argument("--csv", required=True)
    pairs.add_argument("--count", type=int, default=200)
    pairs.add_argument("--seed", type=int, default=7)
    pairs.add_argument("-o", "--output", required=True)
    focus = commands.add_parser("focus", help="Picks the render benchmark's focus actor.")
    focus.add_argument("--csv", required=True)
    focus.add_argument("--pairs", required=True)
    focus.add_argument("--depth", type=int, default=2)
    focus.add_argument("--min", type=int, default=100)
    focus.add_argument("--max", type=int, default=500)
    for name in ("run", "run-one"):
        command = commands.add_parser(name, help="Times the peers (run) or one peer in this process (run-one).")
        command.add_argument("--csv", required=True)
        command.add_argument("--pairs", required=True)
        command.add_argument("--at", default="2000-01-01", help="The as-of day, YYYY-MM-DD.")
        command.add_argument("--bfs-sources", type=int, default=20)
        if name == "run":
            command.add_argument("--libs", default=",".join(LIBRARIES))
            command.add_argument("--timeout", type=int, default=3600, help="Seconds per library.")
            command.add_argument("-o", "--output")
        else:
            command.add_argument("--lib", required=True, choices=sorted(ADAPTERS))
    args = parser.parse_args()
    {"pairs": make_pairs, "run": run_all, "run-one": run_one, "focus": pick_focus}[args.command](args)


if __name__ == "__main__":
    main()
