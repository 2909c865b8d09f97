#!/bin/sh
# changed.sh — no lost updates: with a member's form open, `cdtt csv import
# members` sets the member's e-mail and note; F2 in the form then asks what to
# keep (field by field: stored and yours) instead of writing the form's copy
# over the import. Each answer once, on its own member: 1 keeps the form's
# values, 2 takes the stored ones (nothing saved), 3 merges (stored values,
# the form's where it was edited). The results are read through the CLI.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/c.db
C() { "$CDTT" --db "$DB" "$@"; }
C init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1
C add team "Tổ Một" --level commune --yes >/dev/null 2>&1
C add member "Vũ Thị Mai" --team "Tổ Một" --birth 12/03/1985 --phone 0912000111 --consent --yes >/dev/null 2>&1
C add member "Lê Văn Nam" --team "Tổ Một" --birth 02/09/1990 --phone 0912000222 --consent --yes >/dev/null 2>&1
C add member "Trần Thị Hoa" --team "Tổ Một" --birth 20/11/1979 --phone 0912000333 --consent --yes >/dev/null 2>&1

# The member's row of `csv export members` (e-mail and note included): name,
# birth, gender, phone, CCCD, e-mail, team, area, role, category, youth
# union, MOOC, Zalo OA, consent, consent date, note.
row() {
    C csv export members -o "$T/out.csv" --full --force >/dev/null 2>&1
    grep "^$1," "$T/out.csv" | tr -d '\r'
}
# A member list from Excel giving the member ($1, born $2) an e-mail and a note.
import_email_note() {
    printf 'Họ và tên,Ngày sinh,Tổ,Email,Ghi chú\r\n%s,%s,Tổ Một,%s,%s\r\n' "$1" "$2" "$3" "$4" >"$T/in.csv"
    C csv import members "$T/in.csv" >"$T/import.out" 2>&1
}
# Waits for $2 on the screen; a wait that times out fails the test ($1).
# The member's row once it holds $2: "Đã lưu" may still show from an earlier
# save, so the stored row is polled (10 s deadline; the row as it is then).
row_with() {
    i=0
    while r=$(row "$1") && case "$r" in *"$2"*) false ;; *) [ $i -lt 200 ] ;; esac; do
        sleep 0.05; i=$((i + 1))
    done
    printf '%s\n' "$r"
}
need() {
    if tm_wait "$2"; then ok "$1"; else fail "$1" "screen never showed: $2" "$(tm_screen | sed 's/^/|/')"; fi
}
# Back in the member list after a form: Esc clears the search typed before.
list_again() {
    need "back in the member list" "Họ và tên"
    tm_keys Escape
    need "the whole list is shown again" "Trần Thị Hoa"
}
# Opens the member named $1 from the member list: typing searches, one Enter
# opens the member found.
open_member() {
    tm_type "$1"
    need "the search finds $1" "$1"
    tm_keys Enter
    need "the form of $1 opens" "Thư điện tử"
}
# The phone is the 4th field: three Downs from the name, then retype its last digit.
edit_phone() {
    tm_keys Down Down Down End BSpace
    tm_type "$1"
}

tm_start 80 24 --db "$DB"
need "home shows the three members" "Số thành viên: 3"
tm_type 3
need "the member list" "Vũ Thị Mai"

# ---- 1: keep mine -------------------------------------------------------------
open_member "Vũ Thị Mai"
edit_phone 9
check "csv import sets Mai's e-mail and note meanwhile" import_email_note "Vũ Thị Mai" 12/03/1985 \
    mai@example.com "từ danh sách Excel"
