#!/usr/bin/env bash
# Graph-file (YAML) loading at 10k, 100k and 1M relations: whole-process `check` of a file `generate` writes (the
# same GraphYAMLWriter that `import` and `export --format yaml` use), and of a 100k-relation file where every
# relation has an error. A 10x larger file should take about 10x longer; the ratio column shows it.
# One markdown table on standard output (docs/PERFORMANCE.md, "Graph files scale linearly").
#
#   scripts/bench-yaml-scaling.sh                    # 10k 100k 1M
#   YAML_SIZES="10000 100000" scripts/bench-yaml-scaling.sh
#
# Settings (environment): BIN (release actorgraph), BENCH_DATA, YAML_SIZES, YAML_RUNS (runs per size, 3; the 1M file
# is timed once), BENCH_SEED (7).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.build/release/actorgraph}
DATA=${BENCH_DATA:-Benchmarks/data}
SIZES=${YAML_SIZES:-10000 100000 1000000}
RUNS=${YAML_RUNS:-3}
SEED=${BENCH_SEED:-7}
mkdir -p "$DATA"

field() { python3 -c "import json,sys; print(round(json.load(sys.stdin)['$1']))"; }

echo "| relations | file | \`check\` median wall | per 10x | CPU (user + system) | peak resident |"
echo "|---|---|---|---|---|---|"
previous=""
for relations in $SIZES; do
    file="$DATA/yaml-$relations-seed$SEED.yaml"
    if [ ! -s "$file" ]; then
        "$BIN" generate --actors $((relations / 10)) --relations "$relations" --seed "$SEED" -o "$file.tmp.yaml"
        mv "$file.tmp.yaml" "$file"
    fi
    runs=$RUNS
    if [ "$relations" -ge 1000000 ]; then runs=1; fi
    result=$(scripts/timeproc.py --runs "$runs" --warmup 0 -- "$BIN" check --graph "$file")
    ms=$(field median_ms <<<"$result")
    cpu=$(field cpu_median_ms <<<"$result")
    rss=$(field max_rss_kb <<<"$result")
    ratio="—"
    if [ -n "$previous" ]; then ratio=$(python3 -c "print(f'{$cpu / $previous:.1f}x CPU')"); fi
    size=$(du -m "$file" | cut -f1)
    printf '| %s | %s MB | %s ms (%s runs) | %s | %s ms | %s MB |\n' "$relations" "$size" "$ms" "$runs" "$ratio" "$cpu" \
        $((rss / 1024))
    previous=$cpu
done

# Every relation of the 100k file given an unknown type: 100,000 errors, all reported (the count line says how many).
base="$DATA/yaml-100000-seed$SEED.yaml"
if [ -s "$base" ]; then
    bad="$DATA/yaml-100000-seed$SEED.errors.yaml"
    [ -s "$bad" ] || sed -E 's/^(    type: )([a-z_]+)$/\1\2x/' "$base" > "$bad"
    result=$(scripts/timeproc.py --runs 1 --warmup 0 --allow-failure -- "$BIN" check --graph "$bad")
    lines=$("$BIN" check --graph "$bad" 2>&1 >/dev/null | grep -c ': error: ' || true)
    printf '| 100000, every relation with an unknown type | %s MB | %s ms (1 run) | %s errors printed | %s ms | %s MB |\n' \
        "$(du -m "$bad" | cut -f1)" "$(field median_ms <<<"$result")" "$lines" "$(field cpu_median_ms <<<"$result")" \
        $(($(field max_rss_kb <<<"$result") / 1024))
fi
