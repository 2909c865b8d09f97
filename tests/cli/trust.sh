#!/bin/sh
# tests/cli/trust.sh — nothing from a package is trusted, even one a real
# commune signed (a trusted but buggy sender: its file edited with the sqlite3
# shell, then exported and signed as usual): the folded name and sort key are
# computed at the province, whatever the package says; every value is checked
# as the forms check it, and a package with bad values is refused record by
# record and field by field (or, with --accept-partial, only its bad records
# are left out); counts so large that sums would overflow are refused; the
# private copy of the package leaves nothing behind.
. "$(dirname "$0")/../lib.sh"
cd "$T" || exit 1
command -v sqlite3 >/dev/null 2>&1 || { skip "trust" "the sqlite3 shell is not installed"; finish; }
c() { "$CDTT" --lang en "$@"; }
# refused WHAT FILE: the province imports FILE, which must be refused (exit 1) with its file left
# byte for byte as it was; the output is left in $out.
refused() {
    before=$(sqlite3 p.db .dump | sha256sum)
    out=$(c --db p.db import "$2" 2>&1); rc=$?
    expect_eq "$1: exit 1" "$rc" "1"
    expect_eq "$1: the province's file is unchanged" "$(sqlite3 p.db .dump | sha256sum)" "$before"
}
export TMPDIR="$T/tmp"
mkdir -p "$TMPDIR"
c --db a.db init --office 00004 >/dev/null
c --db p.db init --office 01 >/dev/null
c --db a.db add member "Nguyễn Thị Lan" --birth 1990-05-01 >/dev/null
c --db a.db add member "Trần Văn Bình" >/dev/null
fold=$(sqlite3 a.db "SELECT name_fold FROM member WHERE full_name = 'Nguyễn Thị Lan'")
key=$(sqlite3 a.db "SELECT sort_key FROM member WHERE full_name = 'Nguyễn Thị Lan'")

# Derived columns: a folded name of 9,000 words and a wrong sort key are computed again.
sqlite3 a.db "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 8999)
  UPDATE member SET name_fold = (SELECT group_concat('w' || i, ' ') FROM n), sort_key = '!!!'
  WHERE full_name = 'Nguyễn Thị Lan'"
check "the commune exports its edited file" c --db a.db export -o d.cdtt
check "the province imports it" c --db p.db import d.cdtt
expect_eq "the folded name is the province's own" \
    "$(sqlite3 p.db "SELECT name_fold FROM member WHERE full_name = 'Nguyễn Thị Lan'")" "$fold"
expect_eq "and so is the sort key" \
    "$(sqlite3 p.db "SELECT sort_key FROM member WHERE full_name = 'Nguyễn Thị Lan'")" "$key"
expect_eq "the search's list of names holds the province's folded name" \
    "$(sqlite3 p.db "SELECT count(*) FROM list_name WHERE tbl = 'member' AND name_fold = '$fold' AND sort_key = '$key'")" "1"
expect_eq "nothing is left of the package's 9,000 words" \
    "$(sqlite3 p.db "SELECT count(*) FROM list_name WHERE name_fold LIKE 'w%' OR sort_key = '!!!'")" "0"
out=$(c --db p.db list members --search "w8999")
expect_not_contains "a search for a word of the package's folded name finds nothing" "$out" "Nguyễn Thị Lan"
# A newer version whose name changed: its folded name follows the new name, not the package's.
sqlite3 a.db "UPDATE member SET full_name = 'Nguyễn Thị Lan Anh', name_fold = 'zzz', sort_key = '~'
  WHERE full_name = 'Nguyễn Thị Lan'"
c --db a.db export -o d2.cdtt >/dev/null
check "an update with a wrong folded name is imported" c --db p.db import d2.cdtt
expect_eq "the updated record's folded name is computed" \
    "$(sqlite3 p.db "SELECT name_fold FROM member WHERE full_name = 'Nguyễn Thị Lan Anh'")" "nguyen thi lan anh"

# A conflict settled with the version from below: its name's folded form is computed too, even
# when the conflict kept a wrong one (as one recorded by an earlier cdtt would).
sqlite3 p.db "UPDATE member SET full_name = 'Trần Văn Bình (tỉnh)', changed_by = '2025-07:01'
  WHERE full_name = 'Trần Văn Bình'"
sqlite3 a.db "UPDATE member SET full_name = 'Trần Văn Bính' WHERE full_name = 'Trần Văn Bình'"
c --db a.db export -o d3.cdtt >/dev/null
c --db p.db import d3.cdtt >/dev/null
id=$(sqlite3 p.db "SELECT id FROM conflict WHERE resolved_at IS NULL")
sqlite3 p.db "UPDATE conflict SET incoming_json = json_set(incoming_json, '$.name_fold', 'zzz', '$.sort_key', '~')
  WHERE id = '$id'"
check "the conflict is settled with the commune's version" c --db p.db conflicts resolve "$id" theirs
expect_eq "its folded name is computed from the name taken" \
    "$(sqlite3 p.db "SELECT name_fold FROM member WHERE full_name = 'Trần Văn Bính'")" "tran van binh"

# Values: each bad value is named, the package refused, the province's file unchanged.
c --db a.db add member "Lê Thị Hoa" >/dev/null
c --db a.db add team "Tổ CNS xã" >/dev/null
team=$(sqlite3 a.db "SELECT uuid FROM team")
c --db a.db activity add --team "$team" --date 2026-03-01 --type vneid --people 12 --households 5 >/dev/null
sqlite3 a.db "UPDATE member SET birth = '9999-99-99', mooc_date = 'garbage', phone = '12345',
  note = 'e' || char(769) WHERE full_name = 'Trần Văn Bính';
  UPDATE member SET full_name = 'Hoa' || char(27) || '[2J' WHERE full_name = 'Lê Thị Hoa'"
