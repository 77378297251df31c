#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/, scratch path .build-fuzz, with AddressSanitizer) and runs each for
# FUZZ_SECONDS (default 60). Every input in Fuzz/Regressions/TARGET is replayed first; a new crash, leak, hang
# (over FUZZ_INPUT_TIMEOUT seconds) or allocation over FUZZ_RSS_MB is written there and the run fails, so
# committing that file keeps it as a regression fixture.
# Usage: scripts/fuzz.sh [TARGET...]     (default: every target)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
INPUT_TIMEOUT=${FUZZ_INPUT_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(FuzzGraphFile FuzzEDTF FuzzCSV FuzzSnapshot FuzzDOT)

echo "== building the fuzz targets (sanitize=fuzzer,address) in $SCRATCH"
start=$(date +%s)
swift build --package-path Fuzz --scratch-path "$SCRATCH" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
echo "   built in $(( $(date +%s) - start )) s"
BIN="$(swift build --package-path Fuzz --scratch-path "$SCRATCH" --show-bin-path \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing)"

# Seed corpora from the fixtures, rebuilt each run beside the binaries (never committed).
seeds() {
    local target=$1 folder=$SCRATCH/corpus/$1
    mkdir -p "$folder"
    case $target in
        FuzzGraphFile) cp graphs/*.yaml Tests/ActorGraphIOTests/Fixtures/*.yaml Tests/ActorGraphIOTests/Fixtures/bad/*.yaml \
            Tests/ActorGraphIOTests/Fixtures/Export/*.yaml "$folder"/ ;;
        FuzzCSV) cp Tests/ActorGraphIOTests/Fixtures/Export/*.csv Tests/ActorGraphIOTests/Fixtures/Export/*.tsv "$folder"/
            { cat Tests/ActorGraphIOTests/Fixtures/Export/edges.csv; printf '\0'; cat Tests/ActorGraphIOTests/Fixtures/Export/actors.csv; } \
                > "$folder/edges-and-actors" ;;
        FuzzSnapshot) if [ ! -e "$folder/graphs.agraph" ] || [ Sources/ActorGraphIO/Snapshot/GraphSnapshot.swift -nt "$folder/graphs.agraph" ]; then
                swift build --product actorgraph >/dev/null
                .build/debug/actorgraph compile graphs -o "$folder/graphs.agraph" 2>/dev/null || true
                .build/debug/actorgraph compile Tests/ActorGraphIOTests/Fixtures/Export/graph.yaml \
                    -o "$folder/export.agraph" 2>/dev/null || true
            fi ;;
        *) cp Fuzz/Seeds/"$target"/* "$folder"/ ;;
    esac
    echo "$folder"
}

status=0
for target in "${TARGETS[@]}"; do
    regressions=Fuzz/Regressions/$target
    mkdir -p "$regressions"
    shopt -s nullglob
    kept=("$regressions"/crash-* "$regressions"/leak-* "$regressions"/timeout-* "$regressions"/oom-* "$regressions"/regress-*)
    shopt -u nullglob
    if [ ${#kept[@]} -gt 0 ]; then
        echo "== $target: replaying ${#kept[@]} regression inputs"
        "$BIN/$target" -timeout="$INPUT_TIMEOUT" -rss_limit_mb="$RSS_MB" -malloc_limit_mb="$RSS_MB" "${kept[@]}" || {
            echo "error: $target fails again on a kept regression input in $regressions/" >&2
            status=1
        }
    fi
    corpus=$(seeds "$target")
    echo "== $target: fuzzing for ${SECONDS_EACH}s"
    "$BIN/$target" -max_total_time="$SECONDS_EACH" -timeout="$INPUT_TIMEOUT" -rss_limit_mb="$RSS_MB" \
        -malloc_limit_mb="$RSS_MB" -print_final_stats=1 -artifact_prefix="$regressions/" "$corpus" || {
        echo "error: $target found a failing input; it is in $regressions/ (commit it as a regression fixture)" >&2
        status=1
    }
done
exit $status
