#!/bin/sh
# consolidate.sh — consolidation the province can trust, with the real binary and
# real files: a copied and re-initialised commune file, demo files made with one
# seed, wrong PC clocks (faketime), a re-built commune file with and without
# --replace, forget, a multi-file dry run against the real import, a stale
# conflict settled field by field, refused records listed (text and CSV) with
# exit 1, an empty package, a package of the previous version, and five
# communes whose reports add up at the province and at the level above.
. "$(dirname "$0")/../lib.sh"
umask 077
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "# the sqlite3 shell is missing (apt-get install sqlite3); it builds the fixtures"
    exit 1
fi
cd "$T" || exit 1

# The same without the keys offered by refused packages (kept for 'cdtt keys trust').
recsum() { q "$1" .dump | grep -v "^INSERT INTO known_key" | sha256sum | cut -d' ' -f1; }
MORE_UNITS=",
              ('2025-07', 'commune', '00016', 'Phường Tây Hồ', '01', '01', 'tay ho'),
              ('2025-07', 'commune', '00020', 'Phường Hoàn Kiếm', '01', '01', 'hoan kiem')"
. "$ROOT/tests/lib-office.sh"
# live FILE CODE: the live members of a commune in FILE
live() { q "$1" "SELECT count(*) FROM member WHERE unit_code = '$2' AND deleted = 0"; }
# memberships FILE CODE: the current memberships of a commune's live members in FILE
memberships() {
    q "$1" "SELECT count(*) FROM membership ms JOIN member m ON m.uuid = ms.member_uuid
            WHERE m.unit_code = '$2' AND m.deleted = 0 AND ms.deleted = 0 AND ms.date_to IS NULL"
}
# total FILE: the Total row's counts of FILE's report (teams, members, MOOC, Zalo,
# teams trained, activities, people, households), as of a day in a month with
# demo activities
total() {
    cdtt --db "$1" report --format csv --as-of 2025-06-30 | tr -d '\r' |
        awk -F, '$2 == "Total" { print $3, $4, $5, $7, $9, $11, $12, $13 }'
}

# --- a commune file copied and given to another commune -------------------------
mkoffice a.db 00004 commune 'Phường Ba Đình'
mkoffice p.db 01 province 'Thành phố Hà Nội'
cdtt --db a.db demo --members 20 --seed 4 >/dev/null
cdtt --db a.db export -o a1.cdtt >/dev/null
cdtt --db p.db import a1.cdtt >/dev/null
a_members=$(live p.db 00004)
a_memberships=$(memberships p.db 00004)
cp a.db b.db
out=$(cdtt --db b.db init --office 00008 --force 2>&1)
expect_contains "init --force on another office's file says the records were given new identities" "$out" \
    "have new identities, and those of 00004 Phường Ba Đình now belong to Phường Ngọc Hà"
expect_eq "no uuid in common with the file it was copied from" \
    "$(q b.db "ATTACH 'a.db' AS a; SELECT count(*) FROM member m JOIN a.member x USING (uuid)")" 0
victim=$(q b.db "SELECT uuid FROM member WHERE deleted = 0 LIMIT 1")
cdtt --db b.db delete member "$victim" >/dev/null
cdtt --db b.db export -o b1.cdtt >/dev/null
out=$(cdtt --db p.db import b1.cdtt 2>&1); rc=$?
expect_eq "the copy's package imports" "$rc" 0
expect_eq "the first commune keeps every member" "$(live p.db 00004)" "$a_members"
expect_eq "and every member's place in its teams" "$(memberships p.db 00004)" "$a_memberships"
expect_eq "the second commune has its own members, less the one it deleted" "$(live p.db 00008)" $((a_members - 1))

# The same copy with only its office row changed (as before this version): refused, listed.
cp a.db c.db
q c.db "UPDATE office SET code = '00012', name = 'Phường Giảng Võ', instance_id = 'copied';
        UPDATE member SET deleted = 1 WHERE rowid = 1;"
