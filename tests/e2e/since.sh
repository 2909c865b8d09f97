#!/bin/sh
# since.sh — membership dates on the screens: the member form shows and edits
# the day the member joined the team ("Ngày vào tổ") and, filled in, the day
# they left it ("Rời tổ ngày"); the team form lists each member's start date.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/e.db
C() { "$CDTT" --db "$DB" "$@" >/dev/null 2>&1; }
C init --office 00004 --name "Phường Ba Đình"
C add team "Tổ Một" --level commune --yes
C add member "Vũ Thị Mai" --team "Tổ Một" --since 01/06/2022 --yes
ms() { sqlite3 "$DB" "SELECT coalesce(date_from, '') || '|' || coalesce(date_to, '') FROM membership"; }

tm_start 80 24 --db "$DB"
tm_wait "Số thành viên: 1"
tm_type 3; tm_wait "Vũ Thị Mai"; tm_keys Enter
expect_screen "the member form shows the start date" "01/06/2022"
expect_screen "under its label" "Ngày vào tổ"
# Down to the start date (the 17th field, after the note), clear it, type another.
tm_keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Home C-k
tm_type "15/03/2022"
tm_keys F2
expect_screen "saved" "Đã lưu"
i=0
while [ "$(ms)" != "2022-03-15|" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
expect_eq "the new start date is stored" "$(ms)" "2022-03-15|"
expect_contains "and counts as of 01/04/2022" \
    "$("$CDTT" --db "$DB" --lang en report --as-of 01/04/2022 --by commune --format csv)" ",1,1,"

# The team form lists the member with that date.
tm_keys Escape; tm_wait "Vũ Thị Mai"; tm_keys Escape
tm_wait "Số thành viên"
tm_type 2; tm_wait "Tổ Một"; tm_keys Enter
expect_screen "the team form lists the member's start date" "vào tổ 15/03/2022"
tm_keys Escape; tm_wait "Tổ Một"; tm_keys Escape
tm_wait "Số thành viên"

# Leaving: the end date (the 18th field) ends the membership; the member has no team after.
tm_type 3; tm_wait "Vũ Thị Mai"; tm_keys Enter
tm_wait "15/03/2022"
tm_keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
tm_type "01/10/2024"
tm_keys F2
expect_screen "saved again" "Đã lưu"
i=0
while [ "$(ms)" != "2022-03-15|2024-10-01" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
expect_eq "the end date is stored" "$(ms)" "2022-03-15|2024-10-01"
expect_contains "the member counted as of 01/09/2024" \
    "$("$CDTT" --db "$DB" --lang en report --as-of 01/09/2024 --by commune --format csv)" ",1,1,"
expect_contains "and no longer as of 01/11/2024" \
    "$("$CDTT" --db "$DB" --lang en report --as-of 01/11/2024 --by commune --format csv)" ",1,0,"
tm_keys C-q
expect_screen "quits" "[exit 0]"
check "the file is sound" "$CDTT" --db "$DB" check
finish
