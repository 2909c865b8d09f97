#!/bin/sh
# home-search.sh — a commune file with demo data in tmux: the home screen's
# counts are the live records (also after a deletion and a restore from the
# command line), the member list finds a rare name, a common one and none,
# and CDTT_TIMING=FILE reports the home screen and every search key.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/h.db
TIMING=$T/timing.txt
C() { "$CDTT" --db "$DB" "$@"; }
C init --office 00004 --name "Phường Ba Đình" >/dev/null
C demo --members 1500 --seed 4 >/dev/null || fail "demo data" "cdtt demo failed"
C add member "Khúc Thừa Dụ" --yes >/dev/null
rare=$(C list members --search "khuc thua" --format csv | tail -n +2 | cut -d, -f1)
members=$(C list members --format csv | tail -n +2 | wc -l | tr -d ' ')
teams=$(C list teams --format csv | tail -n +2 | wc -l | tr -d ' ')
expect_eq "the file holds the demo's members and one more" "$members" "1501"

TM_ENV="CDTT_TIMING=$TIMING" tm_start 80 24 --db "$DB"
expect_screen "home counts every live team and member" "Số tổ: $teams   Số thành viên: $members"
expect_contains "CDTT_TIMING reports the home screen" "$(cat "$TIMING" 2>/dev/null)" "home_drawn "
tm_type 3
expect_screen "members list opens" "Họ và tên"
: >"$TIMING"
tm_type "khuc thua"
expect_screen "a rare name is found" "Khúc Thừa Dụ"
i=0; while [ "$(grep -c '^list_page ' "$TIMING")" -lt 9 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
expect_eq "CDTT_TIMING reports every search key" "$(grep -c '^list_page [0-9.]*$' "$TIMING")" "9"
tm_keys Escape
tm_wait_gone "Khúc Thừa Dụ"
tm_type "nguyen"
expect_screen "a common name fills the page" "Nguyễn"
scr=$(tm_screen)
expect_not_contains "only matches are shown" "$scr" "Khúc Thừa Dụ"
tm_keys Escape
tm_type "zzzq"
expect_screen "no match says nothing was found (not that the list is empty)" "Không tìm thấy «zzzq»"
tm_stop
: >"$TIMING"

# A deletion and a restore from the command line: the next start counts them.
C delete member "$rare" >/dev/null
tm_start 80 24 --db "$DB"
expect_screen "home counts one member fewer after a deletion" "Số thành viên: $((members - 1))"
tm_stop
C undelete member "$rare" >/dev/null
tm_start 80 24 --db "$DB"
expect_screen "home counts the member again after a restore" "Số thành viên: $members"
tm_stop
expect_eq "no timing lines without CDTT_TIMING" "$(grep -c . "$TIMING")" "0"
finish
