#!/bin/sh
# history.sh — the change history in tmux: home → 8 shows the latest changes in
# words, newest first, phone numbers hidden.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/h.db
C() { "$CDTT" --db "$DB" "$@" >/dev/null 2>&1; }
C init --office 00004
ID=$("$CDTT" --db "$DB" add member "Vũ Thị Mai" --phone 0912000111 --consent)
C training mooc --status in_progress "$ID"

tm_start 80 24 --db "$DB"
tm_wait "Số thành viên: 1" || fail "home is shown" "$(tm_screen)"
tm_type 8
expect_screen "8 opens the latest changes" "Các thay đổi gần đây"
expect_screen "the change in words" "Khoá học MOOC: Chưa học → Đang học"
expect_screen "the added member" "thành viên Vũ Thị Mai  thêm mới"
expect_not_contains "the phone is hidden" "$(tm_screen)" "0912000111"
s=$(tm_screen)
a=$(printf '%s\n' "$s" | grep -n "thay đổi  (" | head -1 | cut -d: -f1)
b=$(printf '%s\n' "$s" | grep -n "thêm mới  (" | head -1 | cut -d: -f1)
if [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]; then ok "newest first"; else fail "newest first" "$s"; fi
tm_keys F10
expect_screen "F10 goes back home" "Số thành viên: 1"
# From the member's form, F9 (Ctrl-O over SSH) shows that record's history.
tm_type 3; tm_wait "Vũ Thị Mai" || fail "the members list" "$(tm_screen)"; tm_keys Enter
expect_screen "the member's form offers its history" "F9/^O"
tm_keys C-o
expect_screen "Ctrl-O opens the record's history" "Lịch sử thay đổi của bản ghi"
expect_screen "with its change" "Khoá học MOOC: Chưa học → Đang học"
tm_keys F10
expect_screen "back to the form" "Họ và tên"
tm_keys F10 F10
tm_wait "Số thành viên: 1" || fail "back home" "$(tm_screen)"
tm_keys C-q
expect_screen "Ctrl-Q quits" "[exit 0]"
finish
