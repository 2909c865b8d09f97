#!/bin/sh
# demo.sh — `cdtt demo` through the real binary: small generations, determinism,
# refusal of a file that has records, bad arguments, file mode, real communes.
. "$(dirname "$0")/../lib.sh"

digest() { sed -n 's/.*digest \([0-9a-f]*\).*/\1/p'; }
have_sqlite=0; command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
# rows_sum FILE: for each travelling table of FILE, its row count and a checksum of its rows in
# uuid order, read through the sqlite3 shell; fails when the shell does.
rows_sum() {
    for t in area team member membership training_session attendance activity; do
        n=$(sqlite3 -bail "$1" "SELECT count(*) FROM $t") || return 1
        sum=$(sqlite3 -bail "$1" "SELECT * FROM $t ORDER BY uuid" | cksum) || return 1
        echo "$t $n $sum"
    done
}
# same_rows NAME A B: the travelling tables of files A and B, which have records, hold the same
# rows (the digest the demo prints is worked out from the rows as it writes them).
same_rows() {
    if [ $have_sqlite -eq 0 ]; then skip "$1" "sqlite3 shell not installed"; return; fi
    ra=$(rows_sum "$2") && rb=$(rows_sum "$3") || { fail "$1" "the sqlite3 shell could not read them"; return; }
    if [ "$ra" = "$rb" ] && printf '%s\n' "$ra" | grep -q '^member [1-9]'; then ok "$1"
    else fail "$1" "$(printf '%s\n--\n%s' "$ra" "$rb")"; fi
}
# same_derived NAME FILE: the derived tables a demo filled from what it gathered as it wrote the rows
# (live_tally; team_training, multi_member, team_training_state, team_training_dirty; list_name) hold
# row for row what the migrations' own SQL builds from FILE's records, and the triggers that keep them
# are all there. The SQL builds them in a copy: migrations 7 and 8 (team_training and its companions,
# list_name), their objects dropped, run again when the copy says it is at schema version 6 and cdtt
# opens it; live_tally is counted again by migration 2's own statement.
same_derived() {
    if [ $have_sqlite -eq 0 ]; then skip "$1" "sqlite3 shell not installed"; return; fi
    ref="$2.ref"; rm -f "$ref"
    sqlite3 -bail "$2" "VACUUM INTO '$ref'" &&
    { sqlite3 -bail "$ref" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_schema WHERE type = 'trigger'
                            AND (name LIKE 'team~_training~_%' ESCAPE '~' OR name LIKE '%~_names~_%' ESCAPE '~')"
      echo "DROP TABLE team_training; DROP TABLE multi_member; DROP TABLE team_training_dirty;
            DROP TABLE team_training_state; DROP TABLE list_name; DELETE FROM live_tally;"
      for t in area team member; do
          echo "INSERT INTO live_tally (tbl, unit_scheme, unit_code, n)
                SELECT '$t', unit_scheme, unit_code, count(*) FROM $t WHERE deleted = 0 GROUP BY unit_scheme, unit_code;"
      done
      echo "PRAGMA user_version = 6;"; } | sqlite3 -bail "$ref" &&
    "$CDTT" --db "$ref" conflicts >/dev/null 2>&1 || { fail "$1" "the copy could not be rebuilt"; return; }
    q="ATTACH '$ref' AS ref;"
    for t in live_tally team_training multi_member team_training_state team_training_dirty list_name; do
        q="$q SELECT '$t', (SELECT count(*) FROM (SELECT * FROM main.$t EXCEPT SELECT * FROM ref.$t)),
             (SELECT count(*) FROM (SELECT * FROM ref.$t EXCEPT SELECT * FROM main.$t)), (SELECT count(*) FROM main.$t);"
    done
    q="$q SELECT 'schema', (SELECT count(*) FROM (SELECT type, name, sql FROM main.sqlite_schema EXCEPT
             SELECT type, name, sql FROM ref.sqlite_schema)), (SELECT count(*) FROM (SELECT type, name, sql FROM
             ref.sqlite_schema EXCEPT SELECT type, name, sql FROM main.sqlite_schema)), (SELECT user_version FROM
             ref.pragma_user_version) = (SELECT user_version FROM main.pragma_user_version);"
    got=$(sqlite3 -bail "$2" "$q") || { fail "$1" "the sqlite3 shell could not compare them"; return; }
    rm -f "$ref"
    # Each line: table|rows only in the file|rows only in the rebuilt copy|rows in the file.
    if printf '%s\n' "$got" | awk -F'|' '$2 != 0 || $3 != 0 { bad = 1 }
           $1 ~ /^(live_tally|team_training|team_training_state|list_name)$/ && $4 == 0 { bad = 1 }
           $1 == "schema" && $4 != 1 { bad = 1 } END { exit bad }'; then ok "$1"
    else fail "$1" "$got"; fi
}

