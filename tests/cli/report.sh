#!/bin/sh
# report.sh — `cdtt report`, `cdtt missing` and the training commands, through the
# real binary on a fixture commune; outputs compared with tests/cli/expected/report-*.
. "$(dirname "$0")/../lib.sh"
EXP=$ROOT/tests/cli/expected
D=$T/c.db
c() { "$CDTT" --db "$D" "$@"; }

# Compares the output of a command with an expected file (or writes it when UPDATE=1).
compare() { # NAME FILE CMD...
    name=$1 file=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"; rc=$?
    if [ "${UPDATE:-}" = 1 ]; then cp "$T/out" "$EXP/$file"; fi
    if [ $rc -eq 0 ] && cmp -s "$T/out" "$EXP/$file"; then ok "$name"
    else fail "$name" "exit $rc; $(head -3 "$T/err")" "$(diff "$EXP/$file" "$T/out" | head -10)"; fi
}

check "init the commune" c init --office 00082 --name "Phường Cửa Nam"
if sqlite3 "$D" <"$ROOT/tests/cli/report-fixture.sql"; then ok "fixture loaded"; else fail "fixture loaded"; fi

S1=$(c session add --date 20/08/2022 --place "Nhà văn hoá thôn Đông" --organiser "Sở TT&TT" --topic "VNeID")
S2=$(c session add --date 2022-10-05 --organiser "Đoàn Thanh niên")
expect_eq "session ids are UUIDs" "$(printf '%s\n%s\n' "$S1" "$S2" | grep -cE '^[0-9a-f-]{36}$')" 2
check "attendance" c session attend "$S1" m-an m-ha m-khanh
check "absent again" c session attend --absent "$S1" m-khanh
check "attendance 2" c session attend "$S2" m-binh m-giang
check "mooc completed in bulk" c training mooc --status completed --date 01/10/2022 m-an m-binh m-giang
check "mooc in progress" c training mooc --status in_progress m-cuong
check "zalo in bulk" c training zalo --date 15/09/2022 m-an m-cuong m-giang m-khanh
check "activity" c activity add --team t-dong --date 03/10/2022 --type vneid --people 25 --households 12
check "activity last month" c activity add --team t-tdp3 --date 30/09/2022 --type cashless --people 9

compare "text report (Vietnamese)" report-area-vi.txt c report --as-of 15/10/2022
compare "text report (English)" report-area-en.txt c --lang en report --as-of 2022-10-15
compare "csv report" report-area.csv c report --as-of 15/10/2022 --format csv
compare "json report" report-area.json c --lang en report --as-of 15/10/2022 --format json
compare "by commune, after the deadlines" report-commune.txt c --lang en report --by commune --as-of 01/12/2022
compare "missing mooc" report-missing-mooc.txt c missing mooc --as-of 15/10/2022
compare "missing zalo in one village" report-missing-zalo.csv c --lang en missing zalo --area "Tổ dân phố 3" --as-of 15/10/2022 --format csv
compare "missing in person before the second session" report-missing-inperson.txt c --lang en missing inperson --as-of 15/09/2022

compare "activity summary" report-activity-vi.txt c activity summary --from 01/08/2022 --to 31/10/2022
compare "activity summary (json)" report-activity.json c activity summary --from 2022-10-01 --to 2022-10-31 --format json
check_fails "from after to" 2 c activity summary --from 01/11/2022 --to 31/10/2022

# The report and the missing lists agree.
members=$(c report --as-of 15/10/2022 --format json | sed -n 's/.*"totals": .*"members": \([0-9]*\), "mooc_done": \([0-9]*\).*/\1 \2/p')
missing=$(c missing mooc --as-of 15/10/2022 --format csv | tail -n +2 | wc -l | tr -d ' ')
expect_eq "members - mooc done = missing mooc" "$(echo "$members" | awk '{print $1 - $2}')" "$missing"

# Another plan: only the configuration changes.
printf '[targets]\nmooc = 80\nmooc_deadline = 31/12/2025\ninperson_min_attendees = 2\n' >"$T/plan.ini"
out=$(c --config "$T/plan.ini" report --as-of 15/12/2025 --format json)
expect_contains "target from the configuration" "$out" '"mooc": {"percent": 80, "deadline": "2025-12-31"}'
expect_contains "at risk within 30 days of the new deadline" "$(printf '%s' "$out" | grep '"totals"')" '"mooc_status": "at_risk"'
expect_contains "two attendees needed: only the commune team (An, Bình)" "$(printf '%s' "$out" | grep '"totals"')" '"teams_trained": 1'