cdtt --db c.db export -o c1.cdtt >/dev/null
before=$(dumpsum p.db)
# It still carries the first commune's key: the signature alone gives it away.
out=$(cdtt --db p.db import c1.cdtt 2>&1); rc=$?
expect_eq "a copy signed with another commune's key: exit 1" "$rc" 1
expect_contains "it names the office whose key it is" "$out" "signed with the key of another office (2025-07:00004"
expect_eq "and the province's file is unchanged by it" "$(dumpsum p.db)" "$before"
# With a key of its own (the copy's key table emptied too), the records themselves are refused.
q c.db "DELETE FROM office_key"
rm -f c1.cdtt
cdtt --db c.db export -o c1.cdtt >/dev/null
out=$(cdtt --db p.db import c1.cdtt 2>&1); rc=$?
expect_eq "a package that would change another commune's records: exit 1" "$rc" 1
expect_contains "it says nothing was merged" "$out" "nothing of this file was merged"
expect_contains "every refused record is listed with its reason" "$out" \
    "refused: Member"
expect_contains "the reason names the owner" "$out" "it belongs to Phường Ba Đình (00004), not to Phường Giảng Võ"
expect_eq "and the province's file is unchanged" "$(dumpsum p.db)" "$before"
out=$(cdtt --db p.db import --accept-partial c1.cdtt 2>&1); rc=$?
expect_eq "with --accept-partial the rest goes in, and the exit status still says so" "$rc" 1
expect_eq "the first commune still keeps every member" "$(live p.db 00004)" "$a_members"
out=$(cdtt --db p.db import --format csv c1.cdtt 2>/dev/null)
expect_eq "--format csv lists every refused record, one a line" "$(printf '%s\n' "$out" | sed 1d | wc -l | tr -d ' ')" \
    "$(pkg_q c1.cdtt 'SELECT (SELECT count(*) FROM area) + (SELECT count(*) FROM team) + (SELECT count(*) FROM member) +
                         (SELECT count(*) FROM membership) + (SELECT count(*) FROM training_session) +
                         (SELECT count(*) FROM attendance) + (SELECT count(*) FROM activity)')"
expect_contains "its header names the columns" "$(printf '%s\n' "$out" | head -1)" "file,table,uuid,record,reason"

# --- two demo files made with one seed ------------------------------------------
mkoffice d4.db 00004 commune 'Phường Ba Đình'
mkoffice d8.db 00008 commune 'Phường Ngọc Hà'
mkoffice dp.db 01 province 'Thành phố Hà Nội'
cdtt --db d4.db demo --members 30 --seed 7 >/dev/null
cdtt --db d8.db demo --members 30 --seed 7 >/dev/null
expect_eq "same seed, two communes: no uuid in common" \
    "$(q d4.db "ATTACH 'd8.db' AS o; SELECT count(*) FROM member m JOIN o.member x USING (uuid)")" 0
cdtt --db d4.db export -o d4.cdtt >/dev/null
cdtt --db d8.db export -o d8.cdtt >/dev/null
out=$(cdtt --db dp.db import d4.cdtt d8.cdtt 2>&1); rc=$?
expect_eq "both import" "$rc" 0
expect_eq "each keeps its 30 members" "$(live dp.db 00004) $(live dp.db 00008)" "30 30"

