#!/bin/sh
# package.sh — `cdtt export`, `cdtt import`, `cdtt conflicts`, `cdtt completeness`
# with the real binary: two communes and a province, re-imports, a newer package,
# deletions, conflicts, every refusal (the province's .dump unchanged), export upward.
. "$(dirname "$0")/../lib.sh"
umask 077
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "# the sqlite3 shell is missing (apt-get install sqlite3); it builds the fixtures"
    exit 1
fi
cd "$T" || exit 1


# mkoffice FILE CODE LEVEL NAME (tests/lib-office.sh), with Hồ Chí Minh City too.
MORE_UNITS=",
              ('2025-07', 'province', '79', 'Thành phố Hồ Chí Minh', NULL, '79', 'ho chi minh'),
              ('2025-07', 'commune', '26734', 'Phường Sài Gòn', '79', '79', 'sai gon')"
. "$ROOT/tests/lib-office.sh"

# team FILE UNIT TEAM_UUID; member FILE UNIT TEAM_UUID UUID NAME PHONE CCCD CONSENT UPDATED_AT
team() {
    q "$1" "INSERT INTO team (uuid, unit_scheme, unit_code, level, name, name_fold, sort_key, created_at,
              updated_at, changed_by) VALUES ('$3', '2025-07', '$2', 'commune', 'Tổ CNS phường', 'to cns',
              'to cns', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2025-07:$2');"
}
member() {
    q "$1" "INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, phone, cccd,
              consent, created_at, updated_at, changed_by) VALUES ('$4', '2025-07', '$2', '$5', '$5', '$5',
              nullif('$6', ''), nullif('$7', ''), $8, '2026-01-01T00:00:00.000Z', '$9', '2025-07:$2');
            INSERT INTO membership (uuid, team_uuid, member_uuid, created_at, updated_at, changed_by)
              VALUES ('ms-$4', '$3', '$4', '2026-01-01T00:00:00.000Z', '$9', '2025-07:$2');"
}

mkoffice a.db 00004 commune 'Phường Ba Đình'
team a.db 00004 team-a
member a.db 00004 team-a m-a1 'Nguyễn Thị Lan' 0912345678 001190012345 0 2026-02-01T00:00:00.000Z
member a.db 00004 team-a m-a2 'Trần Văn Bình' 0987654321 '' 1 2026-02-01T00:00:00.000Z
mkoffice b.db 00008 commune 'Phường Ngọc Hà'
team b.db 00008 team-b
member b.db 00008 team-b m-b1 'Lê Thị Hoa' 0911111111 '' 1 2026-02-02T00:00:00.000Z
mkoffice p.db 01 province 'Thành phố Hà Nội'

# --- export ---
out=$(cdtt --db a.db export -o a1.cdtt 2>&1)
expect_contains "export reports the package" "$out" "Package written: a1.cdtt"
expect_eq "package is mode 0600" "$(stat -c %a a1.cdtt)" 600
expect_eq "CCCD left out" "$(pkg_q a1.cdtt 'SELECT count(*) FROM member WHERE cccd IS NOT NULL')" 0
expect_eq "phone of a member without consent left out" \
    "$(pkg_q a1.cdtt "SELECT count(*) FROM member WHERE phone IS NULL AND uuid = 'm-a1'")" 1
expect_eq "manifest says masked" "$(pkg_q a1.cdtt "SELECT value FROM manifest WHERE key = 'identifiers'")" masked
if grep -q 001190012345 a1.cdtt a1.cdtt.inner.db; then fail "no CCCD bytes anywhere in the file"; else ok "no CCCD bytes anywhere in the file"; fi
cdtt --db a.db export --plain -o a1p.cdtt >/dev/null 2>&1
cdtt --db a.db export --plain -o a1p-again.cdtt >/dev/null 2>&1
expect_eq "same data, same digest (plain)" "$(q a1p-again.cdtt "SELECT value FROM manifest WHERE key = 'digest'")" \
    "$(q a1p.cdtt "SELECT value FROM manifest WHERE key = 'digest'")"
check_fails "existing target refused without --force" 1 "$CDTT" --db a.db export -o a1.cdtt
check "existing target replaced with --force" "$CDTT" --db a.db export -o a1.cdtt --force
check "--full export" "$CDTT" --db a.db export -o a1-full.cdtt --full
expect_eq "--full keeps the CCCD" "$(pkg_q a1-full.cdtt 'SELECT cccd FROM member WHERE uuid = "m-a1"')" 001190012345
check_fails "export without -o is a usage error" 2 "$CDTT" --db a.db export
mkdir 'file:out'
check "export into a folder named like a URI" "$CDTT" --db a.db export -o 'file:out/a.cdtt'
check "that package verifies" "$CDTT" --db p.db import --dry-run 'file:out/a.cdtt'
ln -s a1.cdtt link.cdtt
check "a package reached through a symbolic link imports" "$CDTT" --db p.db import --dry-run link.cdtt
cdtt --db b.db export -o b1.cdtt >/dev/null 2>&1

