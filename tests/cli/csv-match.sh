#!/bin/sh
# csv-match.sh — who a row of a member list is, through the real binary on
# files as Excel saves them (BOM, CRLF, quoted fields): names that differ in
# marks are different people, a shared phone merges no one, a row that could be
# two people or that disagrees with another row about the same person is
# refused, every replaced value is listed (old → new, in the chosen language,
# in a dry run too), a change of team is a move only with --move.
. "$(dirname "$0")/../lib.sh"

C() { "$CDTT" --db "$T/c.db" "$@"; }
# excel FILE: stdin → FILE with a BOM and CRLF line ends.
excel() { { printf '\357\273\277'; sed 's/$/\r/'; } >"$1"; }
# members: "name|birth|teams" per member, sorted, from the CLI's own listing.
members() { C list members --format csv | tail -n +2 | awk -F, '{print $2 "|" $4 "|" $15}' | sort; }

C init --office 00004 --name "Phường Ba Đình" >/dev/null

# --- names that differ only in marks ------------------------------------------
excel "$T/marks.csv" <<'EOF'
DANH SÁCH TỔ CÔNG NGHỆ SỐ,,,,
STT,Họ và tên,Ngày sinh,Tổ,Thôn/Tổ dân phố
1,Nguyễn Văn Ba,,Tổ CNSCĐ thôn Hà,Thôn Hà
2,Nguyễn Văn Bá,,Tổ CNSCĐ thôn Hà,Thôn Hà
3,Nguyễn Văn Bà,,Tổ CNSCĐ thôn Hà,Thôn Hà
4,Lê Thị Hoa,12/05/1988,Tổ CNSCĐ thôn Hà,Thôn Hà
5,Lê Thị Hòa,12/05/1988,"Tổ CNSCĐ thôn Hà",Thôn Hà
6,Đỗ Văn Hạ,,Tổ CNSCĐ thôn Hạ,Thôn Hạ
EOF
out=$(C csv import members "$T/marks.csv" 2>&1); rc=$?
expect_eq "Ba, Bá, Bà, Hoa, Hòa import" "$rc" 0
expect_contains "five people and one more are six members" "$out" "thành viên mới: 6; đã có: 0 được cập nhật, 0 không đổi"
expect_contains "Thôn Hà and Thôn Hạ are two villages" "$out" "thôn, tổ dân phố mới tạo: 2"
expect_eq "six members in the file" "$(members | wc -l | tr -d ' ')" 6
out=$(C csv import members "$T/marks.csv" 2>&1)
expect_contains "the same list again changes nothing" "$out" "thành viên mới: 0; đã có: 0 được cập nhật, 6 không đổi"

# --- father and son share the family phone --------------------------------------
excel "$T/family.csv" <<'EOF'
Họ và tên,Ngày sinh,Số điện thoại,Tổ
Lê Văn Cường,1980,0912000001,Tổ CNSCĐ xã
Lê Văn Cường,2005,0912 000 001,Tổ Thanh niên
EOF
out=$(C --lang en csv import members "$T/family.csv" 2>&1); rc=$?
expect_eq "father and son import" "$rc" 0
expect_contains "father and son are two members" "$out" "members new: 2, already there: 0 updated"
expect_contains "the shared number is mentioned" "$out" "family.csv:3: warning: Số điện thoại"
expect_contains "the father keeps his team" "$(members)" "Lê Văn Cường|1980|Tổ CNSCĐ xã"
expect_contains "the son keeps his" "$(members)" "Lê Văn Cường|2005|Tổ Thanh niên"

# --- two rows, one person, two phones -------------------------------------------
excel "$T/hoa.csv" <<'EOF'
Họ và tên,Ngày sinh,Số điện thoại,Tổ
Trần Thị Hoa,12/05/1988,0912000002,Tổ CNSCĐ xã
Trần Thị Hoa,12/05/1988,0912000003,Tổ CNSCĐ xã
EOF
out=$(C --lang en csv import members "$T/hoa.csv" 2>&1); rc=$?
expect_eq "two rows that disagree about one person are refused" "$rc" 1
expect_contains "the row is named with the other one and both numbers" "$out" \
    "hoa.csv:3: Trần Thị Hoa is the person of line 2 (the same name and birth date), but this row gives other values: Mobile phone 0912000002 → 0912000003"
expect_not_contains "nothing of that file was written" "$(members)" "Trần Thị Hoa"

# --- a third namesake without a birth date ----------------------------------------
excel "$T/nam.csv" <<'EOF'
Họ và tên,Ngày sinh,Tổ
Nguyễn Văn Nam,1980,Tổ CNSCĐ xã
Nguyễn Văn Nam,1990,Tổ Thanh niên
EOF
C csv import members "$T/nam.csv" >/dev/null 2>&1
excel "$T/nam3.csv" <<'EOF'
Họ và tên,Ngày sinh,Email,Tổ
Nguyễn Văn Nam,,nam@example.vn,Tổ CNSCĐ xã
EOF
out=$(C --lang en csv import members "$T/nam3.csv" 2>&1); rc=$?
expect_eq "a row that may be two namesakes is refused" "$rc" 1
expect_contains "both namesakes are named" "$out" \
    "2 members have the same name: Nguyễn Văn Nam (1980; Tổ CNSCĐ xã); Nguyễn Văn Nam (1990; Tổ Thanh niên)"
expect_eq "nobody got the e-mail" "$(C list members --format csv | grep -c nam@example.vn)" 0

