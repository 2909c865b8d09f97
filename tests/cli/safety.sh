#!/bin/sh
# safety.sh — nothing raw reaches a terminal or a spreadsheet, and files are
# written one safe way (README: Security and data protection):
#   control characters are refused on every input path and shown as ^[ … by
#   every printer; every CSV the program writes neutralises formulas; output
#   files never follow a link nor replace what is not a regular file; database
#   paths that are URIs or not SQLite files are refused; a full disk is called
#   a full disk.
. "$(dirname "$0")/../lib.sh"
cd "$T" || exit 1
ESC=$(printf '\033')
BEL=$(printf '\007')
CSI1=$(printf '\302\233')   # U+009B, the one-byte CSI of 8-bit terminals
RLO=$(printf '\342\200\256') # U+202E RIGHT-TO-LEFT OVERRIDE
c() { "$CDTT" --lang en --db "$T/c.db" "$@"; }
q() { sqlite3 "$@"; }

# raw_free NAME TEXT: TEXT holds no control character but tab, LF and CR (CR ends
# CSV lines), no C1 control and no bidi override.
raw_free() {
    bad=$(printf '%s' "$2" | LC_ALL=C tr -d '\t\n\r' | LC_ALL=C tr -dc '\001-\037\177' | wc -c | tr -d ' ')
    case "$2" in
    *"$CSI1"* | *"$RLO"*) bad=$((bad + 1)) ;;
    esac
    if [ "$bad" = 0 ]; then ok "$1"; else fail "$1" "$bad raw control character(s) in:" \
        "$(printf '%s' "$2" | head -5 | cat -v)"; fi
}

# --- stored text that already holds control characters is shown, never obeyed ------
check "a commune file" c init --office 00004 --name "Phường Ba Đình"
check "an area" c add area "Thôn Đông"
check "a team" c add team "Tổ CNS thôn Đông" --area "Thôn Đông"
check "a member" c add member "Nguyễn Văn An" --team "Tổ CNS thôn Đông"
# As a hand edit with the sqlite3 shell (or an older version) could leave them.
q c.db "UPDATE member SET full_name = 'An' || char(27) || '[2J' || char(10) || 'B' || char(8238) || 'C';
        UPDATE area SET name = 'Thôn' || char(27) || ']0;pwned' || char(7) || 'Đông';
        UPDATE team SET name = 'Tổ' || char(155) || '31m' || char(13) || 'X'"

out=$(c list members 2>&1)
raw_free "list members: nothing raw" "$out"
expect_contains "list members: the name shown escaped" "$out" 'An^[[2J^JB<U+202E>C'
expect_eq "list members: one line per member (a line feed cannot break rows)" "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 2
out=$(c list areas 2>&1)
raw_free "list areas: nothing raw" "$out"
expect_contains "list areas: the name shown escaped" "$out" 'Thôn^[]0;pwned^GĐông'
out=$(c list teams 2>&1)
raw_free "list teams: nothing raw" "$out"
expect_contains "list teams: C1 and CR shown" "$out" 'Tổ<U+009B>31m^MX'
for f in csv; do
    raw_free "list members --format $f: nothing raw" "$(c list members --format $f)"
    raw_free "list areas --format $f: nothing raw" "$(c list areas --format $f)"
done
out=$(c report --by area 2>&1)
raw_free "report --by area: nothing raw" "$out"
expect_contains "report: the village shown escaped" "$out" 'Thôn^[]0;pwned^GĐông'
raw_free "report --format csv: nothing raw" "$(c report --by area --format csv)"
out=$(c report --by area --format json)
raw_free "report --format json: nothing raw" "$out"
expect_contains "report json: ESC and BEL as \\u escapes" "$out" 'Thôn\u001b]0;pwned\u0007Đông'
out=$(c missing mooc 2>&1)
raw_free "missing: nothing raw" "$out"
expect_contains "missing: the member shown escaped" "$out" 'An^[[2J^JB<U+202E>C'
raw_free "missing --format csv: nothing raw" "$(c missing mooc --format csv)"
out=$(c list members --team "Tổ$ESC[31m" 2>&1)
raw_free "an error message naming typed text: nothing raw" "$out"

