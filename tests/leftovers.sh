#!/bin/sh
# tests/leftovers.sh [RUN] — after the tests: fails (exit 1) when a program of this checkout's
# build folders (./cdtt, build*/…) that a test run started is still running. RUN is this run's
# CDTT_TEST_RUN (default: the environment's): tests/run.sh and .ci/run set it to "PID:START" of
# their own process, and every process they start inherits it.
#   - a process of this run is listed and killed by its PID (it would run on, orphaned);
#   - a process of an earlier run that has ended is listed and killed too;
#   - a process of another run still going (make test beside make sanitize) or started by hand
#     (no CDTT_TEST_RUN) is not this run's business: it is named on a "#" line only.
# tests/leftovers.sh --id PID prints the CDTT_TEST_RUN value for the process PID.
# Needs Linux's /proc.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)

# run_id PID: prints "PID:START" for a running process (START: its start time in clock ticks
# since boot, so that a reused PID does not pass for the process); nothing when it has ended.
run_id() { awk '{ sub(/.*\) /, ""); print $20 }' "/proc/$1/stat" 2>/dev/null | sed "s/^/$1:/"; }

if [ "${1:-}" = --id ]; then run_id "$2"; exit 0; fi
RUN=${1:-${CDTT_TEST_RUN:-}}

# run_alive ID: true when the run ID ("PID:START") is still going.
run_alive() { [ "$(run_id "${1%%:*}")" = "$1" ]; }

# The processes whose program is in the checkout's build folders (zombies have no exe link).
pids=$(find /proc -mindepth 2 -maxdepth 2 -name exe \( -lname "$ROOT/cdtt" -o -lname "$ROOT/cdtt (deleted)" \
    -o -lname "$ROOT/build*/*" \) 2>/dev/null | sed 's|^/proc/\([0-9]*\)/exe$|\1|')
bad=0
for pid in $pids; do
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
    run=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | sed -n 's/^CDTT_TEST_RUN=//p')
    if [ -z "$run" ]; then
        echo "# started by hand, left alone: $pid $cmd"
    elif [ "$run" != "$RUN" ] && run_alive "$run"; then
        echo "# of another test run still going, left alone: $pid $cmd"
    else
        [ "$run" = "$RUN" ] && whose="this test run" || whose="an earlier test run that has ended"
        echo "left running by $whose, killed: $pid $cmd"
        kill -KILL "$pid" 2>/dev/null
        bad=1
    fi
done
exit $bad
