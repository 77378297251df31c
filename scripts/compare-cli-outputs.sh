#!/usr/bin/env bash
# Runs the same commands on the seed graph with two actorgraph binaries and reports every output that differs.
# Used to show that a refactoring changed no byte of any command's text, JSON, CSV, export or DOT.
#   scripts/compare-cli-outputs.sh OLD_BINARY NEW_BINARY [SOURCES_DIR]
# Exit 0 when every output (stdout, stderr, exit status) is identical, 1 otherwise.
set -u
old=${1:?usage: compare-cli-outputs.sh OLD_BINARY NEW_BINARY [SOURCES_DIR]}
old=$(realpath "$old")
new=${2:?usage: compare-cli-outputs.sh OLD_BINARY NEW_BINARY [SOURCES_DIR]}
new=$(realpath "$new")
sources=$(realpath "${3:-../shared/seeds}")
graph=$(realpath graphs)
catalogue=$(realpath seeds/sources.yaml)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

commands=(
  "check"
  "check --format json"
  "check --sources $sources"
  "actors"
  "actors --format json"
  "actors --kind state --format csv"
  "show putin"
  "show russia --format json"
  "show taliban --format json"
  "relations"
  "relations --format json"
  "relations --format csv"
  "relations --actor taliban --category security"
  "types"
  "types --format json"
  "path putin al-qaeda"
  "path putin al-qaeda --format json"
  "path russia taliban --shortest 3 --format json"
  "path russia taliban --status reported"
  "path russia al-qaeda --temporal earliest"
  "path russia al-qaeda --temporal latest --possibly --format json"
  "neighbors zhirnov --depth 2 --at 2021-08-17"
  "neighbors zhirnov --depth 2 --at 2021-08-17 --possibly --format json"
  "neighbors russia --format json"
  "timeline russia"
  "timeline russia taliban --format json"
  "timeline --format csv"
  "diff --from 2015 --to 2022"
  "diff --from 2015 --to 2022 --format json"
  "diff --from 2021-01 --to 2021-12 --possibly"
  "central"
  "central --measure betweenness --format json"
  "central --measure pagerank"
  "export --format csv"
  "export --format jsonl"
  "export --format graphml"
  "export --format gexf"
  "export --format dot"
  "export --format yaml"
  "export --format neo4j -o NEO"
  "render --format dot"
  "render --format dot --focus russia --depth 2 --at 2021-08-17"
  "render --format dot --path putin al-qaeda"
  "render --format dot --path russia taliban --shortest 3"
  "render --format dot --timeline russia,taliban"
  "render --format dot --cluster-by country --bundle pair"
  "sources list --catalogue CAT"
  "sources list --catalogue CAT --format json"
  "sources verify --catalogue CAT --sources $sources"
  "show nobody-at-all"
  "path putin"
  "neighbours putin"
)

differ=0
failing=()
for i in "${!commands[@]}"; do
  cmd=${commands[$i]}
  for side in old new; do
    bin=$old; [ "$side" = new ] && bin=$new
    dir="$work/$side/$i"; mkdir -p "$dir"
    argv=${cmd//NEO/$dir/neo}
    argv=${argv//CAT/$catalogue}
    case $cmd in sources*) ;; *) argv="$argv --graph $graph" ;; esac
    # shellcheck disable=SC2086
    ( cd "$dir" && "$bin" $argv >stdout 2>stderr; echo $? >status ) 2>/dev/null
    # A command given -o writes a folder: list and hash it beside stdout.
    if [ -d "$dir/neo" ]; then (cd "$dir/neo" && sha256sum * >"$dir/files"); rm -rf "$dir/neo"; fi
  done
  # The folder name of an -o target differs by side; compare with it replaced.
  for f in stdout stderr; do sed -i "s#$work/[a-z]*/$i#DIR#g" "$work/old/$i/$f" "$work/new/$i/$f"; done
  [ "$(cat "$work/new/$i/status")" = 0 ] || failing+=("$cmd → exit $(cat "$work/new/$i/status")")
  if ! diff -r -q "$work/old/$i" "$work/new/$i" >/dev/null; then
    differ=1
    echo "DIFFERS: actorgraph $cmd"
    diff -r "$work/old/$i" "$work/new/$i" | head -20
  fi
done
total=${#commands[@]}
echo "${#failing[@]} of $total commands exit non-zero (expected for the deliberate errors at the end):"
printf '  %s\n' "${failing[@]}"
if [ $differ = 0 ]; then echo "all $total commands identical (stdout, stderr, exit status)"; fi
exit $differ
