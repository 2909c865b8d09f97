#!/bin/sh
# kill.sh — SIGKILL at random moments during bulk CLI edits, package exports, package
# imports, CSV imports and TUI form saves. After every kill the file passes
# integrity_check and foreign_key_check, every change the program reported as done is
# there, and an import or a bulk edit is all-or-nothing. Kill times are drawn within the
# time one run of that work takes here, and each kind of work shows that a kill landed
# mid-change (its CDTT_TIMING lines: a change begun, not committed), or says it skipped.
# Small counts under `make test`; STRESS=1 (make stress) runs many more.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-stress.sh"
cd "$T" || exit 1
N=$(iters 5 60)        # kills per kind of work
NTUI=$(iters 3 20)     # kills during TUI form saves (each starts a terminal)
ROWS=$(iters 1000 3000)

KT=$T/kill.timing # the CDTT_TIMING lines of the command killrun runs

# killrun MAXMS OUT CMD...: runs CMD (output to OUT, timing lines to $KT, its PID in $pid) and
# SIGKILLs it after a random time below MAXMS; returns CMD's status (137 when the kill hit it).
killrun() {
    max=$1 out=$2
    shift 2
    rm -f "$KT"
    CDTT_TIMING=$KT "$@" >"$out" 2>&1 &
    pid=$!
    sleep "$(rand_ms "$max")"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}

# count STATUS: counts the last killrun in mid, out or done (see outcome).
count() {
    case $(outcome "$1" "$KT") in
        mid) mid=$((mid + 1)) ;;
        out) outside=$((outside + 1)) ;;
        *) done=$((done + 1)) ;;
    esac
}

# --- bulk CLI edits: `add member` one after another, each SIGKILLed at random --------
"$CDTT" --db a.db init --office 00004 --name "Phường Ba Đình" >/dev/null
"$CDTT" --db a.db add team "Tổ Một" --yes >/dev/null
window=$(duration_ms "$CDTT" --db a.db add member "Nguyễn Văn Số 0" --team "Tổ Một" --yes)
bad="" mid=0 outside=0 done=0 i=0
while [ $i -lt "$N" ]; do
    i=$((i + 1))
    killrun "$window" add.out "$CDTT" --db a.db add member "Nguyễn Văn Số $i" --team "Tổ Một" --yes
    rc=$?
    count $rc
    uuid=$(grep -oE '^[0-9a-f]{8}-[0-9a-f-]{27}$' add.out)
    sound a.db || bad="$bad; add $i: file not sound"
    if [ -n "$uuid" ] && [ "$(q a.db "SELECT count(*) FROM member WHERE uuid = '$uuid'")" != 1 ]; then
        bad="$bad; add $i: printed $uuid but it is missing"
    fi
    [ $rc -eq 0 ] && [ -z "$uuid" ] && bad="$bad; add $i: exit 0 without a uuid"
done
tally "add member" $mid $outside $done
expect_eq "add member under SIGKILL: sound file, every printed uuid present" "$bad" ""
expect_eq "add member under SIGKILL: each member added with its membership" \
    "$(q a.db "SELECT count(*) FROM member")" "$(q a.db "SELECT count(*) FROM membership")"

# --- bulk edit of many members in one command: all or nothing ------------------------
fill a.db 00004 "$ROWS"
ids=$(q a.db "SELECT uuid FROM member ORDER BY uuid")
total=$(q a.db "SELECT count(*) FROM member")
# shellcheck disable=SC2086
window=$(duration_ms "$CDTT" --db a.db training mooc --status completed --date 01/03/2026 $ids)
# shellcheck disable=SC2086
"$CDTT" --db a.db training mooc --status not_started $ids >/dev/null 2>&1 || fail "reset the MOOC status"
bad="" mid=0 outside=0 done=0 i=0
while [ $i -lt "$N" ]; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    killrun "$window" mooc.out "$CDTT" --db a.db training mooc --status completed --date 01/03/2026 $ids
    rc=$?
    count $rc
    sound a.db || bad="$bad; mooc $i: file not sound"
    c=$(q a.db "SELECT count(*) FROM member WHERE mooc_status = 'completed'")
    [ "$c" = 0 ] || [ "$c" = "$total" ] || bad="$bad; mooc $i: $c of $total members changed"
    [ $rc -eq 0 ] && [ "$c" != "$total" ] && bad="$bad; mooc $i: reported done, $c of $total changed"
    # shellcheck disable=SC2086
    "$CDTT" --db a.db training mooc --status not_started $ids >/dev/null 2>&1 || bad="$bad; reset $i failed"
