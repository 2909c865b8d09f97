#!/bin/sh
# tests/cli/since-import.sh — membership start dates from a member list: the
# column "Ngày vào tổ" (or "Ngày tham gia") gives them; rows without it start
# at the team's decision date, else the earliest MOOC or Zalo OA date of the
# row, else today, and the import and `cdtt report` say how many were assumed.
. "$(dirname "$0")/../lib.sh"

DB="$T/s.db"
c() { "$CDTT" --db "$DB" --lang en "$@"; }
start_of() { sqlite3 "$DB" "SELECT coalesce(date_from, '') FROM membership ms JOIN member p ON p.uuid = ms.member_uuid WHERE p.full_name = '$1' AND ms.date_to IS NULL"; }
TODAY=$(date +%Y-%m-%d)
check "init" c init --office 00004
check "a team with its decision date" c add team "Tổ Hai" --decision-date 15/05/2022

printf '\357\273\277Họ và tên,Tổ,Ngày vào tổ,Học trực tuyến\r\nVũ Thị Mai,Tổ Một,01/06/2022,\r\nHồ Văn Sáu,Tổ Một,2022-07-02,Có\r\n' >"$T/given.csv"
out=$(c csv import members "$T/given.csv" 2>&1)
expect_eq "Ngày vào tổ dd/mm/yyyy is the start date" "$(start_of 'Vũ Thị Mai')" "2022-06-01"
expect_eq "Ngày vào tổ yyyy-mm-dd is the start date" "$(start_of 'Hồ Văn Sáu')" "2022-07-02"
expect_not_contains "no start date assumed when the list gives them" "$out" "assumed"

printf 'Họ và tên,Tổ,Ngày tham gia\nLý Thị Bảy,Tổ Một,03/08/2022\n' >"$T/alias.csv"
check "a list with Ngày tham gia imports" c csv import members "$T/alias.csv"
expect_eq "Ngày tham gia is the start date too" "$(start_of 'Lý Thị Bảy')" "2022-08-03"

printf 'Họ và tên,Tổ,Ngày vào tổ\nSai Ngày,Tổ Một,31/02/2022\n' >"$T/bad.csv"
check_fails "a start date that does not exist is an error" 1 c csv import members "$T/bad.csv"

cat >"$T/none.csv" <<'CSV'
Họ và tên,Tổ,Học trực tuyến,Ngày hoàn thành MOOC,Zalo OA
Đỗ Thị Tư,Tổ Hai,,,
Lê Văn Nam,Tổ Ba,Đã hoàn thành,15/10/2022,20/09/2022
Trần Văn Ba,Tổ Ba,,,
CSV
out=$(c csv import members "$T/none.csv" 2>&1)
expect_eq "without the column: the team's decision date" "$(start_of 'Đỗ Thị Tư')" "2022-05-15"
expect_eq "no decision date: the earliest MOOC or Zalo OA date of the row" "$(start_of 'Lê Văn Nam')" "2022-09-20"
expect_eq "nothing to go by: today" "$(start_of 'Trần Văn Ba')" "$TODAY"
expect_contains "the import says how many start dates it assumed, and from what" "$out" \
    "start dates assumed (no \"Ngày vào tổ\"): 3 — the team's decision date 1, the earliest MOOC or Zalo OA date 1, today 1"
expect_contains "the report says how many start dates were assumed" "$(c report)" \
    "Start dates assumed by an import (no \"Ngày vào tổ\"): 3"
expect_contains "so does the JSON report" "$(c report --format json)" '"starts_assumed": 3,'
vi=$("$CDTT" --db "$DB" report)
expect_contains "in Vietnamese" "$vi" "Ngày vào tổ"

out=$(c report --as-of 2022-12-01 --by commune --format csv)
expect_contains "as of 01/12/2022 the members imported today with 2022 dates count (5 members, 2 done MOOC)" \
    "$out" ",3,5,2,"

printf 'Họ và tên,Tổ,Ngày vào tổ\nTrần Văn Ba,Tổ Ba,01/09/2022\n' >"$T/fix.csv"
out=$(c csv import members "$T/fix.csv" 2>&1)
expect_eq "a later list with Ngày vào tổ corrects the start date" "$(start_of 'Trần Văn Ba')" "2022-09-01"
expect_contains "the corrected date is listed" "$out" "In the team since (Tổ Ba)"
expect_contains "a corrected date is no longer counted as assumed" "$(c report)" \
    "Start dates assumed by an import (no \"Ngày vào tổ\"): 2"
expect_contains "the audit log tells the assumed start" "$(c audit)" "start date assumed by an import"

c csv export members -o "$T/out.csv" >/dev/null 2>&1
expect_contains "the export writes the start date" "$(cat "$T/out.csv")" "01/09/2022"
check "init a second file" "$CDTT" --db "$T/b.db" init --office 00004
check "the export imports into it" "$CDTT" --db "$T/b.db" csv import members "$T/out.csv"
expect_eq "with the same start dates" \
    "$(sqlite3 "$T/b.db" "SELECT group_concat(date_from, ' ') FROM (SELECT date_from FROM membership ORDER BY 1)")" \
    "$(sqlite3 "$DB" "SELECT group_concat(date_from, ' ') FROM (SELECT date_from FROM membership ORDER BY 1)")"
finish
