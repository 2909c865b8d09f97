#!/bin/sh
# signals.sh — SIGTERM and SIGHUP (a dropped SSH link) in the middle of a package import
# and of a TUI form: nothing half-written, the file sound, and the terminal given back
# to the shell in the state it was in (same `stty -g`, a usable prompt).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-stress.sh"
cd "$T" || exit 1
N=$(iters 4 30)
ROWS=$(iters 1000 3000)

# --- an import interrupted by SIGTERM or SIGHUP: all or nothing, no private copy left ---
mkoffice c.db 00004 commune "Phường Ba Đình"
fill c.db 00004 "$ROWS"
mkoffice p0.db 01 province "Thành phố Hà Nội"
"$CDTT" --db c.db export -o c.cdtt >/dev/null || fail "export the commune's package"
cp p0.db p.db
window=$(duration_ms "$CDTT" --db p.db import c.cdtt) # signals are sent within that time
for sig in TERM HUP; do
    bad="" mid=0 outside=0 done=0 k=0
    while [ $k -lt "$N" ]; do
        k=$((k + 1))
        rm -f p.db p.db-wal p.db-shm timing; cp p0.db p.db
        rm -rf "$T/tmp"; mkdir "$T/tmp"
        TMPDIR=$T/tmp CDTT_TIMING=$T/timing "$CDTT" --db p.db import c.cdtt >import.out 2>&1 &
        pid=$!
        sleep "$(rand_ms "$window")"
        kill -"$sig" "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        rc=$?
        case $(outcome $rc timing) in
            mid) mid=$((mid + 1)) ;;
            out) outside=$((outside + 1)) ;;
            *) done=$((done + 1)) ;;
        esac
        sound p.db || bad="$bad; $k: file not sound"
        c=$(members p.db)
        [ "$c" = 0 ] || [ "$c" = "$ROWS" ] || bad="$bad; $k: $c of $ROWS members"
        [ $rc -eq 0 ] && [ "$c" != "$ROWS" ] && bad="$bad; $k: reported done, $c members"
        left=$(ls -A "$T/tmp")
        [ -z "$left" ] || bad="$bad; $k: left in TMPDIR: $left"
    done
    tally "SIG$sig during a package import" $mid $outside $done
    expect_eq "SIG$sig during a package import: all or nothing, the file sound, no copy left" "$bad" ""
done

# --- a TUI form interrupted by SIGHUP or SIGTERM, run from a shell ------------------
. "$ROOT/tests/e2e/lib-tmux.sh"
"$CDTT" --db f.db init --office 00004 --name "Phường Ba Đình" >/dev/null
cdtt_pid() { tm_procs cdtt | head -1; }
for sig in HUP TERM; do
    tm_start_shell
    tm_type "stty -g >stty.before; clear; \"\$CDTT\" --db f.db; echo \"[exit \$?]\""; tm_keys Enter
    tm_poll "Số địa bàn" || fail "SIG$sig: cdtt starts from the shell"
    tm_type 1; tm_wait "Tìm:"
    tm_keys C-n; tm_wait "Thêm địa bàn"; tm_keys Tab; tm_type "Thôn Dở Dang $sig"
    tm_wait "Thôn Dở Dang $sig"
    pid=$(cdtt_pid)
    if [ -n "$pid" ]; then kill -"$sig" "$pid"; else fail "SIG$sig: find the cdtt process"; fi
    expect_screen "SIG$sig in a form: cdtt ends with status 0" "[exit 0]"
    tm_type "stty -g >stty.after; cmp -s stty.before stty.after && echo SAME-TTY || echo CHANGED-TTY"
    tm_keys Enter
    expect_screen "SIG$sig in a form: the terminal settings are given back" "SAME-TTY"
    tm_type "echo typed-and-seen"; tm_keys Enter
    expect_screen "SIG$sig in a form: the shell prompt echoes and runs commands" "typed-and-seen"
    expect_eq "SIG$sig in a form: nothing half-written" \
        "$(q f.db "SELECT count(*) FROM area WHERE name LIKE 'Thôn Dở Dang%'")" 0
    check "SIG$sig in a form: the file is sound" sound f.db
done
tm_stop
finish
