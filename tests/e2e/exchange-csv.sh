#!/bin/sh
# exchange-csv.sh — Excel in and out from the screens, in tmux: a member list
# saved from Excel is checked first (nothing written), then imported on F2; a
# list with bad rows shows every row with its line and reason and imports
# nothing; a table exported as CSV from the screen reads back with the importer,
# and the workbook is written as .xlsx.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"
umask 077
mkdir "$T/w" && cd "$T/w" || exit 1
cp "$ROOT/tests/data/members-excel.csv" list.csv
cp "$ROOT/tests/data/members-errors.csv" bad.csv
"$CDTT" --db a.db init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1
count() { "$CDTT" --db a.db list members --format csv 2>/dev/null | tail -n +2 | grep -c . ; }

tm_start 80 24 --db a.db
expect_screen "home" "Số thành viên: 0"
tm_type 6
tm_wait "Nhập danh sách thành viên từ Excel"
tm_type 2
expect_screen "the picker lists the CSV files" "list.csv"
tm_keys End
tm_wait ">list.csv"
tm_keys Enter
expect_screen "the list is checked first" "Đã kiểm tra, chưa ghi gì"
scr=$(tm_screen)
expect_contains "the dry run counts the new members" "$scr" "Thành viên: mới"
expect_eq "the dry run wrote nothing" "$(count)" 0
tm_keys F2
expect_screen "importing asks first" "Nhập danh sách thành viên này ngay bây giờ?"
tm_type c
expect_screen "the list is imported" "Đã nhập danh sách thành viên."
n=$(count)
[ "$n" -gt 0 ] && ok "the members are in the file ($n)" || fail "the members are in the file" "count $n"
expect_contains "a member from the sheet" "$("$CDTT" --db a.db list members 2>&1)" "Nguyễn Văn An"

# A list with errors: every bad row with its line, nothing imported.
tm_keys Escape
tm_wait "Thư mục hoặc tệp"
tm_keys Home
tm_keys Down
tm_wait ">bad.csv"
tm_keys Enter
expect_screen "the bad rows are listed" "Không nhập được"
scr=$(tm_screen)
expect_contains "with the line number" "$scr" "bad.csv:4"
expect_not_contains "no import offered" "$scr" "F2/^S Nhập"
expect_eq "nothing from the bad list was imported" "$(count)" "$n"
tm_keys Escape Escape
tm_wait "Xuất ra Excel"

# Export members as CSV from the screen, then read it back with the importer.
tm_type 3
expect_screen "the spreadsheet form" "Mọi bảng: sổ Excel (.xlsx)"
tm_keys Right
expect_screen "members chosen" "Thành viên (.csv)"
tm_keys F2
expect_screen "the CSV is written" "dòng vào cdtt-00004-"
f=$(ls cdtt-00004-*.csv 2>/dev/null | head -1)
[ -n "$f" ] && ok "the CSV file exists" || fail "the CSV file exists" "$(ls)"
expect_eq "the CSV is mode 0600" "$(stat -c %a "$f")" 600
out=$("$CDTT" --db a.db --lang en csv import members "$f" --dry-run 2>&1)
expect_contains "the importer reads it back: nobody new" "$out" "members new: 0"
tm_type 3
tm_wait "Mọi bảng: sổ Excel (.xlsx)"
tm_keys F2
expect_screen "the workbook is written" "Đã ghi sổ Excel"
x=$(ls cdtt-00004-*.xlsx 2>/dev/null | head -1)
[ -n "$x" ] && [ "$(head -c 2 "$x")" = "PK" ] && ok "the workbook is an xlsx (zip) file" || fail "the workbook is an xlsx file" "$(ls)"
tm_keys C-q
expect_screen "quits" "[exit 0]"

# In English, and through a window made too small and back.
tm_start 80 24 --lang en --db a.db
tm_wait "Members:"
tm_type 6
expect_screen "the menu in English" "Import a member list from Excel"
tm_type 3
expect_screen "the spreadsheet choices in English" "Every table: Excel workbook (.xlsx)"
tm_resize 50 12
expect_screen "a too small window says so" "too small"
tm_resize 80 24
expect_screen "the form comes back" "Every table: Excel workbook (.xlsx)"
tm_keys C-q
expect_screen "quits in English" "[exit 0]"
finish
