#!/bin/sh
# tests/cli/man.sh — the manual page lists every command as the program's --help
# does (man/cdtt.1 is made by `make man`), and is well-formed roff.
. "$(dirname "$0")/../lib.sh"

sh "$ROOT/scripts/man.sh" "$CDTT" >"$T/cdtt.1"
if cmp -s "$T/cdtt.1" "$ROOT/man/cdtt.1"; then ok "man/cdtt.1 is current"
else fail "man/cdtt.1 is current" "run 'make man' and commit man/cdtt.1" "$(diff "$ROOT/man/cdtt.1" "$T/cdtt.1" | head -10)"; fi
n_help=$("$CDTT" --lang en --help | grep -c '^  cdtt ')
n_man=$(grep -c '^\.B "cdtt ' "$ROOT/man/cdtt.1")
expect_eq "every command of --help has its entry" "$n_man" "$n_help"
for s in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS KEYS FILES CONFIGURATION ENVIRONMENT "EXIT STATUS"; do
    grep -q "^\.SH \"*$s\"*\$" "$ROOT/man/cdtt.1" || fail "section $s" "missing in man/cdtt.1"
done
ok "every section is there"
if command -v groff >/dev/null 2>&1; then
    w=$(groff -man -Tutf8 -ww -z "$ROOT/man/cdtt.1" 2>&1)
    expect_eq "groff has no warning" "$w" ""
else
    skip "groff has no warning" "groff is not installed"
fi
finish