expect_contains "the import stored the e-mail" "$(row "Vũ Thị Mai")" "mai@example.com"
tm_keys F2
need "F2 asks what to keep instead of saving" "đã bị thay đổi trong tệp"
s=$(tm_screen)
expect_contains "the e-mail is listed by its label" "$s" "Thư điện tử"
expect_contains "with the stored value" "$s" "mai@example.com"
expect_contains "the note is listed too" "$s" "từ danh sách Excel"
expect_contains "the three answers are offered" "$s" "3  Gộp: giá trị đã lưu"
expect_not_contains "the question lists only what changed in the file" "$s" "Điện thoại"
r=$(row "Vũ Thị Mai")
expect_contains "nothing is written while the question is open" "$r" "0912000111"
tm_type 1
need "1 keeps the form's version and saves it" "Đã lưu"
r=$(row_with "Vũ Thị Mai" "0912000119")
expect_contains "kept: the form's phone" "$r" "0912000119"
expect_not_contains "kept: the form's (empty) e-mail over the import's" "$r" "mai@example.com"
expect_not_contains "kept: the form's (empty) note over the import's" "$r" "từ danh sách Excel"

# ---- 2: take the stored version ---------------------------------------------------
list_again
open_member "Lê Văn Nam"
edit_phone 8
check "csv import sets Nam's e-mail and note meanwhile" import_email_note "Lê Văn Nam" 02/09/1990 \
    nam@example.com "đã tập huấn"
tm_keys F2
need "F2 asks again for Nam" "đã bị thay đổi trong tệp"
tm_type 2
need "2 shows the stored version in the form" "nam@example.com"
need "and says nothing was saved" "không được lưu"
r=$(row "Lê Văn Nam")
expect_contains "taken: the import's e-mail" "$r" "nam@example.com"
expect_contains "taken: the import's note" "$r" "đã tập huấn"
expect_contains "taken: the stored phone, the form's edit dropped" "$r" "0912000222"
tm_keys Escape
need "the form is left without a question (nothing unsaved)" "Họ và tên"
expect_not_contains "no 'leave without saving' question" "$(tm_screen)" "không lưu"

# ---- 3: merge ----------------------------------------------------------------------
list_again
open_member "Trần Thị Hoa"
edit_phone 7
tm_keys Down Down Down Down Down Down Down Down Down Down Down Down
tm_type "gọi lại sau"
check "csv import sets Hoa's e-mail and note meanwhile" import_email_note "Trần Thị Hoa" 20/11/1979 \
    hoa@example.com "từ danh sách Excel"
tm_keys F2
need "F2 asks for Hoa" "đã bị thay đổi trong tệp"
s=$(tm_screen)
expect_contains "the note the form edited is marked" "$s" "* Ghi chú"
tm_type 3
need "3 merges and saves" "Đã lưu"
r=$(row_with "Trần Thị Hoa" "0912000337")
expect_contains "merged: the import's e-mail (a field the form did not touch)" "$r" "hoa@example.com"
expect_contains "merged: the form's phone" "$r" "0912000337"
expect_contains "merged: the form's note (edited in both: the form's edit kept)" "$r" "gọi lại sau"
expect_not_contains "merged: not the import's note" "$r" "từ danh sách Excel"

# ---- Esc on the question saves nothing; F2 asks again ---------------------------
list_again
open_member "Trần Thị Hoa"
edit_phone 6
check "another import changes Hoa's e-mail" import_email_note "Trần Thị Hoa" 20/11/1979 \
    hoa2@example.com "gọi lại sau"
tm_keys F2
need "F2 asks" "đã bị thay đổi trong tệp"
tm_keys Escape
need "Esc goes back to the form, saying nothing was saved" "Chưa lưu gì"
expect_contains "nothing was written" "$(row "Trần Thị Hoa")" "0912000337"
tm_keys F2
need "F2 asks again" "đã bị thay đổi trong tệp"
tm_type 3
need "merged and saved" "Đã lưu"
r=$(row_with "Trần Thị Hoa" "0912000336")
expect_contains "the second import's e-mail is kept" "$r" "hoa2@example.com"
expect_contains "the form's phone is saved" "$r" "0912000336"

# ---- an unchanged record saves at once, as before -------------------------------
list_again
open_member "Lê Văn Nam"
edit_phone 5
tm_keys F2
need "an unchanged record saves without a question" "Đã lưu"
expect_contains "the phone is saved" "$(row_with "Lê Văn Nam" "0912000225")" "0912000225"

tm_keys C-q
need "quits" "[exit 0]"
check "the file is sound" "$CDTT" --db "$DB" check
finish