done
tally "training mooc over $total members" $mid $outside $done
expect_eq "bulk training edit under SIGKILL: all or nothing, never half" "$bad" ""

# --- package export -----------------------------------------------------------------
mkoffice c.db 00004 commune "Phường Ba Đình"
fill c.db 00004 "$ROWS"
mkoffice p0.db 01 province "Thành phố Hà Nội"
"$CDTT" --db c.db export -o c.cdtt >/dev/null || fail "export the commune's package"
# An export numbers its package in the office row (package_seq, package_clock)
# and changes nothing else of the file.
records() { q "$1" .dump | grep -v '^INSERT INTO office '; q "$1" 'SELECT scheme, code, level, name, instance_id, clock FROM office'; }
before=$(records c.db | sha256sum)
window=$(duration_ms "$CDTT" --db c.db export -o out.cdtt)
# An export changes no file in place: it writes a temporary file beside the package and
# renames it. Killed mid-way, it leaves that file, named after its process.
bad="" mid=0 outside=0 done=0 i=0
while [ $i -lt "$N" ]; do
    i=$((i + 1))
    rm -f out.cdtt
    killrun "$window" export.out "$CDTT" --db c.db export -o out.cdtt
    rc=$?
    if [ $rc -eq 0 ]; then
        done=$((done + 1))
    elif [ -n "$(find . -maxdepth 1 -name ".cdtt-export.$pid.*")" ]; then
        mid=$((mid + 1))
    else
        outside=$((outside + 1))
    fi
    sound c.db || bad="$bad; export $i: source not sound"
    [ $rc -eq 0 ] && [ ! -f out.cdtt ] && bad="$bad; export $i: reported written, no file"
    if [ -f out.cdtt ]; then
        cp p0.db pv.db
        "$CDTT" --db pv.db import --dry-run out.cdtt >/dev/null 2>&1 ||
            bad="$bad; export $i: the file left behind is not a valid package"
    fi
done
tally "export" $mid $outside $done
expect_eq "export under SIGKILL: no partial package under the final name" "$bad" ""
expect_eq "export under SIGKILL: the source file's content unchanged" "$(records c.db | sha256sum)" "$before"

# --- package import -----------------------------------------------------------------
cp p0.db p.db
window=$(duration_ms "$CDTT" --db p.db import c.cdtt)
bad="" mid=0 outside=0 done=0 i=0
while [ $i -lt "$N" ]; do
    i=$((i + 1))
    rm -f p.db p.db-wal p.db-shm
    cp p0.db p.db
    killrun "$window" import.out "$CDTT" --db p.db import c.cdtt
    rc=$?
    count $rc
    sound p.db || bad="$bad; import $i: file not sound"
    c=$(members p.db)
    [ "$c" = 0 ] || [ "$c" = "$ROWS" ] || bad="$bad; import $i: $c of $ROWS members"
    [ $rc -eq 0 ] && [ "$c" != "$ROWS" ] && bad="$bad; import $i: reported done, $c of $ROWS members"
    "$CDTT" --db p.db import c.cdtt >/dev/null 2>&1 || bad="$bad; import $i: the import again failed"
    [ "$(members p.db)" = "$ROWS" ] || bad="$bad; import $i: import again gave $(members p.db)"
done
tally "package import of $ROWS members" $mid $outside $done
expect_eq "package import under SIGKILL: all or nothing, then importable again" "$bad" ""

