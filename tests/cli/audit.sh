#!/bin/sh
# tests/cli/audit.sh — `cdtt audit`: who changed what, when, in words, oldest
# first; filters by record, date and office; identifiers hidden unless --full.
. "$(dirname "$0")/../lib.sh"

DB="$T/a.db"
c() { "$CDTT" --db "$DB" --lang en "$@"; }
check "init" c init --office 00004
ID=$(c add member "Nguyễn Văn An" --phone 0912345678 --consent --birth 1980)
OTHER=$(c add member "Trần Thị Bình")
check "first change: MOOC in progress" c training mooc --status in_progress "$ID"
check "second change: MOOC completed on a date" c training mooc --status completed --date 15/10/2022 "$ID"

out=$(c audit --record "$ID")
expect_contains "the addition is listed" "$out" "member Nguyễn Văn An $ID  added"
expect_contains "an added value is in words" "$out" "Full name: Nguyễn Văn An"
expect_contains "the first change, old → new in words" "$out" "MOOC course: Not started → In progress"
expect_contains "the second change with its date" "$out" "MOOC completed on: — → 15/10/2022"
first=$(printf '%s\n' "$out" | grep -n "Not started → In progress" | cut -d: -f1)
second=$(printf '%s\n' "$out" | grep -n "In progress → Completed" | cut -d: -f1)
if [ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ]; then ok "changes in the order they were made"
else fail "changes in the order they were made" "$out"; fi
expect_contains "the phone is hidden" "$out" "Mobile phone: (hidden)"
case "$out" in *0912345678*) fail "the number itself is not printed" "$out" ;; *) ok "the number itself is not printed" ;; esac
case "$out" in *"Trần Thị Bình"*) fail "--record shows one record" "$out" ;; *) ok "--record shows one record" ;; esac
expect_contains "--full shows the phone" "$(c audit --record "$ID" --full)" "Mobile phone: 0912345678"
expect_contains "without --record every record" "$(c audit)" "Trần Thị Bình"
expect_eq "--since tomorrow: nothing" "$(c audit --since "$(date -u -d tomorrow +%d/%m/%Y)")" \
    "No change recorded matches."
expect_contains "--office of this commune" "$(c audit --office 00004)" "Trần Thị Bình"
expect_eq "--office of another commune: nothing" "$(c audit --office 00008)" "No change recorded matches."
csv=$(c audit --record "$ID" --format csv)
expect_eq "csv header" "$(printf '%s\n' "$csv" | head -1 | tr -d '\r')" \
    "When (UTC),OS user,Office,Kind,Record id,Name,Action,Field,Old value,New value"
expect_contains "csv: one row per changed field" "$csv" "Nguyễn Văn An,changed,MOOC course,Not started,In progress"
vi=$("$CDTT" --db "$DB" audit --record "$ID")
expect_contains "Vietnamese by default" "$vi" "Khoá học MOOC"
check_fails "a bad date is a usage error" 2 c audit --since 32/13/2022
check_fails "a bad format is a usage error" 2 c audit --format xml
finish
