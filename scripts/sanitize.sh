#!/usr/bin/env bash
# The test suite under AddressSanitizer, then its concurrent parts under ThreadSanitizer. Both builds share one
# scratch path (SANITIZE_SCRATCH, default .build-sanitize): only Swift is instrumented (-Xswiftc), so the second
# build recompiles the Swift targets and keeps the C ones (BoringSSL, libyaml, the Graphviz shim) of the first.
# A sanitizer report fails the run.
#   ASAN_SKIP    tests not run under ASan (default: the CLI's module, whose end-to-end tests start the ASan-built
#                binary hundreds of times, 10-20 s each on a loaded 2-core machine; and GraphvizRendererTests, which
#                start the real Graphviz worker under `ulimit -v`, an address-space limit ASan's shadow memory cannot
#                live in). The whole suite: ASAN_SKIP='RenderCommandTests|GraphvizRendererTests' ASAN_ALSO=
#   ASAN_ALSO    tests run under ASan in a second pass (default: HostileInputTests, the CLI end to end on one
#                input of each hostile family, less ASAN_ALSO_SKIP: its two tests that render, for `ulimit -v`)
#   TSAN_FILTER  tests run under TSan (default: the parallel CSR build, the parallel CSV import, parallel render
#                workers, concurrent exports)
#   SANITIZERS   which to run: "address thread" (default), or one of them
# ASan's suppressions (scripts/asan-suppressions.txt) name faults inside third-party libraries only, each explained.
set -euo pipefail
cd "$(dirname "$0")/.."
SANITIZERS=${SANITIZERS:-address thread}
SCRATCH=${SANITIZE_SCRATCH:-.build-sanitize}
ASAN_SKIP=${ASAN_SKIP-ActorGraphCLITests|GraphvizRendererTests}
ASAN_ALSO=${ASAN_ALSO-HostileInputTests}
ASAN_ALSO_SKIP=${ASAN_ALSO_SKIP-renderingHostileLabelsGivesParsableSVG|injectionIntoEveryOutputParsesWithItsConsumer}
TSAN_FILTER=${TSAN_FILTER:-largeAdjacenciesAreExactBothWays|ImportFastPathTests|workersRunInParallel|concurrentExports}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:suppressions=$PWD/scripts/asan-suppressions.txt}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1}
for sanitizer in $SANITIZERS; do
    echo "== building the tests with -sanitize=$sanitizer in $SCRATCH"
    start=$(date +%s)
    swift build --build-tests --scratch-path "$SCRATCH" -Xswiftc -sanitize="$sanitizer"
    echo "   built in $(( $(date +%s) - start )) s"
    start=$(date +%s)
    if [ "$sanitizer" = address ]; then
        skip=()
        [ -z "$ASAN_SKIP" ] || skip=(--skip "$ASAN_SKIP")
        swift test --skip-build --scratch-path "$SCRATCH" "${skip[@]}"
        if [ -n "$ASAN_ALSO" ]; then
            skip=()
            [ -z "$ASAN_ALSO_SKIP" ] || skip=(--skip "$ASAN_ALSO_SKIP")
            swift test --skip-build --scratch-path "$SCRATCH" --filter "$ASAN_ALSO" "${skip[@]}"
        fi
    else
        swift test --skip-build --scratch-path "$SCRATCH" --filter "$TSAN_FILTER"
    fi
    echo "   tests under $sanitizer ran in $(( $(date +%s) - start )) s"
done