# A province's file is reported by commune unless --by says otherwise.
P=$T/province.db
"$CDTT" --db "$P" init --office 01 --name "Thành phố Hà Nội" >/dev/null 2>&1
expect_contains "province: by commune by default" "$("$CDTT" --db "$P" --lang en report | sed -n 3p)" "Commune"
expect_contains "province: --by area still works" "$("$CDTT" --db "$P" --lang en report --by area | sed -n 3p)" "Village/group"

# Bad input: clear message, exit 2, nothing changed.
before=$(sqlite3 "$D" "SELECT count(*) FROM attendance; SELECT count(*) FROM audit;")
check_fails "bad --as-of" 2 c report --as-of 31/02/2022
check_fails "bad --by" 2 c report --by village
check_fails "bad --format" 2 c report --format xlsx
check_fails "missing needs an indicator" 2 c missing
check_fails "unknown area" 1 c missing mooc --area "Thôn Nam"
check_fails "unknown member rolls back" 1 c session attend "$S2" m-lan nosuch
check_fails "bad date" 2 c training zalo --date 2022-13-01 m-an
check_fails "bad activity type" 1 c activity add --team t-dong --date 03/10/2022 --type party
check_fails "negative people" 2 c activity add --team t-dong --date 03/10/2022 --type vneid --people -3
check_fails "invalid UTF-8 place" 1 c session add --date 01/10/2022 --place "$(printf 'Nh\303')"
long=$(printf '%0300d' 0)
check_fails "a 300-character place" 1 c session add --date 01/10/2022 --place "$long"
check_fails "a 100 KB note" 1 c activity add --team t-dong --date 03/10/2022 --type vneid --note "$(printf '%0100000d' 0)"
expect_eq "nothing changed by refused commands" "$(sqlite3 "$D" "SELECT count(*) FROM attendance; SELECT count(*) FROM audit;")" "$before"
out=$(c report --as-of 31/02/2022 2>&1)
expect_contains "date message in Vietnamese" "$out" "không phải là ngày"
check_fails "report on a missing file" 1 "$CDTT" --db "$T/none.db" report
expect_eq "no file created by a report" "$(ls "$T/none.db" 2>/dev/null)" ""

# Bulk by team and area: the members who count on the session's (or given) date.
S3=$(c session add --date 21/08/2022 --topic "An toàn trên mạng")
out=$(c session attend "$S3" --team "Tổ CNSCĐ TDP 3")
expect_contains "a team's members at the session date" "$out" "2"
expect_eq "Giang and Khánh, not Hà (joined later)" \
    "$(sqlite3 "$D" "SELECT group_concat(member_uuid, ' ') FROM (SELECT member_uuid FROM attendance WHERE session_uuid = '$S3' AND deleted = 0 ORDER BY member_uuid)")" \
    "m-giang m-khanh"
out=$(c training zalo --date 20/10/2022 --area "Thôn Đông")
expect_contains "an area's members on the date" "$out" "2"
expect_eq "An and Cường follow from the new date" \
    "$(sqlite3 "$D" "SELECT count(*) FROM member WHERE zalo_date = '2022-10-20'")" 2
check_fails "unknown team" 1 c session attend "$S3" --team "Tổ không có"
check_fails "nobody named" 2 c training mooc --status completed

# Thirty members keyed, then marked present with one command; the figure is printed, not asserted.
check "a team of thirty" c add team "Tổ ba mươi" --area "Thôn Bắc"
i=0; added=0
while [ $i -lt 30 ]; do
    c add member "Thành viên Số $i" --team "Tổ ba mươi" --yes >/dev/null 2>&1 && added=$((added + 1))
    i=$((i + 1))
done
expect_eq "thirty members added" "$added" 30
S4=$(c session add --date "$(date +%d/%m/%Y)" --organiser "Viettel")
start=$(date +%s%N)
out=$(c session attend "$S4" --team "Tổ ba mươi")
echo "# 30 members of a team marked present in $(( ($(date +%s%N) - start) / 1000000 )) ms"
expect_contains "thirty marked at once" "$out" "30"
out=$(c missing inperson --area "Thôn Bắc" --format csv)
expect_eq "the team of thirty is trained" "$(printf '%s' "$out" | tail -n +2)" ""

finish
