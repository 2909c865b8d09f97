#!/bin/sh
# paste.sh — pasted text never runs a command and is never cut silently (issue 16), at
# 80×24 and 60×16: an escape sequence inside typed-in text is dropped whole (no letters
# eaten), a BEL between letters does not open Help, Ctrl-Space (NUL) does not open Help,
# a bracketed paste arrives as one piece with its control characters left out, and a
# 500-character paste into a name field is refused with a message, the field unchanged.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/p.db
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
list() { "$CDTT" --db "$DB" list "$1" --format csv 2>&1; }
paste() { tm set-buffer -b p -- "$1" && tm paste-buffer -p -d -b p -t t; }
long=$(printf '%500s' '' | tr ' ' 'a')

for size in "80 24" "60 16"; do
    set -- $size
    at="at $1x$2"
    tm_start "$1" "$2" --db "$DB"
    tm_wait "Số địa bàn"
    tm_type 1
    tm_wait "Tìm:"
    tm_keys C-n
    tm_wait "Thêm địa bàn"
    tm_keys Tab
    tm_type "${1}Tran"
    tm_type "$(printf 'Van\033[31mRED\033[0m')"
    expect_screen "$at an escape sequence typed in is dropped whole" "[${1}TranVanRED"
    expect_not_contains "$at no piece of the sequence is left" "$(tm_screen)" "[0m"
    tm_type "$(printf 'A\007B')"
    expect_screen "$at a BEL between letters is dropped, the rest typed" "[${1}TranVanREDAB"
    expect_not_contains "$at the BEL did not open Help" "$(tm_screen)" "Trợ giúp: phím"
    tm_keys C-Space
    tm_type C
    expect_screen "$at Ctrl-Space does not open Help in a text field" "[${1}TranVanREDABC"
    paste "$(printf 'X\007Y\033[1mZ')"
    expect_screen "$at a bracketed paste arrives without its control characters" "[${1}TranVanREDABCXYZ"
    expect_screen "$at ... and says what it left out" "bỏ"
    paste "$long"
    expect_screen "$at a 500-character paste is refused with a message" "Không dán: đoạn dán có 500 ký tự"
    expect_screen "$at ... and the field is as it was" "[${1}TranVanREDABCXYZ "
    tm_keys C-s
    tm_wait "Đã lưu"
    expect_contains "$at the name is stored as shown" "$(list areas)" ",${1}TranVanREDABCXYZ,"
    tm_keys F10 F10
    tm_wait "Số địa bàn"
    tm_stop
done
finish
