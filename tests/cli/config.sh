#!/bin/sh
# config.sh — cdtt.ini files through the real binary: order, values used, bad files.
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/config/cdtt"
# An office to work on, in a file named by the configuration.
cat >"$T/c.ini" <<INI
[storage]
db = $T/from-config.db
[ui]
lang = en
INI
out=$("$CDTT" --config "$T/c.ini" init --office 00004 --name "Phường Ba Đình" 2>&1); rc=$?
expect_eq "[storage] db and [ui] lang are used: exit 0" "$rc" "0"
expect_contains "[ui] lang = en gives English" "$out" "This file now belongs to"
expect_eq "the configured database was created, mode 0600" "$(stat -c %a "$T/from-config.db" 2>/dev/null)" "600"
out=$("$CDTT" --config "$T/c.ini" --lang vi check 2>&1)
expect_contains "--lang wins over the file" "$out" "Không thấy vấn đề"

# The user's file ($XDG_CONFIG_HOME/cdtt/cdtt.ini) is read; --config comes after it.
printf '[ui]\nlang = en\n' >"$T/config/cdtt/cdtt.ini"
out=$("$CDTT" --db "$T/a.db" units list --format xml 2>&1)
expect_contains "the user's file is read" "$out" "--format must be text or csv"
printf '[ui]\nlang = vi\n' >"$T/vi.ini"
out=$("$CDTT" --config "$T/vi.ini" --db "$T/a.db" units list --format xml 2>&1)
expect_contains "--config is read after the user's file" "$out" "--format phải là text hoặc csv"

# Bad files: exit 1 with FILE:LINE: reason, nothing done.
printf '[ui]\nlang = en\n\n[targets]\nmooc = 150\n' >"$T/bad.ini"
out=$("$CDTT" --config "$T/bad.ini" --db "$T/b.db" init --office 00004 --name X 2>&1); rc=$?
expect_eq "mooc = 150: exit 1" "$rc" "1"
expect_contains "mooc = 150: names file and line" "$out" "bad.ini:5:"
expect_eq "a bad config does nothing (no database made)" "$(ls "$T/b.db" 2>/dev/null)" ""
printf '[ui]\nlang = fr\n' >"$T/fr.ini"
out=$("$CDTT" --lang en --config "$T/fr.ini" --help 2>&1); rc=$?
expect_eq "lang = fr: exit 1 even for --help" "$rc" "1"
expect_contains "lang = fr: names the line" "$out" "fr.ini:2: lang must be vi or en, not 'fr'"
printf '[targets]\nzalo_deadline = 31/09/2022\n' >"$T/date.ini"
out=$("$CDTT" --config "$T/date.ini" --db "$T/a.db" units list 2>&1)
expect_contains "a date that does not exist is refused" "$out" "date.ini:2:"
printf '[rules]\nteam_max_village 5\n' >"$T/syntax.ini"
out=$("$CDTT" --lang en --config "$T/syntax.ini" --db "$T/a.db" units list 2>&1)
expect_contains "a line without '=' is a syntax error" "$out" "syntax.ini:2: expected"
head -c 3000 /dev/urandom >"$T/garbage.ini"
"$CDTT" --config "$T/garbage.ini" --db "$T/a.db" units list >/dev/null 2>&1; rc=$?
expect_eq "binary garbage: exit 1, no crash" "$rc" "1"
check_fails "a missing --config file is an error" 1 "$CDTT" --config "$T/none.ini" --db "$T/a.db" units list
check_fails "a folder as --config is an error" 1 "$CDTT" --config "$T" --db "$T/a.db" units list
: >"$T/empty.ini"
check "an empty file is fine" "$CDTT" --config "$T/empty.ini" --db "$T/a.db" units list
printf '[ui]\ncolour = blue\n' >"$T/unknown.ini"
out=$("$CDTT" --config "$T/unknown.ini" --db "$T/a.db" units list 2>&1); rc=$?
expect_eq "an unknown key is only a warning: exit 0" "$rc" "0"
expect_contains "the warning names file and line" "$out" "unknown.ini:2:"
printf '[ui]\nlang = fr\n' >"$T/config/cdtt/cdtt.ini"
out=$("$CDTT" --db "$T/a.db" units list 2>&1); rc=$?
expect_eq "a bad user file stops the program too" "$rc" "1"
expect_contains "and names the user's file" "$out" "config/cdtt/cdtt.ini:2:"
rm "$T/config/cdtt/cdtt.ini"
check "the example file loads" "$CDTT" --config "$ROOT/etc/cdtt.ini.example" --lang en --db "$T/a.db" units list
finish
