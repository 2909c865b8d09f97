#!/bin/sh
# exchange-package.sh — the exchange screens in tmux: a commune exports a
# package from the screen (default name, overwrite asked), a province imports
# it from the file picker and sees the summary; the data arrives (cdtt list,
# cdtt report --by commune); a tampered package shows the reason and changes
# nothing; a conflict made with the CLI is resolved from the screen, another
# field by field; a re-built commune file is replaced after a question.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"
umask 077
command -v sqlite3 >/dev/null 2>&1 && command -v zstd >/dev/null 2>&1 ||
    { skip "exchange e2e" "the sqlite3 shell or the zstd tool is missing"; finish; }

mkdir "$T/w" && cd "$T/w" || exit 1
cat >units.csv <<'CSV'
Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp
Thành phố Hà Nội,01,Phường Ba Đình,00004,Phường
Thành phố Hà Nội,01,Phường Ngọc Hà,00008,Phường
CSV
C() { "$CDTT" "$@" >/dev/null 2>&1; }
for f in a.db p.db; do C --db $f units import units.csv; done
C --db a.db init --office 00004
C --db p.db init --office 01
C --db a.db add team "Tổ CNS phường" --level commune --yes
C --db a.db add member "Nguyễn Thị Lan" --team "Tổ CNS phường" --role leader --yes
C --db a.db add member "Trần Văn Bình" --team "Tổ CNS phường" --yes
today=$(date +%Y-%m-%d)

# --- the commune exports from the screen ---
tm_start 80 24 --db a.db
expect_screen "commune home shows its counts" "Số thành viên: 2"
tm_type 6
expect_screen "the exchange menu opens" "Xuất gói dữ liệu gửi cấp trên"
scr=$(tm_screen)
expect_not_contains "a commune is not offered package import" "$scr" "Nhập các gói"
tm_keys Enter
expect_screen "the export form proposes a name" "cdtt-00004-$today.cdtt"
tm_keys F2
expect_screen "the package is written" "Đã ghi gói dữ liệu"
[ -f "cdtt-00004-$today.cdtt" ] && ok "the file is in the current folder" || fail "the file is in the current folder" "$(ls)"
expect_eq "the package is mode 0600" "$(stat -c %a "cdtt-00004-$today.cdtt")" 600
tm_keys Enter
expect_screen "the form opens again" "cdtt-00004-$today.cdtt"
tm_keys F2
expect_screen "replacing asks first" "Thay thế"
tm_type n
expect_screen "declined: nothing written (said, not as an error)" "Chưa ghi gì"
expect_eq "the package is compressed" "$(head -c 14 "cdtt-00004-$today.cdtt")" "cdtt-package-2"
cp "cdtt-00004-$today.cdtt" packed.keep
tm_keys Tab Tab
expect_screen "the form offers the older format" "Cho cdtt phiên bản cũ"
tm_keys Right
tm_poll_line "Cho cdtt phiên bản cũ" "Có" || fail "the older format chosen" "$(tm_screen)"
tm_keys F2
expect_screen "replacing asks first again" "Thay thế"
tm_type y
expect_screen "the plain package is written" "Đã ghi gói dữ liệu"
expect_eq "for an older cdtt: one SQLite file" "$(head -c 15 "cdtt-00004-$today.cdtt")" "SQLite format 3"
mv packed.keep "cdtt-00004-$today.cdtt"
tm_keys Escape
tm_keys C-q
expect_screen "quits" "[exit 0]"
mv "cdtt-00004-$today.cdtt" a1.cdtt

