#!/bin/sh
# Runs every test suite and prints one summary line: "N passed, N failed, N skipped".
#   tests/run.sh           unit tests (cmocka), CLI tests and end-to-end tests, TEST_JOBS at a
#                          time (default: the number of processors), then the stress suites one
#                          after another (they time their kills against an idle machine)
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
if [ "${1:-}" = --one ]; then # a worker of the parallel run: the caller's log folder
    LOG=$2
else
    LOG=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-tests.XXXXXX")
    trap 'rm -rf "$LOG"' EXIT
fi
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

# The log file name of suite path $1 (its folder and name: two suites may share a name).
log_name() { echo "$(basename "$(dirname "$1")")-$(basename "$1")"; }

# Runs suite $2 of kind $1 (unit: a cmocka program; shell: a sh script), keeping its output
# and exit status in $LOG for report_one.
exec_one() {
    n=$(log_name "$2")
    if [ "$1" = unit ]; then "$2" >"$LOG/$n.out" 2>&1; else sh "$2" >"$LOG/$n.out" 2>&1; fi
    echo $? >"$LOG/$n.rc"
}

# Prints and counts what suite $2 of kind $1 left in $LOG.
report_one() {
    kind=$1
    name=$(basename "$2")
    out="$LOG/$(log_name "$2").out"
    echo "== $name"
    rc=$(cat "$LOG/$(log_name "$2").rc" 2>/dev/null || echo 1)
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

# Runs one suite and reports it at once.
run_one() {
    exec_one "$1" "$2"
    report_one "$1" "$2"
}

# One line per suite to run in parallel: "KIND PATH".
parallel_suites() {
    for t in "$BUILD"/tests/test_*; do [ -x "$t" ] && echo "unit $t"; done
    for t in "$ROOT"/tests/cli/*.sh "$ROOT"/tests/e2e/*.sh; do
        case $(basename "$t") in lib-*) continue ;; esac # helper libraries, not suites
        [ -f "$t" ] && echo "shell $t"
    done
}

if [ "${1:-}" = --one ]; then # a worker of the parallel run (below)
    exec_one "$3" "$4"
    exit 0
fi

if [ "${1:-}" = stress ]; then
    export STRESS=1
    for t in "$ROOT"/tests/stress/*.sh; do
        case $(basename "$t") in lib-*) continue ;; esac
        [ -f "$t" ] && run_one shell "$t"
    done
else
    jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
    parallel_suites >"$LOG/suites"
    xargs -P "$jobs" -L 1 sh "$0" --one "$LOG" <"$LOG/suites"
    while read -r kind t; do report_one "$kind" "$t"; done <"$LOG/suites"
    for t in "$ROOT"/tests/stress/*.sh; do
        case $(basename "$t") in lib-*) continue ;; esac # helper libraries, not suites
        [ -f "$t" ] && run_one shell "$t"
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