# --- wrong clocks at the commune (faketime) --------------------------------------
# (faketime preloads a library; a sanitizer build refuses to run after it.)
if command -v faketime >/dev/null 2>&1 && faketime '2030-01-01 08:00:00' "$CDTT" --version >/dev/null 2>&1; then
    mkoffice k.db 00004 commune 'Phường Ba Đình'
    mkoffice kp.db 01 province 'Thành phố Hà Nội'
    cdtt --db k.db add member 'Nguyễn Thị Lan' >/dev/null
    m=$(q k.db "SELECT uuid FROM member")
    mooc() { q "$1" "SELECT mooc_status FROM member WHERE uuid = '$m'"; }
    cdtt --db k.db export -o k1.cdtt >/dev/null && cdtt --db kp.db import k1.cdtt >/dev/null
    faketime '2030-01-01 08:00:00' "$CDTT" --lang en --db k.db training mooc --status in_progress "$m" >/dev/null
    faketime '2030-01-01 08:00:00' "$CDTT" --lang en --db k.db export -o k2.cdtt >/dev/null
    out=$(cdtt --db kp.db import k2.cdtt 2>&1); rc=$?
    expect_eq "a package made at 2030 imports" "$rc" 0
    expect_contains "and is flagged" "$out" "which is ahead of this one"
    cdtt --db k.db training mooc --status completed --date 2026-03-01 "$m" >/dev/null
    cdtt --db k.db export -o k3.cdtt >/dev/null
    out=$(cdtt --db kp.db import k3.cdtt 2>&1)
    expect_contains "an edit made after the 2030 one, with a right clock, is taken" "$out" "updated 1"
    expect_eq "the province has the latest status" "$(mooc kp.db)" completed
    faketime '2021-01-01 08:00:00' "$CDTT" --lang en --db k.db training mooc --status not_started "$m" >/dev/null
    faketime '2021-01-01 08:00:00' "$CDTT" --lang en --db k.db export -o k4.cdtt >/dev/null
    expect_eq "the 2021 save moved updated_at back, but the version forward" \
        "$(q k.db "SELECT updated_at < '2022' AND version = (SELECT clock FROM office) FROM member")" 1
    out=$(cdtt --db kp.db import k4.cdtt 2>&1)
    expect_contains "an edit made with the clock at 2021 is not taken as old" "$out" "updated 1"
    expect_contains "and its package is flagged as made long ago" "$out" "more than 180 days ago"
    expect_eq "the province has it" "$(mooc kp.db)" not_started
    out=$(cdtt --db kp.db import k3.cdtt 2>&1); rc=$?
    expect_contains "an older package afterwards changes nothing, and says so" "$out" "older than the package already imported"
    expect_eq "(exit 0: nothing was refused)" "$rc" 0
    expect_eq "the newest status stays" "$(mooc kp.db)" not_started
else
    skip "wrong clocks at the commune" "faketime is not installed (apt-get install faketime) or cannot run this build"
fi

# --- a commune's file built again ------------------------------------------------
mkoffice r.db 00012 commune 'Phường Giảng Võ'
mkoffice rp.db 01 province 'Thành phố Hà Nội'
for n in 'Nguyễn Văn An' 'Trần Thị Bình' 'Lê Văn Cường'; do cdtt --db r.db add member "$n" >/dev/null; done
cdtt --db r.db export -o r1.cdtt >/dev/null && cdtt --db rp.db import r1.cdtt >/dev/null
mkoffice r2.db 00012 commune 'Phường Giảng Võ'
for n in 'Nguyễn Văn An' 'Trần Thị Bình' 'Lê Văn Cường'; do cdtt --db r2.db add member "$n" >/dev/null; done
cdtt --db r2.db export -o r2.cdtt >/dev/null
before=$(recsum rp.db)
out=$(cdtt --db rp.db import r2.cdtt 2>&1); rc=$?
expect_eq "a package of the re-built file: exit 1" "$rc" 1
expect_contains "it explains: the re-built file has a key of its own" "$out" "signed with a new key"
expect_contains "and how to replace" "$out" "--replace"
expect_eq "nothing merged" "$(recsum rp.db)" "$before"
out=$(cdtt --db rp.db import --replace r2.cdtt 2>&1); rc=$?
expect_eq "import --replace" "$rc" 0
expect_contains "says the commune's data was replaced" "$out" "was replaced by the package's content"
expect_contains "and that its key replaces the old one" "$out" "now replaces the one known for Phường Giảng Võ"
expect_eq "the commune counted once: 3 members, not 6" "$(live rp.db 00012)" 3
expect_eq "the old ones withdrawn, marked deleted" "$(q rp.db "SELECT count(*) FROM member WHERE deleted = 1")" 3
out=$(cdtt --db rp.db forget 00012 2>&1); rc=$?
expect_eq "forget" "$rc" 0
expect_contains "forget says what it withdrew" "$out" "Phường Giảng Võ (00012): 3 record(s) withdrawn"
expect_eq "nothing of the commune left" "$(live rp.db 00012)" 0
expect_contains "it counts as having sent nothing" "$(cdtt --db rp.db completeness 2>&1)" "Phường Giảng Võ	nothing sent"
check_fails "forget of an office not below: exit 1" 1 "$CDTT" --db rp.db forget 26734
check_fails "forget without a code: exit 2" 2 "$CDTT" --db rp.db forget

