#!/bin/sh
# kill.sh — SIGKILL at random moments during bulk CLI edits, package exports, package
# imports, CSV imports and TUI form saves. After every kill the file passes
# integrity_check and foreign_key_check, every change the program reported as done is
# there, and an import or a bulk edit is all-or-nothing.
# Small counts under `make test`; STRESS=1 (make stress) runs many more.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-stress.sh"
cd "$T" || exit 1
N=$(iters 5 60)        # kills per kind of work
NTUI=$(iters 3 20)     # kills during TUI form saves (each starts a terminal)
ROWS=$(iters 1000 3000)

# killrun MAXMS OUT CMD...: runs CMD (output to OUT) and SIGKILLs it after a random
# time below MAXMS; returns CMD's status (137 when the kill hit it).
killrun() {
    max=$1 out=$2
    shift 2
    "$@" >"$out" 2>&1 &
    pid=$!
    sleep "$(rand_ms "$max")"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}

# tally KIND KILLED DONE: a comment line with the figures of one kind.
tally() { echo "# $1: $((${2} + ${3})) runs, $2 killed mid-way, $3 finished first"; }

# --- bulk CLI edits: `add member` one after another, each SIGKILLed at random --------
"$CDTT" --db a.db init --office 00004 --name "Phường Ba Đình" >/dev/null
"$CDTT" --db a.db add team "Tổ Một" --yes >/dev/null
bad="" killed=0 done=0 i=0
while [ $i -lt "$N" ]; do
    i=$((i + 1))
    killrun 40 add.out "$CDTT" --db a.db add member "Nguyễn Văn Số $i" --team "Tổ Một" --yes
    rc=$?
    if [ $rc -eq 0 ]; then done=$((done + 1)); else killed=$((killed + 1)); fi
    uuid=$(grep -oE '^[0-9a-f]{8}-[0-9a-f-]{27}$' add.out)
    sound a.db || bad="$bad; add $i: file not sound"
    if [ -n "$uuid" ] && [ "$(q a.db "SELECT count(*) FROM member WHERE uuid = '$uuid'")" != 1 ]; then
        bad="$bad; add $i: printed $uuid but it is missing"
    fi
    [ $rc -eq 0 ] && [ -z "$uuid" ] && bad="$bad; add $i: exit 0 without a uuid"
done
tally "add member" $killed $done
expect_eq "add member under SIGKILL: sound file, every printed uuid present" "$bad" ""
expect_eq "add member under SIGKILL: each member added with its membership" \
    "$(q a.db "SELECT count(*) FROM member")" "$(q a.db "SELECT count(*) FROM membership")"

# --- bulk edit of many members in one command: all or nothing ------------------------
fill a.db 00004 "$ROWS"
ids=$(q a.db "SELECT uuid FROM member ORDER BY uuid")
total=$(q a.db "SELECT count(*) FROM member")
bad="" killed=0 done=0 i=0
while [ $i -lt "$N" ]; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    killrun 900 mooc.out "$CDTT" --db a.db training mooc --status completed --date 01/03/2026 $ids
    rc=$?
    if [ $rc -eq 0 ]; then done=$((done + 1)); else killed=$((killed + 1)); fi
    sound a.db || bad="$bad; mooc $i: file not sound"
    c=$(q a.db "SELECT count(*) FROM member WHERE mooc_status = 'completed'")
    [ "$c" = 0 ] || [ "$c" = "$total" ] || bad="$bad; mooc $i: $c of $total members changed"
    [ $rc -eq 0 ] && [ "$c" != "$total" ] && bad="$bad; mooc $i: reported done, $c of $total changed"
    # shellcheck disable=SC2086
    "$CDTT" --db a.db training mooc --status not_started $ids >/dev/null 2>&1 || bad="$bad; reset $i failed"
done
tally "training mooc over $total members" $killed $done
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
bad="" killed=0 done=0 i=0
while [ $i -lt "$N" ]; do
    i=$((i + 1))
    rm -f out.cdtt
    killrun 250 export.out "$CDTT" --db c.db export -o out.cdtt
    rc=$?
    if [ $rc -eq 0 ]; then done=$((done + 1)); else killed=$((killed + 1)); fi
    sound c.db || bad="$bad; export $i: source not sound"
    [ $rc -eq 0 ] && [ ! -f out.cdtt ] && bad="$bad; export $i: reported written, no file"
    if [ -f out.cdtt ]; then
        cp p0.db pv.db
        "$CDTT" --db pv.db import --dry-run out.cdtt >/dev/null 2>&1 ||
            bad="$bad; export $i: the file left behind is not a valid package"
    fi
done
tally "export" $killed $done
expect_eq "export under SIGKILL: no partial package under the final name" "$bad" ""
expect_eq "export under SIGKILL: the source file's content unchanged" "$(records c.db | sha256sum)" "$before"
left=$(find . -maxdepth 1 -name 'out.cdtt?*' | wc -l)
echo "# temporary files left beside the package by killed exports: $left"

