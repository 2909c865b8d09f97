#!/bin/sh
# cut-text.sh — no text is cut without a sign (issue 16), at 80×24 and 60×16: a team name
# too long for its column ends in "…" in the list and is shown whole on the message line
# while its row is selected (the number at its end included); a field error too long for
# the space beside the field ends in "…" there and is shown whole at the bottom; the key
# bar marks a label it had to cut.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/c.db
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
long="Tổ Công nghệ số cộng đồng tổ dân phố số 12"
"$CDTT" --db "$DB" add team "$long" --level commune --yes >/dev/null 2>&1 || fail "add team" ""

for size in "80 24" "60 16"; do
    set -- $size
    at="at $1x$2"
    tm_start "$1" "$2" --db "$DB"
    tm_wait "Số địa bàn"
    tm_type 2
    tm_wait "Tìm:"
    expect_screen "$at a cut team name ends in …" "Tổ Công nghệ số"
    row=$(tm_screen | grep "^>" | head -1)
    expect_contains "$at the selected row shows the cut with …" "$row" "…"
    expect_screen "$at the whole name, its number too, is on the message line" "$long"
    tm_keys Enter
    tm_wait "Tên tổ"
    for k in 1 2 3 4; do tm_keys Tab; done
    tm_type "31/02/2022"
    tm_keys C-s
    expect_screen "$at the whole error is on the screen" "không có ngày 31: tháng 02/2022 chỉ có 28 ngày"
    note=$(tm_screen | grep "Ngày quyết định" | head -1)
    case "$note" in
    *"28 ngày"*) ok "$at the error beside the field is whole" ;;
    *"…") ok "$at the error cut beside the field ends in …" ;;
    *) fail "$at the error cut beside the field ends in …" "$note" ;;
    esac
    bar=$(tm_screen | tail -1)
    case "$bar" in
    *"Quay lại"*) ok "$at the key bar shows \"Quay lại\" whole" ;;
    *"Quay…"* | *"Qua…"* | *"Qu…"* | *"Q…"*) ok "$at the key bar marks a label it cut with …" ;;
    *) fail "$at the key bar cuts a label only with a sign" "$bar" ;;
    esac
    tm_keys C-q
    tm_wait "Thoát mà không lưu"
    tm_keys c
    tm_wait "[exit 0]"
done
finish
