#!/bin/sh
# import-fix-value.sh — a member list with a value the program does not know
# ("Cán bộ y tế thôn" in Thành phần): the check screen selects it, Enter offers
# the items of the list, typing narrows them, Enter saves the choice as an
# [aliases] line in the user's cdtt.ini (other lines kept), the list is checked
# again and now imports on F2.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"
umask 077
mkdir "$T/w" && cd "$T/w" || exit 1
printf 'Họ và tên,Tổ,Thành phần\r\nNguyễn Văn Hải,Tổ CNSCĐ thôn Đông,Cán bộ y tế thôn\r\nLê Thị Hoa,Tổ CNSCĐ thôn Đông,Giáo viên\r\n' >list.csv
ini="$XDG_CONFIG_HOME/cdtt/cdtt.ini"
mkdir -p "$XDG_CONFIG_HOME/cdtt"
printf '; the commune'"'"'s own settings\n[ui]\nlang = vi\n' >"$ini"
"$CDTT" --db a.db init --office 00004 --name "Xã Ba Đình" >/dev/null 2>&1
count() { "$CDTT" --db a.db list members --format csv 2>/dev/null | tail -n +2 | grep -c . ; }

tm_start 80 24 --db a.db
expect_screen "home" "Số thành viên: 0"
tm_type 6
tm_wait "Nhập danh sách thành viên từ Excel"
tm_type 2
expect_screen "the picker lists the CSV file" "list.csv"
tm_keys End
tm_wait ">list.csv"
tm_keys Enter
expect_screen "the unknown value stops the list" "Không nhập được"
expect_screen "the value that means nothing is selected" '>  Thành phần "Cán bộ y tế thôn" (1 dòng) → ?'
expect_not_contains "no import offered yet" "$(tm_screen)" "F2/^S Nhập"
tm_keys Enter
expect_screen "Enter offers the items of the list" "Giáo viên"
expect_contains "with the value named" "$(tm_screen)" '"Cán bộ y tế thôn" nghĩa là:'
tm_type "y t"
expect_screen "typing narrows the items" "Gõ vài chữ cái đầu để lọc danh sách: y t"
expect_not_contains "other items are left out" "$(tm_screen)" "Giáo viên"
tm_keys Enter
expect_screen "the alias is saved and the list checked again" "F2 để nhập danh sách"
expect_screen "the value is now mapped" '"Cán bộ y tế thôn" (1 dòng) → Y tế'
expect_eq "the check wrote no member" "$(count)" 0
tm_keys F2
expect_screen "importing asks first" "Nhập danh sách thành viên này ngay bây giờ?"
tm_type c
expect_screen "the list is imported" "Đã nhập danh sách thành viên."
tm_keys C-q
expect_screen "quits" "[exit 0]"

out=$("$CDTT" --db a.db --lang en list members --format csv 2>&1)
expect_contains "the member is stored" "$out" "Nguyễn Văn Hải"
expect_contains "as a health worker" "$out" "Nguyễn Văn Hải,,,,,,health_worker"
expect_eq "both members" "$(count)" 2
txt=$(cat "$ini")
expect_contains "cdtt.ini holds the alias" "$txt" "category.Cán bộ y tế thôn = Y tế"
expect_contains "and keeps its other lines" "$txt" "; the commune's own settings"
expect_contains "and its settings" "$txt" "lang = vi"
expect_eq "cdtt.ini stays private" "$(stat -c %a "$ini")" 600
finish
