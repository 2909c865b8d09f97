#!/bin/sh
# demo-speed.sh — how fast `cdtt demo` fills a file. Prints figures; asserts nothing.
#   bench/demo-speed.sh [MEMBERS] [--units FILE.csv]
# MEMBERS defaults to 340000 (the country in 2025). With --units, the unit list is
# imported first, so the data spreads over real communes. Run `make` first.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CDTT=${CDTT:-$ROOT/cdtt}
N=340000 UNITS=
while [ $# -gt 0 ]; do
    case $1 in
        --units) UNITS=$2; shift 2 ;;
        *) N=$1; shift ;;
    esac
done
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8

[ -n "$UNITS" ] && "$CDTT" --db "$T/demo.db" units import "$UNITS" >/dev/null
now() { date +%s.%N; }
cpu() { awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null; }
start=$(now)
"$CDTT" --lang en --db "$T/demo.db" demo --members "$N" --seed 1 >"$T/out" 2>&1 &
pid=$!
ticks=0
while kill -0 $pid 2>/dev/null; do t=$(cpu $pid); [ -n "$t" ] && ticks=$t; sleep 0.2; done
wait $pid
rc=$?
end=$(now)
cat "$T/out"
[ $rc -eq 0 ] || { echo "cdtt demo failed (exit $rc)"; exit 1; }
hz=$(getconf CLK_TCK)
size=$(stat -c %s "$T/demo.db")
awk -v s="$start" -v e="$end" -v n="$N" -v t="$ticks" -v hz="$hz" -v sz="$size" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    w = e - s
    printf "members:        %d\n", n
    printf "wall time:      %.2f s (%.0f members/s)\n", w, n / w
    printf "cpu time:       %.2f s (at least; sampled every 0.2 s)\n", t / hz
    printf "file size:      %.1f MB\n", sz / 1048576
    printf "load average:   %s (other programs on this machine share its cores)\n", load
}'