out=$(c check 2>&1)
raw_free "check: nothing raw" "$out"
expect_contains "check lists the member whose name holds control characters" "$out" \
    "member An^[[2J^JB<U+202E>C: the name holds control characters"
expect_contains "check lists the village too" "$out" "village or group Thôn^[]0;pwned^GĐông: the name holds"

# The unit list and the office's name.
q c.db "INSERT OR REPLACE INTO unit (scheme, level, code, name, parent_code, province_code, name_fold) VALUES
        ('2025-07', 'province', '01', 'Hà Nội' || char(27) || '[2J', NULL, '01', 'ha noi'),
        ('2025-07', 'commune', '00004', 'Phường' || char(27) || ']0;x' || char(7), '01', '01', 'phuong');
        UPDATE office SET name = 'Phường' || char(27) || '[2J'"
out=$(c units list 2>&1)
raw_free "units list: nothing raw" "$out"
expect_contains "units list: the name shown escaped" "$out" 'Hà Nội^[[2J'
raw_free "units list --format csv: nothing raw" "$(c units list --format csv)"

# A package from a commune whose name holds an escape sequence: the province's
# import summary and completeness list show it escaped.
check "the commune exports a package" c export -o c.cdtt
"$CDTT" --db p.db init --office 01 --name "Thành phố Hà Nội" >/dev/null 2>&1
q p.db "INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold) VALUES
        ('2025-07', 'province', '01', 'Thành phố Hà Nội', NULL, '01', 'ha noi'),
        ('2025-07', 'commune', '00004', 'Phường Ba Đình', '01', '01', 'ba dinh')"
out=$("$CDTT" --lang en --db p.db import c.cdtt 2>&1)
raw_free "import summary: nothing raw" "$out"
raw_free "completeness: nothing raw" "$("$CDTT" --lang en --db p.db completeness 2>&1)"
cp c.cdtt "$T/x${ESC}]0;x${BEL}.cdtt"
raw_free "import summary naming a file with an escape in its name: nothing raw" \
    "$("$CDTT" --lang en --db p.db import --dry-run "$T/x${ESC}]0;x${BEL}.cdtt" 2>&1)"

# --- control characters are refused on every input path, with a clear message -------
out=$("$CDTT" --lang en --db i.db init --office 00004 --name "Phường${ESC}]0;pwned${BEL}" 2>&1); rc=$?
expect_eq "init --name with an escape sequence: refused" "$rc" 2
expect_contains "init --name: the message says why" "$out" "control characters"
raw_free "init --name: the refusal shows the name escaped" "$out"
out=$("$CDTT" --lang en --db i.db init --office 00004 --name "Phường ${RLO}hniĐ aB" 2>&1); rc=$?
expect_eq "init --name with a right-to-left override: refused" "$rc" 2
expect_contains "init --name: the message names the direction characters" "$out" "direction"
check "init --name with a plain name" "$CDTT" --db i.db init --office 00004 --name "Phường Ba Đình"
expect_eq "the office's name stored clean" "$(q i.db 'SELECT name FROM office')" "Phường Ba Đình"

printf 'Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\r\nThành phố Hà Nội,01,"Phường\033[2J Ba Đình",00004,Phường\r\n' >units-esc.csv
out=$("$CDTT" --lang en --db u.db units import units-esc.csv 2>&1); rc=$?
expect_eq "a unit list with an escape in a name: refused" "$rc" 1
expect_contains "the unit list refusal names the line and why" "$out" "units-esc.csv:2: the commune name: the name contains control characters"
raw_free "the unit list refusal: nothing raw" "$out"
expect_eq "the unit list refused: no unit stored" "$(q u.db 'SELECT count(*) FROM unit')" 0
printf 'Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\r\nThành phố Hà Nội,01,"Phường Ba Đình%s",00004,Phường\r\n' "$RLO" >units-rlo.csv
check_fails "a unit list with a direction override in a name: refused" 1 "$CDTT" --db u.db units import units-rlo.csv

