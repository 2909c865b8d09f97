#!/bin/sh
# migrate.sh — crossing the reorganisation of 1 July 2025 with the real binary,
# real files and the official lists built into it: two pre-2025 communes that
# went whole into the new Phường Ba Đình (Trúc Bạch 00004, Quán Thánh 00013)
# migrated and merged into one 2025-07 file whose report is the sum of theirs
# (as of 2022 and today); a divided commune (Ngọc Hà 00016) whose villages are
# placed into 00004 and 00008, the package for 00008 imported there; a province
# of the 2025-07 list taking in old communes' packages; the backup; refusals
# that leave the file as it was (already 2025-07, a province's file, a commune
# missing from the mapping, villages not placed, a failure after the backup,
# a backup that cannot be written, a kill in the middle).
. "$(dirname "$0")/../lib.sh"
umask 077
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "# the sqlite3 shell is missing (apt-get install sqlite3); the checks read the files with it"
    exit 1
fi
cd "$T" || exit 1

# total FILE DATE: the Total row's counts (teams, members, MOOC, Zalo, teams
# trained in person, activities, people, households) of FILE's report as of DATE
total() {
    cdtt --db "$1" report --format csv --as-of "$2" | tr -d '\r' |
        awk -F, '$2 == "Total" { print $3, $4, $5, $7, $9, $11, $12, $13 }'
}
# sum "A..." "B...": the two lists of counts added column by column
sum() { printf '%s\n%s\n' "$1" "$2" | awk '{ for (i = 1; i <= NF; i++) s[i] += $i; n = NF }
                                            END { for (i = 1; i <= n; i++) printf "%s%d", (i > 1 ? " " : ""), s[i] }'; }
# sorted_dump FILE: the file's content, whatever order VACUUM gave its schema
sorted_dump() { q "$1" .dump | sort | sha256sum; }
TODAY=$(date +%Y-%m-%d)

# commune FILE CODE SEED [MEMBERS]: a pre-2025 commune's file with demo villages,
# teams and members, and a group set up in February 2022 whose member joined in
# March 2022 and finished the course that year
commune() {
    cdtt --db "$1" init --office "$2" --scheme pre-2025 >/dev/null &&
        cdtt --db "$1" demo --members "${4:-20}" --seed "$3" >/dev/null &&
        cdtt --db "$1" add area 'Tổ dân phố Cũ' --kind to_dan_pho >/dev/null &&
        cdtt --db "$1" add team 'Tổ CNSCĐ Tổ dân phố Cũ' --area 'Tổ dân phố Cũ' --level group \
            --decision-date 2022-02-15 >/dev/null &&
        cdtt --db "$1" add member "Lò Thị Mai $2" --team 'Tổ CNSCĐ Tổ dân phố Cũ' --since 2022-03-01 \
            --mooc completed --mooc-date 2022-10-01 --zalo-date 2022-09-01 >/dev/null
}
check "a pre-2025 commune file for Trúc Bạch (00004)" commune tb.db 00004 4
check "a pre-2025 commune file for Quán Thánh (00013)" commune qt.db 00013 7
tb_2022=$(total tb.db 2022-12-01) tb_now=$(total tb.db "$TODAY")
qt_2022=$(total qt.db 2022-12-01) qt_now=$(total qt.db "$TODAY")
expect_eq "Trúc Bạch's report as of 2022 counts its 2022 member, trained" "$(echo "$tb_2022" | cut -d' ' -f2,3)" "1 1"
check "Quán Thánh's package before it migrates" cdtt --db qt.db export -o qt.cdtt

# --- refusals that change nothing ------------------------------------------------
before=$(dumpsum tb.db)
out=$(cdtt --db tb.db migrate 2>&1); rc=$?
expect_eq "migrate without --to is a usage error" "$rc" 2
expect_contains "it says where to" "$out" "--to 2025-07"
cdtt --db prov.db init --office 01 --scheme pre-2025 >/dev/null
out=$(cdtt --db prov.db migrate --to 2025-07 2>&1); rc=$?
expect_eq "a province's file is refused" "$rc" 1
expect_contains "it says only a commune's file migrates" "$out" "only a commune's file is migrated"
out=$(cdtt --db tb.db migrate --to 2025-07 --place 'Tổ dân phố An Bình=00004' 2>&1); rc=$?
expect_eq "--place for a commune that went whole is refused" "$rc" 1
expect_contains "it says --place is not needed" "$out" "was not divided"
out=$(cdtt --db tb.db migrate --to 2025-07 --commune 00008 2>&1); rc=$?
expect_eq "--commune naming a commune it did not go into is refused" "$rc" 1
expect_contains "it names where it went" "$out" "it went into: Phường Ba Đình (00004)"
# A failure after the backup was made (a file where the packages' folder should be):
# nothing to package here, so the fault is the backup's own folder.
: >notafolder
out=$(cdtt --db tb.db migrate --to 2025-07 --backup notafolder/tb.bak 2>&1); rc=$?
expect_eq "a backup that cannot be written stops the migration" "$rc" 1
expect_contains "it says the file was not changed" "$out" "The file was not changed"
: >tb.db.taken
out=$(cdtt --db tb.db migrate --to 2025-07 --backup tb.db.taken 2>&1); rc=$?
expect_eq "a backup never replaces a file" "$rc" 1
expect_eq "the refused runs left the file as it was" "$(dumpsum tb.db)" "$before"
expect_eq "and made no backup beside it" "$(ls tb.db.pre-2025* 2>/dev/null | wc -l)" 0

# --- Trúc Bạch migrates ------------------------------------------------------------
tb_before=$(sorted_dump tb.db)
uuids_before=$(q tb.db "SELECT uuid FROM member UNION ALL SELECT uuid FROM team UNION ALL SELECT uuid FROM area ORDER BY 1" | sha256sum)
out=$(cdtt --db tb.db migrate --to 2025-07 2>&1); rc=$?
expect_eq "Trúc Bạch migrates" "$rc" 0
expect_contains "the summary says what it became" "$out" \
    "Phường Trúc Bạch (00004, pre-2025 list) is now Phường Ba Đình (00004, 2025-07 list)"
expect_contains "the summary names the backup" "$out" "Backup of the file as it was: tb.db.pre-2025.bak"
expect_contains "the summary counts what stays" "$out" "4 village(s) or group(s), 5 team(s), 21 member(s) stay in this file"
expect_eq "the backup is readable by its owner only" "$(stat -c %a tb.db.pre-2025.bak)" 600
expect_eq "the backup holds the file as it was" "$(sorted_dump tb.db.pre-2025.bak)" "$tb_before"
expect_eq "the office is the new commune" "$(q tb.db "SELECT scheme, code, level, name FROM office")" \
    "2025-07|00004|commune|Phường Ba Đình"
expect_eq "every record belongs to it" \
    "$(q tb.db "SELECT count(*) FROM (SELECT unit_scheme, unit_code FROM area UNION ALL SELECT unit_scheme, unit_code FROM team
                UNION ALL SELECT unit_scheme, unit_code FROM member UNION ALL SELECT unit_scheme, unit_code FROM training_session)
                WHERE unit_scheme <> '2025-07' OR unit_code <> '00004'")" 0
expect_eq "records keep their uuids" \
    "$(q tb.db "SELECT uuid FROM member UNION ALL SELECT uuid FROM team UNION ALL SELECT uuid FROM area ORDER BY 1" | sha256sum)" \
    "$uuids_before"
expect_eq "the file passes the integrity and reference checks" \
    "$(q tb.db "PRAGMA integrity_check; PRAGMA foreign_key_check")" ok
expect_eq "the report as of 2022 is unchanged" "$(total tb.db 2022-12-01)" "$tb_2022"
expect_eq "the report as of today is unchanged" "$(total tb.db "$TODAY")" "$tb_now"
out=$(cdtt --db tb.db check 2>&1)
expect_not_contains "check finds no record of another commune" "$out" "other communes"
before=$(dumpsum tb.db)
out=$(cdtt --db tb.db migrate --to 2025-07 2>&1); rc=$?
expect_eq "migrating again is refused" "$rc" 1
expect_contains "it says the file is already 2025-07" "$out" "already belongs to Phường Ba Đình (00004) of the 2025-07 list"
expect_eq "and changes nothing" "$(dumpsum tb.db)" "$before"

# --- Quán Thánh migrates too, and its package merges into Ba Đình's file ----------
out=$(cdtt --db qt.db migrate --to 2025-07 2>&1); rc=$?
expect_eq "Quán Thánh migrates" "$rc" 0
expect_eq "its report as of 2022 is unchanged" "$(total qt.db 2022-12-01)" "$qt_2022"
out=$(cdtt --db tb.db import qt.cdtt 2>&1); rc=$?
expect_eq "Ba Đình's file imports Quán Thánh's package" "$rc" 0
expect_contains "nothing of it is refused" "$out" "refused 0"
expect_eq "its members are Ba Đình's own" "$(q tb.db "SELECT count(*) FROM member WHERE unit_scheme = 'pre-2025'")" 0
expect_eq "the merged report as of 2022 is the sum of theirs" "$(total tb.db 2022-12-01)" "$(sum "$tb_2022" "$qt_2022")"
expect_eq "the merged report as of today is the sum of theirs" "$(total tb.db "$TODAY")" "$(sum "$tb_now" "$qt_now")"
out=$(cdtt --db tb.db import qt.cdtt 2>&1)
expect_contains "the same package again changes nothing" "$out" "new 0, updated 0"
check "a migrated commune exports its old package from the backup" cdtt --db qt.db.pre-2025.bak export -o qt2.cdtt
out=$(cdtt --db tb.db import qt2.cdtt 2>&1); rc=$?
expect_eq "Ba Đình's file takes it" "$rc" 0
expect_contains "holding nothing new" "$out" "new 0, updated 0"

# --- a province of the 2025-07 list -----------------------------------------------
cdtt --db p.db init --office 01 >/dev/null
out=$(cdtt --db p.db import qt.cdtt 2>&1); rc=$?
expect_eq "the province takes a package of an old commune that went whole into Ba Đình" "$rc" 0
expect_eq "as Ba Đình's members" "$(q p.db "SELECT count(*) FROM member WHERE unit_scheme = '2025-07' AND unit_code = '00004' AND deleted = 0")" \
    "$(echo "$qt_now" | cut -d' ' -f2)"
expect_contains "the completeness table counts Ba Đình as having sent" \
    "$(cdtt --db p.db completeness | grep '^00004')" "Phường Ba Đình	"
expect_not_contains "with a package" "$(cdtt --db p.db completeness | grep '^00004')" "nothing sent"
cdtt --db p79.db init --office 79 >/dev/null
out=$(cdtt --db p79.db import qt.cdtt 2>&1); rc=$?
expect_eq "another province refuses it" "$rc" 1
expect_contains "saying where the commune went" "$out" "went into Phường Ba Đình (00004) on 1 July 2025, which is not under this office"

# --- a divided commune: Ngọc Hà (00016) between Ba Đình (00004) and Ngọc Hà (00008)
check "a pre-2025 commune file for Ngọc Hà (00016)" commune nh.db 00016 9 24
nh_2022=$(total nh.db 2022-12-01) nh_now=$(total nh.db "$TODAY")
check "Ngọc Hà's package before it migrates" cdtt --db nh.db export -o nh-old.cdtt
before=$(dumpsum nh.db)
out=$(cdtt --db nh.db migrate --to 2025-07 2>&1); rc=$?
expect_eq "a divided commune needs --commune" "$rc" 1
expect_contains "it names the communes it was divided between" "$out" \
    "was divided on 1 July 2025 between Phường Ba Đình (00004), Phường Ngọc Hà (00008)"
out=$(cdtt --db nh.db migrate --to 2025-07 --commune 00004 --place 'Tổ dân phố 1=00004' 2>&1); rc=$?
expect_eq "villages left without a place stop it" "$rc" 1
expect_contains "it lists those left" "$out" "4 village(s) or group(s) have no new commune yet: Tổ dân phố 2, Tổ dân phố 3, Tổ dân phố 4, Tổ dân phố Cũ"
out=$(cdtt --db nh.db migrate --to 2025-07 --commune 00004 --place 'Tổ dân phố 1=00020' 2>&1); rc=$?
expect_contains "a place outside the mapping is refused" "$out" "00020 is not one of the communes"
printf '\357\273\277Thôn/Tổ dân phố,Xã mới\r\nTổ dân phố 3,00008\r\nTổ dân phố 4,00008\r\n"TỔ DÂN PHỐ CŨ",00008\r\n' >places.csv
# A failure after the backup: the packages' folder is a file.
out=$(cdtt --db nh.db migrate --to 2025-07 --commune 00004 --place 'Tổ dân phố 1=00004' \
    --place 'Tổ dân phố 2=00004' --place-file places.csv --packages notafolder --backup nh-failed.bak 2>&1); rc=$?
expect_eq "a package that cannot be written stops the migration" "$rc" 1
expect_eq "after the backup was made" "$(q nh-failed.bak "SELECT scheme FROM office")" pre-2025
expect_eq "the divided commune's refused runs left its file as it was" "$(dumpsum nh.db)" "$before"
out=$(cdtt --db nh.db migrate --to 2025-07 --commune 00004 --place 'Tổ dân phố 1=00004' \
    --place 'Tổ dân phố 2=00004' --place-file places.csv 2>&1); rc=$?
[ "$rc" = 0 ] || printf "%s\n" "$out" | sed "s/^/# what it said: /"
expect_eq "placed, the divided commune migrates" "$rc" 0
expect_contains "the summary names the package for 00008" "$out" \
    "Phường Ngọc Hà (00008): 3 village(s) or group(s), 3 team(s)"
expect_contains "and where it is" "$out" "into the package nh.db.to-00008.cdtt"
expect_eq "the package for 00008 is readable by its owner only" "$(stat -c %a nh.db.to-00008.cdtt)" 600
expect_eq "the villages placed elsewhere left this file" "$(q nh.db "SELECT group_concat(name, ',') FROM (SELECT name FROM area ORDER BY name)")" \
    "Tổ dân phố 1,Tổ dân phố 2"
expect_eq "the migrated file passes the integrity and reference checks" \
    "$(q nh.db "PRAGMA integrity_check; PRAGMA foreign_key_check")" ok
cdtt --db n8.db init --office 00008 >/dev/null
out=$(cdtt --db n8.db import nh-old.cdtt 2>&1); rc=$?
expect_eq "00008 refuses the old package of the divided commune" "$rc" 1
expect_contains "saying to migrate at the commune first" "$out" "migrate its file at the commune first"
out=$(cdtt --db n8.db import nh.db.to-00008.cdtt 2>&1); rc=$?
expect_eq "00008 imports the package made for it" "$rc" 0
expect_eq "its records are 00008's own" "$(q n8.db "SELECT count(*) FROM member WHERE unit_code <> '00008' OR unit_scheme <> '2025-07'")" 0
expect_eq "00008 counts the course its 2022 member finished, as of 2022" "$(total n8.db 2022-12-01 | cut -d' ' -f3)" 1
expect_eq "the two halves add up to the old commune, as of 2022" \
    "$(sum "$(total nh.db 2022-12-01)" "$(total n8.db 2022-12-01)")" "$nh_2022"
expect_eq "the two halves add up to the old commune, today" \
    "$(sum "$(total nh.db "$TODAY")" "$(total n8.db "$TODAY")")" "$nh_now"
out=$(cdtt --db tb.db import nh.db.to-00008.cdtt 2>&1); rc=$?
expect_eq "Ba Đình's file refuses 00008's package" "$rc" 1
out=$(cdtt --db p.db import nh-old.cdtt 2>&1); rc=$?
expect_eq "the province refuses a divided commune's old package" "$rc" 1
expect_contains "saying to migrate at the commune first" "$out" "migrate its file at the commune first"

# --- a commune missing from the mapping ----------------------------------------------
cdtt --db cl.db init --office 03751 --scheme pre-2025 >/dev/null
cdtt --db cl.db demo --members 10 --seed 3 >/dev/null
before=$(dumpsum cl.db)
out=$(cdtt --db cl.db migrate --to 2025-07 2>&1); rc=$?
expect_eq "a commune missing from the mapping is refused without --commune" "$rc" 1
expect_contains "it says so and how to name the commune" "$out" \
    "Xã Chiềng Ly (03751) is missing from the mapping of 1 July 2025, so cdtt cannot tell which new commune it went into: say it with --commune CODE"
expect_eq "and changes nothing" "$(dumpsum cl.db)" "$before"
out=$(cdtt --db cl.db migrate --to 2025-07 --commune 99999 2>&1); rc=$?
expect_contains "a code the 2025-07 list lacks is refused" "$out" "99999 is not a commune of the 2025-07 list"
cl_now=$(total cl.db "$TODAY")
new=$(tr -d '\r' <"$ROOT/db/unit-lists/units-2025-07.csv" | awk -F, '$3 == "Xã Chiềng Sinh" { print $4 }')
out=$(cdtt --db cl.db migrate --to 2025-07 --commune "$new" 2>&1); rc=$?
expect_eq "with --commune it migrates" "$rc" 0
expect_eq "into the commune named" "$(q cl.db "SELECT scheme, code FROM office")" "2025-07|$new"
expect_eq "with its report unchanged" "$(total cl.db "$TODAY")" "$cl_now"

# --- a kill in the middle leaves the file as it was or migrated ---------------------
commune k.db 00013 5
cp k.db k0.db
q k0.db .dump | sha256sum >k0.sum
landed=0
for delay in 0.02 0.04 0.06 0.08 0.10 0.12 0.15 0.2; do
    rm -f k.db* timing.txt
    cp k0.db k.db
    CDTT_TIMING=timing.txt "$CDTT" --lang en --db k.db migrate --to 2025-07 >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if grep -q write_begin timing.txt 2>/dev/null && ! grep -q write_done timing.txt 2>/dev/null; then
        landed=$((landed + 1))
    fi
    scheme=$(q k.db "SELECT scheme FROM office")
    if [ "$scheme" = pre-2025 ] && [ "$(q k.db .dump | sha256sum)" != "$(cat k0.sum)" ]; then
        fail "killed after $delay s: the file is neither as it was nor migrated"
    fi
done
if [ "$landed" -gt 0 ]; then
    ok "a kill in the middle of the transaction ($landed of 8) left the file as it was"
else
    skip "a kill in the middle of the transaction" "no kill landed between its begin and its commit on this machine"
fi

# A package for another commune never replaces a file already there: the migration stops first.
cdtt --db ex.db init --office 00016 --scheme pre-2025 >/dev/null
cdtt --db ex.db add area "Tổ dân phố 1" >/dev/null
cdtt --db ex.db add area "Tổ dân phố 2" >/dev/null
cdtt --db ex.db add team "Tổ hai" --area "Tổ dân phố 2" >/dev/null
cdtt --db ex.db add member "Lý Văn Hai" --team "Tổ hai" >/dev/null
echo "the user's own file" >ex.db.to-00008.cdtt
before=$(dumpsum ex.db)
out=$(cdtt --db ex.db migrate --to 2025-07 --commune 00004 --place 'Tổ dân phố 1=00004' \
    --place 'Tổ dân phố 2=00008' 2>&1); rc=$?
expect_eq "a package name already taken stops the migration" "$rc" 1
expect_contains "it says so" "$out" "ex.db.to-00008.cdtt already exists"
expect_eq "the file already there is kept" "$(cat ex.db.to-00008.cdtt)" "the user's own file"
expect_eq "the file is unchanged" "$(dumpsum ex.db)" "$before"

finish
