#!/bin/sh
# tui-training-list.sh — the MOOC platform's list of who finished the course,
# read in the full-screen program: from the Training menu a file picker, then
# a check that writes nothing (1 row matched by phone, the unknown row listed
# with its reason), then F2 marks the matched member; checked through the CLI
# that only that member changed.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"
mkdir "$T/w" && cd "$T/w" || exit 1
C() { "$CDTT" --db a.db "$@" >/dev/null 2>&1; }
C init --office 00004 --name "Xã Ba Đình"
C add member "Nguyễn Văn Hải" --phone 0912345678 --yes
C add member "Lê Thị Hoa" --phone 0987654321 --yes
printf 'Họ và tên,Số điện thoại,Ngày hoàn thành\r\nNGUYEN VAN HAI,912345678,21/11/2022\r\nNgười Lạ,0900000000,22/11/2022\r\n' >mooc.csv
members() { "$CDTT" --db a.db --lang en list members --format csv 2>/dev/null; }
before=$(members)

tm_start 80 24 --db a.db
expect_screen "home" "Số thành viên: 2"
tm_type 4
tm_wait "Nhập danh sách hoàn thành MOOC từ Excel"
tm_type 7
expect_screen "the picker lists the CSV file" "mooc.csv"
tm_keys End
tm_wait ">mooc.csv"
tm_keys Enter
expect_screen "the check counts the matched row" "Khớp một thành viên, sẽ được đánh dấu: 1"
scr=$(tm_screen)
expect_contains "one row not matched" "$scr" "Không khớp hoặc không rõ: 1"
expect_contains "the unknown row with its reason" "$scr" "mooc.csv:3: Người Lạ:"
expect_contains "F2 offered" "$scr" "F2/^S Đánh dấu"
expect_eq "the check wrote nothing" "$(members)" "$before"
tm_keys F2
expect_screen "marking asks first" "Đánh dấu các thành viên đã khớp ngay bây giờ?"
tm_type c
expect_screen "the member is marked" "Đã đánh dấu 1 thành viên từ danh sách."
tm_keys C-q
expect_screen "quits" "[exit 0]"

after=$(members)
expect_contains "the matched member completed the course" "$(echo "$after" | grep "Nguyễn Văn Hải")" "completed"
expect_eq "the other member is unchanged" "$(echo "$after" | grep "Lê Thị Hoa")" "$(echo "$before" | grep "Lê Thị Hoa")"
expect_eq "no member added" "$(echo "$after" | wc -l)" "$(echo "$before" | wc -l)"
expect_eq "only the matched member's line changed" \
    "$(echo "$after" | grep -v "Nguyễn Văn Hải")" "$(echo "$before" | grep -v "Nguyễn Văn Hải")"
finish