# --- replaced values are listed --------------------------------------------------------
excel "$T/v1.csv" <<'EOF'
Họ và tên,Ngày sinh,Số điện thoại,Thành phần,Ghi chú,Tổ
Phạm Thị Dung,02/03/2001,0868111222,Giáo viên,"Trường tiểu học, điểm chính",Tổ CNSCĐ xã
EOF
C csv import members "$T/v1.csv" >/dev/null 2>&1
excel "$T/v2.csv" <<'EOF'
Họ và tên,Ngày sinh,Số điện thoại,Thành phần,Ghi chú,Tổ
PHẠM THỊ DUNG,02/03/2001,0868111333,Y tế,"Trạm y tế, xã",Tổ CNSCĐ xã
EOF
out=$(C csv import members --dry-run "$T/v2.csv" 2>&1); rc=$?
expect_eq "a dry run with changes succeeds" "$rc" 0
expect_contains "the dry run lists what it would replace" "$out" "Giá trị đã lưu mà danh sách sẽ thay (cũ → mới):"
expect_contains "with Vietnamese labels, old → new" "$out" \
    "v2.csv:2: Phạm Thị Dung: Điện thoại di động 0868111222 → 0868111333; Thành phần Giáo viên → Y tế; Ghi chú Trường tiểu học, điểm chính → Trạm y tế, xã"
expect_contains "the dry run wrote nothing" "$(C list members --format csv --full)" "0868111222"
out=$(C --lang en csv import members "$T/v2.csv" 2>&1)
expect_contains "the import lists what it replaced, in English with --lang en" "$out" \
    "Phạm Thị Dung: Mobile phone 0868111222 → 0868111333; Category Teacher → Health worker"
expect_contains "the stored spelling of the name stays" "$(members)" "Phạm Thị Dung|2001-03-02|"
out=$(C csv import members "$T/v2.csv" 2>&1)
expect_not_contains "nothing more to replace the second time" "$out" "cũ → mới"

# --- moves ------------------------------------------------------------------------------
excel "$T/m1.csv" <<'EOF'
Họ và tên,Ngày sinh,Tổ,Thôn/Tổ dân phố
Hoàng Văn Em,1995,Tổ CNSCĐ thôn Đông,Thôn Đông
Vũ Thị Giang,1999,Tổ CNSCĐ thôn Đông,Thôn Đông
EOF
C csv import members "$T/m1.csv" >/dev/null 2>&1
excel "$T/m2.csv" <<'EOF'
Họ và tên,Ngày sinh,Tổ,Thôn/Tổ dân phố
Hoàng Văn Em,1995,Tổ CNSCĐ thôn Đông,Thôn Đông
Vũ Thị Giang,1999,Tổ CNSCĐ thôn Tây,Thôn Tây
EOF
out=$(C --lang en csv import members "$T/m2.csv" 2>&1); rc=$?
expect_eq "a list with another team imports" "$rc" 0
expect_contains "the other team is reported" "$out" \
    "m2.csv:3: warning: Vũ Thị Giang is in Tổ CNSCĐ thôn Đông, not in Tổ CNSCĐ thôn Tây"
expect_contains "and counted" "$out" "in another team on the list, not moved: 1 (import with --move to move them)"
expect_contains "Giang stays where she was" "$(members)" "Vũ Thị Giang|1999|Tổ CNSCĐ thôn Đông"
out=$(C --lang en csv import members --move --dry-run "$T/m2.csv" 2>&1)
expect_contains "a dry run with --move tells the move" "$out" "Vũ Thị Giang: Team Tổ CNSCĐ thôn Đông → Tổ CNSCĐ thôn Tây"
expect_contains "and makes none" "$(members)" "Vũ Thị Giang|1999|Tổ CNSCĐ thôn Đông"
out=$(C csv import members --move "$T/m2.csv" 2>&1); rc=$?
expect_eq "--move imports" "$rc" 0
expect_contains "the move is counted" "$out" "chuyển sang tổ khác: 1"
expect_contains "the move is listed in Vietnamese" "$out" "Vũ Thị Giang: Tổ Tổ CNSCĐ thôn Đông → Tổ CNSCĐ thôn Tây"
expect_contains "Giang is in her new team only" "$(members)" "Vũ Thị Giang|1999|Tổ CNSCĐ thôn Tây"
if command -v sqlite3 >/dev/null 2>&1; then
    expect_eq "her old membership ended, kept in the history" \
        "$(sqlite3 "$T/c.db" "SELECT count(*) FROM membership ms JOIN member m ON m.uuid = ms.member_uuid WHERE m.full_name = 'Vũ Thị Giang' AND ms.date_to IS NOT NULL AND ms.deleted = 0")" 1
else
    skip "her old membership ended, kept in the history" "sqlite3 is not installed"
fi

# --- nothing invented, nothing dropped --------------------------------------------------
excel "$T/consent.csv" <<'EOF'
Họ và tên,Đồng ý,Ngày đồng ý,Học trực tuyến,Ngày hoàn thành MOOC,Tổ
Bùi Văn Hải,Có,,Đang học,01/10/2022,Tổ CNSCĐ xã
EOF
out=$(C --lang en csv import members "$T/consent.csv" 2>&1)
expect_contains "consent without a date is a warning" "$out" "consent.csv:2: warning: Đồng ý: consent is given without a date"
C csv export members -o "$T/out.csv" --full >/dev/null
hai=$(grep 'Bùi Văn Hải' "$T/out.csv")
expect_contains "no consent date was invented, the MOOC date of a course in progress is exported" "$hai" \
    ",Đang học,01/10/2022,,Có,,"

finish