c --db a.db export --full -o bad.cdtt >/dev/null
refused "a package with bad values" bad.cdtt
expect_contains "the birth date is named" "$out" "Birth date: the year 9999 is out of range"
expect_contains "the MOOC date is named" "$out" "MOOC completed on: 'garbage' is not a date"
expect_contains "the phone is named" "$out" "Mobile phone:"
expect_contains "the note not in NFC is named" "$out" "Note: not written as cdtt stores it"
expect_contains "the name with an escape sequence is named" "$out" "Full name:"
expect_not_contains "the escape sequence does not reach the terminal" "$out" "$(printf '\033')"
expect_eq "two records are listed" "$(printf '%s\n' "$out" | grep -c '  refused: ')" "2"
out=$(c --db p.db import --accept-partial bad.cdtt 2>&1); rc=$?
expect_eq "--accept-partial merges the rest: exit 1 (records were refused)" "$rc" "1"
expect_eq "the good records are there" "$(sqlite3 p.db "SELECT count(*) FROM activity")" "1"
expect_eq "the bad ones are not" "$(sqlite3 p.db "SELECT count(*) FROM member WHERE birth = '9999-99-99' OR full_name LIKE 'Hoa%'")" "0"

# Counts that would make every sum overflow: refused, and reports keep working.
sqlite3 a.db "UPDATE member SET birth = NULL, mooc_date = NULL, phone = NULL, note = '' WHERE full_name = 'Trần Văn Bính';
  UPDATE member SET full_name = 'Lê Thị Hoa' WHERE full_name LIKE 'Hoa%';
  UPDATE activity SET people = 9223372036854775807"
c --db a.db export -o big.cdtt >/dev/null
refused "an activity helping 9223372036854775807 people" big.cdtt
expect_contains "it says the count is out of range" "$out" "People helped: 9223372036854775807 is not a count from 0 to 1000000000"
check "the province's report still works" c --db p.db report
sqlite3 a.db "UPDATE activity SET people = 1000000000"
c --db a.db export -o max.cdtt >/dev/null
check "the largest count allowed is taken" c --db p.db import max.cdtt
check "and the report sums it" c --db p.db report

# The private copy: nothing left in TMPDIR, nothing beside the package (even a WAL-mode one).
expect_eq "no copy is left in TMPDIR" "$(ls -A "$TMPDIR")" ""
mkdir pk
c --db a.db add member "Phạm Văn Cường" >/dev/null
c --db a.db export --plain -o pk/wal.cdtt >/dev/null
sqlite3 pk/wal.cdtt "PRAGMA journal_mode = WAL" >/dev/null
check "a package in WAL mode is imported" c --db p.db import pk/wal.cdtt
expect_eq "nothing appears beside it" "$(ls -A pk)" "wal.cdtt"
expect_eq "nor in TMPDIR" "$(ls -A "$TMPDIR")" ""
# What a crash left more than a day ago is swept; a fresh folder (an import running) is kept.
mkdir -m 700 "$TMPDIR/cdtt-import.old000" "$TMPDIR/cdtt-import.new000"
: >"$TMPDIR/cdtt-import.old000/package"
: >"$TMPDIR/cdtt-import.oldcp1" # a copy an older cdtt left in TMPDIR itself
# Folders named after their process: a day old but its process still running (a clock set
# ahead would make it look old) is kept; a day old and its process gone is swept.
sleep 30 & live=$!
sh -c 'exit 0' & gone=$!; wait $gone
mkdir -m 700 "$TMPDIR/cdtt-import.$live.aaaaaa" "$TMPDIR/cdtt-import.$gone.bbbbbb"
touch -d '2 days ago' "$TMPDIR/cdtt-import.old000" "$TMPDIR/cdtt-import.oldcp1" \
    "$TMPDIR/cdtt-import.$live.aaaaaa" "$TMPDIR/cdtt-import.$gone.bbbbbb"
c --db p.db import pk/wal.cdtt >/dev/null 2>&1
expect_eq "the stale folders and copy are swept; the fresh folder and the running import's kept" \
    "$(ls -A "$TMPDIR" | sort | tr '\n' ' ')" "$(printf '%s\n' "cdtt-import.$live.aaaaaa" cdtt-import.new000 | sort | tr '\n' ' ')"
kill $live 2>/dev/null; wait $live 2>/dev/null

# A clock pushed far ahead at the commune (a hand edit): versions above 10^15 are refused, so that
# the province's own clock, which follows the versions it takes, never nears the 64-bit limit.
sqlite3 a.db "UPDATE office SET clock = 5000000000000000"
c --db a.db add member "Đỗ Văn Xa" >/dev/null
c --db a.db export -o far.cdtt >/dev/null
refused "a record of version 5000000000000001" far.cdtt
expect_contains "it says the version is out of range" "$out" "the version 5000000000000001 is out of range"
# A fake level: a file edited to call itself "district 001" under the 2025-07 list (which has no
# districts) and to own a village of an unknown commune code; its package is refused as coming from
# a unit the province's list does not have, whatever the manifest says of where it lies.
c --db f.db init --office 00004 >/dev/null
c --db f.db add area "Thôn Giả" >/dev/null
sqlite3 f.db "UPDATE office SET level = 'district', code = '001', name = 'Quận Giả';
  UPDATE area SET unit_code = '99999'"
c --db f.db export -o fake.cdtt >/dev/null
refused "a package from a district the 2025-07 list does not have" fake.cdtt
expect_contains "it says the list does not have it" "$out" "which this office's list of units does not have"
finish
