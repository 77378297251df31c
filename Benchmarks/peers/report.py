#!/usr/bin/env python3
"""Turns one size's results (ActorGraph, SwiftGraph and the Python peers, from the same run) into a markdown table.

    report.py --size M --actorgraph M.actorgraph.json --swiftgraph M.swiftgraph.json --peers M.peers.json

Each row is one measurement; each column one library; then the fastest peer, ActorGraph's ratio to it (lower is
better) and the issue's target with whether this run met it. A last line says whether every side gave the same
answers (sums of path lengths, unreachable pairs, actors reached), which is what makes the times comparable.
"""

import argparse
import json
import math
import os

PEER_ORDER = ["networkit", "igraph", "rustworkx", "networkx", "SwiftGraph"]


def load(path):
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def dig(result, *keys):
    value = result
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def number(value):
    """Three significant digits, never in exponent form."""
    if value is None:
        return "—"
    if value >= 100:
        return f"{value:,.0f}"
    if value == 0:
        return "0"
    digits = max(0, 2 - int(math.floor(math.log10(abs(value)))))
    return f"{value:.{digits}f}"


# (label, unit, value getter, target ratio to the fastest peer or None, how the target reads)
def rows_for(ours, size=None):
    unfiltered = dig(ours, "shortest_path_undirected", "median_ms") if ours else None
    return [
        ("load: CSV parse + build, types and dates", "s", lambda r: r.get("load_ms") and r["load_ms"] / 1000, 1 / 3,
         "≤ 0.33× fastest peer"),
        ("memory: resident growth per relation", "B", lambda r: r.get("bytes_per_relation_rss"), None,
         "≤ 48 B (own accounting, row below)"),
        ("memory: ActorGraph's own accounting (`bytesPerRelation`)", "B", lambda r: r.get("own_bytes_per_relation"),
         None, "≤ 48 B"),
        ("shortest path, undirected: median", "ms", lambda r: dig(r, "shortest_path_undirected", "median_ms"), 1.0,
         "≤ 1.0×"),
        ("shortest path, undirected: p99", "ms", lambda r: dig(r, "shortest_path_undirected", "p99_ms"), 1.5,
         "≤ 1.5×"),
        ("shortest path, directed: median", "ms", lambda r: dig(r, "shortest_path_directed", "median_ms"), 1.0,
         "≤ 1.0×"),
        ("shortest path, directed: p99", "ms", lambda r: dig(r, "shortest_path_directed", "p99_ms"), 1.5, "≤ 1.5×"),
        ("as-of: build the filtered graph (once per date)", "ms", lambda r: dig(r, "as_of", "filter_build_ms"), None,
         "none: a view, no copy"),
        ("as-of: first answer (filter build + median query)", "ms",
         lambda r: dig(r, "as_of", "filter_build_ms") + dig(r, "shortest_path_as_of", "median_ms")
         if dig(r, "as_of", "filter_build_ms") is not None and dig(r, "shortest_path_as_of", "median_ms") is not None
         else None, 1.0, "≤ 1.0× (no filtered copy)"),
        ("as-of shortest path: median", "ms", lambda r: dig(r, "shortest_path_as_of", "median_ms"), "as-of",
         "≤ 2.0× our unfiltered median"),
        ("as-of shortest path: p99", "ms", lambda r: dig(r, "shortest_path_as_of", "p99_ms"), None, ""),
        # ActorGraph's view with its admitted-relation bits (`FilteredGraph.indexed()`); the peers' columns repeat
        # their as-of figures (a filtered copy) for the comparison.
        ("as-of, indexed view: build the admitted-relation bits (once per date)", "ms",
         lambda r: dig(r, "as_of_indexed", "index_build_ms") if "as_of_indexed" in r
         else dig(r, "as_of", "filter_build_ms"), None, "none: one bit per relation, no copy"),
        ("as-of shortest path, indexed view: median", "ms", lambda r: as_of_indexed(r, "median_ms"), "as-of",
         "≤ 2.0× our unfiltered median"),
        ("as-of shortest path, indexed view: p99", "ms", lambda r: as_of_indexed(r, "p99_ms"), None, ""),
        ("full BFS from one actor: median", "ms", lambda r: dig(r, "full_bfs", "median_ms"), 1.0, "≤ 1.0×"),
        ("full BFS from one actor: p99", "ms", lambda r: dig(r, "full_bfs", "p99_ms"), None, ""),
        ("(diagnostic) full BFS, distances only, harness code over `forEachStep`: median", "ms",
         lambda r: dig(r, "full_bfs_bare", "median_ms"), None, "not the product's API"),
    ] + ([("load, L: under 10 s", "s", lambda r: r.get("load_ms") and r["load_ms"] / 1000, "absolute-10",
           "< 10 s")] if size == "L" else []), unfiltered


