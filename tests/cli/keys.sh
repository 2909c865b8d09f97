#!/bin/sh
# tests/cli/keys.sh — packages that prove who sent them and keep personal data
# secret on the way: signed by the commune's key, pinned at the province on
# first use; encrypted to the province once the commune has its key; edited,
# re-keyed and misaddressed packages refused with the way out.
. "$(dirname "$0")/../lib.sh"
cd "$T" || exit 1
c() { "$CDTT" --lang en "$@"; }
c --db a.db init --office 00004 >/dev/null
c --db p.db init --office 01 >/dev/null
c --db q.db init --office 12 >/dev/null
c --db a.db add member "Nguyễn Thị Bí Mật" --phone 0912345678 --consent --cccd 001180012345 >/dev/null

# Signed: the province pins the commune's key on first use.
check "a plain package" c --db a.db export --full --plain -o a1.cdtt
expect_contains "the manifest carries the signature" "$(sqlite3 a1.cdtt "SELECT key FROM manifest WHERE key = 'signature'")" "signature"
check "the province imports it" c --db p.db import a1.cdtt
fp=$(c --db a.db keys show | sed -n 's/^Fingerprint: //p')
expect_contains "and has pinned the commune's key" "$(c --db p.db keys list)" "$fp"

# Edited after it was made (its date, which only the signature covers): refused.
cp a1.cdtt edited.cdtt
sqlite3 edited.cdtt "UPDATE manifest SET value = '2030-01-01T00:00:00.000Z' WHERE key = 'created_at'"
out=$(c --db p.db import edited.cdtt 2>&1); rc=$?
expect_eq "an edited package: exit 1" "$rc" "1"
expect_contains "it says it was edited" "$out" "edited after it was made"

# Encrypted to the province once the commune has the province's key.
check "the province publishes its key" c --db p.db keys export -o tinh-01.key
check "the commune imports it" c --db a.db keys import tinh-01.key
out=$(c --db a.db export --full -o a2.cdtt); rc=$?
expect_eq "the export encrypts by default now" "$rc" "0"
expect_contains "and says to whom" "$out" "only the file of office 2025-07:01 can open it"
if grep -q "Bí Mật" a2.cdtt || grep -q "0912345678" a2.cdtt || grep -q "001180012345" a2.cdtt; then
    fail "nothing of the members is readable in the encrypted file" "found in a2.cdtt"
else ok "nothing of the members is readable in the encrypted file"; fi
check "the province opens and imports it" c --db p.db import a2.cdtt
out=$(c --db q.db import a2.cdtt 2>&1); rc=$?
expect_eq "another province cannot: exit 1" "$rc" "1"
expect_contains "it says for whom it is" "$out" "encrypted for office 2025-07:01"
check "--no-encrypt writes a package that is not encrypted" c --db a.db export --no-encrypt -o a3.cdtt
expect_eq "it is a compressed package anyone can open" "$(head -c 14 a3.cdtt)" "cdtt-package-2"
check_fails "--encrypt without a known key is refused" 1 c --db q.db export --encrypt -o q.cdtt

# A re-built commune file: another key, refused with the fingerprint and the way out.
c --db a2.db init --office 00004 >/dev/null
c --db a2.db add member "Trần Văn Mới" >/dev/null
c --db a2.db export --no-encrypt -o r.cdtt >/dev/null
out=$(c --db p.db import r.cdtt 2>&1); rc=$?
expect_eq "a package with a new key: exit 1" "$rc" "1"
fp2=$(c --db a2.db keys show | sed -n 's/^Fingerprint: //p')
expect_contains "it shows the new key's fingerprint" "$out" "$fp2"
expect_contains "and how to go on" "$out" "cdtt keys trust 00004"
expect_contains "the new key waits to be trusted" "$(c --db p.db keys list)" "NEW KEY"
check_fails "trust with a wrong fingerprint is refused" 1 c --db p.db keys trust 00004 "11111 22222 33333 44444"
check "trust with the fingerprint read over the phone" c --db p.db keys trust 00004 "$fp2"
out=$(c --db p.db import --replace r.cdtt 2>&1); rc=$?
expect_eq "then the re-built file replaces the commune's data" "$rc" "0"
finish
