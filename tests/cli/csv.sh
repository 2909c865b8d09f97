#!/bin/sh
# csv.sh — cdtt csv import/export and xlsx export through the real binary, on
# hand-made files that look like what Excel saves (tests/data/members-*.csv).
. "$(dirname "$0")/../lib.sh"

D=$ROOT/tests/data
C() { "$CDTT" --lang en --db "$T/c.db" "$@"; }

check "init the commune" C init --office 00004 --name "Phường Ba Đình"

# --- import -----------------------------------------------------------------
out=$(C csv import members "$D/members-excel.csv" 2>&1); rc=$?
expect_eq "Excel file (BOM, CRLF, title rows, quoted commas and line breaks) imports" "$rc" 0
expect_contains "summary counts the rows" "$out" "4 rows read"
expect_contains "summary counts new members" "$out" "members new: 4, already there: 0 updated, 0 unchanged"
expect_contains "summary lists created teams" "$out" "teams created: 3; areas created: 2"
expect_contains "created areas are named" "$out" "created: area Tổ dân phố số 3"

out=$(C csv import members "$D/members-excel.csv" 2>&1)
expect_contains "the same file again duplicates no one" "$out" "members new: 0, already there: 0 updated, 4 unchanged"

out=$(C csv import members "$D/members-semicolon.csv" --dry-run 2>&1); rc=$?
expect_eq "dry run of a semicolon file succeeds" "$rc" 0
expect_contains "dry run says so" "$out" "Dry run: nothing was written."
expect_contains "dry run tells what would happen" "$out" "members new: 1, already there: 0 updated, 1 unchanged"
C csv export members -o "$T/after-dry.csv" >/dev/null
expect_not_contains "dry run wrote nothing" "$(cat "$T/after-dry.csv")" "Hoàng Văn Em"

out=$(C csv import members "$D/members-errors.csv" 2>&1); rc=$?
expect_eq "a file with bad rows fails" "$rc" 1
expect_contains "bad row: empty name" "$out" "members-errors.csv:3: Họ và tên \"\""
expect_contains "bad row: impossible date" "$out" "members-errors.csv:4: Ngày sinh \"31/02/1990\""
expect_contains "bad row: no team" "$out" "members-errors.csv:5: Tổ \"\""
expect_contains "bad row: short phone" "$out" "members-errors.csv:6: Số điện thoại \"12345\""
expect_contains "bad row: unknown gender" "$out" "members-errors.csv:7: Giới tính \"ông\""
expect_contains "nothing imported is said" "$out" "Nothing was imported: 5 rows have errors"
C csv export members -o "$T/after-errors.csv" >/dev/null
expect_not_contains "the good row of a bad file was not imported" "$(cat "$T/after-errors.csv")" "Nguyễn Văn Tốt"

out=$(C csv import members "$D/members-unclosed-quote.csv" 2>&1); rc=$?
expect_eq "an unclosed quote is refused" "$rc" 1
expect_contains "the unclosed quote is located" "$out" "members-unclosed-quote.csv:2:"
out=$(C csv import members "$D/members-not-utf8.csv" 2>&1); rc=$?
expect_eq "a file that is not UTF-8 is refused" "$rc" 1
expect_contains "the user is told to save as CSV UTF-8" "$out" "CSV UTF-8"
tr ',' '\t' <"$D/members-lf-english.csv" >"$T/tab.txt"
out=$(C csv import members "$T/tab.txt" --dry-run 2>&1); rc=$?
expect_eq "a tab-separated UTF-8 file imports" "$rc" 0
expect_contains "the tab-separated rows are read" "$out" "members new: 2"
if command -v iconv >/dev/null 2>&1; then
    # Excel's "Unicode Text" is UTF-16 with tabs.
    iconv -f UTF-8 -t UTF-16 "$D/members-lf-english.csv" | tr ',' '\t' >"$T/utf16.txt" 2>/dev/null
    out=$(C csv import members "$T/utf16.txt" --dry-run 2>&1); rc=$?
    expect_eq "a UTF-16 file is read" "$rc" 0
    expect_contains "the UTF-16 file's rows are read" "$out" "members new: 2"
else
    skip "a UTF-16 file is read" "iconv is not installed"
fi
check_fails "import needs 'members'" 2 C csv import teams "$D/members-excel.csv"
check_fails "import needs a file" 2 C csv import members
out=$("$CDTT" --db "$T/c.db" csv import members "$D/members-excel.csv" 2>&1)
expect_contains "messages are Vietnamese by default" "$out" "không đổi"

