#!/bin/sh
# The Vietnamese catalogues (po/vi/*.po, one per part of the program) are merged
# into one; the same English message must have the same translation everywhere.
. "$(dirname "$0")/../lib.sh"

if ! command -v msgcat >/dev/null 2>&1; then
    skip "catalogues agree" "msgcat (gettext) is not installed"
    finish
fi
merged=$(msgcat "$ROOT"/po/vi/*.po 2>&1)
conflicts=$(printf '%s\n' "$merged" | grep -B4 '^"#-#-#-#-#' | grep '^msgid' | sort -u)
expect_eq "one translation per message across po/vi/*.po" "$conflicts" ""
untranslated=$(msgcat --use-first "$ROOT"/po/vi/*.po | msgattrib --untranslated --no-wrap --no-fuzzy 2>/dev/null | grep -c '^msgid "[^"]' || true)
expect_eq "no message left untranslated" "$untranslated" "0"
finish