# --- a dry run of several files equals the real import ---------------------------
mkoffice s4.db 00004 commune 'Phường Ba Đình'
mkoffice s8.db 00008 commune 'Phường Ngọc Hà'
mkoffice sp.db 01 province 'Thành phố Hà Nội'
cdtt --db s4.db demo --members 25 --seed 2 >/dev/null
cdtt --db s8.db demo --members 15 --seed 3 >/dev/null
cdtt --db s4.db export -o s4-1.cdtt >/dev/null
q s4.db "UPDATE member SET note = 'đã sửa' WHERE rowid <= 5; UPDATE member SET deleted = 1 WHERE rowid = 6;"
cdtt --db s4.db export -o s4-2.cdtt >/dev/null
cdtt --db s8.db export -o s8.cdtt >/dev/null
before=$(dumpsum sp.db)
dry=$(cdtt --db sp.db import --dry-run s4-1.cdtt s4-2.cdtt s8.cdtt s4-1.cdtt 2>&1 | grep '^Total')
expect_eq "the dry run writes nothing" "$(dumpsum sp.db)" "$before"
real=$(cdtt --db sp.db import s4-1.cdtt s4-2.cdtt s8.cdtt s4-1.cdtt 2>&1 | grep '^Total')
expect_eq "a dry run of several files gives the real import's totals" "$dry" "$real"
expect_contains "(the second package updates what the first added)" "$real" "updated 5"

# --- a stale conflict, and one settled field by field ------------------------------
m=$(q s4.db "SELECT uuid FROM member WHERE deleted = 0 ORDER BY rowid LIMIT 1")
cdtt --db sp.db training mooc --status in_progress "$m" >/dev/null
cdtt --db s4.db training mooc --status completed --date 2026-02-01 "$m" >/dev/null
cdtt --db s4.db export -o s4-3.cdtt >/dev/null
cdtt --db sp.db import s4-3.cdtt >/dev/null
cdtt --db s4.db training mooc --status completed --date 2026-02-15 "$m" >/dev/null
cdtt --db s4.db export -o s4-4.cdtt >/dev/null
out=$(cdtt --db sp.db import s4-4.cdtt 2>&1)
expect_contains "a newer version of a record in conflict is counted" "$out" "conflicts 1"
expect_eq "one open conflict per record" "$(q sp.db 'SELECT count(*) FROM conflict WHERE resolution IS NULL')" 1
out=$(cdtt --db sp.db conflicts 2>&1)
expect_contains "conflicts names the commune" "$out" "from Phường Ba Đình"
expect_contains "and the fields by label" "$out" "MOOC completed on"
expect_contains "with the newest value from below" "$out" "from below: 15/02/2026"
expect_not_contains "no JSON" "$out" '{"'
expect_not_contains "no column names" "$out" "mooc_date"
vout=$(LANGUAGE= "$CDTT" --db sp.db conflicts 2>&1)
expect_contains "conflicts in Vietnamese by default" "$vout" "Khoá học MOOC"
id=$(q sp.db 'SELECT id FROM conflict WHERE resolution IS NULL')
n=$(printf '%s\n' "$out" | sed -n 's/^ *\* *\([0-9]*\) MOOC course$/\1/p')
check_fails "an unknown field is refused" 1 "$CDTT" --db sp.db conflicts resolve "$id" theirs --except 99
check "resolve: take theirs, except the MOOC status" "$CDTT" --db sp.db conflicts resolve "$id" theirs --except "$n"
expect_eq "the newest date from below, this office's status" \
    "$(q sp.db "SELECT mooc_status || ' ' || mooc_date FROM member WHERE uuid = '$m'")" "in_progress 2026-02-15"
