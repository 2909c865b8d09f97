#!/bin/sh
# tests/cli/since.sh — membership start dates: a member added with --since a
# past date counts in reports as of that time and in past sessions' attendance;
# one added today does not, and `session attend` names them with the command
# (`membership since`) that moves their start date back.
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
expect_contains "it names who was skipped because they joined later" "$out" "Lê Văn Nam, joined $(date +%d/%m/%Y)"
NAM=$(c list members --format csv | grep 'Lê Văn Nam' | cut -d, -f1)
expect_contains "with the command that moves their start date back" "$out" \
    "cdtt membership since $NAM --date 01/09/2022 --team 'Tổ Một'"
expect_contains "and the one that marks them" "$out" "cdtt session attend $S --team 'Tổ Một'"
out=$(c membership since "$NAM" --date 01/09/2022 --team "Tổ Một")
expect_contains "membership since moves the start date" "$out" "Lê Văn Nam: in the team since 01/09/2022"
expect_eq "it is stored" "$(sqlite3 "$DB" "SELECT date_from FROM membership m JOIN member p ON p.uuid = m.member_uuid WHERE p.full_name = 'Lê Văn Nam'")" "2022-09-01"
out=$(c session attend "$S" --team "Tổ Một")
expect_contains "attending again marks them" "$out" "1 attendance"
expect_not_contains "and skips no one" "$out" "Joined after"
expect_contains "moving it again changes nothing" "$(c membership since "$NAM" --date 01/09/2022)" "nothing to move"
check_fails "membership since needs --date" 2 c membership since "$NAM"
check_fails "an unknown member" 1 c membership since 00000000-0000-0000-0000-000000000000 --date 01/09/2022
check_fails "--since without --team is a usage error" 2 c add member "Y" --since 01/06/2022
check_fails "a start date in the future is a warning (nothing saved)" 1 c add member "Z" --team "Tổ Một" --since 01/01/2099
check_fails "--since must be a date" 2 c add member "Z" --team "Tổ Một" --since 31/02/2022
finish
