#!/bin/sh
# tests/cli/since.sh — membership start dates: a member added with --since a
# past date counts in reports as of that time and in past sessions' attendance;
# one added today does not.
. "$(dirname "$0")/../lib.sh"

DB="$T/s.db"
c() { "$CDTT" --db "$DB" --lang en "$@"; }
check "init" c init --office 00004
check "a team" c add team "Tổ Một"
check "a member since June 2022" c add member "Vũ Thị Mai" --team "Tổ Một" --since 01/06/2022 \
    --mooc completed --mooc-date 15/10/2022
check "a member since today" c add member "Lê Văn Nam" --team "Tổ Một" --mooc completed --mooc-date 15/10/2022
expect_eq "the start date is stored" "$(sqlite3 "$DB" "SELECT date_from FROM membership m JOIN member p ON p.uuid = m.member_uuid WHERE p.full_name = 'Vũ Thị Mai'")" "2022-06-01"
out=$(c report --by commune --as-of 01/12/2022 --format csv)
expect_contains "as of 01/12/2022 one member counts, trained online" "$out" ",1,1,1,"
S=$(c session add --date 01/09/2022 --topic "Tập huấn")
out=$(c session attend "$S" --team "Tổ Một")
expect_contains "a session of 01/09/2022 finds the member of that date" "$out" "1 attendance"
check_fails "--since without --team is a usage error" 2 c add member "Y" --since 01/06/2022
check_fails "a start date in the future is a warning (nothing saved)" 1 c add member "Z" --team "Tổ Một" --since 01/01/2099
check_fails "--since must be a date" 2 c add member "Z" --team "Tổ Một" --since 31/02/2022
finish
