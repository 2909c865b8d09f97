#!/bin/sh
# change-office.sh — the office can be changed from Settings (issue 16), at 80×24 and 60×16:
# F4 there opens the choice of commune; the confirmation says what a change means (the
# records become the new office's, a new key); "no" changes nothing; "yes" changes the office
# and renews the file's key, as `cdtt init --force` does.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/o.db
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
key() { "$CDTT" --db "$DB" keys show 2>&1; }
flat() { tm_screen | tr '\n' ' ' | tr -s ' '; }

for size in "80 24" "60 16"; do
    set -- $size
    at="at $1x$2"
    before=$(key)
    tm_start "$1" "$2" --db "$DB"
    tm_wait "Màn hình chính"
    tm_type 7
    tm_wait "Cài đặt"
    expect_screen "$at Settings offers to change the office" "Đơn vị"
    tm_keys C-n
    tm_wait "Tỉnh nào?"
    tm_type "ha noi"
    tm_wait "Thành phố Hà Nội"
    tm_keys Enter
    tm_wait "Xã nào?"
    tm_type "hoan kiem"
    tm_wait "Hoàn Kiếm"
    tm_keys Enter
    tm_wait "Hoàn Kiếm ("
    expect_contains "$at the confirmation says what a change means" "$(flat)" "khoá mới"
    tm_keys Enter
    tm_wait "(c = có"
    tm_keys k
    tm_wait "Không đổi gì"
    expect_eq "$at no: the key is unchanged" "$(key)" "$before"
    tm_keys Enter
    tm_wait "(c = có"
    tm_keys c
    expect_screen "$at yes: the file belongs to the new office" "Phường Hoàn Kiếm"
    if [ "$(key)" != "$before" ]; then ok "$at yes: the file has a new key"; else fail "$at yes: the file has a new key" "$(key)"; fi
    tm_stop
    "$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" --force >/dev/null 2>&1 || fail "back to Ba Đình" ""
done
finish
