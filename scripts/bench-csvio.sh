#!/bin/sh
# bench-csvio.sh — how long the member import and the exports take on a large
# commune list. Prints figures; asserts nothing.
#   sh scripts/bench-csvio.sh [MEMBERS]      (default 20000)
# Environment: CDTT (the binary, default ./cdtt).
set -eu
N=${1:-20000}
CDTT=${CDTT:-./cdtt}
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8

# A list as a commune keeps it: 5 members per team (the default village limit), 1 team per village.
awk -v n="$N" 'BEGIN {
    split("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý", fam, " ");
    split("Văn Thị Hữu Đức Minh Ngọc Thanh Quốc Thu Xuân", mid, " ");
    split("An Bình Cường Dung Em Giang Hải Hạnh Khánh Linh Long Mai Nam Oanh Phúc Quang Sơn Tâm Uyên Vân", giv, " ");
    printf "\xef\xbb\xbfSTT,Họ và tên,Ngày sinh,Giới tính,Số điện thoại,Tổ,Thôn/Tổ dân phố,Vai trò,Thành phần,Đoàn viên,Học trực tuyến,Zalo OA,Ghi chú\r\n";
    for (i = 0; i < n; i++) {
        v = int(i / 5);
        printf "%d,%s %s %s,%02d/%02d/%d,%s,09%08d,Tổ CNSCĐ thôn %d,Thôn %d,%s,Khác,%s,%s,%s,\"Ghi chú, dòng %d\"\r\n",
            i + 1, fam[i % 16 + 1], mid[int(i / 16) % 10 + 1], giv[int(i / 160) % 20 + 1],
            i % 28 + 1, i % 12 + 1, 1960 + i % 45, (i % 2 ? "Nữ" : "Nam"), i, v, v,
            (i % 5 == 0 ? "Tổ trưởng" : (i % 5 == 1 ? "Tổ phó" : "Thành viên")),
            (i % 3 ? "Không" : "Có"), (i % 4 ? "20/11/2022" : ""), (i % 5 ? "15/09/2022" : "Không"), i
    }
}' >"$T/list.csv"

now() { date +%s.%N; }
report() { awk -v a="$2" -v b="$3" -v n="$4" -v what="$1" 'BEGIN {
    s = b - a; printf "%-38s %8.2f s  %10.0f rows/s\n", what, s, (s > 0 ? n / s : 0) }'; }

"$CDTT" --db "$T/c.db" init --office 00004 --name "Phường Ba Đình" >/dev/null
echo "members: $N ($(wc -c <"$T/list.csv") bytes of CSV)"
a=$(now); "$CDTT" --db "$T/c.db" csv import members "$T/list.csv" --dry-run >/dev/null 2>&1; b=$(now)
report "csv import members --dry-run" "$a" "$b" "$N"
a=$(now); "$CDTT" --db "$T/c.db" csv import members "$T/list.csv" >/dev/null 2>&1; b=$(now)
report "csv import members (new file)" "$a" "$b" "$N"
a=$(now); "$CDTT" --db "$T/c.db" csv import members "$T/list.csv" >/dev/null 2>&1; b=$(now)
report "csv import members (again, unchanged)" "$a" "$b" "$N"
a=$(now); "$CDTT" --db "$T/c.db" csv export members -o "$T/out.csv" --full >/dev/null 2>&1; b=$(now)
report "csv export members --full" "$a" "$b" "$N"
a=$(now); "$CDTT" --db "$T/c.db" xlsx export -o "$T/out.xlsx" >/dev/null 2>&1; b=$(now)
report "xlsx export (all tables)" "$a" "$b" "$N"
echo "members in the file after the import: $(($(grep -c '' "$T/out.csv") - 1)) (expected $N)"
echo "database: $(wc -c <"$T/c.db") bytes; csv: $(wc -c <"$T/out.csv") bytes; xlsx: $(wc -c <"$T/out.xlsx") bytes"