# --- the province imports it with the picker ---
tm_start 80 24 --db p.db
expect_screen "a province's home counts communes reporting" "Xã đã gửi dữ liệu: 0 / 2"
tm_type 6
expect_screen "the province's exchange menu" "Nhập các gói"
tm_keys Enter
expect_screen "the picker lists the package" "a1.cdtt"
scr=$(tm_screen)
expect_not_contains "the picker lists only packages" "$scr" "units.csv"
tm_keys Down
tm_poll ">[ ] a1.cdtt" || fail "a1.cdtt selected" "$(tm_screen)"
tm_keys F2
expect_screen "the summary shows the counts" "mới 5, cập nhật 0, không đổi 0"
scr=$(tm_screen)
expect_contains "the summary names the source" "$scr" "Phường Ba Đình"
tm_keys Escape Escape
tm_wait "Tình hình gửi dữ liệu"
tm_type 3
expect_screen "completeness lists every commune" "Phường Ngọc Hà"
scr=$(tm_screen)
expect_contains "completeness counts who sent" "$scr" "2 xã: 1 xã đã gửi gói dữ liệu, 1 xã chưa gửi gì."
expect_contains "the silent commune is marked" "$(tm_screen | grep 'Ngọc Hà')" "chưa gửi gì"
expect_contains "the commune that sent shows its members" "$(tm_screen | grep 'Ba Đình')" " 2"
tm_keys F5
expect_screen "F5 keeps those that sent nothing" "[chỉ các xã chưa gửi gì]"
tm_wait_gone "00004"
expect_not_contains "the one that sent is filtered out" "$(tm_screen)" "00004"
tm_keys F5
tm_type "ba dinh"
tm_wait_gone "Ngọc Hà"
expect_contains "the search finds Ba Đình" "$(tm_screen)" "00004"
tm_keys Escape Escape Escape
expect_screen "the home screen counts the commune" "Xã đã gửi dữ liệu: 1 / 2"
tm_keys C-q
tm_wait "[exit 0]"
out=$("$CDTT" --db p.db list members 2>&1)
expect_contains "the members arrived" "$out" "Nguyễn Thị Lan"
out=$("$CDTT" --db p.db --lang en report --by commune 2>&1)
expect_contains "the report by commune shows the commune" "$out" "Ba Đình"

# --- a tampered package is refused with its reason and changes nothing ---
# As a forger would: the SQLite file taken out, edited, compressed again under the same header.
unpack_package a1.cdtt t.db || fail "a1.cdtt unpacks"
sqlite3 t.db "UPDATE member SET full_name = 'Kẻ Giả Mạo' WHERE full_name = 'Trần Văn Bình'"
{ head -c 512 a1.cdtt; zstd -q -c t.db; } >t.cdtt
before=$(sqlite3 p.db .dump | sha256sum)
tm_start 80 24 --db p.db
tm_wait "Xã đã gửi dữ liệu"
tm_type 6
tm_wait "Nhập các gói"
tm_keys Enter
tm_wait "t.cdtt"
tm_keys End
tm_poll ">[ ] t.cdtt" || fail "t.cdtt selected" "$(tm_screen)"
tm_keys Enter
expect_screen "the refusal is shown" "BỊ TỪ CHỐI"
scr=$(tm_screen)
expect_contains "with the reason" "$scr" "SHA-256"
expect_contains "and that nothing changed" "$scr" "Tệp này không làm thay đổi gì."
tm_keys C-q
tm_wait "[exit 0]"
expect_eq "the province's data is exactly as it was" "$(sqlite3 p.db .dump | sha256sum)" "$before"

# --- two packages checked in the picker and imported at once (one again) ---
C --db b.db units import units.csv
C --db b.db init --office 00008
C --db b.db add team "Tổ CNS Ngọc Hà" --level commune --yes
C --db b.db add member "Lê Thị Hoa" --team "Tổ CNS Ngọc Hà" --yes
C --db b.db export -o b1.cdtt
tm_start 80 24 --db p.db
tm_wait "Xã đã gửi dữ liệu"
tm_type 6
tm_wait "Nhập các gói"
tm_keys Enter
tm_wait "b1.cdtt"
tm_keys Down
tm_poll ">[ ] a1.cdtt" || fail "a1.cdtt selected" "$(tm_screen)"
tm_keys Space Down
tm_poll ">[ ] b1.cdtt" || fail "b1.cdtt selected" "$(tm_screen)"
tm_keys Space
expect_screen "both files are checked" "[x] b1.cdtt"
tm_keys F2
expect_screen "the total covers both files" "Tổng cộng: mới 3, cập nhật 0, không đổi 5"
scr=$(tm_screen)
expect_contains "the file imported again changes nothing" "$scr" "a1.cdtt: mới 0, cập nhật 0, không đổi 5"
expect_contains "the second commune's file is new" "$scr" "b1.cdtt: mới 3"
tm_keys C-q
tm_wait "[exit 0]"
out=$("$CDTT" --db p.db --lang en report --by commune 2>&1)
expect_contains "the report shows the second commune" "$out" "Ngọc Hà"
expect_eq "each member once" "$("$CDTT" --db p.db list members --format csv 2>/dev/null | tail -n +2 | grep -c .)" 3

# --- a conflict made with the CLI, resolved from the screen ---
sqlite3 p.db "UPDATE member SET full_name = 'Lan (tỉnh sửa)', updated_at = '2030-01-01T00:00:00.000Z',
          changed_by = '2025-07:01' WHERE full_name = 'Nguyễn Thị Lan'"
