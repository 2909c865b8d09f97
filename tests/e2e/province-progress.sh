#!/bin/sh
# province-progress.sh — the progress screen at a province (12) over five
# communes and one that sent nothing: one row per commune (the silent one
# marked), the figures equal `cdtt report`, Enter goes down commune → village →
# team → member → the member's form in the second commune, Esc back up, g draws
# one bar per commune with the target line (ASCII on a monochrome terminal),
# F2 writes the summary workbook with its charts.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

P=$T/p.db
n=0
for c in 03388 03390 03394 03405 03408 03424; do
    n=$((n + 1))
    "$CDTT" --db "$T/c$c.db" init --office "$c" >/dev/null 2>&1
    [ "$c" = 03424 ] && continue # sends nothing
    "$CDTT" --db "$T/c$c.db" demo --members $((15 + 5 * n)) --seed "$n" >/dev/null 2>&1
    "$CDTT" --db "$T/c$c.db" export -o "$T/c$c.cdtt" >/dev/null 2>&1
done
"$CDTT" --db "$P" init --office 12 >/dev/null 2>&1
check "the province imports five communes" "$CDTT" --db "$P" import "$T"/c0*.cdtt
"$CDTT" --db "$P" --lang en report --format csv >"$T/r.csv" 2>/dev/null
"$CDTT" --db "$P" --lang en report --commune 03390 --by area --format csv >"$T/r2.csv" 2>/dev/null

# "teams members mooc% zalo% inperson%" of the totals row of a report csv (after
# $2 leading columns: the commune's code and name below a commune).
csv_total() { tail -1 "$1" | awk -F, -v k="${2:-0}" '{ printf "%s %s %s %s %s", $(k+3), $(k+4), $(k+6), $(k+8), $(k+10) }'; }
# The same from the screen's row of NAME (marks removed).
screen_figs() {
    tm_screen | grep -E "^[> ]$1 " | head -1 | sed 's/^>//; s/%//g; s/[!~]//g' |
        awk '{ n = NF; printf "%s %s %s %s %s", $(n-5), $(n-4), $(n-3), $(n-2), $(n-1) }'
}

cd "$T" || exit 1 # F2 writes into the current folder
tm_start 80 24 --db "$P" --lang en
tm_wait "Members:" || fail "home shows" "$(tm_screen)"
tm_keys 4
tm_wait "Progress against the targets"
tm_keys 1
expect_screen "the progress screen at a province covers the whole province" "Whole province"
expect_screen "one row per commune" "Xã Bình Lư"
expect_screen "the commune that sent nothing is marked" "(sent nothing)"
expect_eq "the province's figures equal the report's totals" "$(screen_figs "Whole province")" "$(csv_total "$T/r.csv")"

# Down to the second commune, a village, a team, a member.
tm_keys Down Down Enter
expect_screen "Enter goes down into the second commune" "Progress as of $(date +%d/%m/%Y): Xã Bình Lư"
expect_screen "its villages are listed" "Commune-level teams"
expect_eq "the commune's figures equal its report" "$(screen_figs "Xã Bình Lư")" "$(csv_total "$T/r2.csv" 2)"
tm_keys Down Down Enter
expect_screen "Enter on a village lists its teams" "Team "
tm_keys Down Enter
expect_screen "Enter on a team lists its members" "Member "
before=$(tm_screen | grep '^>' | tail -1)
tm_keys Down
tm_wait_gone "$before" >/dev/null
name=$(tm_screen | grep '^>' | tail -1 | sed 's/^>//; s/  .*//')
tm_keys Enter
expect_screen "Enter on a member opens the member's form" "Full name"
expect_screen "... of that member" "$name"
expect_eq "the member is one of the second commune's" \
    "$("$CDTT" --db "$P" list members --commune 03390 --format csv | grep -c ",$name,")" 1
tm_keys Escape
expect_screen "Esc closes the form" "Member "
tm_keys Escape Escape Escape
expect_screen "Esc goes back up to the communes" "Whole province"
expect_screen "... with the commune selected again" ">Xã Bình Lư"

# One bar per commune, sorted, with the target line.
tm_keys g
expect_screen "g draws a bar per commune" "highest first"
scr=$(tm_screen)
expect_contains "the bars are blocks with the target line" "$scr" "█"
expect_contains "the target line" "$scr" "|"
pcts=$(printf '%s\n' "$scr" | grep '|' | grep -v 'target' | sed 's/.*| *//; s/%.*//' | grep -E '^[0-9.]+$' | sed 1d)
expect_eq "sorted by the indicator, highest first" "$pcts" "$(printf '%s\n' "$pcts" | sort -rn)"
tm_keys F2
expect_screen "F2 exports the table and the summary workbook" "Written:"
f=$(ls "$T"/progress-*.xlsx 2>/dev/null | head -1)
if [ -n "$f" ] && command -v unzip >/dev/null 2>&1 && unzip -l "$f" | grep -q "xl/charts/chart1.xml"; then
    ok "the summary workbook has a chart"
else
    fail "the summary workbook has a chart" "file: $f"
fi
tm_keys C-q
expect_screen "quits" "[exit 0]"

# The member list names each member's commune, and so does the form's heading.
tm_start 80 24 --db "$P" --lang en
tm_wait "Members:"
tm_keys 3
expect_screen "the member list at a province has a commune column" "Commune            Full name"
first=$(tm_screen | grep '^>' | head -1 | sed 's/^>//; s/   .*//')
tm_keys Enter
expect_screen "the member's form says which commune" "Member · $first"
tm_keys C-q
expect_screen "quits after the lists" "[exit 0]"

# Monochrome: the bars and the target line in ASCII.
TM_ENV="TERM=vt100" tm_start 80 24 --db "$P" --lang en
tm_wait "Members:"
tm_keys 4
tm_wait "Progress against the targets"
tm_keys 1
tm_wait "Whole province"
tm_keys g
expect_screen "the chart on vt100" "highest first"
scr=$(tm_screen)
expect_contains "ASCII bars" "$scr" "####"
expect_not_contains "no block characters" "$scr" "█"
tm_keys C-q
expect_screen "quits on vt100" "[exit 0]"

# The national office starts at its provinces: Enter goes down to the communes.
N=$T/n.db
"$CDTT" --db "$P" export -o "$T/p12.cdtt" >/dev/null 2>&1
"$CDTT" --db "$N" init --national >/dev/null 2>&1
check "the nation imports the province's package" "$CDTT" --db "$N" import "$T/p12.cdtt"
tm_start 80 24 --db "$N" --lang en
tm_wait "Members:"
tm_keys 4
tm_wait "Progress against the targets"
tm_keys 1
expect_screen "the national progress screen covers the whole country" "Whole country"
expect_screen "one row per province" "Tỉnh Lai Châu"
expect_screen "the provinces column" "Province"
tm_keys Down
tm_wait ">" >/dev/null
i=0
while ! tm_screen | grep -q "^>Tỉnh Lai Châu" && [ $i -lt 40 ]; do tm_keys Down; tm_poll ">Tỉnh Lai Châu" 1 || true; i=$((i + 1)); done
tm_keys Enter
expect_screen "Enter on the province lists its communes" "Xã Bình Lư"
expect_not_contains "only that province's communes" "$(tm_screen)" "Phường Ba Đình"
tm_keys Escape
expect_screen "Esc goes back up to the provinces" "Whole country"
tm_keys C-q
expect_screen "quits at the national office" "[exit 0]"
finish
