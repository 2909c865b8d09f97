#!/bin/sh
# tests/valgrind/run.sh — every unit test and a few CLI runs under valgrind
# (--leak-check=full); fails on the first error or leak. Run by `make valgrind`.
# Environment: CDTT (the binary), BUILD (the build folder with tests/).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
CDTT=${CDTT:-$ROOT/cdtt}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind is not installed (apt-get install valgrind)"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-vg.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T" LANGUAGE= LC_ALL=C.UTF-8
VG="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
failed=0 n=0

# vg NAME CMD...: runs CMD under valgrind; counts a failure when valgrind reports an error.
vg() {
    name=$1; shift
    n=$((n + 1))
    $VG "$@" >"$T/out" 2>&1
    if [ $? -eq 99 ]; then
        failed=$((failed + 1)); echo "FAIL $name"; grep '^==' "$T/out" | head -30
    else
        echo "ok   $name"
    fi
}

for t in "$BUILD"/tests/test_*; do [ -x "$t" ] && vg "$(basename "$t")" "$t"; done

DB=$T/v.db
vg "init" "$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình"
vg "add area" "$CDTT" --db "$DB" add area "Thôn Đông" --yes
vg "add team" "$CDTT" --db "$DB" add team "Tổ Đông" --area "Thôn Đông" --yes
vg "add member" "$CDTT" --db "$DB" add member "Nguyễn Thị Hoà" --team "Tổ Đông" --phone 0912345678 --consent --yes
vg "list members" "$CDTT" --db "$DB" list members --search hoa
vg "csv export" "$CDTT" --db "$DB" csv export members -o "$T/m.csv"
vg "xlsx export" "$CDTT" --db "$DB" xlsx export -o "$T/m.xlsx"
vg "export" "$CDTT" --db "$DB" export -o "$T/p.cdtt"
vg "report" "$CDTT" --db "$DB" report
vg "check" "$CDTT" --db "$DB" check
vg "import (refused: own package)" "$CDTT" --db "$DB" import "$T/p.cdtt"
vg "help" "$CDTT" --help

echo "valgrind: $n runs, $failed with errors or leaks"
[ "$failed" -eq 0 ]