printf 'Họ và tên,Tổ,Ghi chú\r\n"An\033[2J Bình",Tổ 1,\r\nChâu,Tổ 1,"ghi\033]0;x\007chú"\r\nDung\302\233,Tổ 1,\r\n' >members-esc.csv
out=$(c csv import members members-esc.csv 2>&1); rc=$?
expect_eq "a member list with control characters: refused" "$rc" 1
expect_contains "the member list refusal: the name's row" "$out" 'members-esc.csv:2: Họ và tên "An'
expect_contains "the member list refusal says why" "$out" 'Bình": the name contains control characters'
expect_contains "the member list refusal: the note's row" "$out" "members-esc.csv:3: Ghi chú"
expect_contains "the member list refusal: a C1 control" "$out" "members-esc.csv:4: Họ và tên"
raw_free "the member list refusal: nothing raw" "$out"
expect_eq "the member list refused: nobody added" "$(q c.db "SELECT count(*) FROM member WHERE full_name LIKE 'Ch%'")" 0

out=$(c add team "Tổ mới" --decision-no "$(printf '45/QĐ\nUBND')" 2>&1); rc=$?
expect_eq "a decision number with a line break: refused" "$rc" 1
expect_contains "the decision number refusal says why" "$out" "Decision number: the text contains control characters"
check_fails "an issuer with a line break: refused" 1 c add team "Tổ mới" --issuer "$(printf 'UBND\nxã')"
check_fails "a session place with a line break: refused" 1 c session add --date 01/10/2022 --place "$(printf 'Nhà\nvăn hoá')"
check_fails "a session topic with an escape: refused" 1 c session add --date 01/10/2022 --topic "VNeID${ESC}[2J"
check "a session note may hold a line break" c session add --date 01/10/2022 --note "$(printf 'dòng 1\ndòng 2')"
check_fails "an area named with a direction override: refused" 1 c add area "Thôn ${RLO}gnôĐ"

# --- a NUL byte in a CSV file refuses the file, with the UTF-16 hint; a UTF-16 file is
# --- read as UTF-16 (tests/cli/excel.sh), and a refusal says it was read so ----------
printf 'Họ và tên,Tổ\r\nAn\000 Bình,Tổ 1\r\n' >members-nul.csv
out=$(c csv import members members-nul.csv 2>&1); rc=$?
expect_eq "a member list with a NUL byte: refused" "$rc" 1
expect_contains "the NUL refusal names the line and hints at UTF-16" "$out" "members-nul.csv:2: the file contains a NUL byte"
expect_contains "the NUL refusal says UTF-16" "$out" "UTF-16"
expect_eq "the NUL refusal: no member cut at the NUL" "$(q c.db "SELECT count(*) FROM member WHERE full_name = 'An'")" 0
printf '\377\376H\000\315\036,\000T\000\r\000\n\000' >members-utf16.csv
out=$(c csv import members members-utf16.csv 2>&1); rc=$?
expect_eq "a UTF-16 member list without a name column: refused" "$rc" 1
expect_contains "a UTF-16 member list: the refusal says it was read as UTF-16" "$out" "UTF-16"
printf 'Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\r\nThành phố Hà Nội,01,Phường\000 Ba Đình,00004,Phường\r\n' >units-nul.csv
out=$("$CDTT" --lang en --db u.db units import units-nul.csv 2>&1); rc=$?
expect_eq "a unit list with a NUL byte: refused" "$rc" 1
expect_contains "the unit list NUL refusal hints at UTF-16" "$out" "UTF-16"

# --- every CSV the program writes neutralises formulas -----------------------------
# formula_free NAME CSV: no cell of CSV begins as a formula (= + - @ or full-width).
formula_free() {
    if printf '%s\n' "$2" | grep -qE '(^|,)"?(=|\+|@|-[^0-9]|＝|＋|－|＠)'; then
        fail "$1" "a cell begins as a formula:" "$(printf '%s\n' "$2" | grep -E '(^|,)"?(=|\+|@|-[^0-9]|＝|＋|－|＠)' | head -3)"
    else ok "$1"; fi
}
f() { "$CDTT" --lang en --db "$T/f.db" "$@"; }
check "a file for formulas" f init --office 00004 --name "Phường Ba Đình"
check "an area named =HYPERLINK(\"x\")" f add area '=HYPERLINK("http://x","y")'
check "a team named +cmd" f add team "+cmd|' /C calc'!A0" --area '=HYPERLINK("http://x","y")'
check "a member named @SUM" f add member '@SUM(1+1)*cmd|' --team "+cmd|' /C calc'!A0"
check "a member named ＝1+1" f add member '＝1+1' --team "+cmd|' /C calc'!A0"
check "a third member" f add member 'Ba' --team "+cmd|' /C calc'!A0"
q f.db "UPDATE member SET full_name = '-2+3' WHERE full_name = 'Ba'" # an option to the command line
for what in "list members" "list teams" "list areas" "report --by area" "missing mooc" "missing inperson"; do
    # shellcheck disable=SC2086 # the words of $what are the command's words
    out=$(f $what --format csv)
    formula_free "$what --format csv: no cell begins as a formula" "$out"
