#!/bin/sh
# settings.sh — the Settings screen in tmux: switch to English at once, change
# the MOOC target and save; the user's cdtt.ini is 0600 and `cdtt report`
# (a new process) shows the new target; a bad value is refused unsaved.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/s.db
INI=$XDG_CONFIG_HOME/cdtt/cdtt.ini
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1

tm_start 80 24 --db "$DB"
tm_wait "Cài đặt"
tm_type 7
expect_screen "the Settings screen opens in Vietnamese" "Ngôn ngữ"
expect_screen "it names the database file" "$DB"
expect_screen "it says the values are the defaults" "mặc định"
# The help lists the keys of the training and export/import screens.
tm_keys F1
tm_wait "Trợ giúp: các phím"
tm_keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
expect_screen "the help lists the checklist keys" "đánh dấu tất cả hoặc"
expect_screen "the help lists the conflict keys" "lấy bản của họ"
tm_keys Escape
tm_wait "Ngôn ngữ"
expect_not_contains "nothing in English yet" "$(tm_screen)" "Language"
# The language is the first field: Right picks English, shown at once.
tm_keys Right
expect_screen "switching the language redraws in English" "Language"
expect_screen "the title is in English too" "Settings"
# A bad target is refused, nothing written.
tm_keys Down Down End BSpace BSpace BSpace; tm_type 150; tm_keys F2
expect_screen "a target over 100% is refused" "percentage from 0 to 100"
if [ -e "$INI" ]; then fail "nothing is written on an error" "$(cat "$INI")"; else ok "nothing is written on an error"; fi
tm_keys End BSpace BSpace BSpace; tm_type 85; tm_keys F2
expect_screen "the settings are saved to the user's file" "Saved to $INI"
expect_screen "the screen now says where the values come from" "Set in $INI: lang, mooc"
tm_keys Escape
# The home screen's own line (its title bar keeps the language it was opened in).
tm_wait "Arrows or a number choose, Enter opens"
expect_screen "the home screen is in English now" "Settings"
tm_keys C-q
expect_screen "quits" "[exit 0]"

expect_contains "the file holds the new target" "$(cat "$INI")" "mooc = 85"
mode=$(stat -c %a "$INI")
expect_contains "the settings file is mode 0600" "$mode" "600"
r=$("$CDTT" --db "$DB" report 2>&1)
expect_contains "cdtt report shows the new target (in English, from the saved lang)" "$r" "85%"
expect_contains "and reads the saved language" "$r" "Target"
# A --config file read after the user's file: the screen names it, and a value
# it sets cannot be overridden from here (the screen says so, the file is kept).
printf '[targets]\nzalo = 50\n' >"$T/office.ini"
tm_start 80 24 --db "$DB" --config "$T/office.ini"
tm_wait "Settings"; tm_type 7
expect_screen "the screen names the --config file and what it sets" "Set in $T/office.ini: zalo"
tm_keys Down Down Down Down End BSpace BSpace; tm_type 60; tm_keys F2
expect_screen "saving a value another file overrides says so" "a file read later (--config) still sets zalo"
tm_keys Escape; tm_wait "Home"; tm_keys C-q; tm_wait "[exit 0]"
expect_contains "the value went into the user's file all the same" "$(cat "$INI")" "zalo = 60"
expect_contains "the earlier lines are kept" "$(cat "$INI")" "mooc = 85"
finish
