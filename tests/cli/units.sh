#!/bin/sh
# units.sh — cdtt units import/list, init and check through the real binary,
# on the real GSO lists in ../shared/data (skipped when that folder is absent).
. "$(dirname "$0")/../lib.sh"

C() { "$CDTT" --lang en --db "$T/u.db" "$@"; }
OLD=$SHARED_DATA/units-2025-01-gso.csv
NEW=$SHARED_DATA/units-2025-07.csv

# Small fixtures need no shared data.
printf 'Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\r\nThành phố Hà Nội,01,Phường Ba Đình,00004,Phường\r\n' >"$T/small.csv"
# A new file gets the official list built into cdtt: no units import needed.
out=$("$CDTT" --lang en --db "$T/s.db" init --office 00004 2>&1)
expect_eq "init on a new file without a list works" "$?" "0"
expect_contains "init says it took the built-in list" "$out" "built into cdtt"
expect_contains "the commune's name comes from the built-in list" "$out" "00004 Phường Ba Đình"
expect_eq "the whole 2025-07 list: 34 provinces and 3321 communes" \
    "$("$CDTT" --db "$T/s.db" units list --format csv | tail -n +2 | cut -d, -f2 | sort | uniq -c | tr -s ' ' | tr '\n' ';')" \
    " 3321 commune; 34 province;"
out=$("$CDTT" --lang en --db "$T/s.db" init --office 00004 --name "Phường Ba Đình" 2>&1)
case "$out" in *"built into"*) fail "the list is taken once" "$out" ;; *) ok "the list is taken once" ;; esac
check_fails "a code the list does not know is refused" 1 "$CDTT" --db "$T/s.db" init --office 99999
out=$("$CDTT" --lang en --db "$T/pre.db" init --office 00004 --scheme pre-2025 2>&1)
expect_contains "a pre-2025 office gets the GSO list" "$out" "00004 Phường Trúc Bạch (scheme pre-2025)"
expect_eq "the whole GSO list: 63 provinces, 696 districts, 10051 communes" \
    "$("$CDTT" --db "$T/pre.db" units list --scheme pre-2025 --format csv | tail -n +2 | cut -d, -f2 | sort | uniq -c | tr -s ' ' | tr '\n' ';')" \
    " 10051 commune; 696 district; 63 province;"
check_fails "init rejects a bad code" 2 "$CDTT" --db "$T/s.db" init --office 4
check_fails "units import rejects a bad scheme" 2 "$CDTT" --db "$T/s.db" units import "$T/small.csv" --scheme 2024
check_fails "units list rejects a bad format" 2 "$CDTT" --db "$T/s.db" units list --format xml
out=$("$CDTT" --db "$T/s.db" units import "$T/small.csv" 2>&1)
expect_contains "messages are Vietnamese by default" "$out" "thêm"
check_fails "units list under an unknown code fails" 1 "$CDTT" --db "$T/s.db" units list --under 99
# Another office on a file that holds records: refused without --force.
if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$T/s.db" "INSERT INTO area (uuid, unit_scheme, unit_code, kind, name, name_fold, sort_key,
        created_at, updated_at, changed_by) VALUES ('a1', '2025-07', '00004', 'thon', 'Thôn 1', 'thon 1',
        'thon 1', '2026-01-01', '2026-01-01', '2025-07:00004')"
    out=$("$CDTT" --lang en --db "$T/s.db" init --office 01 2>&1); rc=$?
    expect_eq "another office on a file with records: refused" "$rc" "1"
    expect_contains "the refusal says --force" "$out" "--force"
    check "the same office again is fine" "$CDTT" --db "$T/s.db" init --office 00004
    check "--force changes it" "$CDTT" --db "$T/s.db" init --office 01 --force
    out=$("$CDTT" --lang en --db "$T/s.db" check 2>&1); rc=$?
    expect_eq "check with data warnings: exit 0" "$rc" "0"
    expect_contains "check names the village without a team" "$out" "warning: village or group Thôn 1: has no team"
    sqlite3 "$T/s.db" "PRAGMA foreign_keys = OFF; INSERT INTO membership (uuid, team_uuid, member_uuid,
        created_at, updated_at, changed_by) VALUES ('x', 'no-team', 'no-member', '2026', '2026', 'x')"
    out=$("$CDTT" --lang en --db "$T/s.db" check 2>&1); rc=$?
    expect_eq "check on a file with a broken reference: exit 1" "$rc" "1"
    expect_contains "check reports the broken reference" "$out" "PROBLEM: a membership record"
else
    for n in "init refusal" "init --force" "check warnings" "check integrity"; do
        skip "$n" "sqlite3 shell absent"
    done
fi

if [ ! -r "$OLD" ] || [ ! -r "$NEW" ]; then
    for n in "pre-2025 list imports" "2025-07 list imports" "second import changes nothing" \
             "malformed copy is refused" "variants import" "init and check" "units list"; do
        skip "$n" "shared data folder absent ($SHARED_DATA)"
    done
    finish
fi

counts() { # prints "added changed unchanged" of a level from import output
    printf '%s\n' "$1" | awk -v l="$2" '$1 == l { print $2, $3, $4 }'
}

