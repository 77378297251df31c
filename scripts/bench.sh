#!/usr/bin/env bash
# `make bench`: ActorGraph beside networkit, igraph, rustworkx, networkx and SwiftGraph on the same generated CSV
# edge lists and the same seeded query pairs, one markdown table per size (docs/PERFORMANCE.md, "Peers").
#
#   make bench                       # sizes S and M
#   BENCH_L=1 make bench             # and L (1M actors / 10M relations: long, about 10 GB of memory) in the
#                                    # peer tables; the cold-query table has M and L always (BENCH_COLD_L=0: M only)
#   BENCH_SIZES=S scripts/bench.sh   # only S
#
# Settings (environment): BIN (the release actorgraph; generates the CSVs), BENCH_SIZES, BENCH_L, BENCH_SEED
# (generator seed, 1), BENCH_PAIR_SEED (7), BENCH_PAIRS (200), BENCH_AT (the as-of day, 2000-01-01),
# BENCH_BFS_SOURCES (20), BENCH_PEERS (the Python libraries), BENCH_L_PEERS (for L, networkit and igraph: networkx
# needs tens of GB there and rustworkx's Dijkstra about an hour for the pairs), BENCH_SWIFTGRAPH (1; 0 leaves it
# out), BENCH_L_SWIFTGRAPH (0: its BFS over [[Edge]] takes most of an hour at L), BENCH_RENDER (1; 0 skips the render
# comparison), BENCH_RENDER_RUNS (10), BENCH_COLD (1; 0 skips the cold-query table, scripts/bench-cold.sh), BENCH_COLD_L
# (1; 0 leaves L out of the cold-query table), BENCH_YAML
# (1; 0 skips the YAML scaling table, scripts/bench-yaml-scaling.sh), BENCH_DATA, BENCH_OUT.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.build/release/actorgraph}
DATA=${BENCH_DATA:-Benchmarks/data}
OUT=${BENCH_OUT:-Benchmarks/results}
SEED=${BENCH_SEED:-1}
PAIR_SEED=${BENCH_PAIR_SEED:-7}
PAIRS=${BENCH_PAIRS:-200}
AT=${BENCH_AT:-2000-01-01}
BFS_SOURCES=${BENCH_BFS_SOURCES:-20}
PEERS=${BENCH_PEERS:-networkit,igraph,rustworkx,networkx}
L_PEERS=${BENCH_L_PEERS:-networkit,igraph}
SWIFTGRAPH=${BENCH_SWIFTGRAPH:-1}
SIZES=${BENCH_SIZES:-S M}
if [ "${BENCH_L:-0}" = 1 ]; then SIZES="$SIZES L"; fi
VENV=Benchmarks/.venv
SCRATCH=Benchmarks/.build-bench

say() { printf '== %s\n' "$*" >&2; }

# 1. The Python peers, pinned, into a local virtual environment (binary wheels only: nothing compiles here).
if ! "$VENV/bin/python" -c 'import networkit, igraph, rustworkx, networkx, pyarrow, numpy' 2>/dev/null; then
    say "installing the Python peers into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --only-binary=:all: -r Benchmarks/peers/requirements.txt
fi
PY="$VENV/bin/python"

# 2. The timing executables (nested package; release; own scratch path so the root's .build is untouched). Only
# these three: the ordo-one suite (ActorGraphQueries) is built by `swift package benchmark` when it is run.
for product in actorgraph-bench swiftgraph-bench render-bench; do
    say "building Benchmarks/ $product (release)"
    swift build -c release --package-path Benchmarks --scratch-path "$SCRATCH" --product "$product" >&2
done
BENCH_BIN=$(swift build -c release --package-path Benchmarks --scratch-path "$SCRATCH" --show-bin-path)

if [ ! -x "$BIN" ]; then
    say "building actorgraph (release) for 'generate'"
    swift build -c release >&2
fi

mkdir -p "$DATA" "$OUT"
{
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"
    echo "$(free -g | awk '/^Mem:/ {print $2}') GiB; $(uname -sr); $(swift --version 2>/dev/null | head -1);"
    echo "Python $("$PY" -c 'import platform; print(platform.python_version())'). Run $(date -u '+%Y-%m-%d %H:%M UTC'),"
    echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Benchmarks scripts 2>/dev/null || echo ' (with uncommitted changes)');"
    echo "load average at the start $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine adds noise to wall times)."
} > "$OUT/machine.md"

