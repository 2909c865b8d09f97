#!/bin/sh
# export.sh — `cdtt export` with the real binary on made-up data: no masked identifier
# anywhere in the package's bytes, the same digest twice, mode 0600, temporary files
# of stopped exports swept, and such a temporary file refused by `cdtt import`.
. "$(dirname "$0")/../lib.sh"
umask 022
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "# the sqlite3 shell is missing (apt-get install sqlite3); it reads the fixtures"
    exit 1
fi
cd "$T" || exit 1
cdtt() { "$CDTT" --lang en "$@"; }

check "made-up data: 2,000 members" cdtt --db d.db demo --members 2000 --seed 3
sqlite3 -batch d.db "SELECT cccd FROM member WHERE cccd IS NOT NULL" >cccd.txt
sqlite3 -batch d.db "SELECT phone FROM member WHERE consent = 0 AND phone IS NOT NULL
                     UNION ALL SELECT email FROM member WHERE consent = 0 AND email IS NOT NULL" >private.txt
expect_eq "the data has CCCD numbers and contacts without consent" \
    "$([ "$(wc -l <cccd.txt)" -gt 100 ] && [ "$(wc -l <private.txt)" -gt 20 ] && echo yes)" "yes"

first=$(cdtt --db d.db export -o d.cdtt 2>&1)
expect_contains "export reports the package" "$first" "Package written: d.cdtt"
expect_eq "the package is private (0600) despite umask 022" "$(stat -c %a d.cdtt)" "600"
expect_eq "no CCCD number anywhere in the package's bytes" "$(grep -a -c -F -f cccd.txt d.cdtt)" "0"
expect_eq "no phone or e-mail without consent anywhere in its bytes" "$(grep -a -c -F -f private.txt d.cdtt)" "0"
check "a --full package" cdtt --db d.db export -o d-full.cdtt --full
expect_eq "the same search finds them in the --full package" \
    "$([ "$(grep -a -c -F -f cccd.txt d-full.cdtt)" -gt 0 ] && echo found)" "found"
second=$(cdtt --db d.db export -o d2.cdtt 2>&1)
expect_eq "the same data gives the same SHA-256 twice" "$(echo "$second" | grep SHA-256)" "$(echo "$first" | grep SHA-256)"
expect_eq "the package's digest is its manifest's" \
    "$(sqlite3 -batch d.cdtt "SELECT value FROM manifest WHERE key = 'digest'")" \
    "$(echo "$first" | sed -n 's/^SHA-256: //p')"
expect_eq "the package is one file (no journal mode left on)" "$(sqlite3 -batch d.cdtt 'PRAGMA journal_mode')" "delete"

# --- temporary files of stopped exports ---
mkdir out
sh -c 'exit 0' & dead=$!
wait $dead
printf 'SQLite format 3' >"out/.cdtt-export.$dead.Ab12Cd"
printf 'SQLite format 3' >"out/.cdtt-export.$$.Ef34Gh"
check_fails "a temporary file is refused by import" 1 cdtt --db d.db import "out/.cdtt-export.$$.Ef34Gh"
check "export into the folder" cdtt --db d.db export -o out/d.cdtt
expect_eq "the stopped export's temporary file is removed" "$(ls -A out | grep -c "cdtt-export.$dead\.")" "0"
expect_eq "a running export's temporary file is kept" "$(ls -A out | grep -c "cdtt-export.$$\.")" "1"
expect_eq "no other file is left beside the package" "$(ls -A out | sort | tr '\n' ' ')" ".cdtt-export.$$.Ef34Gh d.cdtt "
finish
