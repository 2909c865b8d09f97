#!/bin/sh
# setup-levels.sh — the first run offers the offices above a commune: the
# whole country among the provinces, a province among its communes; each is
# confirmed before it is saved, and saved at its level.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

office() { sqlite3 "$1" "SELECT level || ' ' || code || ' ' || name FROM office"; }

DB=$T/p.db
tm_start 80 24 --db "$DB"
expect_screen "first run lists the provinces" "Tỉnh nào?"
expect_screen "the national office is offered first" "Cả nước (tệp cấp quốc gia)"
tm_type "lai chau"; tm_keys Enter
expect_screen "the province office is offered among its communes" "Tỉnh Lai Châu (tệp cấp tỉnh"
tm_keys Enter
expect_screen "the choice is confirmed first" "Tệp này sẽ thuộc về:"
expect_screen "saying what a province file does" "nhập gói dữ liệu của các đơn vị cấp dưới"
tm_keys Enter
tm_wait "mã 12" || fail "home shows the province" "$(tm_screen)"
tm_keys C-q
tm_wait "[exit 0]" || fail "Ctrl-Q quits" "$(tm_screen)"
expect_eq "a province office is saved" "$(office "$DB")" "province 12 Tỉnh Lai Châu"

DB=$T/n.db
tm_start 80 24 --db "$DB"
expect_screen "first run again" "Tỉnh nào?"
tm_keys Enter
expect_screen "the national office is confirmed first" "Cả nước (tệp cấp quốc gia)"
tm_keys Escape
expect_screen "Esc goes back to the provinces" "Tỉnh nào?"
tm_keys Enter
tm_wait "Tệp này sẽ thuộc về:" || fail "asked again" "$(tm_screen)"
tm_keys Enter
tm_wait "mã 00" || fail "home shows the nation" "$(tm_screen)"
tm_keys C-q
tm_wait "[exit 0]" || fail "Ctrl-Q quits" "$(tm_screen)"
expect_eq "a national office is saved" "$(office "$DB")" "national 00 Toàn quốc"
finish