# --- export -----------------------------------------------------------------
check "export members" C csv export members -o "$T/m.csv"
expect_eq "the export starts with a BOM" "$(head -c 3 "$T/m.csv" | od -An -tx1 | tr -d ' ')" "efbbbf"
expect_eq "the export is private (0600)" "$(stat -c %a "$T/m.csv")" 600
expect_contains "English headers with --lang en" "$(head -1 "$T/m.csv")" "Full name,Date of birth,Gender,Phone,Email,Team"
expect_contains "dates are dd/mm/yyyy and choices are labels" "$(cat "$T/m.csv")" "Nguyễn Văn An,07/04/1985,Male,"
expect_not_contains "no phone without consent" "$(cat "$T/m.csv")" "0912345678"
check_fails "an existing file is not replaced" 1 C csv export members -o "$T/m.csv"
check "--force replaces it" C csv export members -o "$T/m.csv" --force --full
expect_contains "--full writes identifiers" "$(cat "$T/m.csv")" "0912345678"
"$CDTT" --db "$T/c.db" csv export members -o "$T/vi.csv" >/dev/null
expect_contains "Vietnamese headers by default" "$(head -1 "$T/vi.csv")" "Họ và tên,Ngày sinh,Giới tính"
# A training session two members attended, and an activity of a team.
an=$(C list members --format csv | grep ',Nguyễn Văn An,' | cut -d, -f1)
binh=$(C list members --format csv | grep ',Trần Thị Bình,' | cut -d, -f1)
team=$(C list teams --format csv | grep ',Tổ CNSCĐ thôn Đông,' | cut -d, -f1)
sid=$(C session add --date 20/09/2022 --place "Hội trường xã" --organiser "Sở KH&CN" --topic "VNeID, dịch vụ công")
C session attend "$sid" "$an" "$binh" >/dev/null
C activity add --team "$team" --date 06/05/2023 --type vneid --people 25 --households 12 >/dev/null
for t in teams areas sessions activities; do
    check "export $t" C csv export $t -o "$T/$t.csv"
done
expect_eq "every line ends with CRLF" "$(grep -c "$(printf '\r')\$" "$T/teams.csv")" "$(grep -c '' "$T/teams.csv")"
expect_eq "a line break inside a note stays inside its quoted field" \
    "$(tr -d '\r' <"$T/m.csv" | grep -c '^(từ 2021)"$')" 1
expect_contains "teams export names the teams" "$(cat "$T/teams.csv")" "Tổ CNSCĐ thôn Đông,Village,Thôn Đông"
expect_contains "sessions export: date, quoted topic, attendees" "$(cat "$T/sessions.csv")" \
    '20/09/2022,Hội trường xã,Sở KH&CN,"VNeID, dịch vụ công",2,'
expect_contains "activities export: date, team, type label, counts" "$(cat "$T/activities.csv")" \
    "06/05/2023,Tổ CNSCĐ thôn Đông,VNeID,25,12,"
expect_contains "areas export: kind label and number of teams" "$(cat "$T/areas.csv")" "Thôn Đông,Village (thôn),1,"
check_fails "unknown table" 2 C csv export people -o "$T/x.csv"
check_fails "export needs -o" 2 C csv export members

# --- round trip -------------------------------------------------------------
"$CDTT" --db "$T/c.db" csv export members -o "$T/full1.csv" --full >/dev/null
"$CDTT" --db "$T/r.db" init --office 00004 --name "Phường Ba Đình" >/dev/null
check "the export imports into a fresh commune file" "$CDTT" --db "$T/r.db" csv import members "$T/full1.csv"
"$CDTT" --db "$T/r.db" csv export members -o "$T/full2.csv" --full >/dev/null
check "export → import → export gives the same file" cmp "$T/full1.csv" "$T/full2.csv"
C csv export members -o "$T/en1.csv" --full >/dev/null
"$CDTT" --db "$T/e.db" init --office 00004 --name "Phường Ba Đình" >/dev/null
check "an English export imports too" "$CDTT" --lang en --db "$T/e.db" csv import members "$T/en1.csv"
"$CDTT" --lang en --db "$T/e.db" csv export members -o "$T/en2.csv" --full >/dev/null
check "English export → import → export gives the same file" cmp "$T/en1.csv" "$T/en2.csv"

# --- xlsx -------------------------------------------------------------------
check "xlsx export" C xlsx export -o "$T/all.xlsx"
expect_eq "the workbook is a zip file" "$(head -c 4 "$T/all.xlsx" | od -An -tx1 | tr -d ' ')" "504b0304"
expect_eq "the workbook is private (0600)" "$(stat -c %a "$T/all.xlsx")" 600
# File names are stored uncompressed in a zip's directory.
expect_eq "the workbook has five sheets" "$(grep -a -o 'xl/worksheets/sheet[0-9]*\.xml' "$T/all.xlsx" | sort -u | wc -l)" 5
if command -v unzip >/dev/null 2>&1; then
    names=$(unzip -p "$T/all.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | cut -d'"' -f2 | paste -sd,)
    expect_eq "the sheets are named after the tables" "$names" "Members,Teams,Areas,Training sessions,Activities"
else
    skip "the sheets are named after the tables" "unzip is not installed"
fi
check_fails "an existing workbook is not replaced" 1 C xlsx export -o "$T/all.xlsx"

finish