out=$("$CDTT" --lang en --db "$T/a.db" demo --members 300 --seed 5 2>&1); rc=$?
expect_eq "demo --members 300 succeeds" "$rc" 0
expect_contains "it reports the members" "$out" "300 members, 300 memberships"
expect_contains "it says the communes were made up" "$out" "made up: no unit list imported"
da=$(printf '%s\n' "$out" | digest)
db=$("$CDTT" --lang en --db "$T/b.db" demo --members 300 --seed 5 | digest)
dc=$("$CDTT" --lang en --db "$T/c.db" demo --members 300 --seed 6 | digest)
expect_eq "same seed, same content digest" "$db" "$da"
if [ -n "$da" ] && [ "$da" != "$dc" ]; then ok "another seed, another digest"; else fail "another seed, another digest" "$da vs $dc"; fi
expect_eq "the file is private (0600)" "$(stat -c %a "$T/a.db")" 600

if [ $have_sqlite -eq 1 ]; then
    expect_eq "300 members in the file" "$(sqlite3 "$T/a.db" 'SELECT count(*) FROM member')" 300
    expect_eq "every team has one leader" \
        "$(sqlite3 "$T/a.db" "SELECT count(*) FROM team t WHERE (SELECT count(*) FROM membership m WHERE m.team_uuid = t.uuid AND m.role = 'leader') != 1")" 0
    expect_eq "a national office was set" "$(sqlite3 "$T/a.db" 'SELECT level FROM office')" national
else
    skip "300 members in the file" "sqlite3 shell not installed"
    skip "every team has one leader" "sqlite3 shell not installed"
    skip "a national office was set" "sqlite3 shell not installed"
fi

# The members are listed by the program itself.
n=$("$CDTT" --lang en --db "$T/a.db" list members --format csv 2>/dev/null | wc -l)
expect_eq "list members shows them (header + 300)" "$n" 301

# A file with records is refused and left as it was.
check_fails "a second demo into the same file is refused" 1 "$CDTT" --lang en --db "$T/a.db" demo --members 10
out=$("$CDTT" --lang en --db "$T/a.db" demo --members 10 2>&1)
expect_contains "the refusal says why" "$out" "already holds"
out=$("$CDTT" --db "$T/a.db" demo --members 10 2>&1)
expect_contains "the refusal is in Vietnamese by default" "$out" "đã có"
if [ $have_sqlite -eq 1 ]; then
    expect_eq "and the file is unchanged" "$(sqlite3 "$T/a.db" 'SELECT count(*) FROM member')" 300
else
    skip "and the file is unchanged" "sqlite3 shell not installed"
fi

# Bad arguments: exit 2, nothing written.
check_fails "--members is required" 2 "$CDTT" --db "$T/d.db" demo
check_fails "--members must be a number" 2 "$CDTT" --db "$T/d.db" demo --members 12x
check_fails "--members 0 is refused" 2 "$CDTT" --db "$T/d.db" demo --members 0
check_fails "a bad scheme is refused" 2 "$CDTT" --db "$T/d.db" demo --members 5 --scheme 2024
check_fails "a bad province code is refused" 2 "$CDTT" --db "$T/d.db" demo --members 5 --province 7
check_fails "an unknown option is refused" 2 "$CDTT" --db "$T/d.db" demo --members 5 --fast
if [ -e "$T/d.db" ]; then fail "bad arguments create no file"; else ok "bad arguments create no file"; fi

# A new file is built aside and named when complete: same content as a file
# filled in place, a sound file, nothing left beside it.
mkdir "$T/new"
dn=$("$CDTT" --lang en --db "$T/new/n.db" demo --members 800 --seed 9 | digest)
: >"$T/inplace.db"; "$CDTT" --db "$T/inplace.db" conflicts >/dev/null 2>&1
di=$("$CDTT" --lang en --db "$T/inplace.db" demo --members 800 --seed 9 | digest)
expect_eq "a new file holds what a file filled in place holds" "$dn" "$di"
same_rows "read back, the new file's records are the in-place file's" "$T/new/n.db" "$T/inplace.db"
same_derived "the new file's derived tables are what the migrations build from its records" "$T/new/n.db"
same_derived "so are those of the file filled in place" "$T/inplace.db"
expect_eq "nothing but the file is left in its folder" "$(ls -A "$T/new")" "n.db"
out=$("$CDTT" --lang en --db "$T/new/n.db" check 2>&1)
expect_contains "cdtt check finds the new file sound" "$out" "The file is sound"
if [ $have_sqlite -eq 1 ]; then
    expect_eq "integrity and foreign keys hold" \
        "$(sqlite3 "$T/new/n.db" 'PRAGMA integrity_check; PRAGMA foreign_key_check; PRAGMA journal_mode')" "ok
