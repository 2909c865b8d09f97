#!/bin/sh
# demo-speed.sh — how fast `cdtt demo` fills a new file. Prints figures; asserts nothing.
#   bench/demo-speed.sh [--runs R] [--units FILE.csv] [MEMBERS ...]
# Each size (default 340000, the country in 2025) is generated R times (default 1)
# into a new file; prints every run and the median wall and CPU (user + sys) time.
# With --units, the unit list is imported first, so the data spreads over real
# communes (the file then exists before the demo). Run `make` first; CDTT=path
# measures another build.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CDTT=${CDTT:-$ROOT/cdtt}
RUNS=1 UNITS= SIZES=
while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --units) UNITS=$2; shift 2 ;;
        *) SIZES="$SIZES $1"; shift ;;
    esac
done
[ -n "$SIZES" ] || SIZES=340000
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
TIME=$(command -v time 2>/dev/null | grep / || true)
[ -x /usr/bin/time ] && TIME=/usr/bin/time

now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# one N: generates N members into a new file; prints "wall cpu size".
one() {
    rm -f "$T/demo.db"
    [ -n "$UNITS" ] && "$CDTT" --db "$T/demo.db" units import "$UNITS" >/dev/null
    start=$(now)
    if [ -n "$TIME" ]; then
        "$TIME" -f "%U %S" -o "$T/cpu" "$CDTT" --lang en --db "$T/demo.db" demo --members "$1" --seed 1 >"$T/out" 2>&1
    else
        "$CDTT" --lang en --db "$T/demo.db" demo --members "$1" --seed 1 >"$T/out" 2>&1; echo "0 0" >"$T/cpu"
    fi
    rc=$?
    end=$(now)
    [ $rc -eq 0 ] || { cat "$T/out"; echo "cdtt demo failed (exit $rc)" >&2; exit 1; }
    awk -v s="$start" -v e="$end" -v sz="$(stat -c %s "$T/demo.db")" '{ printf "%.2f %.2f %.1f\n", e - s, $1 + $2, sz / 1048576 }' "$T/cpu"
}

printf '%-10s %-26s %10s %10s %9s\n' members "runs (wall s / cpu s)" "wall med" "cpu med" "file MB"
for n in $SIZES; do
    : >"$T/runs"
    r=0
    while [ $r -lt "$RUNS" ]; do one "$n" >>"$T/runs" || exit 1; r=$((r + 1)); done
    list=$(awk '{ printf "%s%s/%s", (NR > 1 ? " " : ""), $1, $2 }' "$T/runs")
    printf '%-10s %-26s %10s %10s %9s\n' "$n" "$list" "$(cut -d' ' -f1 "$T/runs" | median)" \
        "$(cut -d' ' -f2 "$T/runs" | median)" "$(tail -1 "$T/runs" | cut -d' ' -f3)"
done
printf 'load average: %s (other programs share the cores; compare runs of one session)\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "$TIME" ] || echo "(no /usr/bin/time: cpu not measured)"