out=$(cdtt --db sp.db import s4-3.cdtt 2>&1)
expect_contains "the older package does not roll it back" "$out" "older than the package already imported"
expect_eq "(the date stays)" "$(q sp.db "SELECT mooc_date FROM member WHERE uuid = '$m'")" 2026-02-15
out=$(cdtt --db sp.db export -o sp.cdtt 2>&1)
expect_not_contains "no open conflict, no warning on export" "$out" "still open"
cdtt --db sp.db training zalo --date 2026-03-01 "$m" >/dev/null
cdtt --db s4.db training zalo --date 2026-03-02 "$m" >/dev/null
cdtt --db s4.db export -o s4-5.cdtt >/dev/null && cdtt --db sp.db import s4-5.cdtt >/dev/null
out=$(cdtt --db sp.db export -o sp.cdtt --force 2>&1)
expect_contains "export warns when conflicts are open" "$out" "1 conflict(s) are still open"

# --- an empty package, and a package of the previous version ------------------------
mkoffice e.db 00020 commune 'Phường Hoàn Kiếm'
cdtt --db e.db export -o e.cdtt >/dev/null
out=$(cdtt --db sp.db import e.cdtt 2>&1); rc=$?
expect_eq "an empty package is accepted" "$rc" 0
expect_contains "and said to be empty" "$out" "the package holds no record"
expect_contains "completeness does not count it as sent" "$(cdtt --db sp.db completeness 2>&1)" \
    "Phường Hoàn Kiếm	nothing sent"
q old.cdtt <"$ROOT/tests/data/package-schema1.sql"
out=$(cdtt --db sp.db import old.cdtt 2>&1); rc=$?
expect_eq "a package made by the previous version of cdtt imports" "$rc" 0
expect_contains "all of it" "$out" "new 21, updated 0"
expect_eq "its records get versions from their times" \
    "$(q sp.db "SELECT count(*) FROM member WHERE unit_code = '00012' AND version > 1700000000000")" 6
check_fails "usage: a bad --format" 2 "$CDTT" --db sp.db import --format xml old.cdtt

# --- five communes: the province's report adds theirs up, and so does the level above ---
mkoffice fp.db 01 province 'Thành phố Hà Nội'
mkoffice fn.db 00 national 'Bộ Khoa học và Công nghệ'
sum="0 0 0 0 0 0 0 0"
i=0
for c in 00004 00008 00012 00016 00020; do
    i=$((i + 1))
    mkoffice "f$c.db" "$c" commune "Xã $c"
    cdtt --db "f$c.db" demo --members $((20 + 7 * i)) --seed 11 >/dev/null
    sum=$(printf '%s\n%s\n' "$sum" "$(total "f$c.db")" |
        awk 'NR == 1 { split($0, s) } NR == 2 { for (k = 1; k <= NF; k++) s[k] += $k;
             for (k = 1; k <= NF; k++) printf "%s%s", s[k], (k < NF ? " " : "\n") }')
    cdtt --db "f$c.db" export -o "f$c.cdtt" >/dev/null
done
out=$(cdtt --db fp.db import f00004.cdtt f00008.cdtt f00012.cdtt f00016.cdtt f00020.cdtt 2>&1); rc=$?
expect_eq "five communes import" "$rc" 0
expect_eq "every figure of the province's report is the sum of the communes' own" "$(total fp.db)" "$sum"
expect_not_contains "(activities counted too)" "$sum" " 0 0 0"
expect_contains "completeness: all five sent" "$(cdtt --db fp.db completeness 2>&1)" "5 sent data, 0 sent nothing"
cdtt --db fp.db export -o fp.cdtt >/dev/null
cdtt --db fn.db import fp.cdtt >/dev/null
expect_eq "and the level above's too" "$(total fn.db)" "$sum"
out=$(cdtt --db fp.db import f00004.cdtt f00008.cdtt f00012.cdtt f00016.cdtt f00020.cdtt 2>&1)
expect_eq "importing them all again changes no figure" "$(total fp.db)" "$sum"

finish
