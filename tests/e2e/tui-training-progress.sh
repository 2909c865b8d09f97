#!/bin/sh
# tui-training-progress.sh — the progress screen in tmux: the commune's and each
# village's figures equal `cdtt report --format csv`, bars and the "behind" mark
# in words, the list of who is still missing MOOC (Enter), its export (F2),
# and the ASCII bars on a monochrome terminal.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/p.db
C() { "$CDTT" --db "$DB" "$@" >/dev/null 2>&1; }
C init --office 00004 --name "Xã Thử Nghiệm"
C add area "Thôn Đông" --yes
C add area "Thôn Tây" --yes
C add team "Tổ CNS thôn Đông" --area "Thôn Đông" --level village --yes
C add team "Tổ CNS thôn Tây" --area "Thôn Tây" --level village --yes
AN=$("$CDTT" --db "$DB" add member "Trần Văn An" --team "Tổ CNS thôn Đông" --mooc completed --mooc-date 01/10/2022 --zalo-date 01/09/2022 --yes 2>/dev/null)
C add member "Lê Thị Bình" --team "Tổ CNS thôn Đông" --zalo-date 02/09/2022 --yes
C add member "Phạm Văn Chung" --team "Tổ CNS thôn Tây" --mooc in_progress --yes
S=$("$CDTT" --db "$DB" session add --date "$(date +%d/%m/%Y)" --organiser "Sở TT&TT" --topic "VNeID" 2>/dev/null)
C session attend "$S" "$AN"

# The figures as `cdtt report` computes them (csv: name,...,mooc %,zalo %,inperson %).
"$CDTT" --db "$DB" --lang en report --format csv >"$T/r.csv" 2>/dev/null
check "cdtt report --format csv runs" test -s "$T/r.csv"
head -1 "$T/r.csv" >"$T/head"

