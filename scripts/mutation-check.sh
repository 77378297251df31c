#!/usr/bin/env bash
# Shows that tests can fail: applies one deliberate bug at a time, rebuilds, runs the tests meant to catch it and
# expects them to FAIL; then restores the file. Also checks that recording golden files fails the run.
#   scripts/mutation-check.sh            # every mutation (each rebuilds: several minutes)
#   scripts/mutation-check.sh oracle     # only the named ones
# Run it in a clean checkout: it edits source files in place (restored on exit, also on Ctrl-C).
# Exit 0 when every mutation was caught, 1 when a test passed despite its bug.
set -u
cd "$(dirname "$0")/.."
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "error: the working tree has changes; commit or stash them first (this script edits files and restores them)" >&2
  exit 2
fi
trap 'git checkout -q -- Sources Tests' EXIT INT TERM

# name ⟂ file ⟂ perl substitution (applied with -0pi) ⟂ swift test --filter
mutations=(
  "help-text⟂Sources/ActorGraphCLI/Queries/Neighbors.swift⟂s/Show an actor's ego network/Show an actor's network/⟂helpTextsAreWhole"
  "usage-message⟂Sources/ActorGraphCLI/PathSelectorOptions.swift⟂s/--shortest must be at least 1/--shortest must be positive/⟂QueryCommandsTests"
  "snapshot-checksum⟂Sources/ActorGraphIO/Snapshot/GraphSnapshot+Reading.swift⟂s/guard !verifyChecksum \\|\\| checksum\\(checked\\) == expected else/guard !verifyChecksum || checksum(checked) == expected || true else/⟂corruptedSnapshotsNeverTrap"
  "snapshot-array-checksum⟂Sources/ActorGraphIO/Snapshot/GraphSnapshot+Reading.swift⟂s/return sections.first \\{ sums\\[\\\$0.rawValue\\] != layout.sums\\[\\\$0.rawValue\\] \\}/return nil/⟂forgedArraysAreRefused"
  "snapshot-clamp⟂Sources/ActorGraph/RelationGraph.swift⟂s/ActorIndex\\(min\\(stored.rawValue, lastActor\\)\\)/stored/⟂forgedValuesInAQueryLoadNeverTrap"
  "snapshot-sigbus⟂Sources/ActorGraphIO/Snapshot/SnapshotRegion.swift⟂s/SnapshotMappingGuard.register\\(bytes, path: path\\)/_ = path/⟂aSnapshotShortenedDuringAQueryIsAnErrorNotACrash"
  "snapshot-id-table⟂Sources/ActorGraph/RelationGraph+Storage.swift⟂s/actorIDSlots.allSatisfy\\(\\{ \\\$0 <= actorLimit \\}\\)/actorIDSlots.allSatisfy({ _ in true })/⟂forgedArraysAreRefused"
  "symmetric-types⟂Sources/ActorGraph/RelationGraph.swift⟂s/(public func isSymmetric\\(_ relation: RelationIndex\\) -> Bool \\{\\s*)typeIsSymmetric/\$1!typeIsSymmetric/⟂onlyTheMeetingIsSymmetric"
  "oracle-word-skip⟂Sources/ActorGraph/Query/FilteredGraph.swift⟂s/position = \\(position \\| 63\\) \\+ 1/position = (position | 63) + 65/⟂DirectedStepOracleTests"
  "legend-entry⟂Sources/ActorGraphDOT/ChartCaption+Legend.swift⟂s/for entry in entries \\{/for entry in entries.dropLast() {/⟂rendersSVGPNGAndPDFThroughTheWorker"
  "day-first-swapped⟂Sources/ActorGraph/HumanDate.swift⟂s/case .dayFirst: return day\\(year, b, a,/case .dayFirst: return day(year, a, b,/⟂HumanDateTests"
  "variants-not-merged⟂Sources/ActorGraphIO/Import/CSV/CSVImportState+Spreadsheet.swift⟂s/if !mergedInto.isEmpty \\{ merge/if mergedInto.isEmpty { merge/⟂mergeDropsTheDuplicateAndMergesTheVariants"
  "import-requires-citation⟂Sources/ActorGraphCLI/Exchange/Import.swift⟂s/(options.readsNames = true\\n)/\$1            options.requireCitation = defaultCitation == nil\\n/⟂generatedOutputReimportsWithoutAnError"
  "problem-total⟂Sources/ActorGraphCLI/Exchange/Import+Report.swift⟂s/let total = diagnostics.count \\+ error.notShown/let total = diagnostics.count/⟂manyProblemsAreToldByKindWithTheRightTotal"
  "memory-bound⟂Sources/ActorGraph/RelationGraph.swift⟂s/Double\\(relationStorageBytes\\) \\/ Double\\(relationCount\\)/Double(relationStorageBytes + 4 * relationCount) \\/ Double(relationCount)/⟂aMillionRelationsFitIn64BytesEach"
  "kind-cell-fold⟂Sources/ActorGraphIO/Import/CSV/ActorKindCell.swift⟂s/ActorKind\\(rawValue: text\\) \\?\\? ActorKind\\(rawValue: ActorResolver.normalize\\(text\\)\\)/ActorKind(rawValue: text)/⟂kindCellsAreReadAlikeEverywhere"
  "filter-members⟂Sources/ActorGraph/Query/FilterMembers.swift⟂s/known: Member.allCases.map\\(\\\\.rawValue\\)/known: Member.allCases.dropLast().map(\\\\.rawValue)/⟂FilterMembersTests"
  "runner-timeout⟂Sources/ActorGraphTestSupport/ProcessRunner.swift⟂s/kill\\(process.processIdentifier, SIGKILL\\)/_ = process.processIdentifier/⟂aChildPastItsTimeoutIsKilledAndSaysSo"
)

selected=("$@")
missed=0
caught=0
log=$(mktemp)
for entry in "${mutations[@]}"; do
  name=${entry%%⟂*}; rest=${entry#*⟂}
  file=${rest%%⟂*}; rest=${rest#*⟂}
  substitution=${rest%⟂*}; filter=${rest##*⟂}
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " =~ " $name " ]]; then continue; fi
  perl -0pi -e "$substitution" "$file"
  if git diff --quiet -- "$file"; then
    echo "error: mutation '$name' no longer applies to $file (the code moved): update this script" >&2
    exit 2
  fi
  if ! swift build --build-tests >"$log" 2>&1; then
    echo "CAUGHT   $name: the build fails with the bug"
    caught=$((caught + 1))
  elif swift test --skip-build --filter "$filter" >"$log" 2>&1; then
    echo "MISSED   $name: '$filter' passed with the bug in $file"
    missed=$((missed + 1))
  else
    echo "CAUGHT   $name: '$filter' failed ($(grep -c '^✘ Test .* recorded an issue' "$log") issues recorded)"
    caught=$((caught + 1))
  fi
  git checkout -q -- "$file"
done

if [ ${#selected[@]} -eq 0 ] || [[ " ${selected[*]} " =~ " record-golden " ]]; then
  swift build --build-tests >"$log" 2>&1
  if RECORD_GOLDEN=1 swift test --skip-build --filter helpTextsAreWhole >"$log" 2>&1; then
    echo "MISSED   record-golden: RECORD_GOLDEN=1 passed"
    missed=$((missed + 1))
  else
    echo "CAUGHT   record-golden: RECORD_GOLDEN=1 rewrote the goldens and failed the run"
    caught=$((caught + 1))
  fi
  git checkout -q -- Tests
fi
rm -f "$log"
echo "$caught caught, $missed missed"
[ $missed -eq 0 ]
