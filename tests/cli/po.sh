#!/bin/sh
# The Vietnamese catalogue (po/vi.po, one for the whole program): it compiles with
# its format strings checked, each English message has one entry (so one
# translation), none is left untranslated or fuzzy, and every message the program
# can show is translated.
. "$(dirname "$0")/../lib.sh"

if ! command -v msgfmt >/dev/null 2>&1 || ! command -v xgettext >/dev/null 2>&1; then
    skip "the catalogue is complete" "msgfmt/xgettext (gettext) are not installed"
    finish
fi
PO="$ROOT/po/vi.po"
if out=$(msgfmt --check-format -o /dev/null "$PO" 2>&1); then ok "po/vi.po compiles, format strings checked"; else
    fail "po/vi.po compiles, format strings checked" "$out"
fi
repeated=$(msguniq --repeated --no-wrap "$PO" 2>&1 | grep '^msgid "[^"]' | sort -u)
expect_eq "one entry (one translation) per message in po/vi.po" "$repeated" ""
untranslated=$(msgattrib --untranslated --no-wrap --no-fuzzy "$PO" 2>/dev/null | grep -c '^msgid "[^"]' || true)
expect_eq "no message left untranslated" "$untranslated" "0"
fuzzy=$(msgattrib --only-fuzzy --no-wrap "$PO" 2>/dev/null | grep -c '^msgid "[^"]' || true)
expect_eq "no translation marked fuzzy" "$fuzzy" "0"

# Every message in the sources (_() and N_()) has a Vietnamese translation.
pot="$T/cdtt.pot"
xgettext -k_ -kN_ --from-code=UTF-8 --no-wrap -o "$pot" "$ROOT"/db/*.c "$ROOT"/cli/*.c "$ROOT"/tui/*.c
count=$(msgcmp "$PO" "$pot" 2>&1 | grep -c 'used but not defined' || true)
if [ "$count" = 0 ]; then ok "every message in the code is translated"; else
    fail "every message in the code is translated" "$count messages have no Vietnamese translation, e.g.:" \
        "$(for l in $(msgcmp "$PO" "$pot" 2>&1 | grep 'used but not defined' | cut -d: -f2 | head -5); do sed -n "$((l+1)),$((l+2))p" "$pot"; done)"
fi
finish