# "1,2,66.7" from the csv row of NAME: teams, members, MOOC %, Zalo %, in person %.
csv_figs() {
    awk -F, -v name="$1" '
        NR == 1 { for (i = 1; i <= NF; i++) { h = tolower($i); gsub(/^\xef\xbb\xbf|"/, "", h); col[h] = i } next }
        { n = $0; gsub(/"/, "", n) }
        index(n, name) { printf "%s %s %s %s %s", $col["teams"], $col["members"], $col["mooc %"], $col["zalo oa %"], $col["trained in person %"]; exit }
    ' "$T/r.csv"
}
# The same figures from the screen's table row of NAME (percent marks and ! ~ removed, comma as point).
screen_figs() {
    tm_screen | grep -E "^[> ]$1 " | head -1 | sed 's/^>//; s/%//g; s/[!~]//g; s/,/./g' |
        awk '{ n = NF; printf "%s %s %s %s %s", $(n-5), $(n-4), $(n-3), $(n-2), $(n-1) }'
}

cd "$T" || exit 1  # exports go to the current folder
tm_start 80 24 --db "$DB" --lang en
tm_poll "Members: 3" || fail "home shows the members" "$(tm_screen)"
tm_keys 4
tm_wait "Progress against the targets"
tm_keys 1
expect_screen "Training, then 1, opens the progress screen" "Progress as of"
expect_screen "the commune's row is listed" "Whole commune"
scr=$(tm_screen)
expect_contains "the MOOC bar is drawn in block characters" "$scr" "█"
expect_contains "the target and deadline are beside the bar" "$scr" "target 100% by 30/11/2022"
expect_contains "behind schedule is marked in words" "$scr" "! BEHIND SCHEDULE"

total_csv=$(csv_figs "Total")
dong_csv=$(csv_figs "Thôn Đông")
tay_csv=$(csv_figs "Thôn Tây")
expect_eq "the report's totals are as set up" "$total_csv" "2 3 33.3 66.7 50.0"
expect_eq "the commune's figures equal the report's totals" "$(screen_figs "Whole commune")" "$total_csv"
expect_eq "Thôn Đông's figures equal the report" "$(screen_figs "Thôn Đông")" "$dong_csv"
expect_eq "Thôn Tây's figures equal the report" "$(screen_figs "Thôn Tây")" "$tay_csv"

# Who is still missing MOOC in the whole commune: Bình and Chung, not An.
tm_keys Enter
expect_screen "Enter opens who is missing the MOOC course" "still missing as of"
scr=$(tm_screen)
expect_contains "Lê Thị Bình has not done the MOOC" "$scr" "Lê Thị Bình"
expect_contains "Phạm Văn Chung has not done the MOOC" "$scr" "Phạm Văn Chung"
expect_not_contains "Trần Văn An has done it" "$scr" "Trần Văn An"
tm_keys F2
expect_screen "F2 exports the list" "Written:"
f=$(ls "$T"/*mooc*.csv 2>/dev/null | head -1)
if [ -n "$f" ] && grep -q "Lê Thị Bình" "$f" && [ "$(stat -c %a "$f")" = 600 ]; then
    ok "the exported csv lists the missing members, mode 0600"
else
    fail "the exported csv lists the missing members, mode 0600" "file: $f"
fi
# F2 again: the files are there, so it asks; n keeps them, y replaces them.
tm_keys F2
expect_screen "F2 again asks before replacing the files" "exists. Replace it?"
tm_keys n
expect_screen "n keeps the files" "Not written"
tm_keys F2
tm_wait "exists. Replace it?"
tm_keys y
expect_screen "y replaces them" "Written:"
# A symbolic link named like the export is never written through: its target is kept.
echo "the office's data" >"$T/victim"
txt=${f%.csv}.txt
rm -f "$txt" && ln -s "$T/victim" "$txt"
tm_keys F2
expect_screen "F2 onto a symbolic link: refused, saying why" "symbolic link"
expect_eq "the link's target is untouched" "$(cat "$T/victim")" "the office's data"
rm -f "$txt"
tm_keys Escape
tm_wait "Whole commune"
# Thôn Tây's in-person figure: its team was not trained; key 3 lists it.
tm_keys Down Down
expect_screen "Down selects Thôn Tây" "Progress as of"
tm_keys 3
expect_screen "3 opens the teams not trained in person" "Tổ CNS thôn Tây"
scr=$(tm_screen)
expect_not_contains "the trained team is not listed" "$scr" "Tổ CNS thôn Đông"
# F5 counts as of another date, as `cdtt report --as-of` does: nobody was a member yet in 2020.
tm_keys Escape
tm_wait "Whole commune"
tm_keys F5
expect_screen "F5 asks for the date" "Figures as of"
tm_keys C-a C-k
tm_type "01/01/2020"
tm_keys F2
expect_screen "the figures are counted as of the date typed" "Progress as of 01/01/2020"
"$CDTT" --db "$DB" --lang en report --as-of 01/01/2020 --format csv >"$T/r.csv" 2>/dev/null
expect_eq "the report counts 2 teams and no member as of 01/01/2020" "$(csv_figs "Total" | cut -d' ' -f1-2)" "2 0"
expect_eq "the screen too" "$(screen_figs "Whole commune" | cut -d' ' -f1-2)" "2 0"
tm_keys C-q
expect_screen "quits" "[exit 0]"

# Monochrome: ASCII bars.
TM_ENV="TERM=vt100" tm_start 80 24 --db "$DB" --lang en
tm_wait "Members: 3"
tm_keys 4
tm_wait "Progress against the targets"
tm_keys 1
expect_screen "the progress screen opens on vt100" "Progress as of"
scr=$(tm_screen)
expect_contains "bars fall back to ASCII" "$scr" "#####"
expect_not_contains "no block characters on vt100" "$scr" "█"
tm_keys C-q
expect_screen "quits on vt100" "[exit 0]"
finish
