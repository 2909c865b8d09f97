#!/bin/sh
# typing.sh — typing as in Excel, and limits seen while typing (issue 16), at 80×24 and 60×16:
# a field reached by Tab has its text selected (marked »), and typing replaces it (a
# new date over the old one, no Home or Ctrl-K needed); near a field's limit the message line
# counts its characters; at the limit typing stops, nothing is cut.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/t.db
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
"$CDTT" --db "$DB" add team "Tổ Một" --level commune --decision-date 01/02/2022 --yes >/dev/null 2>&1 || fail "add team" ""
teams() { "$CDTT" --db "$DB" list teams --format csv 2>&1; }
long=$(printf '%85s' '' | tr ' ' 'a')

old=01/02/2022
for size in "80 24/15/03/2023/2023-03-15" "60 16/20/04/2024/2024-04-20"; do
    new=${size#*/} iso=${new##*/} new=${new%/*}
    set -- ${size%%/*}
    at="at $1x$2"
    tm_start "$1" "$2" --db "$DB"
    tm_wait "Số địa bàn"
    tm_type 2
    tm_wait "Tổ Một"
    tm_keys Enter
    tm_wait "Tên tổ"
    tm_keys Tab Tab Tab Tab
    tm_wait "[$old"
    line=$(tm_screen | grep "$old" | head -1)
    case "$line" in
    "»"*) ok "$at a field reached by Tab shows its text selected (»)" ;;
    *) fail "$at a field reached by Tab shows its text selected (»)" "$line" ;;
    esac
    tm_type "$new"
    expect_screen "$at typing replaces the selected date" "[$new ]"
    tm_keys C-s
    tm_wait "Đã lưu"
    expect_contains "$at the new date is stored" "$(teams)" "$iso"
    tm_keys F10
    tm_wait "Tìm:"
    tm_keys F10
    tm_wait "Số địa bàn"
    tm_type 3
    tm_wait "Tìm:"
    tm_keys C-n
    tm_wait "Thành viên mới"
    tm_type "$long"
    expect_screen "$at near the limit the message line counts the characters" "85 / tối đa 100 ký tự"
    tm_type "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    expect_screen "$at at the limit typing stops" "100 / tối đa 100 ký tự"
    tm_stop
    old=$new
done
finish
