#!/bin/sh
# register.sh — end to end in tmux: first run, a village, a team and five
# members (one typed decomposed, one in Telex mode), PuTTY F-keys, a validation
# error and its fix, a duplicate warning, a warning accepted with F2, search without accents,
# delete and undo, a resize mid-form, quit and reopen. Results are checked
# through the CLI (cdtt list … --format csv).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/x.db
list() { "$CDTT" --db "$DB" list "$1" --format csv 2>&1; }

# ---- first run on a new file: the list built into cdtt, typed without accents ----
tm_start 80 24 --db "$DB"
expect_screen "first run asks which province" "Tỉnh nào?"
tm_type "ha noi"
expect_screen "the built-in list finds Hà Nội" "Thành phố Hà Nội"
tm_keys Enter
expect_screen "then which commune" "Xã nào?"
tm_type "ba dinh"
expect_screen "the built-in list finds Ba Đình" "00004"
tm_keys Enter
expect_screen "the choice is shown to confirm" "Phường Ba Đình (00004)"
tm_keys Enter
expect_screen "setup saved: home shows the office" "Phường Ba Đình (mã 00004)"
expect_screen "home menu lists the Settings screen" "7  Cài đặt"
expect_not_contains "every menu item is available now" "$(tm_screen)" "chưa có"

# ---- a village ----
tm_type 1
expect_screen "number 1 opens the areas" "Tìm:"
tm_keys C-n
expect_screen "Ctrl-N opens a new area form" "Loại"
# Invalid bytes first (a bad paste): dropped, typing goes on.
tm_type t  # kind: "Thôn" (in a Phường a new area starts as a Tổ dân phố)
tm_keys Tab; tm_hex ff fe 80 c3; tm_type "Thôn Đông Hòa"; tm_keys C-s
expect_screen "the area is saved and listed" "Thôn Đông Hòa"
tm_keys F10
expect_screen "F10 goes back home" "Số địa bàn: 1"

# ---- a team, with PuTTY's F4 (ESC[14~) ----
tm_type 2
expect_screen "number 2 opens the teams" "Tìm:"
tm_hex 1b 5b 31 34 7e
expect_screen "PuTTY F4 opens a new team" "Tên tổ"
tm_type "Tổ Công nghệ số thôn Đông Hòa"; tm_keys Down
tm_type "c"; tm_type "t"   # level: first letters pick "Cấp xã", then "Thôn, bản, ấp"
tm_keys Down Right   # area: the village
expect_screen "first letter picks the level" "Thôn, bản, ấp"
tm_hex 1b 5b 31 32 7e   # PuTTY F2 saves
expect_screen "PuTTY F2 saves the team and keeps it open" "F4 (Ctrl-N) để thêm"

# ---- member 1: typed with precomposed UTF-8 ----
add_member() { # name gender-letter birth phone
    tm_keys C-n
    tm_poll "Thành viên mới" || fail "member form opens" "$(tm_screen)"
    tm_type "$1"; tm_keys Tab; tm_type "$2"; tm_keys Tab; tm_type "$3"; tm_keys Tab; tm_type "$4"
}
# A phone saved without consent asks first (the package leaves it out): yes.
consent_yes() { tm_wait "(c = có" && tm_keys c; }
add_member "Nguyễn Văn An" n "12/03/1985" "0912345678"
tm_keys C-s
consent_yes
expect_screen "member 1 saved and shown in the team" "Nguyễn Văn An"

# ---- member 2: decomposed input (letters followed by combining marks) ----
# "Đặng Thị Hằng" with ặ = a + U+0323 + U+0306, ị = i + U+0323, ằ = a + U+0306 + U+0300
tm_keys C-n
tm_wait "Thành viên mới"
tm_type "$(printf 'Đa\314\243\314\206ng Thi\314\243 Ha\314\206\314\200ng')"
tm_keys Tab; tm_type "n"; tm_keys Tab; tm_type "1990"; tm_keys Tab; tm_type "0987654321"
expect_screen "decomposed input displays composed" "Đặng Thị Hằng"
tm_keys C-s
consent_yes
expect_screen "member 2 saved" "Đặng Thị Hằng"

# ---- member 3: Telex mode (F6), with a validation error and its fix ----
tm_keys C-n
tm_wait "Thành viên mới"
tm_keys F6
expect_screen "F6 turns Telex on and the key bar says so" "Telex:bật"
tm_type "Nguyeenx Thij Hawngf"
expect_screen "Telex typing composes the name" "Nguyễn Thị Hằng"
tm_keys F6
tm_keys Tab; tm_type "n"; tm_keys Tab; tm_type "31/02/1992"; tm_keys Tab; tm_type "0977111222"
tm_keys C-s
expect_screen "an impossible date is an error next to the field" "!"
scr=$(tm_screen)
expect_contains "the error line says Lỗi" "$scr" "Lỗi:"
expect_eq "the cursor is put on the date field" "$(tm display -p -t t '#{cursor_y}')" "3"
tm_keys End BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
tm_type "28/02/1992"
tm_keys C-s
consent_yes
expect_screen "after the fix member 3 is saved" "Nguyễn Thị Hằng"