# --- import at the province: both files, twice ---
before=$(dumpsum p.db)
out=$(cdtt --db p.db import --dry-run a1.cdtt b1.cdtt 2>&1)
expect_contains "dry run counts" "$out" "Total: new 8, updated 0, unchanged 0, deleted 0, refused 0, conflicts 0"
expect_eq "dry run writes nothing" "$(dumpsum p.db)" "$before"
out=$(cdtt --db p.db import a1.cdtt b1.cdtt 2>&1)
expect_contains "first import: all new" "$out" "Total: new 8, updated 0, unchanged 0"
out=$(cdtt --db p.db import a1.cdtt b1.cdtt 2>&1)
expect_contains "second import: all unchanged" "$out" "Total: new 0, updated 0, unchanged 8, deleted 0"
expect_eq "each member once" "$(q p.db 'SELECT count(*) FROM member')" 3

# --- a newer package: a change and a deletion travel up ---
q a.db "UPDATE member SET full_name = 'Nguyễn Thị Lan Anh', updated_at = '2026-03-01T00:00:00.000Z' WHERE uuid = 'm-a1';
        UPDATE member SET deleted = 1, updated_at = '2026-03-01T00:00:00.000Z' WHERE uuid = 'm-a2';"
# Plain (format 1): the checks below edit it as one SQLite file, as a forger would.
cdtt --db a.db export --plain -o a2.cdtt >/dev/null 2>&1
out=$(cdtt --db p.db import a2.cdtt 2>&1)
expect_contains "newer package: one update, one deletion" "$out" "Total: new 0, updated 1, unchanged 3, deleted 1"
out=$(cdtt --db p.db import a1.cdtt 2>&1)
expect_contains "older package afterwards changes nothing" "$out" "Total: new 0, updated 0, unchanged 0, deleted 0"
expect_contains "and says it is older" "$out" "older than the package already imported from Phường Ba Đình"
expect_eq "newest data kept" "$(q p.db "SELECT full_name FROM member WHERE uuid = 'm-a1'")" "Nguyễn Thị Lan Anh"
expect_eq "deleted member marked" "$(q p.db "SELECT deleted FROM member WHERE uuid = 'm-a2'")" 1
expect_eq "still each member once" "$(q p.db 'SELECT count(*) FROM member')" 3

# --- every refusal leaves the province's file as it was ---
refused() { # NAME FILE REASON
    before=$(dumpsum p.db)
    out=$(cdtt --db p.db import "$2" 2>&1); rc=$?
    if [ $rc -eq 1 ] && [ "$(dumpsum p.db)" = "$before" ]; then
        expect_contains "$1" "$out" "$3"
    else
        fail "$1" "exit $rc, dump changed: $([ "$(dumpsum p.db)" = "$before" ] && echo no || echo yes)" "$out"
    fi
}
cp a2.cdtt flip.cdtt
off=$(grep -boa 'Lan Anh' flip.cdtt | head -1 | cut -d: -f1)
printf 'X' | dd of=flip.cdtt bs=1 seek="$off" conv=notrunc 2>/dev/null
refused "bit flip refused" flip.cdtt "digest does not match"
cp a2.cdtt flip2.cdtt
printf '\377' | dd of=flip2.cdtt bs=1 seek=4099 conv=notrunc 2>/dev/null
refused "flip in a b-tree page refused" flip2.cdtt "REFUSED"
head -c 5000 a2.cdtt >short.cdtt
refused "truncated file refused" short.cdtt "truncated"
mkoffice x.db 26734 commune 'Phường Sài Gòn'
cdtt --db x.db export -o hcm.cdtt >/dev/null 2>&1
refused "package from another province refused" hcm.cdtt "not under this office"
cp a2.cdtt newer.cdtt; q newer.cdtt 'PRAGMA user_version = 99'
refused "newer schema refused" newer.cdtt "newer version of cdtt"
cp a2.cdtt trig.cdtt; q trig.cdtt 'CREATE TRIGGER t AFTER INSERT ON member BEGIN DELETE FROM member; END;'
refused "planted trigger refused" trig.cdtt "trigger t"
cp a2.cdtt view.cdtt; q view.cdtt 'CREATE VIEW v AS SELECT 1;'
refused "planted view refused" view.cdtt "view v"
cp a2.cdtt extra.cdtt; q extra.cdtt 'CREATE TABLE extra (x);'
refused "extra table refused" extra.cdtt "table extra"
printf 'Họ và tên,Ngày sinh\r\nNguyễn Văn A,01/01/1990\r\n' >members.csv
refused "non-SQLite file refused" members.csv "not a SQLite database"
cp a.db plain.cdtt
refused "cdtt database without manifest refused" plain.cdtt "no manifest"
out=$(cdtt --db p.db import a2.cdtt short.cdtt 2>&1); rc=$?
expect_eq "a refused file among good ones: exit 1" "$rc" 1
expect_contains "a refused file among good ones: the good one is merged" "$out" "unchanged 5"