for size in $SIZES; do
    case $size in
        S) actors=1000 relations=5000 ;;
        M) actors=100000 relations=1000000 ;;
        L) actors=1000000 relations=10000000 ;;
        *) echo "unknown size $size (S, M or L)" >&2; exit 2 ;;
    esac
    csv="$DATA/$size-seed$SEED.csv"
    pairs="$DATA/$size-seed$SEED.pairs.tsv"
    if [ ! -s "$csv" ]; then
        say "$size: generating $actors actors / $relations relations (seed $SEED)"
        "$BIN" generate --actors "$actors" --relations "$relations" --seed "$SEED" --format csv -o "$csv.tmp"
        mv "$csv.tmp" "$csv"
    fi
    "$PY" Benchmarks/peers/peers.py pairs --csv "$csv" --count "$PAIRS" --seed "$PAIR_SEED" -o "$pairs"
    common=(--csv "$csv" --pairs "$pairs" --at "$AT" --bfs-sources "$BFS_SOURCES")

    say "$size: ActorGraph"
    "$BENCH_BIN/actorgraph-bench" "${common[@]}" > "$OUT/$size.actorgraph.json"
    with_swiftgraph=$SWIFTGRAPH
    if [ "$size" = L ]; then with_swiftgraph=${BENCH_L_SWIFTGRAPH:-0}; fi
    if [ "$with_swiftgraph" = 1 ]; then
        say "$size: SwiftGraph"
        "$BENCH_BIN/swiftgraph-bench" "${common[@]}" > "$OUT/$size.swiftgraph.json" || rm -f "$OUT/$size.swiftgraph.json"
    else
        rm -f "$OUT/$size.swiftgraph.json"
    fi
    libs=$PEERS
    if [ "$size" = L ]; then libs=$L_PEERS; fi
    say "$size: Python peers ($libs)"
    "$PY" Benchmarks/peers/peers.py run "${common[@]}" --libs "$libs" -o "$OUT/$size.peers.json"

    "$PY" Benchmarks/peers/report.py --size "$size" --actorgraph "$OUT/$size.actorgraph.json" \
        --swiftgraph "$OUT/$size.swiftgraph.json" --peers "$OUT/$size.peers.json" > "$OUT/$size.md"
done

# 3. Render of a 2-hop neighbourhood (issue 7: <= 500 actors): the same DOT through our isolated libgvc worker
# (spawn included) and through the dot command. The S graph is used as a graph file (render reads graph files),
# generated with the same seed; the focus is the first pair source whose 2-hop neighbourhood has 100-500 actors.
if [ "${BENCH_RENDER:-1}" = 1 ]; then
    say "render: isolated worker vs dot"
    yaml="$DATA/S-seed$SEED.yaml"
    [ -s "$yaml" ] || "$BIN" generate --actors 1000 --relations 5000 --seed "$SEED" -o "$yaml"
    csv="$DATA/S-seed$SEED.csv"
    pairs="$DATA/S-seed$SEED.pairs.tsv"
    [ -s "$csv" ] || "$BIN" generate --actors 1000 --relations 5000 --seed "$SEED" --format csv -o "$csv"
    [ -s "$pairs" ] || "$PY" Benchmarks/peers/peers.py pairs --csv "$csv" --count "$PAIRS" --seed "$PAIR_SEED" -o "$pairs"
    focus=$("$PY" Benchmarks/peers/peers.py focus --csv "$csv" --pairs "$pairs" --depth 2 --max 500 | cut -f1)
    "$BIN" render --graph "$yaml" --focus "$focus" --depth 2 --format dot -o "$OUT/render-focus.dot" 2>/dev/null
    "$BENCH_BIN/render-bench" --dot "$OUT/render-focus.dot" --worker "$BIN" --runs "${BENCH_RENDER_RUNS:-10}" \
        > "$OUT/render.json"
    "$PY" Benchmarks/peers/report.py --render "$OUT/render.json" --focus "$focus" > "$OUT/render.md"
else
    rm -f "$OUT/render.md"
fi

# 4. Cold queries from a snapshot (whole processes, medians of 20; M and L — the L snapshot is generated and compiled
# once into BENCH_DATA, ~1.4 GB of CSV and 0.5 GB of snapshot; BENCH_COLD_L=0 leaves L out) with the resident memory
# per relation, and graph-file (YAML) loading at 10k/100k/1M relations (issue 16). BENCH_COLD=0 or BENCH_YAML=0
# skips them.
if [ "${BENCH_COLD:-1}" = 1 ]; then
    say "cold queries from a snapshot"
    cold_sizes="M L"
    if [ "${BENCH_COLD_L:-1}" = 0 ]; then cold_sizes="M"; fi
    BIN=$BIN BENCH_DATA=$DATA COLD_SIZES="$cold_sizes" BENCH_L=0 scripts/bench-cold.sh > "$OUT/cold.md"
else
    rm -f "$OUT/cold.md"
fi
if [ "${BENCH_YAML:-1}" = 1 ]; then
    say "graph-file (YAML) scaling"
    BIN=$BIN BENCH_DATA=$DATA scripts/bench-yaml-scaling.sh > "$OUT/yaml-scaling.md"
else
    rm -f "$OUT/yaml-scaling.md"
fi

cat "$OUT/machine.md"
echo
for size in $SIZES; do
    cat "$OUT/$size.md"
    echo
done
if [ -s "$OUT/render.md" ]; then cat "$OUT/render.md"; fi
if [ -s "$OUT/cold.md" ]; then echo; echo "#### Cold queries from a snapshot"; echo; cat "$OUT/cold.md"; fi
if [ -s "$OUT/yaml-scaling.md" ]; then echo; echo "#### Graph files (YAML) at 10k, 100k, 1M relations"; echo; cat "$OUT/yaml-scaling.md"; fi
