#!/bin/sh
# libform.sh — the forms on libformw, end to end in tmux: decomposed input
# composed before it reaches a field, Telex into a field, a 254-character
# e-mail address through a field that scrolls, and a resize to 20×5 and back
# that keeps unsaved text. Results are checked through the CLI.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/l.db
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
list() { "$CDTT" --db "$DB" list "$1" --format csv 2>&1; }
waited() { # NAME TEXT: a wait whose timeout fails the test
    tm_wait "$2" || fail "$1" "screen never showed: $2" "$(tm_screen | sed 's/^/|/')"
}

tm_start 80 24 --db "$DB"
waited "home is shown" "Số địa bàn: 0"

# ---- an area typed decomposed, then a resize to 20×5 and back before F2 ----
tm_type 1
waited "the areas list" "Tìm:"
tm_keys C-n
waited "a new area form" "Thêm địa bàn"
tm_keys Tab
# "Thôn Đông Hòa" with ô = o + U+0302, ò = o + U+0300
tm_type "$(printf 'Tho\314\202n \304\220o\314\202ng Ho\314\200a')"
expect_screen "decomposed input is shown composed in the field" "[Thôn Đông Hòa"
tm_resize 20 5
expect_screen "at 20x5 the window is too small" "quá nhỏ"
tm_resize 80 24
expect_screen "back at 80x24 the unsaved name is still in its field" "[Thôn Đông Hòa"
expect_eq "the cursor is still on the name field's row" \
    "$(tm display -p -t t '#{cursor_y}')" "$(tm_screen | grep -n 'Thôn Đông Hòa' | head -1 | cut -d: -f1 | awk '{print $1 - 1}')"
tm_keys C-s
waited "the area is saved" "Đã lưu"
expect_contains "stored NFC, exactly as composed" "$(list areas)" ",Thôn Đông Hòa,"
expect_not_contains "nothing stored decomposed" "$(list areas)" "$(printf 'o\314\202')"

# ---- Telex into a field ----
tm_keys C-n
waited "a second area form" "Thêm địa bàn"
tm_keys Tab F6
waited "Telex on" "Telex:bật"
tm_type "Thoon Ddoaif Trungf"
expect_screen "Telex keys become Vietnamese in the field" "[Thôn Đoài Trùng"
tm_keys F6
waited "Telex off" "Telex:tắt"
tm_keys C-s
# The name is on the screen before the save too: wait for the file to hold it (10 s at most).
n=0
until list areas | grep -q ",Thôn Đoài Trùng," || [ $n -ge 100 ]; do sleep 0.1; n=$((n + 1)); done
expect_contains "the Telex name is stored" "$(list areas)" ",Thôn Đoài Trùng,"
tm_keys F10
waited "home again" "Số địa bàn: 2"

# ---- a member with an e-mail address of 254 characters ----
email=nguyen.thi.mai@
while [ ${#email} -lt 251 ]; do email="${email}ex."; done
email="${email}vn"
while [ ${#email} -lt 254 ]; do email="${email}x"; done
expect_eq "the address has 254 characters" "${#email}" "254"
tm_type 3
waited "the members list" "Tìm:"
tm_keys C-n
waited "a new member form" "Thành viên mới"
tm_type "Nguyễn Thị Mai"
tm_keys Tab Tab Tab Tab Tab
tm_type "$email"
expect_screen "the field scrolls: its end is shown" "ex.ex.vn"
tm_keys C-s
waited "the member is saved" "Đã lưu"
# without consent the e-mail is masked in lists (the personal-data rule): --full shows it
expect_contains "the e-mail is stored whole (254 characters)" "$("$CDTT" --db "$DB" list members --format csv --full 2>&1)" "$email"

tm_keys C-q
expect_screen "Ctrl-Q quits with status 0" "[exit 0]"
finish