done
out=$(f list members --format csv)
expect_contains "list members --format csv: @SUM shown as text" "$out" "'@SUM(1+1)*cmd|"
expect_contains "list members --format csv: ＝1+1 shown as text" "$out" "'＝1+1"
expect_contains "list members --format csv: -2+3 shown as text" "$out" "'-2+3"
expect_contains "report --format csv: the area shown as text" "$(f report --by area --format csv)" "\"'=HYPERLINK("
expect_contains "missing --format csv: +cmd shown as text" "$(f missing mooc --format csv)" "'+cmd|' /C calc'!A0"
check "csv export members" f csv export members -o m.csv
formula_free "csv export members: no cell begins as a formula" "$(cat m.csv)"
check "csv export areas" f csv export areas -o a.csv
formula_free "csv export areas: no cell begins as a formula" "$(cat a.csv)"
expect_eq "report figures stay numbers" "$(f report --by area --format csv | tail -1 | tr -d '\r')" \
    ",Total,1,3,0,0.0,0,0.0,0,0.0,0,0,0"
printf 'Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\r\n@SUM(1+1),01,=HYPERLINK(""x""),00004,Phường\r\n' >units-formula.csv
check "a unit list whose names look like formulas" f units import units-formula.csv
formula_free "units list --format csv: no cell begins as a formula" "$(f units list --format csv)"
# The member import takes the apostrophe off again: a round trip keeps the names.
check "the exported member list imports into a new file" "$CDTT" --db g.db init --office 00004 --name "Phường Ba Đình"
check "csv import of the exported members" "$CDTT" --db g.db csv import members m.csv
expect_eq "the names came back without the apostrophe" \
    "$("$CDTT" --db g.db list members --format csv | tail -n +2 | cut -d, -f2 | sort | tr '\n' '|')" \
    "$(f list members --format csv | tail -n +2 | cut -d, -f2 | sort | tr '\n' '|')"

