#!/bin/sh
# export.sh — `cdtt export` with the real binary on made-up data: no masked identifier
# anywhere in the package's bytes (compressed or not), a compressed package several
# times smaller than a plain one, the same digest twice for a plain one, mode 0600,
# temporary files of stopped exports swept, and such a temporary file refused by
# `cdtt import`.
. "$(dirname "$0")/../lib.sh"
umask 022
if ! command -v sqlite3 >/dev/null 2>&1 || ! command -v zstd >/dev/null 2>&1; then
    echo "# the sqlite3 shell or the zstd tool is missing (apt-get install sqlite3 zstd); they read the fixtures"
    exit 1
fi
cd "$T" || exit 1

check "made-up data: 2,000 members" cdtt --db d.db demo --members 2000 --seed 3
sqlite3 -batch d.db "SELECT cccd FROM member WHERE cccd IS NOT NULL" >cccd.txt
sqlite3 -batch d.db "SELECT phone FROM member WHERE consent = 0 AND phone IS NOT NULL
                     UNION ALL SELECT email FROM member WHERE consent = 0 AND email IS NOT NULL" >private.txt
expect_eq "the data has CCCD numbers and contacts without consent" \
    "$([ "$(wc -l <cccd.txt)" -gt 100 ] && [ "$(wc -l <private.txt)" -gt 20 ] && echo yes)" "yes"

first=$(cdtt --db d.db export -o d.cdtt 2>&1)
expect_contains "export reports the package" "$first" "Package written: d.cdtt"
expect_eq "the package is private (0600) despite umask 022" "$(stat -c %a d.cdtt)" "600"
check "the package unpacks with the zstd tool" unpack_package d.cdtt d-inner.db
expect_eq "its digest is in its header" "$(sed -n 2p d.cdtt)" "digest=$(echo "$first" | sed -n 's/^SHA-256: //p')"
expect_eq "... and is the SHA-256 of the compressed bytes after it" \
    "$(tail -c +513 d.cdtt | sha256sum | cut -d' ' -f1)" "$(echo "$first" | sed -n 's/^SHA-256: //p')"
for f in d.cdtt d-inner.db; do
    expect_eq "no CCCD number anywhere in the bytes of $f" "$(grep -a -c -F -f cccd.txt $f)" "0"
    expect_eq "no phone or e-mail without consent anywhere in the bytes of $f" "$(grep -a -c -F -f private.txt $f)" "0"
done
check "a --full package" cdtt --db d.db export -o d-full.cdtt --full
unpack_package d-full.cdtt d-full.db
expect_eq "the same search finds them in the --full package" \
    "$([ "$(grep -a -c -F -f cccd.txt d-full.db)" -gt 0 ] && echo found)" "found"
plain1=$(cdtt --db d.db export -o p1.cdtt --plain 2>&1)
expect_contains "--plain says what it wrote" "$plain1" "--plain"
expect_eq "a --plain package is one SQLite file" "$(head -c 15 p1.cdtt)" "SQLite format 3"
expect_eq "no CCCD number anywhere in the --plain package" "$(grep -a -c -F -f cccd.txt p1.cdtt)" "0"
expect_eq "the compressed package is at most a third of the plain one" \
    "$([ $(($(wc -c <d.cdtt) * 3)) -le "$(wc -c <p1.cdtt)" ] && echo yes)" "yes"
plain2=$(cdtt --db d.db export -o p2.cdtt --plain 2>&1)
expect_eq "the same data gives the same SHA-256 twice (plain)" "$(echo "$plain2" | grep SHA-256)" "$(echo "$plain1" | grep SHA-256)"
expect_eq "the plain package's digest is its manifest's" \
    "$(sqlite3 -batch p1.cdtt "SELECT value FROM manifest WHERE key = 'digest'")" \
    "$(echo "$plain1" | sed -n 's/^SHA-256: //p')"
expect_eq "the plain package is one file (no journal mode left on)" "$(sqlite3 -batch p1.cdtt 'PRAGMA journal_mode')" "delete"

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
