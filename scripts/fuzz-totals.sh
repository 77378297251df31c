#!/usr/bin/env bash
# The fuzzing done so far, from the rows scripts/fuzz.sh appends to FUZZ_RECORD (default Fuzz/runs.tsv): per target
# the runs, the hours fuzzed, the inputs run, failed runs and the latest coverage and corpus; then the total hours.
# Prints a Markdown table, for docs/RELIABILITY.md's "fuzzing hours run".
set -euo pipefail
cd "$(dirname "$0")/.."
RECORD=${FUZZ_RECORD:-Fuzz/runs.tsv}
[ -s "$RECORD" ] || { echo "no fuzz runs recorded in $RECORD yet (make fuzz appends them)" >&2; exit 1; }
awk -F'\t' '
NR == 1 { next }
{
    t = $3
    if (!(t in runs)) order[++n] = t
    runs[t]++; seconds[t] += $5; total += $5
    if ($6 ~ /^[0-9]+$/) inputs[t] += $6
    if ($14 != "ok") failed[t]++
    cov[t] = $8; ft[t] = $9; files[t] = $10; last[t] = $1
}
END {
    print "| target | runs | hours | inputs run | failed runs | latest cov / ft | latest corpus files | latest run ended |"
    print "|---|---|---|---|---|---|---|---|"
    for (i = 1; i <= n; i++) {
        t = order[i]
        printf "| %s | %d | %.2f | %d | %d | %s / %s | %s | %s |\n", t, runs[t], seconds[t] / 3600, inputs[t], failed[t] + 0, cov[t], ft[t], files[t], last[t]
    }
    printf "\nIn all %.2f hours (%d s) of fuzzing recorded in '"$RECORD"'.\n", total / 3600, total
}' "$RECORD"
