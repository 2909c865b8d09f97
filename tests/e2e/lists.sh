#!/bin/sh
# lists.sh — long lists in tmux: Vietnamese order by given name, paging with
# PgDn/PgUp/End/Home through more rows than fit, the member filter form,
# a team's members below its form, and a larger window using the space.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/l.db
C() { "$CDTT" --db "$DB" "$@" >/dev/null 2>&1; }
C init --office 00004 --name "Phường Ba Đình"
C add team "Tổ Công nghệ số khu phố 1" --level commune --yes
C add member "Đặng Văn Bình" --yes
C add member "Nguyễn Thị Ánh" --yes
C add member "Trần Văn An" --team "Tổ Công nghệ số khu phố 1" --role leader --category police --yes
i=10
while [ $i -lt 55 ]; do C add member "Lê Văn Hùng$i" --yes; i=$((i + 1)); done

line_of() { tm_screen | grep -n "$1" | head -1 | cut -d: -f1; }

tm_start 80 24 --db "$DB"
tm_poll "Số thành viên: 48" || fail "48 members counted" "$(tm_screen)"
tm_type 3
expect_screen "members list opens" "Họ và tên"
a=$(line_of "Trần Văn An"); b=$(line_of "Nguyễn Thị Ánh"); c=$(line_of "Đặng Văn Bình")
if [ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ "$a" -lt "$b" ] && [ "$b" -lt "$c" ]; then
    ok "sorted by given name: An, Ánh, Bình (family names Trần, Nguyễn, Đặng)"
else
    fail "sorted by given name" "lines: An=$a Ánh=$b Bình=$c" "$(tm_screen)"
fi
scr=$(tm_screen)
expect_not_contains "only a page is shown" "$scr" "Hùng54"
tm_keys NPage
expect_screen "PgDn shows the next page" "Hùng30"
scr=$(tm_screen)
expect_not_contains "the first page is gone" "$scr" "Trần Văn An"
tm_keys End
expect_screen "End shows the last row" "Hùng54"
tm_keys PPage
tm_wait_gone "Hùng54"
expect_screen "PgUp goes a page back" "Hùng20"
tm_keys Home
expect_screen "Home goes back to the first row" ">Trần Văn An"
tm_keys Down Down Down
expect_screen "Down moves the selection" ">Lê Văn Hùng10"

# '/' opens the search line; "hung5" (no accents) keeps Hùng50–54 only.
tm_type "/hung5"
expect_screen "/ then text searches" "Hùng54"
tm_wait_gone "Trần Văn An"
scr=$(tm_screen)
expect_not_contains "the search keeps only the matches" "$scr" "Hùng49"
tm_keys Escape
expect_screen "Esc clears the search" "Trần Văn An"

# The filter form (F5): members of a team.
tm_keys F5
expect_screen "F5 opens the member filter" "Lọc thành viên"
tm_keys Right
expect_screen "the team is picked with the arrows" "Tổ Công nghệ số khu phố 1"
tm_keys F2
expect_screen "the filter is shown on the list" "Lọc: Tổ Công nghệ số khu phố 1"
tm_wait_gone "Hùng10"
scr=$(tm_screen)
expect_contains "only the team's member is listed" "$scr" "Trần Văn An"
expect_not_contains "others are filtered out" "$scr" "Nguyễn Thị Ánh"

# Opening a member shows its team and role.
tm_keys Enter
expect_screen "Enter opens the member" "Tổ trưởng"
tm_keys Escape
tm_keys Escape
tm_wait "Số thành viên"

# A team's form lists its members.
tm_type 2
tm_wait "Tổ Công nghệ số khu phố 1"
tm_keys Enter
expect_screen "the team form lists its members" "Trần Văn An"

# A larger window shows more rows.
tm_keys Escape Escape
tm_wait "Số thành viên"
tm_resize 100 40
tm_type 3
expect_screen "at 100x40 more rows fit" "Hùng40"
# PuTTY's F1 (ESC[11~) opens the help from anywhere.
tm_hex 1b 5b 31 31 7e
expect_screen "PuTTY F1 opens the help" "Trợ giúp: các phím"
tm_keys Escape
tm_wait_gone "Trợ giúp: các phím"
tm_keys C-q
expect_screen "quits" "[exit 0]"
finish
