#!/bin/sh
# locale.sh — over SSH the locale is often missing (POSIX): commands print
# nothing about it, and the full-screen program says so once, in Vietnamese,
# and still shows Vietnamese.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/l.db
out=$(LC_ALL=POSIX "$CDTT" --db "$DB" init --office 00004 2>&1)
expect_not_contains "a command prints no English locale notice" "$out" "locale"
expect_contains "and its message is Vietnamese" "$out" "Tệp này nay thuộc về"
TM_ENV="LC_ALL=POSIX" tm_start 80 24 --db "$DB"
expect_screen "the program says so once, in Vietnamese" "không phải UTF-8"
expect_screen "and shows Vietnamese" "Phường Ba Đình"
tm_keys C-q
expect_screen "quits" "[exit 0]"
finish
