#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/, scratch path .build-fuzz, with AddressSanitizer) and runs each for
# FUZZ_SECONDS (default 60). Every input in Fuzz/Regressions/TARGET is replayed first; a new crash, leak, hang
# (over FUZZ_INPUT_TIMEOUT seconds) or allocation over FUZZ_RSS_MB is written there and the run fails, so
# committing that file keeps it as a regression fixture.
#
# Each target's run is appended as one row to FUZZ_RECORD (default Fuzz/runs.tsv, committed: docs/RELIABILITY.md
# cites its totals): when it ended (UTC), the commit, the target, the seconds asked and run, inputs run, exec/s,
# coverage (cov, ft), files and bytes in the target's corpus folder after the run (it grows from run to run), peak RSS, the load average when it started, and ok or
# failed. libFuzzer's own output goes to $SCRATCH/logs/TARGET-TIME.log as well as the terminal. A failing target
# does not stop the others, so a long run can be left unattended:
#   make fuzz FUZZ_SECONDS=3600                       (every target an hour)
#   make fuzz FUZZ_SECONDS=3600 FUZZ_TARGETS=FuzzCSV  (one target)
#   scripts/fuzz-totals.sh                            (hours and inputs per target, from FUZZ_RECORD)
# Usage: scripts/fuzz.sh [TARGET...]     (default: every target)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
INPUT_TIMEOUT=${FUZZ_INPUT_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
RECORD=${FUZZ_RECORD:-Fuzz/runs.tsv}
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(FuzzGraphFile FuzzEDTF FuzzCSV FuzzSnapshot FuzzDOT FuzzExtract)

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
        FuzzExtract) cp Fuzz/Seeds/FuzzExtract/* Tests/ActorGraphExtractTests/Fixtures/ferry-dispute/*.txt "$folder"/ ;;
        *) cp Fuzz/Seeds/"$target"/* "$folder"/ ;;
    esac
    echo "$folder"
}

COLUMNS_LINE=$'ended_utc\tcommit\ttarget\tseconds_asked\tseconds_run\tinputs_run\texec_per_s\tcov\tft\tcorpus_files\tcorpus_bytes\tpeak_rss_mb\tload_at_start\toutcome'
[ -s "$RECORD" ] || printf '%s\n' "$COLUMNS_LINE" > "$RECORD"
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
mkdir -p "$SCRATCH/logs"

# One row of $RECORD from a finished run's log: libFuzzer's final stats and its last status line.
record() {
    local target=$1 log=$2 corpus=$3 started=$4 load=$5 outcome=$6
    local ran=$(( $(date +%s) - started ))
    local inputs rate rss last cov ft files bytes
    inputs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
    files=$(find "$corpus" -type f | wc -l)
    bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ total += $1 } END { print total + 0 }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$COMMIT" \
        "$target" "$SECONDS_EACH" "$ran" "${inputs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$files" "$bytes" "${rss:-?}" \
        "$load" "$outcome" >> "$RECORD"
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
    log=$SCRATCH/logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log
    started=$(date +%s)
    load=$(cut -d' ' -f1 /proc/loadavg)
    outcome=ok
    "$BIN/$target" -max_total_time="$SECONDS_EACH" -timeout="$INPUT_TIMEOUT" -rss_limit_mb="$RSS_MB" \
        -malloc_limit_mb="$RSS_MB" -print_final_stats=1 -artifact_prefix="$regressions/" "$corpus" 2>&1 | tee "$log" || {
        echo "error: $target found a failing input; it is in $regressions/ (commit it as a regression fixture)" >&2
        status=1
        outcome=failed
    }
    record "$target" "$log" "$corpus" "$started" "$load" "$outcome"
    echo "   recorded in $RECORD: $(tail -1 "$RECORD")"
done
exit $status