# ---- member 4: a possible duplicate of member 1 (same phone) ----
add_member "Nguyễn Văn Ân" n "1970" "0912345678"
tm_keys C-s
expect_screen "a duplicate suspect is a warning showing the other record" "Nguyễn Văn An"
expect_screen "the warning says F2 again accepts it" "F2 lần nữa"
tm_keys Escape
tm_wait "không lưu" && tm_type y
expect_screen "leaving the form asks and goes back to the team" "Thành viên của tổ"

# ---- member 5: a CCCD whose year digits do not match the birth year: a warning accepted with F2 ----
add_member "Phạm Minh Đức" n "14/09/1990" "0388123456"
tm_keys Tab; tm_type "001085123456"
tm_keys C-s
expect_screen "a CCCD mismatch is a warning, not an error" "Cảnh báo"
tm_keys F2
consent_yes
expect_screen "F2 again accepts the warning and saves" "Phạm Minh Đức"
expect_screen "back in the team form after the save" "Thành viên của tổ"

# ---- member 6: resize to 40×12 and back in the middle of the form ----
add_member "Lê Thị Bích Ngọc" n "05/06/1995" ""
tm_resize 40 12
expect_screen "a small window says it is too small" "quá nhỏ"
tm_type "x"   # ignored while too small
tm_resize 80 24
expect_screen "back to 80x24 the form is intact" "Lê Thị Bích Ngọc"
expect_screen "the birth date typed before the resize is kept" "05/06/1995"
tm_keys C-s
expect_screen "member 6 saved" "Lê Thị Bích Ngọc"

# ---- search without accents, in the members list ----
tm_keys F10 F10
tm_wait "Số thành viên"
tm_type 3
expect_screen "members list opens" "Họ và tên"
tm_type "hang"
expect_screen "search 'hang' finds Hằng" "Nguyễn Thị Hằng"
tm_wait_gone "Nguyễn Văn An"
scr=$(tm_screen)
expect_not_contains "search 'hang' hides An" "$scr" "Lê Thị Bích Ngọc"
expect_contains "search 'hang' finds Đặng Thị Hằng too" "$scr" "Đặng Thị Hằng"
tm_keys Escape
tm_type "dang"
expect_screen "search 'dang' finds Đặng" "Đặng Thị Hằng"
tm_keys Escape

# ---- delete and undo ----
tm_type "ngoc"; tm_keys Tab
tm_keys C-d
expect_screen "delete asks for confirmation" "Xoá «Lê Thị Bích Ngọc, sinh năm 1995»?"
tm_type y
expect_screen "deleted, with how to undo" "Muốn hoàn tác"
rows=$(list members)
expect_not_contains "the deleted member is gone from the live list" "$rows" "Lê Thị Bích Ngọc"
tm_keys Escape
tm_keys C-u
expect_screen "F7 shows deleted records" "Lê Thị Bích Ngọc"
tm_keys F8
tm_wait "Khôi phục" && tm_type y
expect_screen "restored" "Đã khôi phục"
rows=$(list members)
expect_contains "the restored member is back" "$rows" "Lê Thị Bích Ngọc"

# ---- quit (Ctrl-Q) and reopen: nothing lost, stored NFC ----
tm_keys C-q
expect_screen "Ctrl-Q quits with status 0" "[exit 0]"
rows=$(list members)
for n in "Nguyễn Văn An" "Đặng Thị Hằng" "Nguyễn Thị Hằng" "Phạm Minh Đức" "Lê Thị Bích Ngọc"; do
    expect_contains "stored: $n (NFC)" "$rows" "$n"
done
expect_not_contains "the abandoned duplicate was not saved" "$rows" "Nguyễn Văn Ân"
expect_not_contains "nothing stored decomposed" "$rows" "$(printf 'a\314\243')"
expect_contains "the team is stored" "$(list teams)" "Tổ Công nghệ số thôn Đông Hòa"
expect_contains "the area is stored exactly as typed (invalid bytes dropped)" "$(list areas)" ",Thôn Đông Hòa,thon,"
tm_start 80 24 --db "$DB"
expect_screen "reopened: no setup, counts kept" "Số thành viên: 5"
tm_keys F10
expect_screen "one F10 on home asks for another" "Bấm Esc (F10) lần nữa để thoát"
expect_not_contains "and does not quit yet" "$(tm_screen)" "[exit"
tm_keys F10
expect_screen "a second F10 within a second quits" "[exit 0]"
finish
