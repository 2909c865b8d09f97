#!/bin/sh
# edit.sh — changing records in tmux: a member's role in the team, then moving
# the member to another team (the old membership ends, in one transaction);
# an edit left without saving changes nothing.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/e.db
C() { "$CDTT" --db "$DB" "$@" >/dev/null 2>&1; }
C init --office 00004 --name "Phường Ba Đình"
C add team "Tổ Một" --level commune --yes
C add team "Tổ Hai" --level commune --yes
C add member "Vũ Thị Mai" --team "Tổ Một" --role member --phone 0912000111 --yes
row() { "$CDTT" --db "$DB" list members --format csv --full 2>&1 | grep "Vũ Thị Mai"; }
expect_contains "starts in Tổ Một as a member" "$(row)" "Tổ Một,member"

tm_start 80 24 --db "$DB"
tm_wait "Số thành viên: 1"
tm_type 3; tm_wait "Vũ Thị Mai"; tm_keys Enter
expect_screen "the member form shows the team" "Tổ Một"
# Down to the role (the 12th field), Left: deputy ("Tổ phó").
tm_keys Down Down Down Down Down Down Down Down Down Down Down Left
expect_screen "the role is picked with the arrows" "Tổ phó"
tm_keys F2
expect_screen "saved" "Đã lưu"
expect_contains "the new role is stored" "$(row)" "Tổ Một,deputy"

# Move to Tổ Hai (listed before Tổ Một): the team field is just above the role.
tm_keys Enter
tm_wait "Tổ phó"
tm_keys Down Down Down Down Down Down Down Down Down Down Left
expect_screen "another team is picked" "Tổ Hai"
tm_keys F2
expect_screen "saved again" "Đã lưu"
# "Đã lưu" may still show from the first save: wait (with a deadline) for the stored row.
i=0
while r=$(row) && case "$r" in *"Tổ Hai"*) false ;; *) [ $i -lt 200 ] ;; esac; do sleep 0.05; i=$((i + 1)); done
expect_contains "the member is now in Tổ Hai" "$r" "Tổ Hai"
expect_not_contains "and no longer in Tổ Một" "$r" "Tổ Một"

# Changing the phone then leaving without saving changes nothing.
tm_keys Enter
tm_wait "0912000111"
tm_keys Down Down Down End BSpace; tm_type 9
tm_keys Escape
expect_screen "leaving a changed form asks" "không lưu"
tm_type y
tm_wait "Vũ Thị Mai"
tm_keys C-q
expect_screen "quits" "[exit 0]"
expect_contains "the phone is unchanged" "$(row)" "0912000111"
check "the file is sound" "$CDTT" --db "$DB" check
finish