wal"
else
    skip "integrity and foreign keys hold" "sqlite3 shell not installed"
fi

# Killed while generating: no file at the target's name, only the temporary one.
mkdir "$T/kill"
"$CDTT" --db "$T/kill/k.db" demo --members 400000 --seed 2 >/dev/null 2>&1 &
pid=$!
i=0
until [ -n "$(find "$T/kill" -name 'k.db.building-*' -size +2M 2>/dev/null)" ] || [ $i -ge 600 ]; do
    i=$((i + 1)); sleep 0.05
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
if [ -e "$T/kill/k.db" ]; then fail "a killed generation leaves no file at the target" "$(ls -la "$T/kill")"
else ok "a killed generation leaves no file at the target"; fi
expect_eq "only its temporary file is left" "$(ls "$T/kill" | sed 's/-[A-Za-z0-9]*$//')" "k.db.building"
check "the same name can then be generated" "$CDTT" --db "$T/kill/k.db" demo --members 50

# Killed while filling in place a file that has the unit lists (one transaction): the file is as
# it was, and the same command then works. The kill must land mid-load: the timing lines show the
# load's transaction begun and not committed, and its journal is there.
"$CDTT" --db "$T/kill/ip.db" init --national >/dev/null 2>&1
units_before=$(sqlite3 "$T/kill/ip.db" 'SELECT count(*) FROM unit' 2>/dev/null)
size0=$(stat -c %s "$T/kill/ip.db")
CDTT_TIMING="$T/kill/ip.timing" "$CDTT" --db "$T/kill/ip.db" demo --members 400000 --seed 2 >/dev/null 2>&1 &
pid=$!
i=0
until [ "$(stat -c %s "$T/kill/ip.db")" -gt $((size0 + 4000000)) ] || [ $i -ge 600 ]; do
    i=$((i + 1)); sleep 0.05
done
journal=0; [ -e "$T/kill/ip.db-journal" ] || [ -e "$T/kill/ip.db-wal" ] && journal=1
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
mid=$(awk '/^write_begin / { open = 1 } /^write_done / { open = 0 } END { print open + 0 }' "$T/kill/ip.timing" 2>/dev/null)
if [ "$mid" = 1 ] && [ $journal -eq 1 ]; then ok "the kill landed in the middle of the in-place load"
else fail "the kill landed in the middle of the in-place load" "timing: $(tail -3 "$T/kill/ip.timing" 2>/dev/null)"; fi
if [ $have_sqlite -eq 1 ]; then
    expect_eq "after the kill the file is sound and holds no record, its unit lists intact" \
        "$(sqlite3 "$T/kill/ip.db" 'PRAGMA integrity_check; SELECT count(*) FROM member; SELECT count(*) FROM team;
                                    SELECT count(*) FROM list_name; SELECT count(*) FROM unit')" "ok
0
0
0
$units_before"
else
    skip "after the kill the file is sound and holds no record, its unit lists intact" "sqlite3 shell not installed"
fi
d1=$("$CDTT" --lang en --db "$T/kill/ip.db" demo --members 500 --seed 3 | digest)
"$CDTT" --db "$T/kill/ip2.db" init --national >/dev/null 2>&1
d2=$("$CDTT" --lang en --db "$T/kill/ip2.db" demo --members 500 --seed 3 | digest)
if [ -n "$d1" ] && [ "$d1" = "$d2" ]; then ok "the same file then takes the demo, as a file never killed does"
else fail "the same file then takes the demo, as a file never killed does" "$d1 vs $d2"; fi
same_rows "read back, the file killed once holds what the other holds" "$T/kill/ip.db" "$T/kill/ip2.db"

# A large generation into a file with the unit lists gives it 16 KB pages first; the file is sound.
"$CDTT" --db "$T/big.db" init --national >/dev/null 2>&1
check "demo of 50,000 members into a file with the unit lists" "$CDTT" --db "$T/big.db" demo --members 50000 --seed 4
out=$("$CDTT" --lang en --db "$T/big.db" check 2>&1)
expect_contains "cdtt check finds it sound" "$out" "The file is sound"
same_derived "its derived tables are what the migrations build from its records" "$T/big.db"
for seed in 1 2; do
    "$CDTT" --db "$T/nat$seed.db" init --national >/dev/null 2>&1
    "$CDTT" --db "$T/nat$seed.db" demo --members $((seed * 4321)) --seed $seed >/dev/null 2>&1
    same_derived "init --national, demo of $((seed * 4321)) members, seed $seed: the same" "$T/nat$seed.db"
    "$CDTT" --db "$T/new$seed.db" demo --members $((seed * 1234)) --seed $((seed + 10)) >/dev/null 2>&1
    same_derived "a new file of $((seed * 1234)) members, seed $((seed + 10)): the same" "$T/new$seed.db"
