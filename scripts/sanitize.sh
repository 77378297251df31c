#!/usr/bin/env bash
# The test suite under AddressSanitizer and its concurrent parts under ThreadSanitizer, each in its own scratch
# path (a sanitizer build is a full rebuild). A sanitizer report fails the run.
#   ASAN_FILTER  tests run under ASan (default: all but the two that start the real Graphviz worker, whose
#                `ulimit -v` address-space limit cannot hold ASan's shadow memory)
#   TSAN_FILTER  tests run under TSan (default: the parallel CSR build, the parallel CSV import, parallel
#                render workers, concurrent exports)
#   SANITIZERS   which to run: "address thread" (default), or one of them
set -euo pipefail
cd "$(dirname "$0")/.."
SANITIZERS=${SANITIZERS:-address thread}
ASAN_SKIP=${ASAN_SKIP:-RenderCommandTests|GraphvizRendererTests}
TSAN_FILTER=${TSAN_FILTER:-largeAdjacenciesAreExactBothWays|ImportFastPathTests|workersRunInParallel|concurrentExports}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
for sanitizer in $SANITIZERS; do
    scratch=.build-$([ "$sanitizer" = address ] && echo asan || echo tsan)
    echo "== building the tests with -sanitize=$sanitizer in $scratch"
    start=$(date +%s)
    swift build --build-tests --scratch-path "$scratch" -Xswiftc -sanitize="$sanitizer"
    echo "   built in $(( $(date +%s) - start )) s"
    start=$(date +%s)
    if [ "$sanitizer" = address ]; then
        swift test --skip-build --scratch-path "$scratch" --skip "$ASAN_SKIP"
    else
        swift test --skip-build --scratch-path "$scratch" --filter "$TSAN_FILTER"
    fi
    echo "   tests under $sanitizer ran in $(( $(date +%s) - start )) s"
done
