#!/bin/sh
# province.sh — a province (12, Lai Châu) over five communes that sent packages
# and 33 that sent nothing: reports cover every commune, every figure equals the
# sum of the communes' own reports, --sort/--behind/--commune, missing and list
# by commune, the commune column in exports, the summary workbook with its
# charts, and --by district under both schemes.
. "$(dirname "$0")/../lib.sh"
P=$T/p.db
p() { "$CDTT" --db "$P" "$@"; }
AS_OF=15/10/2025
COMMUNES="03388 03390 03394 03405 03408"
SILENT=03424 # initialised, never sent anything

n=0
for c in $COMMUNES $SILENT; do
    n=$((n + 1))
    "$CDTT" --db "$T/c$c.db" init --office "$c" >/dev/null 2>&1 || fail "init commune $c"
    [ "$c" = "$SILENT" ] && continue
    "$CDTT" --db "$T/c$c.db" demo --members $((20 + 7 * n)) --seed "$n" >/dev/null 2>&1 || fail "demo in $c"
    "$CDTT" --db "$T/c$c.db" export -o "$T/c$c.cdtt" >/dev/null 2>&1 || fail "export $c"
done
check "the province's file" p init --office 12
check "the province imports the five packages" p import "$T"/c0*.cdtt

# Each commune's own totals ("teams members mooc zalo trained activities") from its json report.
totals() {
    sed -n 's/.*"totals": {.*"teams": \([0-9]*\), "members": \([0-9]*\), "mooc_done": \([0-9]*\), "zalo_done": \([0-9]*\), "teams_trained": \([0-9]*\).*"activities": \([0-9]*\).*/\1 \2 \3 \4 \5 \6/p'
}
# The same figures of the row of commune CODE in a json report.
row_of() {
    grep "\"code\": \"$1\"" | sed -n 's/.*"teams": \([0-9]*\), "members": \([0-9]*\), "mooc_done": \([0-9]*\), "zalo_done": \([0-9]*\), "teams_trained": \([0-9]*\).*"activities": \([0-9]*\).*/\1 \2 \3 \4 \5 \6/p'
}
p report --as-of $AS_OF --format json >"$T/prov.json"
sum="0 0 0 0 0 0"
for c in $COMMUNES; do
    own=$("$CDTT" --db "$T/c$c.db" report --as-of $AS_OF --format json | totals)
    expect_eq "commune $c: the province's row equals the commune's own report" "$(row_of "$c" <"$T/prov.json")" "$own"
    sum=$(printf '%s\n%s\n' "$sum" "$own" | awk 'NR == 1 { for (i = 1; i <= NF; i++) s[i] = $i; next }
        { for (i = 1; i <= NF; i++) s[i] += $i } END { printf "%d %d %d %d %d %d", s[1], s[2], s[3], s[4], s[5], s[6] }')
done
expect_eq "the province's totals are the sum of the communes' reports" "$(totals <"$T/prov.json")" "$sum"
expect_eq "every commune of Lai Châu is a row (38)" "$(grep -c '"code": "0' "$T/prov.json")" 38
expect_contains "a commune that sent nothing is marked, not zero" "$(grep "\"code\": \"$SILENT\"" "$T/prov.json")" \
    '"sent": false'
expect_contains "... and has no percentage" "$(grep "\"code\": \"$SILENT\"" "$T/prov.json")" '"mooc_pct": null'
out=$(p report --as-of $AS_OF)
expect_contains "text: the commune that sent nothing says so" "$(printf '%s\n' "$out" | grep 'Bản Bo')" "chưa gửi số liệu"
expect_contains "text: how many sent nothing" "$out" "Số đơn vị chưa gửi số liệu: 33"
expect_eq "text: the report fits 80 columns" "$(printf '%s\n' "$out" | wc -L | awk '{ print ($1 <= 80) }')" 1

# Sorting and keeping those behind.
pcts=$(p report --as-of $AS_OF --sort progress --indicator mooc --format csv | tail -n +2 | head -n -1 | cut -d, -f6 | grep .)
expect_eq "--sort progress: MOOC % from highest to lowest" "$pcts" "$(printf '%s\n' "$pcts" | sort -rn)"
expect_eq "--sort progress: the five that sent come first" "$(printf '%s\n' "$pcts" | wc -l | tr -d ' ')" 5
codes=$(p report --as-of $AS_OF --sort code --format csv | tail -n +2 | head -n -1 | cut -d, -f1)
expect_eq "--sort code" "$codes" "$(printf '%s\n' "$codes" | sort)"
behind=$(p report --as-of $AS_OF --behind --format json | grep '"code": "0')
expect_eq "--behind: only communes behind on some indicator" \
    "$(printf '%s\n' "$behind" | grep -vc '"[a-z]*_status": "behind"')" 0
expect_not_contains "--behind: not those that sent nothing" "$behind" "\"$SILENT\""
check_fails "--sort must be known" 2 p report --sort size
check_fails "a commune of another province" 1 p report --commune 00004

# One commune from the province: its villages, equal to its own report.
c2=03390
expect_eq "--commune: the totals are the commune's own" \
    "$(p report --by area --commune $c2 --as-of $AS_OF --format json | totals)" \
    "$("$CDTT" --db "$T/c$c2.db" report --as-of $AS_OF --format json | totals)"