out=$(LANGUAGE= "$CDTT" --db p.db import short.cdtt 2>&1)
expect_contains "refusal in Vietnamese by default" "$out" "BỊ TỪ CHỐI"

# --- conflicts: changed at both levels ---
q p.db "UPDATE member SET full_name = 'Hoa (tỉnh sửa)', updated_at = '2026-03-05T00:00:00.000Z',
          changed_by = '2025-07:01' WHERE uuid = 'm-b1';"
q b.db "UPDATE member SET full_name = 'Hoa (phường sửa)', updated_at = '2026-03-06T00:00:00.000Z' WHERE uuid = 'm-b1';"
cdtt --db b.db export -o b2.cdtt >/dev/null 2>&1
out=$(cdtt --db p.db import b2.cdtt 2>&1)
expect_contains "conflict counted" "$out" "conflicts 1"
expect_eq "local version kept" "$(q p.db "SELECT full_name FROM member WHERE uuid = 'm-b1'")" "Hoa (tỉnh sửa)"
out=$(cdtt --db p.db conflicts 2>&1)
expect_contains "conflicts lists the record" "$out" "Hoa (tỉnh sửa)"
expect_contains "conflicts shows the incoming version" "$out" "Hoa (phường sửa)"
id=$(q p.db 'SELECT id FROM conflict')
check_fails "resolve needs mine or theirs" 2 "$CDTT" --db p.db conflicts resolve "$id" both
check "resolve theirs" "$CDTT" --db p.db conflicts resolve "$id" theirs
expect_eq "incoming version taken" "$(q p.db "SELECT full_name FROM member WHERE uuid = 'm-b1'")" "Hoa (phường sửa)"
expect_contains "no open conflicts left" "$(cdtt --db p.db conflicts 2>&1)" "No open conflicts."
check_fails "resolving twice refused" 1 "$CDTT" --db p.db conflicts resolve "$id" mine
out=$(cdtt --db p.db import b2.cdtt 2>&1)
expect_contains "re-import after resolving changes nothing" "$out" "new 0, updated 0, unchanged 3, deleted 0, refused 0, conflicts 0"

# --- completeness ---
out=$(cdtt --db p.db completeness 2>&1)
expect_contains "completeness: commune that sent nothing" "$out" "Phường Giảng Võ	nothing sent"
expect_contains "completeness: summary" "$out" "3 commune(s), 2 sent data, 1 sent nothing."
out=$(cdtt --db p.db completeness --missing 2>&1)
expect_not_contains "completeness --missing hides communes that sent" "$out" "Ba Đình"

# --- the province exports upward in the same format ---
cdtt --db p.db export -o p.cdtt >/dev/null 2>&1
mkoffice n.db 00 national 'Bộ Khoa học và Công nghệ'
out=$(cdtt --db n.db import p.cdtt 2>&1)
expect_contains "national office imports the province's package" "$out" "Total: new 8, updated 0"
expect_eq "national file holds both communes' members" "$(q n.db 'SELECT count(*) FROM member')" 3
out=$(cdtt --db n.db import p.cdtt 2>&1)
expect_contains "and a second time changes nothing" "$out" "Total: new 0, updated 0, unchanged 8"

# --- with the real unit list and the real `cdtt init` (skipped when ../shared/data is absent) ---
UNITS="$SHARED_DATA/units-2025-07.csv"
if [ -r "$UNITS" ]; then
    for f in ra rb rp; do cdtt --db $f.db units import "$UNITS" >/dev/null 2>&1; done
    cdtt --db ra.db init --office 00004 >/dev/null 2>&1
    cdtt --db rb.db init --office 25747 >/dev/null 2>&1
    check "real list: province office set" "$CDTT" --db rp.db init --office 01
    team ra.db 00004 team-ra
    member ra.db 00004 team-ra m-ra1 'Phạm Thu Trang' 0901234567 '' 1 2026-02-01T00:00:00.000Z
    team rb.db 25747 team-rb
    cdtt --db ra.db export -o ra.cdtt >/dev/null 2>&1
    cdtt --db rb.db export -o rb.cdtt >/dev/null 2>&1
    expect_eq "real list: the package names the commune's province" \
        "$(pkg_q ra.cdtt "SELECT value FROM manifest WHERE key = 'province_code'")" 01
    out=$(cdtt --db rp.db import ra.cdtt 2>&1)
    expect_contains "real list: a Hà Nội commune imports into Hà Nội" "$out" "Total: new 3, updated 0"
    before=$(dumpsum rp.db)
    out=$(cdtt --db rp.db import rb.cdtt 2>&1)
    expect_contains "real list: a Hồ Chí Minh City commune is refused" "$out" "not under this office"
    expect_eq "real list: refusal changed nothing" "$(dumpsum rp.db)" "$before"
    out=$(cdtt --db rp.db completeness 2>&1)
    expect_contains "real list: completeness counts Hà Nội's communes" "$out" "126 commune(s), 1 sent data, 125 sent nothing."
else
    skip "real unit list" "$UNITS is absent"
fi

finish