done
if [ $have_sqlite -eq 1 ]; then
    expect_eq "it has 16 KB pages, 50,000 members, its WAL journal" \
        "$(sqlite3 "$T/big.db" 'PRAGMA page_size; SELECT count(*) FROM member; PRAGMA journal_mode')" "16384
50000
wal"
else
    skip "it has 16 KB pages, 50,000 members, its WAL journal" "sqlite3 shell not installed"
fi

# Stopped with Ctrl-C (SIGINT), kill (SIGTERM) or a dropped link (SIGHUP): nothing is left at all.
for sig in INT TERM HUP; do
    d="$T/stop-$sig"; mkdir "$d"
    # A background job of a script starts with SIGINT ignored; perl gives it back, as a terminal has it.
    perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' "$CDTT" --db "$d/s.db" demo --members 400000 --seed 2 \
        >/dev/null 2>&1 &
    pid=$!
    i=0
    until [ -n "$(find "$d" -name 's.db.building-*' -size +2M 2>/dev/null)" ] || [ $i -ge 600 ]; do
        i=$((i + 1)); sleep 0.05
    done
    kill -s "$sig" $pid 2>/dev/null; wait $pid 2>/dev/null
    expect_eq "SIG$sig while generating leaves nothing in the folder" "$(ls -A "$d")" ""
done

# Real communes from the shared reference list, when it is there.
if [ -f "$SHARED_DATA/units-2025-07.csv" ]; then
    "$CDTT" --db "$T/u.db" units import "$SHARED_DATA/units-2025-07.csv" >/dev/null 2>&1
    out=$("$CDTT" --lang en --db "$T/u.db" demo --members 500 --province 01 2>&1); rc=$?
    expect_eq "demo over the real communes of Hà Nội" "$rc" 0
    expect_contains "it says they come from the unit list" "$out" "from the imported unit list"
    if [ $have_sqlite -eq 1 ]; then
        expect_eq "every member is in a real commune of province 01" \
            "$(sqlite3 "$T/u.db" "SELECT count(*) FROM member m WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.scheme = m.unit_scheme AND u.level = 'commune' AND u.code = m.unit_code AND u.province_code = '01')")" 0
        expect_eq "the office is Hà Nội" "$(sqlite3 "$T/u.db" 'SELECT name FROM office')" "Thành phố Hà Nội"
    else
        skip "every member is in a real commune of province 01" "sqlite3 shell not installed"
        skip "the office is Hà Nội" "sqlite3 shell not installed"
    fi
    # A file that belongs to one commune gets data of that commune only.
    "$CDTT" --db "$T/w.db" units import "$SHARED_DATA/units-2025-07.csv" >/dev/null 2>&1
    "$CDTT" --db "$T/w.db" init --office 00004 >/dev/null 2>&1
    check "demo in a commune's file" "$CDTT" --db "$T/w.db" demo --members 120
    if [ $have_sqlite -eq 1 ]; then
        expect_eq "all its members are in that commune" \
            "$(sqlite3 "$T/w.db" "SELECT group_concat(DISTINCT unit_code) FROM member")" 00004
    else
        skip "all its members are in that commune" "sqlite3 shell not installed"
    fi
    "$CDTT" --db "$T/x.db" units import "$SHARED_DATA/units-2025-07.csv" >/dev/null 2>&1
    check_fails "a province missing from the imported list is refused" 1 \
        "$CDTT" --db "$T/x.db" demo --members 10 --province 99 --scheme 2025-07
else
    skip "demo over real communes" "no ../shared/data/units-2025-07.csv beside the checkout"
fi

# Another program has the file open (a sqlite3 shell left idle): the load cannot switch the file's
# journal and stays under its WAL journal, and still runs.
if command -v sqlite3 >/dev/null 2>&1; then
    "$CDTT" --db "$T/open.db" init --office 00004 >/dev/null 2>&1
    (echo "SELECT count(*) FROM office;"; sleep 30) | sqlite3 "$T/open.db" >/dev/null 2>&1 &
    shell=$!
    n=0; until [ -s "$T/open.db-shm" ] || [ $n -ge 50 ]; do sleep 0.1; n=$((n + 1)); done
    check "demo into a file another program has open" "$CDTT" --db "$T/open.db" demo --members 50
    expect_eq "its members are there" "$(sqlite3 "$T/open.db" "SELECT count(*) FROM member")" 50
    kill $shell 2>/dev/null; pkill -P $shell 2>/dev/null; wait $shell 2>/dev/null
else
    skip "demo into a file another program has open" "sqlite3 shell not installed"
fi

finish
