#!/bin/sh
# excel.sh — member and training lists as offices keep them, through the real
# binary: an .xls workbook with title rows, merged headers and signatures
# (tests/data/members-office.*), the commune's words for choices (--map,
# [aliases] in cdtt.ini, --unknown other), the preview of --dry-run, and the
# MOOC and attendance lists. The .xlsx reader is tested in test_table_read.c.
. "$(dirname "$0")/../lib.sh"

D=$ROOT/tests/data
C() { "$CDTT" --lang en --db "$T/c.db" "$@"; }
V() { "$CDTT" --db "$T/c.db" "$@"; }
check "init the commune" C init --office 00004 --name "Xã Yên Hòa"

# --- a value that means nothing stops the import, with the way out -------------
out=$(C members import "$D/members-office.xls" 2>&1); rc=$?
expect_eq "an unknown category stops the import" "$rc" 1
expect_contains "one line for the value, with its rows and closest items" "$out" \
    "members-office.xls:14: Thành phần \"Cán bộ y tế thôn\" (1 rows) is not an item of the list; closest: Cán bộ, công chức xã, Y tế"
expect_contains "the line says how to map it" "$out" "--map 'Thành phần:Cán bộ y tế thôn=ITEM'"
expect_contains "a refused import tells what it would have created" "$out" "would create: team Tổ CNSCĐ thôn Yên Hòa"
expect_not_contains "a refused import never says created" "$out" "  created:"
out=$(V members import "$D/members-office.xls" 2>&1)
expect_contains "in Vietnamese: sẽ tạo" "$out" "sẽ tạo: tổ Tổ CNSCĐ thôn Yên Hòa"
expect_not_contains "in Vietnamese: never đã tạo" "$out" "đã tạo"
expect_eq "nothing was written" "$(C list members --format csv | wc -l)" 1

# --- --dry-run shows what it understood ----------------------------------------
out=$(C members import "$D/members-office.xls" --map 'Thành phần:Cán bộ y tế thôn=Y tế' --dry-run 2>&1); rc=$?
expect_eq "with --map the dry run succeeds" "$rc" 0
expect_contains "the sheet is named" "$out" "sheet \"Danh sách\" (of 2)"
expect_contains "the recognised columns are listed" "$out" "Vai trò ← \"Chức danh\" (H)"
expect_contains "the birth year under Nam is a column" "$out" "Nam ← \"Nam\" (C)"
expect_contains "a known form is shown with its meaning" "$out" "Thành phần \"CA xã\" (1 rows) → Police (a known form)"
expect_contains "a mapped value is shown as the commune's word" "$out" "\"Cán bộ y tế thôn\" (1 rows) → Health worker (the commune's word)"
expect_contains "rows are shown as they will be stored" "$out" "10: Nguyễn Văn An | 1985 | Male | 0912345678"
expect_eq "the dry run wrote nothing" "$(C list members --format csv | wc -l)" 1

# --- the commune's words in cdtt.ini ------------------------------------------
printf '[aliases]\ncategory.Cán bộ y tế thôn = Y tế\n' >"$T/cdtt.ini"
out=$(C --config "$T/cdtt.ini" members import "$D/members-office.xls" 2>&1); rc=$?
expect_eq "an [aliases] entry maps the value" "$rc" 0
expect_contains "five members are new" "$out" "members new: 5"
list=$(C list members --format csv --full)
expect_contains "Excel's date under Nữ gives birth and gender" "$list" "Trần Thị Bình,female,1990-10-15,0987654321"
expect_contains "the number Excel stored gets its 0 back" "$list" "Lê Văn Cường,male,1978,0868111222"
expect_contains "the alias gave the category" "$list" "Hoàng Văn Em,male,1995,0356789012,,,health_worker"
out=$(C --config "$T/cdtt.ini" csv import members "$D/members-office.csv" 2>&1)
expect_contains "the CSV version of the list is the same members" "$out" "members new: 0, already there: 0 updated, 5 unchanged"
printf '[aliases]\ncategory.Cán bộ y tế thôn = Bác sĩ\n' >"$T/bad.ini"
out=$(C --config "$T/bad.ini" members import "$D/members-office.xls" 2>&1); rc=$?
expect_eq "an alias to no item is refused" "$rc" 1
expect_contains "the bad alias is located" "$out" "bad.ini:2: \"Bác sĩ\" is not an item of the category list"

# --- --unknown other, --sheet, --map mistakes ----------------------------------
out=$(C members import "$D/members-office.xls" --unknown other --dry-run 2>&1); rc=$?
expect_eq "--unknown other accepts the list" "$rc" 0
expect_contains "the unknown value is kept in the note" "$out" "Other | Thành phần: Cán bộ y tế thôn"
check_fails "a sheet that has no list" 1 C members import "$D/members-office.xls" --sheet 1
out=$(C members import "$D/members-office.xls" --sheet "danh sach" --unknown other --dry-run 2>&1)
expect_contains "--sheet by name, accents and case ignored" "$out" "sheet \"Danh sách\""
check_fails "--map to no item is wrong usage" 2 C members import "$D/members-office.xls" --map 'Thành phần:X=Bác sĩ'
check_fails "--map on a column without a list" 2 C members import "$D/members-office.xls" --map 'Họ và tên:X=Y'
check_fails "--encoding must be known" 1 C members import "$D/members-excel.csv" --encoding latin9

# --- other encodings ---------------------------------------------------------
E() { "$CDTT" --lang en --db "$T/e.db" "$@"; }
check "init another commune" E init --office 00004 --name "Phường Ba Đình"
out=$(E members import "$D/members-cp1258.csv" --dry-run 2>&1); rc=$?
expect_eq "a Windows-1258 CSV is read" "$rc" 0
expect_contains "the guess is said" "$out" "read as Windows-1258"
expect_contains "its letters come out right" "$out" "Nguyễn Văn An | 07/04/1985"
out=$(E members import "$D/members-utf16.txt" --encoding utf-16 --dry-run 2>&1)
expect_contains "a UTF-16 text file is read" "$out" "members new: 4"

# --- training lists ----------------------------------------------------------
printf 'BÁO CÁO KẾT QUẢ HỌC TẬP\r\n\r\nSTT,Họ và tên,Ngày sinh,Số điện thoại,Ngày hoàn thành\r\n1,NGUYỄN VĂN AN,,912345678,21/11/2022\r\n2,Trần Thị Bình,15/10/1990,,2022-11-22\r\n3,Người Lạ,1990,,22/11/2022\r\n\r\nNgười lập biểu\r\n' >"$T/mooc.csv"
out=$(C training mooc import "$T/mooc.csv" --dry-run 2>&1); rc=$?
expect_eq "a list with an unmatched row exits 1" "$rc" 1
expect_contains "the unmatched row is listed" "$out" "mooc.csv:6: Người Lạ: no member matches"
expect_contains "the dry run says so" "$out" "Dry run: nothing was written."
expect_not_contains "the dry run marked nobody" "$(C list members --format csv)" "2022-11-21"
out=$(C training mooc import "$T/mooc.csv" 2>&1)
expect_contains "the matched members are marked" "$out" "2 members changed"
expect_contains "Nguyễn Văn An completed on the list's date" "$(C list members --format csv)" "Nguyễn Văn An,male,1985,09******78,,,village_head,0,0,,completed,2022-11-21"
sid=$(C session add --date 20/11/2022)
out=$(C session attend "$sid" --from "$D/members-office.xls" --sheet 2 2>&1); rc=$?
expect_eq "an attendance sheet where everyone matches" "$rc" 0
expect_contains "five attendances recorded" "$out" "5 attendance records changed"
finish
