#!/bin/sh
# tui-session-attend.sh — a session's attendance from an Excel list, in the
# full-screen program: Training → Training sessions, F2 on the session opens a
# file picker, the chosen .xls list (tests/data/members-office.xls: its second
# sheet, under title rows) is checked without writing (2 rows matched by
# phone, 3 listed as not matched), then F2 marks the two members present;
# checked through the CLI (the session's attendee count) and the file.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"
mkdir "$T/w" "$T/out" && cd "$T/w" || exit 1
C() { "$CDTT" --db a.db "$@"; }
C init --office 00004 --name "Xã Yên Hòa" >/dev/null 2>&1
C add member "Nguyễn Văn An" --phone 0912345678 --yes >/dev/null 2>&1
C add member "Trần Thị Bình" --phone 0987654321 --yes >/dev/null 2>&1
C add member "Lê Thị Hoa" --phone 0977000111 --yes >/dev/null 2>&1
sid=$(C session add --date 20/11/2022 --topic "Kỹ năng số" --organiser "UBND xã" 2>/dev/null)
cp "$ROOT/tests/data/members-office.xls" diem-danh.xls
# attendees: the session's number of attendees, as the CLI exports it.
attendees() {
    C --lang en csv export sessions -o "$T/out/sessions.csv" --force >/dev/null 2>&1 &&
        sed -n 's/^20\/11\/2022,[^,]*,UBND xã,Kỹ năng số,\([0-9]*\),.*/\1/p' "$T/out/sessions.csv"
}
expect_eq "no one attended yet" "$(attendees)" 0

tm_start 80 24 --db a.db
expect_screen "home" "Số thành viên: 3"
tm_type 4
tm_wait "Các buổi tập huấn (điểm danh)"
tm_type 5
expect_screen "the sessions list" "Kỹ năng số"
expect_contains "F2 offered for an Excel list" "$(tm_screen)" "F2/^S Danh sách Excel"
tm_keys F2
expect_screen "the picker lists the .xls file" "diem-danh.xls"
tm_keys End
tm_wait ">diem-danh.xls"
tm_keys Enter
expect_screen "the check counts the matched rows" "Khớp một thành viên, sẽ được đánh dấu: 2"
scr=$(tm_screen)
expect_contains "read from the list's sheet" "$scr" "Danh sách"
expect_contains "three rows not matched" "$scr" "Không khớp hoặc không rõ: 3"
expect_contains "an unknown row with its place" "$scr" "diem-danh.xls:12: Lê Văn Cường"
expect_contains "F2 offered" "$scr" "F2/^S Đánh dấu"
expect_eq "the check wrote nothing" "$(attendees)" 0
tm_keys F2
expect_screen "marking asks first" "Đánh dấu các thành viên đã khớp ngay bây giờ?"
tm_type c
expect_screen "the members are marked" "Đã đánh dấu 2 thành viên từ danh sách."
tm_keys C-q
expect_screen "quits" "[exit 0]"

expect_eq "two members attended the session" "$(attendees)" 2
if command -v sqlite3 >/dev/null 2>&1; then
    who=$(sqlite3 a.db "SELECT group_concat(m.full_name, ',') FROM (SELECT m.full_name FROM attendance a
                        JOIN member m ON m.uuid = a.member_uuid WHERE a.session_uuid = '$sid' AND a.deleted = 0
                        ORDER BY m.full_name) m")
    expect_eq "the two matched by phone, not the third member" "$who" "Nguyễn Văn An,Trần Thị Bình"
else
    skip "who attended" "the sqlite3 shell is not installed"
fi
finish