def as_of_indexed(result, key):
    """ActorGraph's indexed as-of figure; a peer's plain as-of figure (it has no indexed view)."""
    if "shortest_path_as_of_indexed" in result:
        return dig(result, "shortest_path_as_of_indexed", key)
    return dig(result, "shortest_path_as_of", key)


def normalise(result, is_ours):
    """Adds the two memory figures under common names."""
    if result is None or "error" in result:
        return result
    result = dict(result)
    if is_ours:
        result["bytes_per_relation_rss"] = result.get("graph_bytes_per_relation")
        result["own_bytes_per_relation"] = result.get("bytes_per_relation")
    else:
        # Peers: the graph's resident growth plus the numpy arrays that hold types and dates beside it.
        result["bytes_per_relation_rss"] = result.get("bytes_per_relation", result.get("graph_bytes_per_relation"))
    return result


def verdict(ratio, target):
    """`met`, or `missed` with how far over the target the ratio is."""
    if ratio is None or target is None:
        return ""
    return "met" if ratio <= target + 1e-9 else f"**missed** ({ratio / target:.2f}× the target)"


def answers(result):
    if not result or "error" in result:
        return None
    return tuple(
        (dig(result, key, "hops_sum"), dig(result, key, "unreachable"))
        for key in ("shortest_path_undirected", "shortest_path_directed", "shortest_path_as_of")
    ) + (dig(result, "full_bfs", "reached_sum"), dig(result, "as_of", "relations")) + (
        # The indexed view must answer as the plain one.
        () if "shortest_path_as_of_indexed" not in result else () if (
            dig(result, "shortest_path_as_of_indexed", "hops_sum"),
            dig(result, "shortest_path_as_of_indexed", "unreachable"),
        ) == (dig(result, "shortest_path_as_of", "hops_sum"), dig(result, "shortest_path_as_of", "unreachable"))
        else ("indexed view disagrees",))


