#!/bin/sh
# field-bytes.sh — moving to the next field of a member's form sends at most 60 bytes on
# average over SSH (issue 16; bench/wire.sh reports the figures), at 80×24 and 60×16.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/b.db
OUT=$T/wire.out
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
# record CMD: runs CMD with the pane's output recorded; prints the byte count.
record() {
    : >"$OUT"
    tm pipe-pane -t t -O "cat >>'$OUT'"
    "$@"
    sleep 0.3
    tm pipe-pane -t t
    sleep 0.1
    wc -c <"$OUT" | tr -d ' '
}
move() { tm_keys Tab; sleep 0.05; }

for size in "80 24" "60 16"; do
    set -- $size
    at="at $1x$2"
    tm_start "$1" "$2" --db "$DB"
    tm_wait "Số địa bàn"
    tm_type 3
    tm_wait "Tìm:"
    tm_keys C-n
    tm_wait "Thành viên mới"
    tm_type "Nguyễn Văn An"
    total=0 n=0
    while [ $n -lt 15 ]; do
        b=$(record move)
        total=$((total + b)) n=$((n + 1))
    done
    avg=$((total / n))
    if [ "$avg" -le 60 ]; then ok "$at a field move sends $avg bytes on average (<= 60)"
    else fail "$at a field move sends at most 60 bytes on average" "measured: $avg bytes over $n moves"; fi
    tm_stop
done
finish