# --- CSV import of members ----------------------------------------------------------
if "$CDTT" --help 2>&1 | grep -q "csv import"; then
    CSVROWS=$(iters 300 1000)  # slower than packages: about 2 ms a row
    "$CDTT" --db v.db init --office 00004 --name "Phường Ba Đình" >/dev/null
    awk -v n="$CSVROWS" 'BEGIN { printf "\357\273\277Họ và tên,Tổ,Số điện thoại\r\n";
        for (i = 1; i <= n; i++) printf "Trần Thị Số %d,Tổ CSV %d,09%08d\r\n", i, int(i / 8), i }' >members.csv
    cp v.db v0.db
    window=$(duration_ms "$CDTT" --db v.db csv import members members.csv)
    bad="" mid=0 outside=0 done=0 i=0
    while [ $i -lt "$N" ]; do
        i=$((i + 1))
        rm -f v.db v.db-wal v.db-shm
        cp v0.db v.db
        killrun "$window" csv.out "$CDTT" --db v.db csv import members members.csv
        rc=$?
        count $rc
        sound v.db || bad="$bad; csv $i: file not sound"
        c=$(members v.db)
        [ "$c" = 0 ] || [ "$c" = "$CSVROWS" ] || bad="$bad; csv $i: $c of $CSVROWS members"
        [ $rc -eq 0 ] && [ "$c" != "$CSVROWS" ] && bad="$bad; csv $i: reported done, $c of $CSVROWS members"
    done
    tally "csv import of $CSVROWS members" $mid $outside $done
    expect_eq "CSV import under SIGKILL: all or nothing" "$bad" ""
else
    skip "CSV import under SIGKILL" "this build has no 'cdtt csv import' yet"
fi

# --- TUI form saves -----------------------------------------------------------------
. "$ROOT/tests/e2e/lib-tmux.sh"
cdtt_pid() { tm_procs cdtt | head -1; }
"$CDTT" --db f.db init --office 00004 --name "Phường Ba Đình" >/dev/null
areas() { q f.db "SELECT count(*) FROM area"; }
# tui_form K: cdtt (timing lines to $KT) in a new window, in a new area's form with its name typed.
tui_form() {
    rm -f "$KT"
    TM_ENV="CDTT_TIMING=$KT" tm_start 80 24 --db f.db
    tm_poll "Số địa bàn" || return 1
    tm_type 1; tm_wait "Tìm:"
    tm_keys C-n; tm_wait "Thêm địa bàn"; tm_keys Tab; tm_type "Thôn Giết $1"; tm_wait "Thôn Giết $1"
}
# The kill window: from Ctrl-S until the save is committed (its write_done line), in one run
# not killed (the file read without a pause, about a millisecond each time; 30 ms if never).
# A save takes well under a millisecond: few kills land inside it, and the check may skip.
window=30
if tui_form 0; then
    s0=$(date +%s%N) i=0
    tm_keys C-s
    until grep -q '^write_done' "$KT" 2>/dev/null; do
        i=$((i + 1)); [ $i -ge 5000 ] && break
    done
    [ $i -lt 5000 ] && window=$(( ($(date +%s%N) - s0) / 1000000 + 1 ))
fi
bad="" k=0 seen=0 mid=0 outside=0
while [ $k -lt "$NTUI" ]; do
    k=$((k + 1))
    n0=$(areas)
    tui_form "$k" || { bad="$bad; tui $k: no home screen"; continue; }
    pid=$(cdtt_pid)
    tm_keys C-s
    sleep "$(rand_ms "$window")"
    rc=0
    [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null && rc=137
    # The shell's "[exit N]" may wrap at the right margin after a kill: wait for the process instead.
    i=0
    while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && bad="$bad; tui $k: did not end"
    [ $rc -eq 137 ] || bad="$bad; tui $k: cdtt was not running to be killed"
    if [ "$(outcome $rc "$KT")" = mid ]; then mid=$((mid + 1)); else outside=$((outside + 1)); fi
    sound f.db || bad="$bad; tui $k: file not sound"
    n1=$(areas)
    [ "$n1" = "$n0" ] || [ "$n1" = $((n0 + 1)) ] || bad="$bad; tui $k: $n0 -> $n1 areas"
    case "$(tm_screen)" in
        *"Đã lưu"*) seen=$((seen + 1))
            [ "$n1" = $((n0 + 1)) ] || bad="$bad; tui $k: screen said saved, area missing" ;;
    esac
done
tm_stop
echo "# TUI form saves: $NTUI kills within $window ms of Ctrl-S, $seen after the screen said saved, $(areas) areas kept"
tally "TUI form save" $mid $outside 0
expect_eq "TUI form save under SIGKILL: sound file, a saved area is kept" "$bad" ""
finish
