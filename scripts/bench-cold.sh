#!/usr/bin/env bash
# Cold queries: each command as a whole process (start, load the snapshot, answer, exit), the median of 20 runs,
# on the M snapshot (100k actors / 1M relations) and, with BENCH_L=1, the L one (1M / 10M). Also the resident memory
# a CSV load of M adds per relation, beside the graph's own accounting (bytesPerRelation). One markdown table per
# size on standard output (docs/PERFORMANCE.md, "Cold queries").
#
#   scripts/bench-cold.sh                 # M
#   BENCH_L=1 scripts/bench-cold.sh       # M and L (generating L takes minutes)
#
# Settings (environment): BIN (release actorgraph), BENCH_DATA, COLD_RUNS (20), COLD_SIZES, BENCH_COLD_SEED (7).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.build/release/actorgraph}
DATA=${BENCH_DATA:-Benchmarks/data}
RUNS=${COLD_RUNS:-20}
SEED=${BENCH_COLD_SEED:-7}
SIZES=${COLD_SIZES:-M}
if [ "${BENCH_L:-0}" = 1 ]; then SIZES="$SIZES L"; fi
mkdir -p "$DATA"

median() { python3 -c "import json,sys; print(round(json.load(sys.stdin)['median_ms']))"; }

for size in $SIZES; do
    case $size in
        M) actors=100000 relations=1000000 ;;
        L) actors=1000000 relations=10000000 ;;
        *) echo "unknown size $size (M or L)" >&2; exit 2 ;;
    esac
    csv="$DATA/$size-seed$SEED.csv"
    snapshot="$DATA/$size-seed$SEED.agraph"
    if [ ! -s "$csv" ]; then
        "$BIN" generate --actors "$actors" --relations "$relations" --seed "$SEED" --format csv -o "$csv.tmp.csv"
        mv "$csv.tmp.csv" "$csv"
    fi
    # Compiled afresh when older than the binary: the snapshot format may have changed.
    if [ ! -s "$snapshot" ] || [ "$BIN" -nt "$snapshot" ]; then "$BIN" compile "$csv" -o "$snapshot"; fi
    far="a$((actors / 20))"
    echo "**$size** ($actors actors / $relations relations, snapshot $(du -m "$snapshot" | cut -f1) MB), whole process, median of $RUNS runs:"
    echo
    echo "| command | median wall | fastest | slowest | median CPU (user + system) | peak resident |"
    echo "|---|---|---|---|---|---|"
    while IFS= read -r query; do
        # shellcheck disable=SC2086
        result=$(scripts/timeproc.py --runs "$RUNS" -- "$BIN" $query --graph "$snapshot" </dev/null)
        python3 - "$query" "$result" <<'PY'
import json, sys
query, result = sys.argv[1], json.loads(sys.argv[2])
print(f"| `{query}` | {result['median_ms']:.0f} ms | {result['min_ms']:.0f} ms | {result['max_ms']:.0f} ms "
      f"| {result['cpu_median_ms']:.0f} ms | {result['max_rss_kb'] / 1024:.0f} MB |")
PY
    done <<EOF2
path a1 $far
show a1
neighbors a77
timeline a1
check
EOF2
    echo
    # The CSV itself, whole processes: `path --graph X.csv` against networkit with pyarrow doing the same (start,
    # read the edge list, build, one shortest path; Benchmarks/peers/whole_path.py), when the peers' venv exists.
    python=${PEERS_PYTHON:-Benchmarks/.venv/bin/python3}
    if [ "$size" = M ] && "$python" -c "import networkit, pyarrow" 2>/dev/null; then
        ours=$(scripts/timeproc.py --runs 5 -- "$BIN" path a1 "$far" --graph "$csv" </dev/null)
        theirs=$(scripts/timeproc.py --runs 5 -- "$python" Benchmarks/peers/whole_path.py "$csv" a1 "$far" </dev/null)
        python3 - "$ours" "$theirs" <<'PY'
import json, sys
ours, theirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"Whole process from the CSV, load and one shortest path (median of 5): `path --graph` {ours['median_ms']:.0f} ms "
      f"wall, {ours['cpu_median_ms']:.0f} ms CPU; networkit with pyarrow {theirs['median_ms']:.0f} ms wall, "
      f"{theirs['cpu_median_ms']:.0f} ms CPU; ratio {ours['median_ms'] / theirs['median_ms']:.2f}x in wall time.")
PY
        echo
    fi
    # Memory: the resident growth per relation of a CSV load and of a snapshot load (peak RSS of `check` minus a run
    # on an empty edge list, over the relation count) beside the graph's own count of its per-relation arrays. A
    # snapshot load holds nothing transient beyond its 3-30 MB small part, so its peak is what stays after loading.
    empty="$DATA/empty.csv"
    printf 'id,source,target,type,date\n' > "$empty"
    base=$(scripts/timeproc.py --runs 1 --warmup 0 -- "$BIN" check --graph "$empty" \
        | python3 -c "import json,sys; print(json.load(sys.stdin)['max_rss_kb'])")
    loaded=$(scripts/timeproc.py --runs 1 --warmup 0 -- "$BIN" check --graph "$csv" \
        | python3 -c "import json,sys; print(json.load(sys.stdin)['max_rss_kb'])")
    from_snapshot=$(scripts/timeproc.py --runs 1 --warmup 0 -- "$BIN" check --graph "$snapshot" \
        | python3 -c "import json,sys; print(json.load(sys.stdin)['max_rss_kb'])")
    accounted=$("$BIN" check --graph "$snapshot" --format json \
        | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['bytes_per_relation'])")
    python3 -c "print(f'Peak resident growth per relation over \`check\` of an empty edge list: \`check --graph $size CSV\` {($loaded - $base) * 1024 / $relations:.0f} bytes, \`check --graph $size snapshot\` {($from_snapshot - $base) * 1024 / $relations:.0f} bytes (bytesPerRelation: {float(\"$accounted\"):.2f}).')"
    echo
done
