#!/bin/sh
# The Vietnamese catalogues (po/vi/*.po, one per part of the program) are merged
# into one: the same English message must have the same translation everywhere,
# and every message the program can show must be translated.
. "$(dirname "$0")/../lib.sh"

if ! command -v msgcat >/dev/null 2>&1 || ! command -v xgettext >/dev/null 2>&1; then
    skip "catalogues agree" "msgcat/xgettext (gettext) are not installed"
    finish
fi
merged=$(msgcat "$ROOT"/po/vi/*.po 2>&1)
conflicts=$(printf '%s\n' "$merged" | grep -B4 '^"#-#-#-#-#' | grep '^msgid' | sort -u)
expect_eq "one translation per message across po/vi/*.po" "$conflicts" ""
untranslated=$(msgcat --use-first "$ROOT"/po/vi/*.po | msgattrib --untranslated --no-wrap --no-fuzzy 2>/dev/null | grep -c '^msgid "[^"]' || true)
expect_eq "no message left untranslated" "$untranslated" "0"

# Every message in the sources (_() and N_()) has a Vietnamese translation.
pot="$T/cdtt.pot"
xgettext -k_ -kN_ --from-code=UTF-8 --no-wrap -o "$pot" "$ROOT"/db/*.c "$ROOT"/cli/*.c "$ROOT"/tui/*.c
msgcat --use-first "$ROOT"/po/vi/*.po -o "$T/all.po"
count=$(msgcmp "$T/all.po" "$pot" 2>&1 | grep -c 'used but not defined' || true)
if [ "$count" = 0 ]; then ok "every message in the code is translated"; else
    fail "every message in the code is translated" "$count messages have no Vietnamese translation, e.g.:" \
        "$(for l in $(msgcmp "$T/all.po" "$pot" 2>&1 | grep 'used but not defined' | cut -d: -f2 | head -5); do sed -n "$((l+1)),$((l+2))p" "$pot"; done)"
fi
finish
