# tests/stress/lib-stress.sh — helpers for the fault-tolerance runs; source after tests/lib.sh.
#   iters SMALL LARGE      the iteration count: SMALL under `make test`, LARGE under STRESS=1
#   sound FILE             true when PRAGMA integrity_check says ok and foreign_key_check finds nothing
#   mkoffice FILE CODE LEVEL NAME   a new cdtt file owned by that office, with a small unit list
#   fill FILE CODE N       one commune-level team 'team-CODE' with N members in it (plain SQL)
#   members FILE           the number of live members
#   rand_ms MAX            a random whole number of milliseconds in [0, MAX), printed as seconds
#   sha FILE               the file's SHA-256
#   duration_ms CMD...     runs CMD to the end; prints its milliseconds (the window for kill times)
#   outcome STATUS TIMING  how a run that may have been killed ended: done, mid (mid-change) or out
#   tally KIND MID OUT DONE  the figures of one kind of work, and the check that a kill landed mid-change
# Run on its own (tests/run.sh runs every tests/stress/*.sh), it is only a library: nothing to do.
type ok >/dev/null 2>&1 || exit 0
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "ok 1 - stress # SKIP the sqlite3 shell is missing (apt-get install sqlite3)"
    exit 0
fi
umask 077

iters() { if [ "${STRESS:-0}" = 1 ]; then echo "$2"; else echo "$1"; fi; }
q() { sqlite3 -batch -cmd ".timeout 5000" "$@"; }
sound() { [ "$(q "$1" "PRAGMA integrity_check; PRAGMA foreign_key_check;" 2>&1)" = ok ]; }
members() { q "$1" "SELECT count(*) FROM member WHERE deleted = 0"; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
rand_ms() {
    r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
    ms=$((r % $1))
    printf '%d.%03d' $((ms / 1000)) $((ms % 1000))
}

# duration_ms CMD...: runs CMD once to the end (output discarded) and prints how many
# milliseconds it took, at least 1. Kill times are drawn below it, so that they fall during the
# work on a fast machine and a slow one (or a sanitizer build) alike.
duration_ms() {
    _s=$(date +%s%N)
    "$@" >/dev/null 2>&1
    _ms=$(( ($(date +%s%N) - _s) / 1000000 ))
    [ "$_ms" -ge 1 ] || _ms=1
    echo "$_ms"
}

# outcome STATUS TIMING: how a run that may have been killed ended, from its exit status and its
# CDTT_TIMING file: "done" (it finished), "mid" (killed after a change of the file began and
# before it was committed: more write_begin lines than write_done) or "out" (killed before any
# change began, between two, or after the last was committed).
outcome() {
    if [ "$1" -eq 0 ]; then
        echo done
    elif [ "$(cat "$2" 2>/dev/null | grep -c '^write_begin')" -gt "$(cat "$2" 2>/dev/null | grep -c '^write_done')" ]; then
        echo mid
    else
        echo out
    fi
}

# tally KIND MID OUT DONE: a comment line with the figures of one kind of work (runs killed
# mid-change, killed outside a change, finished first), then the check that a kill landed
# mid-change: passes when MID > 0; otherwise a skip that says none did (nothing was shown).
tally() {
    echo "# $1: $(($2 + $3 + $4)) runs, $2 killed mid-change, $3 killed outside a change, $4 finished first"
    if [ "$2" -gt 0 ]; then
        ok "$1: a kill landed mid-change"
    else
        skip "$1: a kill landed mid-change" "none of $(($2 + $3 + $4)) runs was killed mid-change"
    fi
}

MORE_UNITS=",
              ('2025-07', 'commune', '00016', 'Phường Hoàn Kiếm', '01', '01', 'hoan kiem')"
. "$ROOT/tests/lib-office.sh"

fill() {
    q "$1" "INSERT INTO team (uuid, unit_scheme, unit_code, level, name, name_fold, sort_key, created_at,
              updated_at, changed_by) VALUES ('team-$2', '2025-07', '$2', 'commune', 'Tổ CNS $2', 'to cns $2',
              'to cns $2', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2025-07:$2');
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $3)
            INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, phone, consent,
                                created_at, updated_at, changed_by)
              SELECT printf('m-$2-%07d', i), '2025-07', '$2', 'Nguyễn Văn ' || i, 'nguyen van ' || i,
                     'nguyen van ' || i, printf('09%08d', i), 1, '2026-01-01T00:00:00.000Z',
                     '2026-02-01T00:00:00.000Z', '2025-07:$2' FROM n;
            INSERT INTO membership (uuid, team_uuid, member_uuid, created_at, updated_at, changed_by)
              SELECT 'ms-' || uuid, 'team-$2', uuid, created_at, updated_at, changed_by FROM member
              WHERE unit_code = '$2';"
}