out=$(C units import "$OLD" 2>&1)
expect_eq "pre-2025 list: 63 provinces added" "$(counts "$out" province)" "63 0 0"
expect_eq "pre-2025 list: 696 districts added" "$(counts "$out" district)" "696 0 0"
expect_eq "pre-2025 list: 10051 communes added (10056 rows, 5 island districts)" "$(counts "$out" commune)" "10051 0 0"
expect_contains "pre-2025 list: rows and scheme reported" "$out" "10056 rows of the pre-2025 list"
out=$(C units import "$NEW" 2>&1)
expect_eq "2025-07 list: 34 provinces added" "$(counts "$out" province)" "34 0 0"
expect_eq "2025-07 list: 3321 communes added" "$(counts "$out" commune)" "3321 0 0"
expect_eq "2025-07 list: no districts" "$(counts "$out" district)" ""

out=$(C units import "$OLD" 2>&1)
expect_eq "second pre-2025 import: all unchanged" "$(counts "$out" commune)" "0 0 10051"
expect_contains "second import says nothing changed" "$out" "Nothing changed"
out=$(C units import "$NEW" --scheme 2025-07 2>&1)
expect_eq "second 2025-07 import: all unchanged" "$(counts "$out" province) $(counts "$out" commune)" "0 0 34 0 0 3321"

before=$(C units list --format csv | cksum)
# A copy with one bad line (a 4-digit commune code) in the middle.
awk 'NR == 1500 { sub(/,[0-9][0-9][0-9][0-9][0-9],/, ",1234,") } { print }' "$OLD" >"$T/bad.csv"
out=$(C units import "$T/bad.csv" 2>&1); rc=$?
expect_eq "malformed copy: exit 1" "$rc" "1"
expect_contains "malformed copy: names file and line" "$out" "bad.csv:1500:"
expect_contains "malformed copy: says the reason" "$out" "'1234' is not a commune code: it needs 5 digits"
# Invalid UTF-8 in a row.
awk 'NR == 42 { sub(/\r$/, "\377\r") } { print }' "$NEW" >"$T/bad8.csv"
out=$(C units import "$T/bad8.csv" 2>&1)
expect_contains "invalid UTF-8 copy: names the line" "$out" "bad8.csv:42:"
# A row with a column missing.
awk -F, 'NR == 7 { print $1 "," $2 "," $3; next } { print }' "$NEW" >"$T/badcols.csv"
out=$(C units import "$T/badcols.csv" 2>&1)
expect_contains "short row: names the line" "$out" "badcols.csv:7:"
expect_eq "bad files changed nothing" "$(C units list --format csv | cksum)" "$before"

# Variants: no BOM → BOM, LF → CRLF and back, columns in another order.
printf '\357\273\277' >"$T/bom.csv"; sed 's/$/\r/' "$OLD" >>"$T/bom.csv"
out=$(C units import "$T/bom.csv" 2>&1)
expect_eq "BOM + CRLF variant: same units" "$(counts "$out" commune)" "0 0 10051"
tr -d '\r' <"$NEW" >"$T/lf.csv"
out=$(C units import "$T/lf.csv" 2>&1)
expect_eq "LF variant: same units" "$(counts "$out" commune)" "0 0 3321"
awk -F, -v OFS=';' '{ print $6, $5, $7, $4, $2, $3, $1, $8 }' "$OLD" >"$T/reordered.csv"
out=$(C units import "$T/reordered.csv" 2>&1)
expect_eq "reordered ';' variant: same units" "$(counts "$out" commune) $(counts "$out" district)" "0 0 10051 0 0 696"
expect_eq "variants changed nothing" "$(C units list --format csv | cksum)" "$before"

check "init with a commune from the list" C init --office 00004
out=$(C init --office 00004)
expect_contains "init takes the name from the list" "$out" "Phường Ba Đình"
check "init pre-2025 district" C init --office 001 --scheme pre-2025
out=$(C check 2>&1); rc=$?
expect_eq "check: exit 0" "$rc" "0"
expect_contains "check: no problems" "$out" "No problems found"

out=$(C units list --under 01 --scheme 2025-07)
expect_eq "list under Hà Nội (2025-07): 126 communes" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "126"
expect_contains "list is aligned text: level code name parent" "$(printf '%s\n' "$out" | head -1)" "commune    00004  Phường Ba Đình"
out=$(C units list --under 001 --format csv)
expect_eq "csv list has a header (CRLF lines)" "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" "scheme,level,code,name,kind,parent_code,province_code"
expect_contains "csv list under Ba Đình district" "$out" "pre-2025,commune,00001,Phường Phúc Xá,Phường,001,01"
n=$(C units list | wc -l | tr -d ' ')
expect_eq "list everything: every unit once" "$n" "$((63 + 696 + 10051 + 34 + 3321))"

# A damaged copy: data pages (well past the schema's) overwritten with random bytes.
cp "$T/u.db" "$T/damaged.db"
dd if=/dev/urandom of="$T/damaged.db" bs=4096 seek=100 count=4 conv=notrunc 2>/dev/null
out=$("$CDTT" --lang en --db "$T/damaged.db" check 2>&1); rc=$?
expect_eq "check on a damaged file: exit 1" "$rc" "1"
expect_contains "check on a damaged file says so" "$out" "PROBLEM: the database file is damaged"
check_fails "check --quick on a damaged file: exit 1" 1 "$CDTT" --db "$T/damaged.db" check --quick
check "check --quick on the sound file" C check --quick
finish
