#!/bin/sh
# progress.sh — the progress screen in tmux: bars for the commune's three
# targets with the behind-schedule mark, a village chosen with the arrows, and
# the list of who is still missing MOOC opened with one key; then monochrome.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/p.db
c() { "$CDTT" --db "$DB" "$@" >/dev/null 2>&1; }
c init --office 00082 --name "Phường Cửa Nam"
sqlite3 "$DB" <"$ROOT/tests/cli/report-fixture.sql"
S1=$("$CDTT" --db "$DB" session add --date 20/08/2022)
S2=$("$CDTT" --db "$DB" session add --date 05/10/2022)
c session attend "$S1" m-an m-ha
c session attend "$S2" m-binh m-giang
c training mooc --status completed --date 01/10/2022 m-an m-binh m-giang
c training zalo --date 15/09/2022 m-an m-cuong m-giang m-khanh

tm_start 100 30 --db "$DB"
expect_screen "home" "Phường Cửa Nam"
tm_type "5"
expect_screen "the progress screen opens from the menu" "Tiến độ tập huấn"
expect_screen "MOOC for the whole commune" "50,0%"
expect_screen "Zalo behind schedule" "CHẬM TIẾN ĐỘ"
expect_screen "block characters in colour" "█"
expect_screen "the villages are listed" "Tổ dân phố 3"
tm_keys Down Down Down
expect_screen "a village chosen with the arrows" "Thôn Đông (2"
tm_type "m"
expect_screen "m lists who is missing MOOC there" "Lê Văn Cường"
if tm_screen | grep -q "Vũ Thị Hà"; then fail "only that village's members" "$(tm_screen)"; else ok "only that village's members"; fi
tm_keys Escape
expect_screen "Esc comes back to the bars" "Thôn Đông (2"
tm_keys Up Up Up
tm_type "p"
expect_screen "p: every team trained in person" "Tổ chưa được tập huấn trực tiếp tính đến ngày"
tm_keys Escape
tm_stop

TM_ENV="TERM=vt100" tm_start 80 24 --lang en --db "$DB"
tm_type "5"
expect_screen "monochrome: the screen in English" "Whole commune (2"
expect_screen "monochrome: ASCII bars" "###"
if tm_screen | grep -q "█"; then fail "no block characters without colours" "$(tm_screen)"; else ok "no block characters without colours"; fi
tm_stop
finish
