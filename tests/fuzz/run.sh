#!/bin/sh
# run.sh SECONDS [NAME...] — runs each fuzz harness (build-fuzz/fuzz/fuzz_NAME) for
# SECONDS over its committed seeds (tests/fuzz/seeds/NAME) and a working corpus
# (build-fuzz/corpus/NAME, where new inputs go). Crashes land in
# build-fuzz/crashes/. A harness's own libFuzzer flags (such as a larger -max_len)
# are read from tests/fuzz/fuzz_NAME.flags and its dictionary from
# tests/fuzz/fuzz_NAME.dict, when they exist. Prints one line per harness; exits 1
# when any crashed.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_EACH=${1:-20}
shift 2>/dev/null || true
B=$ROOT/build-fuzz
# The harnesses write their inputs to files of their own that libFuzzer's exit at the
# time limit never removes: each run gets a folder of its own, removed afterwards.
FT=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-fuzz-run.XXXXXX") || exit 1
trap 'rm -rf "$FT"' EXIT
sh "$ROOT/tests/fuzz/make-seeds.sh" "$B/corpus"
mkdir -p "$B/crashes"
names=${*:-$(cd "$B/fuzz" && ls fuzz_* | sed 's/^fuzz_//')}
bad=0
for n in $names; do
    mkdir -p "$B/corpus/$n"
    log=$B/fuzz_$n.log
    extra=
    [ -f "$ROOT/tests/fuzz/fuzz_$n.flags" ] && extra=$(grep -v '^#' "$ROOT/tests/fuzz/fuzz_$n.flags")
    [ -f "$ROOT/tests/fuzz/fuzz_$n.dict" ] && extra="$extra -dict=$ROOT/tests/fuzz/fuzz_$n.dict"
    # shellcheck disable=SC2086 # $extra is a list of flags
    TMPDIR=$FT "$B/fuzz/fuzz_$n" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 $extra \
        -artifact_prefix="$B/crashes/$n-" "$B/corpus/$n" "$ROOT/tests/fuzz/seeds/$n" >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^#\([0-9]*\).*DONE.*/\1/p' "$log" | tail -1)
    cov=$(sed -n 's/.*DONE *cov: \([0-9]*\).*/\1/p' "$log" | tail -1)
    if [ $rc -eq 0 ]; then
        echo "fuzz_$n: ok, ${runs:-?} runs in ${SECONDS_EACH}s, coverage ${cov:-?}"
    else
        bad=1
        echo "fuzz_$n: FAILED (exit $rc); see $log and $B/crashes/"
        grep -E 'ERROR|SUMMARY|==[0-9]+==|#[0-9]+ 0x' "$log" | head -20
    fi
done
exit $bad
