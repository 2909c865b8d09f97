#!/bin/sh
# words.sh — every message in the chosen language and one spelling (issue 16), at 80×24 and
# 60×16: after switching the language in Settings the screen below (Home) has its title in
# the new language too; the Vietnamese messages use one tone placement (xoá, not xóa).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/w.db
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
"$CDTT" --db "$DB" add area "Thôn Một" --yes >/dev/null 2>&1 || fail "add area" ""

for size in "80 24" "60 16"; do
    set -- $size
    at="at $1x$2"
    tm_start "$1" "$2" --db "$DB"
    tm_wait "Màn hình chính"
    tm_type 1
    tm_wait "Thôn Một"
    tm_keys C-d
    expect_screen "$at the delete question is spelled xoá" "Xoá «Thôn Một»?"
    tm_keys n
    tm_keys F10
    tm_wait "Màn hình chính"
    tm_type 7
    tm_wait "Cài đặt"
    tm_keys Right
    expect_screen "$at Settings switches to English at once" "Settings"
    tm_keys F10
    tm_wait "(y = yes"
    tm_keys y
    expect_screen "$at the home screen below has its title in English too" "· Home"
    expect_not_contains "$at ... not the Vietnamese one" "$(tm_screen)" "Màn hình chính"
    tm_stop
done
finish
