#!/bin/sh
# english.sh — the first run with an imported unit list (type to filter, no
# accents), then registering in English (--lang en) on a monochrome terminal
# (TERM=vt100): a village, a team, a member; filters; help.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/en.db
list() { "$CDTT" --db "$DB" list "$1" --format csv 2>&1; }

# A small list in the two-tier (2025-07) layout, as the GSO publishes it.
printf '%s\r\n' 'Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp' \
    'Thành phố Hà Nội,01,Phường Ba Đình,00004,Phường' \
    'Thành phố Hà Nội,01,Phường Ngọc Hà,00008,Phường' \
    'Tỉnh Đắk Lắk,66,Phường Buôn Ma Thuột,24133,Phường' \
    'Tỉnh Đắk Lắk,66,Xã Ea Kao,24145,Xã' >"$T/units.csv"
check "the unit list imports" "$CDTT" --db "$DB" units import "$T/units.csv"

# The old tone placement (hoà, not hòa) for the Telex check below.
printf '[ui]\ntelex_tone = old\n' >"$T/old.ini"
TM_ENV="TERM=vt100" tm_start 80 24 --lang en --db "$DB" --config "$T/old.ini"
expect_screen "first run asks for the province" "Which province?"
tm_type "dak lak"
expect_screen "typing without accents filters the provinces" "Tỉnh Đắk Lắk"
if tm_poll_gone "Hà Nội"; then ok "other provinces are filtered out"; else fail "other provinces are filtered out" "$(tm_screen)"; fi
tm_keys Enter
expect_screen "then it asks for the commune" "Which commune?"
# Leaving the first run without a commune: home, then any item brings it back.
tm_keys Escape; tm_wait "Which province?"; tm_keys Escape
expect_screen "home without an office says so" "No office set yet"
tm_type 1
expect_screen "an item asks for the commune first" "Which province?"
tm_type "dak lak"; tm_wait_gone "Hà Nội"; tm_keys Enter
tm_wait "Which commune?"
tm_type "ea"
expect_screen "the commune list filters" "Xã Ea Kao"
tm_keys Enter
expect_screen "the choice is shown to confirm" "This file will belong to:"
expect_screen "with its province" "Tỉnh Đắk Lắk (66)"
tm_keys Escape
expect_screen "Esc goes back to the communes" "Which commune?"
tm_keys Enter
expect_screen "the same commune asked again" "Xã Ea Kao (24145)"
tm_keys Enter
expect_screen "home shows the chosen commune" "Xã Ea Kao (code 24145)"
expect_screen "home speaks English" "Areas: 0"

# Help with '?' and back.
tm_type "?"
expect_screen "? opens the help" "Telex typing on/off"
tm_keys Escape
expect_screen "Esc closes the help" "Areas: 0"

# A village, with the arrow keys and Enter on the menu.
tm_keys Enter
expect_screen "Enter opens the first menu item" "Search:"
tm_keys F4
expect_screen "a new area form in English" "New area"
tm_keys Tab; tm_type "Buôn Ko Sier"; tm_keys F2
expect_screen "the area is saved" "Buôn Ko Sier"
tm_keys F4; tm_wait "New area"; tm_keys Tab
tm_keys C-t; tm_type "Thoon Hoaf Bifnh"; tm_keys C-t
expect_screen "Telex with telex_tone = old places the tone the old way" "Thôn Hoà Bình"
tm_keys F2
expect_screen "the second area is saved" "Thôn Hoà Bình"
tm_keys Escape
tm_keys Down Enter
expect_screen "Down and Enter open the teams" "Team"
tm_keys C-n
tm_type "Tổ Công nghệ số buôn Ko Sier"; tm_keys Tab Right Tab Right; tm_keys C-s
expect_screen "the team is saved in English" "Saved. F4 (Ctrl-N) adds a member"
tm_keys C-n
expect_screen "the member form is in English" "Full name"
tm_type "H'Hen Niê"; tm_keys Tab; tm_type "f"; tm_keys Tab; tm_type "07/08/1999"; tm_keys C-s
expect_screen "the member is saved" "H'Hen Niê"
tm_keys Escape
expect_screen "back to the teams list, the count is 1" "Tổ Công nghệ số buôn Ko Sier"

# A filter form from the same engine: teams of another level show nothing.
tm_keys F5
expect_screen "F5 opens the filter form" "Filter teams"
tm_type "c"; tm_keys F2
expect_screen "the filter is shown" "Filter: Commune"
expect_screen "no commune-level team: nothing matches the filter" "Nothing matches the filter"
tm_keys F5; tm_keys Left; tm_keys F2
expect_screen "clearing the filter shows the team again" "Tổ Công nghệ số buôn Ko Sier"
tm_keys Escape
tm_keys C-q
expect_screen "quits cleanly" "[exit 0]"

expect_contains "the member is stored" "$(list members)" "H'Hen Niê"
expect_contains "the team is stored" "$(list teams)" "Tổ Công nghệ số buôn Ko Sier"
expect_contains "the Telex-typed area is stored" "$(list areas)" "Thôn Hoà Bình"
check "the file is sound" "$CDTT" --db "$DB" check
finish
