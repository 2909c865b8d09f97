#!/bin/sh
# search-words.sh — searching members as an official does (issue 16), at 80×24 and 60×16:
# digits find a member by phone or CCCD number; a search that finds nothing says so (not
# "nothing here yet, F4 adds one"); the deleted view under a search says that no deleted
# record matches; one Enter opens the member found; the list shows each member's role.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/s.db
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
"$CDTT" --db "$DB" add team "Tổ CNSCĐ số 1" --level commune --yes >/dev/null 2>&1 || fail "add team" ""
"$CDTT" --db "$DB" add member "Lê Thị Hoa" --phone 0912345678 --consent --team "Tổ CNSCĐ số 1" --role leader --yes >/dev/null 2>&1 || fail "add member" ""
"$CDTT" --db "$DB" add member "Phạm Văn Bình" --cccd 001085012345 --birth 1985 --gender male --yes >/dev/null 2>&1 || fail "add member 2" ""

for size in "80 24" "60 16"; do
    set -- $size
    at="at $1x$2"
    tm_start "$1" "$2" --db "$DB"
    tm_wait "Số địa bàn"
    tm_type 3
    tm_wait "Tìm:"
    expect_screen "$at the member list has a role column" "Vai trò"
    expect_screen "$at ... with the member's role" "Tổ trưởng"
    tm_type "0912"
    tm_wait_gone "Phạm Văn Bình"
    expect_screen "$at phone digits find the member, and only her" "Lê Thị Hoa"
    tm_keys Escape
    tm_wait "Phạm Văn Bình"
    tm_type "012345"
    tm_wait_gone "Lê Thị Hoa"
    expect_screen "$at CCCD digits find the member, and only him" "Phạm Văn Bình"
    tm_keys Escape
    tm_wait "Lê Thị Hoa"
    tm_type "xyzzy"
    expect_screen "$at a search that finds nothing says so" "Không tìm thấy «xyzzy»"
    expect_not_contains "$at ... not that the list is empty" "$(tm_screen)" "Chưa có gì"
    tm_keys F7
    expect_screen "$at the deleted view under a search says no deleted record matches" "Không có bản ghi đã xoá nào khớp «xyzzy»"
    tm_keys F7
    tm_wait "Không tìm thấy"
    tm_keys Escape
    tm_wait "Lê Thị Hoa"
    tm_type "hoa"
    tm_wait "Lê Thị Hoa"
    tm_keys Enter
    expect_screen "$at one Enter opens the member found" "Họ và tên"
    tm_stop
done
finish