sqlite3 a.db "UPDATE member SET full_name = 'Lan (phường sửa)', updated_at = '2030-01-02T00:00:00.000Z'
          WHERE full_name = 'Nguyễn Thị Lan'"
C --db a.db export -o a2.cdtt
out=$("$CDTT" --db p.db --lang en import a2.cdtt 2>&1)
expect_contains "the CLI import finds the conflict" "$out" "conflicts 1"
tm_start 80 24 --db p.db
tm_wait "Xã đã gửi dữ liệu"
tm_type 6
expect_screen "the menu counts the open conflict" "Xung đột (1)"
tm_type 2
expect_screen "the conflict is listed" "Lan (tỉnh sửa)"
tm_keys F2
expect_screen "F2 in the list asks before keeping mine" "Giữ bản của đơn vị mình cho"
tm_type n
tm_wait_gone "Giữ bản của đơn vị mình cho"
expect_eq "declined: the conflict stays open" "$(sqlite3 p.db 'SELECT count(*) FROM conflict WHERE resolution IS NULL OR resolution = ""')" 1
tm_keys Enter
expect_screen "both versions side by side" "Lan (phường sửa)"
expect_contains "the differing field is marked, by its label" "$(tm_screen | grep 'Họ và tên')" "*"
tm_keys F4
expect_screen "resolving from the versions asks first" "Lấy bản gửi lên cho"
tm_type c
expect_screen "resolved from the screen" "Không có xung đột nào cần xử lý."
tm_keys C-q
tm_wait "[exit 0]"
expect_contains "the CLI sees no open conflict" "$("$CDTT" --db p.db --lang en conflicts 2>&1)" "No open conflicts."
out=$("$CDTT" --db p.db list members 2>&1)
expect_contains "the incoming version was taken" "$out" "Lan (phường sửa)"

# --- a conflict settled field by field on the screen ---
sqlite3 p.db "UPDATE member SET full_name = 'Bình (tỉnh sửa)', changed_by = '2025-07:01'
          WHERE full_name = 'Trần Văn Bình'"
sqlite3 a.db "UPDATE member SET full_name = 'Bình (phường sửa)', note = 'chuyển tổ' WHERE full_name = 'Trần Văn Bình'"
C --db a.db export -o a3.cdtt
out=$("$CDTT" --db p.db --lang en import a3.cdtt 2>&1)
expect_contains "the CLI import finds the second conflict" "$out" "conflicts 1"
tm_start 80 24 --db p.db
tm_wait "Xã đã gửi dữ liệu"
tm_type 6
tm_type 2
expect_screen "the list names the commune" "Phường Ba Đình"
tm_keys Enter
expect_screen "the fields by label" "Ghi chú"
expect_screen "the title names the record and the commune" "Bình (tỉnh sửa), từ Phường Ba Đình"
tm_keys Down
tm_type ' '
expect_line "Space chose the note from below" "Ghi chú" "→"
tm_keys F2
expect_screen "applying asks first" "1 trường lấy từ cấp dưới"
tm_type c
expect_screen "settled" "Không có xung đột nào cần xử lý."
tm_keys C-q
tm_wait "[exit 0]"
expect_eq "this office's name, the note from below" \
    "$(sqlite3 p.db "SELECT full_name || ' / ' || note FROM member WHERE full_name LIKE 'Bình%'")" \
    "Bình (tỉnh sửa) / chuyển tổ"

# --- a package of the commune's file built again: the screen asks before replacing ---
C --db r.db units import units.csv
C --db r.db init --office 00004
C --db r.db add member "Phạm Văn Mới" --yes
C --db r.db export -o zz-rebuilt.cdtt
tm_start 80 24 --db p.db
tm_wait "Xã đã gửi dữ liệu"
tm_type 6
tm_wait "Nhập các gói"
tm_keys Enter
tm_wait "zz-rebuilt.cdtt"
tm_keys End
tm_wait ">[ ] zz-rebuilt.cdtt" || fail "zz-rebuilt.cdtt selected" "$(tm_screen)"
tm_keys Enter
expect_screen "a package of the re-built file (a new key) asks before replacing, showing the fingerprint" "dấu vân tay"
tm_type c
expect_screen "replaced" "đã được thay bằng nội dung của gói"
tm_keys C-q
tm_wait "[exit 0]"
expect_eq "the commune's members are the new file's" \
    "$(sqlite3 p.db "SELECT group_concat(full_name) FROM member WHERE unit_code = '00004' AND deleted = 0")" "Phạm Văn Mới"
finish