area=$(p report --by area --as-of $AS_OF --format json)
expect_eq "--by area: every row names its commune" "$(printf '%s\n' "$area" | grep '"name"' | grep -c '"commune_code": ""')" 0
expect_eq "--by area: commune-level teams are a row per commune" \
    "$(printf '%s\n' "$area" | grep -c '"name": "Tổ cấp xã"')" 5
expect_contains "--by area text: villages under their commune's heading" "$(p report --by area --as-of $AS_OF)" \
    "03390 Xã Bình Lư"

# Missing lists and record lists by commune.
total_missing=0
for c in $COMMUNES; do
    k=$("$CDTT" --db "$T/c$c.db" missing mooc --as-of $AS_OF --format csv | tail -n +2 | wc -l)
    total_missing=$((total_missing + k))
done
expect_eq "missing mooc at the province: the communes' lists together" \
    "$(p missing mooc --as-of $AS_OF --format csv | tail -n +2 | wc -l | tr -d ' ')" "$total_missing"
expect_eq "missing --commune: the commune's own list (same ids)" \
    "$(p missing mooc --commune $c2 --as-of $AS_OF --format csv | tail -n +2 | awk -F, '{ print $NF }' | sort)" \
    "$("$CDTT" --db "$T/c$c2.db" missing mooc --as-of $AS_OF --format csv | tail -n +2 | awk -F, '{ print $NF }' | sort)"
expect_contains "missing at the province has a commune column" \
    "$(p missing zalo --as-of $AS_OF --format csv | head -1)" "Mã xã,Xã/phường"
expect_eq "list members --commune: the commune's members" \
    "$(p list members --commune $c2 --format csv | tail -n +2 | wc -l)" \
    "$("$CDTT" --db "$T/c$c2.db" list members --format csv | tail -n +2 | wc -l)"
expect_contains "list at the province: commune columns" "$(p list teams --format csv | head -1)" "commune_code,commune"
expect_contains "list text at the province: the commune first" "$(p list areas | head -1)" "Xã/phường           Thôn"
expect_not_contains "list at a commune: no commune column" \
    "$("$CDTT" --db "$T/c$c2.db" list teams --format csv | head -1)" "commune"

# Exports.
check "csv export at the province" p csv export members -o "$T/m.csv"
expect_contains "csv export: the commune first" "$(head -1 "$T/m.csv")" "Mã xã,Xã/phường,Họ và tên"
"$CDTT" --db "$T/c$c2.db" csv export members -o "$T/cm.csv" >/dev/null 2>&1
expect_not_contains "csv export at a commune: unchanged" "$(head -1 "$T/cm.csv")" "Mã xã"
check "xlsx export at the province" p xlsx export -o "$T/p.xlsx"
if command -v unzip >/dev/null 2>&1; then
    parts=$(unzip -l "$T/p.xlsx")
    expect_contains "the workbook has a chart" "$parts" "xl/charts/chart1.xml"
    expect_contains "a chart per indicator" "$parts" "xl/charts/chart3.xml"
    expect_contains "the summary sheet comes first" "$(unzip -p "$T/p.xlsx" xl/workbook.xml | grep -o '<sheet [^>]*>' | head -1)" \
        'name="Tổng hợp"'
    s1=$(unzip -p "$T/p.xlsx" xl/worksheets/sheet1.xml)
    expect_contains "the summary: frozen header" "$s1" 'state="frozen"'
    expect_contains "the summary: autofilter" "$s1" "<autoFilter"
    expect_contains "the summary: one row per commune and the totals (38 + header + totals)" "$s1" '<row r="40"'
    expect_contains "the chart reads the summary's percentages" "$(unzip -p "$T/p.xlsx" xl/charts/chart1.xml)" "'Tổng hợp'!\$F\$2"
    "$CDTT" --db "$T/c$c2.db" xlsx export -o "$T/c.xlsx" >/dev/null 2>&1
    expect_not_contains "a commune's workbook has no summary" "$(unzip -l "$T/c.xlsx")" "chart"
else
    skip "the workbook has a chart" "unzip is not installed"
fi

# Districts: plainly refused under 2025-07, from the unit list under pre-2025.
out=$(p report --by district 2>&1); rc=$?
expect_eq "--by district under 2025-07 fails" "$rc" 1
expect_contains "... saying the scheme has no districts" "$out" "không có cấp huyện"
Q=$T/q.db
"$CDTT" --db "$T/old.db" init --office 03389 --scheme pre-2025 >/dev/null 2>&1
"$CDTT" --db "$T/old.db" demo --members 25 --seed 9 >/dev/null 2>&1
"$CDTT" --db "$T/old.db" export -o "$T/old.cdtt" >/dev/null 2>&1
"$CDTT" --db "$Q" init --office 12 --scheme pre-2025 >/dev/null 2>&1
check "a pre-2025 province imports a pre-2025 commune" "$CDTT" --db "$Q" import "$T/old.cdtt"
out=$("$CDTT" --db "$Q" --lang en report --by district --format json)
expect_eq "--by district (pre-2025): every district of the province" "$(printf '%s\n' "$out" | grep -c '"code": "1')" 8
expect_contains "the commune's district has its figures" "$(printf '%s\n' "$out" | grep '"code": "105"')" '"members": 25'
expect_contains "the others sent nothing" "$(printf '%s\n' "$out" | grep '"code": "106"')" '"sent": false'
finish