# --- output files: never through a link, never over a pipe or a device -------------
mkfifo pipe.csv pipe.cdtt pipe.xlsx
echo "keep me" >precious.txt
ln -s precious.txt link.csv
ln -s precious.txt link.cdtt
for what in "csv export members -o pipe.csv" "xlsx export -o pipe.xlsx" "export -o pipe.cdtt"; do
    # shellcheck disable=SC2086 # the words of $what are the command's words
    out=$(f $what --force 2>&1); rc=$?
    expect_eq "$what --force onto a FIFO: refused" "$rc" 1
    expect_contains "$what --force onto a FIFO: says why" "$out" "not an ordinary file"
    target=${what##* }
    expect_eq "$what --force: the FIFO is still there" "$(stat -c %F "$target")" "fifo"
done
for what in "csv export members -o link.csv" "export -o link.cdtt"; do
    # shellcheck disable=SC2086
    out=$(f $what --force 2>&1); rc=$?
    expect_eq "$what --force onto a symbolic link: refused" "$rc" 1
    expect_contains "$what --force onto a symbolic link: says why" "$out" "symbolic link"
done
expect_eq "the link's target untouched" "$(cat precious.txt)" "keep me"
expect_eq "the links are still links" "$(stat -c %F link.csv link.cdtt | sort -u)" "symbolic link"
if mknod chardev.csv c 1 3 2>/dev/null; then
    check_fails "csv export --force onto a device: refused" 1 f csv export members -o chardev.csv --force
    expect_eq "the device is still a device" "$(stat -c %F chardev.csv)" "character special file"
else
    skip "csv export --force onto a device" "cannot make a device node here"
fi
expect_eq "no temporary file left beside the refused targets" "$(ls -a | grep -c '\.tmp-')" 0

# --- the database path: no URI, no memory database, no file that is not SQLite -------
out=$("$CDTT" --lang en --db 'file:m.db?mode=memory' init --office 00004 --name "Phường Ba Đình" 2>&1); rc=$?
expect_eq "--db with an SQLite URI: refused" "$rc" 1
expect_contains "--db with a URI: says why" "$out" "SQLite URI"
expect_eq "--db with a URI: no file made" "$(ls | grep -c '^m\.db\|^file:')" 0
check_fails "--db :memory: refused" 1 "$CDTT" --db :memory: init --office 00004 --name "Phường Ba Đình"
mkdir 'file:dir'
check "a file in a folder named file: is fine when written ./file:…" \
    "$CDTT" --db './file:dir/x.db' init --office 00004 --name "Phường Ba Đình"
: >empty.db
chmod 644 empty.db
check "an existing empty file becomes a database" "$CDTT" --db empty.db init --office 00004 --name "Phường Ba Đình"
expect_eq "an existing empty 0644 file becomes a 0600 database" "$(stat -c %a empty.db)" 600
printf 'Họ và tên,Tổ\n' >notes.txt
out=$("$CDTT" --lang en --db notes.txt list areas 2>&1); rc=$?
expect_eq "a file that is not SQLite: refused" "$rc" 1
expect_contains "a file that is not SQLite: says so" "$out" "not an SQLite file"
expect_eq "a file that is not SQLite: left as it was" "$(cat notes.txt)" "Họ và tên,Tổ"
check_fails "a FIFO as the database: refused" 1 "$CDTT" --db pipe.cdtt list areas

# --- a full disk, a full TMPDIR: said as such -----------------------------------------
MOUNTS=""
trap 'for m in $MOUNTS; do umount "$m" 2>/dev/null; done; rm -rf "$T"' EXIT
mkdir full tfull
if mount -t tmpfs -o size=4m,mode=0700 tmpfs full 2>/dev/null; then
    MOUNTS="$T/full"
    check "a file on the small disk" "$CDTT" --db full/d.db init --office 00004 --name "Phường Ba Đình"
    check "an area on it" "$CDTT" --db full/d.db add area "Thôn Đông"
    head -c 8000000 /dev/zero >full/filler 2>/dev/null
    rm -f full/d.db-wal full/d.db-shm
    for what in "list areas" "add area Thôn_Tây" "report"; do
        # shellcheck disable=SC2086
        out=$("$CDTT" --lang en --db full/d.db $what 2>&1); rc=$?
        expect_eq "$what on a full disk: fails" "$rc" 1
        expect_contains "$what on a full disk: says the disk is full" "$out" "the disk is full"
        expect_not_contains "$what on a full disk: not 'not a cdtt database'" "$out" "not a cdtt database"
    done
    for what in "csv export members -o full/m.csv" "xlsx export -o full/w.xlsx" "export -o full/p.cdtt"; do
        # shellcheck disable=SC2086
        out=$(f $what 2>&1); rc=$?
        expect_eq "$what onto a full disk: fails" "$rc" 1
        expect_contains "$what onto a full disk: says the disk is full" "$out" "disk is full"
    done
    expect_eq "nothing left on the full disk but the file and the filler" "$(ls full | grep -v -e '^d\.db' -e '^filler$')" ""
else
    skip "full disk" "cannot mount a small tmpfs here (needs root)"
fi
if mount -t tmpfs -o size=100k,mode=0700 tmpfs tfull 2>/dev/null; then
    MOUNTS="$MOUNTS $T/tfull"
    "$CDTT" --db big.db init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1
    "$CDTT" --db big.db demo --members 300 --seed 1 >/dev/null 2>&1
    check "a package bigger than the temporary folder" "$CDTT" --db big.db export -o big.cdtt
    out=$(TMPDIR="$T/tfull" "$CDTT" --lang en --db p.db import big.cdtt 2>&1); rc=$?
    expect_eq "import with a full TMPDIR: refused" "$rc" 1
    expect_contains "import with a full TMPDIR: says the disk is full" "$out" "the disk is full"
    expect_not_contains "import with a full TMPDIR: not 'No such file'" "$out" "No such file"
else
    skip "full TMPDIR" "cannot mount a small tmpfs here (needs root)"
fi

finish