# --- package import -----------------------------------------------------------------
bad="" killed=0 done=0 i=0
while [ $i -lt "$N" ]; do
    i=$((i + 1))
    rm -f p.db p.db-wal p.db-shm
    cp p0.db p.db
    killrun 600 import.out "$CDTT" --db p.db import c.cdtt
    rc=$?
    if [ $rc -eq 0 ]; then done=$((done + 1)); else killed=$((killed + 1)); fi
    sound p.db || bad="$bad; import $i: file not sound"
    c=$(members p.db)
    [ "$c" = 0 ] || [ "$c" = "$ROWS" ] || bad="$bad; import $i: $c of $ROWS members"
    [ $rc -eq 0 ] && [ "$c" != "$ROWS" ] && bad="$bad; import $i: reported done, $c of $ROWS members"
    "$CDTT" --db p.db import c.cdtt >/dev/null 2>&1 || bad="$bad; import $i: the import again failed"
    [ "$(members p.db)" = "$ROWS" ] || bad="$bad; import $i: import again gave $(members p.db)"
done
tally "package import of $ROWS members" $killed $done
expect_eq "package import under SIGKILL: all or nothing, then importable again" "$bad" ""

# --- CSV import of members ----------------------------------------------------------
if "$CDTT" --help 2>&1 | grep -q "csv import"; then
    CSVROWS=$(iters 300 1000)  # slower than packages: about 2 ms a row
    "$CDTT" --db v.db init --office 00004 --name "Phường Ba Đình" >/dev/null
    awk -v n="$CSVROWS" 'BEGIN { printf "\357\273\277Họ và tên,Tổ,Số điện thoại\r\n";
        for (i = 1; i <= n; i++) printf "Trần Thị Số %d,Tổ CSV %d,09%08d\r\n", i, int(i / 8), i }' >members.csv
    cp v.db v0.db
    bad="" killed=0 done=0 i=0
    while [ $i -lt "$N" ]; do
        i=$((i + 1))
        rm -f v.db v.db-wal v.db-shm
        cp v0.db v.db
        killrun 900 csv.out "$CDTT" --db v.db csv import members members.csv
        rc=$?
        if [ $rc -eq 0 ]; then done=$((done + 1)); else killed=$((killed + 1)); fi
        sound v.db || bad="$bad; csv $i: file not sound"
        c=$(members v.db)
        [ "$c" = 0 ] || [ "$c" = "$CSVROWS" ] || bad="$bad; csv $i: $c of $CSVROWS members"
        [ $rc -eq 0 ] && [ "$c" != "$CSVROWS" ] && bad="$bad; csv $i: reported done, $c of $CSVROWS members"
    done
    tally "csv import of $CSVROWS members" $killed $done
    expect_eq "CSV import under SIGKILL: all or nothing" "$bad" ""
else
    skip "CSV import under SIGKILL" "this build has no 'cdtt csv import' yet"
fi

# --- TUI form saves -----------------------------------------------------------------
. "$ROOT/tests/e2e/lib-tmux.sh"
cdtt_pid() { pgrep -P "$(tm display -p -t t '#{pane_pid}')" 2>/dev/null | head -1; }
"$CDTT" --db f.db init --office 00004 --name "Phường Ba Đình" >/dev/null
areas() { q f.db "SELECT count(*) FROM area"; }
bad="" k=0 seen=0
while [ $k -lt "$NTUI" ]; do
    k=$((k + 1))
    n0=$(areas)
    tm_start 80 24 --db f.db
    tm_wait "Số địa bàn" || { bad="$bad; tui $k: no home screen"; continue; }
    tm_type 1; tm_wait "Tìm:"
    tm_keys C-n; tm_wait "Thêm địa bàn"; tm_keys Tab; tm_type "Thôn Giết $k"; tm_wait "Thôn Giết $k"
    pid=$(cdtt_pid)
    tm_keys C-s
    sleep "$(rand_ms 30)"
    [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
    # The shell's "[exit N]" may wrap at the right margin after a kill: wait for the process instead.
    i=0
    while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && bad="$bad; tui $k: did not end"
    sound f.db || bad="$bad; tui $k: file not sound"
    n1=$(areas)
    [ "$n1" = "$n0" ] || [ "$n1" = $((n0 + 1)) ] || bad="$bad; tui $k: $n0 -> $n1 areas"
    case "$(tm_screen)" in
        *"Đã lưu"*) seen=$((seen + 1))
            [ "$n1" = $((n0 + 1)) ] || bad="$bad; tui $k: screen said saved, area missing" ;;
    esac
done
tm_stop
echo "# TUI form saves: $NTUI kills, $seen after the screen said saved, $(areas) areas kept"
expect_eq "TUI form save under SIGKILL: sound file, a saved area is kept" "$bad" ""
finish