def table(size, ours, peers):
    columns = [("ActorGraph", ours)] + [(name, peers.get(name)) for name in PEER_ORDER if name in peers]
    rows, unfiltered = rows_for(ours, size)
    header = ["measure", "unit"] + [name for name, _ in columns] + ["fastest peer", "ActorGraph ÷ fastest", "target",
                                                                     "result"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for label, unit, getter, target, target_text in rows:
        cells = [label, unit]
        values = {}
        for name, result in columns:
            value = getter(result) if result and "error" not in result else None
            values[name] = value
            cells.append(number(value) if value is not None else ("failed" if result and "error" in result else "—"))
        peer_values = {name: value for name, value in values.items() if name != "ActorGraph" and value is not None}
        ours_value = values.get("ActorGraph")
        if peer_values:
            fastest = min(peer_values, key=peer_values.get)
            cells.append(f"{fastest} {number(peer_values[fastest])}")
            ratio = ours_value / peer_values[fastest] if ours_value is not None and peer_values[fastest] else None
            cells.append(f"{ratio:.2f}×" if ratio is not None else "—")
        else:
            ratio = None
            cells += ["—", "—"]
        cells.append(target_text)
        if target == "absolute-10":
            cells[-1:] = [target_text, verdict(ours_value / 10 if ours_value else None, 1.0) if ours_value else ""]
            lines.append("| " + " | ".join(cells) + " |")
            continue
        if target == "as-of":
            own = ours_value / unfiltered if ours_value is not None and unfiltered else None
            cells.append(f"{own:.2f}× our unfiltered: " + verdict(own, 2.0) if own is not None else "")
        elif "48 B" in target_text and label.startswith("memory: ActorGraph"):
            cells.append(verdict(ours_value / 48 if ours_value else None, 1.0) if ours_value else "")
        else:
            cells.append(verdict(ratio, target))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def render_table(path, focus):
    result = load(path)
    ours, theirs = result["isolated_worker"], result["dot_command"]
    ratio = ours["median_ms"] / theirs["median_ms"]
    print(f"### Render: 2-hop neighbourhood of {focus} in S ({result['nodes']} actors, {result['dot_bytes']:,} bytes "
          f"of DOT), SVG, {result['runs']} runs each, alternating")
    print()
    print("| measure | unit | ActorGraph isolated worker (spawn included) | dot command | ActorGraph ÷ dot | target | "
          "result |")
    print("|---|---|---|---|---|---|---|")
    for key, label, target in (("median_ms", "median", 1.0), ("p99_ms", "p99", None)):
        value = ours[key] / theirs[key]
        print(f"| {label} | ms | {number(ours[key])} | {number(theirs[key])} | {value:.2f}× | "
              f"{'≤ 1.0×' if target else ''} | {verdict(value, target) if target else ''} |")
    same = "the same size" if ours.get("svg_bytes") == theirs.get("svg_bytes") else "different sizes"
    print()
    print(f"- Both SVGs have {same} ({ours.get('svg_bytes'):,} and {theirs.get('svg_bytes'):,} bytes); "
          f"median ratio {ratio:.2f}×.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--render", help="Print the render comparison table of render-bench's JSON instead.")
    parser.add_argument("--focus", default="?")
    parser.add_argument("--size")
    parser.add_argument("--actorgraph")
    parser.add_argument("--swiftgraph")
    parser.add_argument("--peers")
    args = parser.parse_args()
    if args.render:
        render_table(args.render, args.focus)
        return
    ours = normalise(load(args.actorgraph), True)
    peers = {}
    peer_file = load(args.peers)
    for result in (peer_file or {}).get("peers", []):
        peers[result["library"]] = normalise(result, False)
    swiftgraph = load(args.swiftgraph)
    if swiftgraph:
        peers["SwiftGraph"] = normalise(swiftgraph, False)
    first = ours or next(iter(peers.values()), {}) or {}
    at = dig(first, "as_of", "date") or (peer_file or {}).get("at")
    print(f"### {args.size}: {first.get('actors', '?'):,} actors, {first.get('relations', '?'):,} relations, "
          f"{first.get('pairs', '?')} query pairs, as of {at}")
    print()
    print("\n".join(table(args.size, ours, peers)))
    print()
    for name, result in peers.items():
        if result and "error" in result:
            print(f"- {name} failed: {result['error']}")
    reference = answers(ours)
    disagree = [name for name, result in peers.items() if answers(result) not in (None, reference)]
    versions = ", ".join(f"{name} {result.get('version', '?')}" for name, result in peers.items()
                         if result and "error" not in result)
    if reference is None:
        print("- ActorGraph did not run: no answers to check.")
    elif disagree:
        print(f"- **Answers differ** from ActorGraph's for: {', '.join(disagree)} (path-length sums, unreachable "
              "pairs, actors reached): their times are not comparable.")
    else:
        print("- Every side gave the same answers: path-length sums and unreachable pairs (undirected, directed, "
              "as-of), actors reached by the full BFS, relations active at the date.")
    print(f"- Versions: {versions}.")


if __name__ == "__main__":
    main()
