#!/bin/sh
# tests/cli/names.sh — a name identifies an area or a team by its exact name
# (issue: names that differ only in tone marks): marks count, case and tone
# placement do not; a shared name asks which; undelete finds deleted records.
. "$(dirname "$0")/../lib.sh"

DB="$T/n.db"
c() { "$CDTT" --db "$DB" --lang en "$@"; }
check "init" c init --office 00004 --name "Phường Ba Đình"

check "add Thôn Hà" c add area "Thôn Hà"
check "Thôn Hả beside Thôn Hà is another village" c add area "Thôn Hả"
check "Thôn Hạ too" c add area "Thôn Hạ"
check_fails "the same name in capitals is refused" 1 c add area "THÔN HÀ"
expect_contains "the refusal names the field by its label, not its column" "$(c add area "THÔN HÀ" 2>&1)" \
    "error: Name: there is already an area named"
check "Thôn Hòa is another village again" c add area "Thôn Hòa"
check_fails "Thôn Hoà (old tone placement) is the same as Thôn Hòa" 1 c add area "Thôn Hoà"
expect_eq "four villages" "$(c list areas --format csv | tail -n +2 | wc -l | tr -d ' ')" "4"

check "Tổ A in Thôn Hà" c add team "Tổ A" --area "Thôn Hà"
check "Tổ A in Thôn Hạ" c add team "Tổ A" --area "Thôn Hạ"
out=$(c add member "Nguyễn Văn X" --team "Tổ A" 2>&1)
expect_eq "a team name two villages share is refused" "$?" "1"
expect_contains "the refusal shows the first village" "$out" "Tổ A (Thôn Hà)"
expect_contains "the refusal shows the second village" "$out" "Tổ A (Thôn Hạ)"
expect_contains "the refusal says how to choose" "$out" "--area"
check "--area says which" c add member "Nguyễn Văn X" --team "Tổ A" --area "Thôn Hạ"
expect_eq "X is in the team of Thôn Hạ" \
    "$(c list members --format csv --team 'Tổ A' --area 'Thôn Hạ' | tail -n +2 | cut -d, -f2)" "Nguyễn Văn X"
expect_eq "and not in the team of Thôn Hà" \
    "$(c list members --format csv --team 'Tổ A' --area 'Thôn Hà' | tail -n +2 | wc -l | tr -d ' ')" "0"
check_fails "--area alone is a usage error" 2 c add member "Y" --area "Thôn Hà"

out=$(c list members --area "Thon Ha" 2>&1)
expect_eq "a name without marks finds nothing" "$?" "1"
expect_contains "and lists the names it may mean" "$out" "'Thôn Hả'"

check "delete Thôn Hả by name" c delete area "Thôn Hả"
check "undelete area by name" c undelete area "thôn hả"
expect_eq "Thôn Hả is back" "$(c list areas --format csv | grep -c 'Thôn Hả')" "1"
check "add Tổ B" c add team "Tổ B"
check "delete team by name" c delete team "Tổ B"
check "undelete team by name" c undelete team "Tổ B"
expect_eq "Tổ B is back" "$(c list teams --format csv | grep -c 'Tổ B')" "1"
check_fails "undelete of a live record's name finds no deleted one" 1 c undelete team "Tổ B"
finish
