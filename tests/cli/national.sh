#!/bin/sh
# tests/cli/national.sh — the national office: it takes province packages of its
# scheme (and no other), and its completeness is per province: which sent,
# when, and how many of each province's communes have members.
. "$(dirname "$0")/../lib.sh"
cd "$T" || exit 1
c() { "$CDTT" --lang en "$@"; }
c --db c.db init --office 03388 >/dev/null
c --db c.db demo --members 12 --seed 3 >/dev/null
c --db c.db export --no-encrypt -o c.cdtt >/dev/null
c --db p.db init --office 12 >/dev/null
check "the province imports its commune" c --db p.db import c.cdtt
check "the province exports its own package" c --db p.db export --no-encrypt -o p12.cdtt
check "a national office" c --db n.db init --national
check "the nation imports the province's package" c --db n.db import p12.cdtt
out=$(c --db n.db completeness)
expect_contains "completeness at the nation is per province" "$out" "Province"
expect_contains "the province that sent" "$out" "12	Tỉnh Lai Châu"
expect_contains "with its communes that have members" "$(printf '%s\n' "$out" | grep '^12	')" "	1/"
expect_contains "every province counted" "$out" "34 province(s), 1 sent data, 33 sent nothing."
expect_eq "the province's members at the nation" "$(printf '%s\n' "$out" | grep '^12	' | cut -f6)" \
    "$(sqlite3 c.db "SELECT count(*) FROM member WHERE deleted = 0")"
c --db old.db init --office 01 --scheme pre-2025 >/dev/null
c --db old.db export --no-encrypt -o old01.cdtt >/dev/null
out=$(c --db n.db import old01.cdtt 2>&1); rc=$?
expect_eq "a pre-2025 province package at a 2025-07 nation: exit 1" "$rc" "1"
expect_contains "it says which lists differ" "$out" "uses the pre-2025 list of units, this office the 2025-07 list"
finish
