#!/bin/sh
# Runs every test suite and prints one summary line: "N passed, N failed, N skipped".
#   tests/run.sh           unit tests (cmocka), CLI tests, end-to-end tests
#   tests/run.sh stress    the longer fault-tolerance runs (STRESS=1)
# It ends by checking that no program of the checkout's build folders that the run started is
# still running (tests/leftovers.sh): one that is fails the run.
# Environment: CDTT (the binary), BUILD (the build folder with tests/), CDTT_TEST_RUN (set here
# unless a caller such as .ci/run already did: the mark of the processes this run starts).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
CDTT=${CDTT:-$ROOT/cdtt}
CDTT_TEST_RUN=${CDTT_TEST_RUN:-$(sh "$ROOT/tests/leftovers.sh" --id $$)}
export CDTT ROOT CDTT_TEST_RUN
LOG=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-tests.XXXXXX")
trap 'rm -rf "$LOG"' EXIT
passed=0 failed=0 skipped=0 failures=""

count_cmocka() { # $1 = output file, $2 = name
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$1" | tail -1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$1" | tail -1)
    s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$1" | tail -1)
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
}

count_tap() { # $1 = output file
    p=$(grep -c '^ok ' "$1" | tr -d ' '); s=$(grep -c '^ok .*# SKIP' "$1" | tr -d ' ')
    f=$(grep -c '^not ok ' "$1" | tr -d ' ')
    passed=$((passed + p - s)); failed=$((failed + f)); skipped=$((skipped + s))
}

run_one() { # $1 = kind, $2 = command...
    kind=$1; shift
    for a in "$@"; do last=$a; done
    name=$(basename "$last")
    out="$LOG/$name.out"
    echo "== $name"
    "$@" >"$out" 2>&1
    rc=$?
    if [ "$kind" = unit ]; then
        grep -E '^\[ *(FAILED|ERROR|SKIPPED|PASSED) *\]|^\[  (ERROR|FAILED)|error:|Assertion|ERROR: |runtime error' "$out" | head -40
        count_cmocka "$out"
    else
        grep -E '^(not ok|ok .*# SKIP)|^#' "$out" | head -60
        count_tap "$out"
    fi
    if [ $rc -ne 0 ]; then
        if ! grep -qE '^not ok |^\[  FAILED  \]' "$out"; then
            failed=$((failed + 1))
            tail -30 "$out"
        fi
        failures="$failures $name"
    fi
}

if [ "${1:-}" = stress ]; then
    export STRESS=1
    for t in "$ROOT"/tests/stress/*.sh; do [ -f "$t" ] && run_one shell sh "$t"; done
else
    for t in "$BUILD"/tests/test_*; do [ -x "$t" ] && run_one unit "$t"; done
    for t in "$ROOT"/tests/cli/*.sh "$ROOT"/tests/e2e/*.sh "$ROOT"/tests/stress/*.sh; do
        case $(basename "$t") in lib-*) continue ;; esac # helper libraries, not suites
        [ -f "$t" ] && run_one shell sh "$t"
    done
fi

echo "== leftover processes"
if ! sh "$ROOT/tests/leftovers.sh" "$CDTT_TEST_RUN"; then
    failed=$((failed + 1))
    failures="$failures leftovers"
fi

echo
[ -n "$failures" ] && echo "failing suites:$failures"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ -z "$failures" ]
