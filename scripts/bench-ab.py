#!/usr/bin/env python3
"""A/B of two builds: two actorgraph-bench binaries (Benchmarks/, release) run alternately on the same CSV and query
pairs, ROUNDS times each, the order swapped every round; prints a markdown table of medians and ranges per measure
and of each process's CPU time. For comparing builds on one machine, where wall times of separate runs drift.
  scripts/bench-ab.py A_BENCH B_BENCH EDGES.csv PAIRS.tsv ROUNDS
(pairs from `Benchmarks/peers/peers.py pairs`). Used for docs/PERFORMANCE.md's before/after tables."""
import json, subprocess, sys, statistics, resource
if len(sys.argv) != 6 or not sys.argv[5].isdigit():
    sys.exit("usage: scripts/bench-ab.py A_BENCH B_BENCH EDGES.csv PAIRS.tsv ROUNDS")
before, after, csv, pairs, rounds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
keys = ["load_ms", "parse_ms", "build_ms", "shortest_path_undirected.median_ms", "shortest_path_undirected.p99_ms",
        "shortest_path_directed.median_ms", "shortest_path_directed.p99_ms", "shortest_path_as_of.median_ms",
        "shortest_path_as_of_indexed.median_ms", "as_of_indexed.index_build_ms", "full_bfs.median_ms",
        "bytes_per_relation", "graph_bytes_per_relation"]
def get(d, k):
    for part in k.split("."): d = d[part]
    return d
results = {"before": [], "after": []}
cpu = {"before": [], "after": []}
for r in range(rounds):
    for name, binary in (("before", before), ("after", after)) if r % 2 == 0 else (("after", after), ("before", before)):
        start = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([binary, "--csv", csv, "--pairs", pairs, "--at", "2000-01-01", "--bfs-sources", "20"],
                             capture_output=True, check=True).stdout
        end = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[name].append(end.ru_utime + end.ru_stime - start.ru_utime - start.ru_stime)
        results[name].append(json.loads(out))
        print(f"round {r} {name} load {get(results[name][-1], 'load_ms'):.0f} ms", file=sys.stderr, flush=True)
print(f"| measure | A (median of {rounds}) | B (median of {rounds}) | B ÷ A | A min–max | B min–max |")
print("|---|---|---|---|---|---|")
for k in keys:
    b = [get(x, k) for x in results["before"]]; a = [get(x, k) for x in results["after"]]
    mb, ma = statistics.median(b), statistics.median(a)
    print(f"| {k} | {mb:.4g} | {ma:.4g} | {ma/mb:.2f}× | {min(b):.4g}–{max(b):.4g} | {min(a):.4g}–{max(a):.4g} |")
mb, ma = statistics.median(cpu["before"]), statistics.median(cpu["after"])
print(f"| process CPU time, s | {mb:.3g} | {ma:.3g} | {ma/mb:.2f}× | {min(cpu['before']):.3g}–{max(cpu['before']):.3g} | {min(cpu['after']):.3g}–{max(cpu['after']):.3g} |")
