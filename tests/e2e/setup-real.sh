#!/bin/sh
# setup-real.sh — the first run on the real 2025-07 unit list (../shared/data):
# find the province and the commune by typing without accents, or by code.
# Skipped, saying so, when the shared data folder is absent.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

LIST=$SHARED_DATA/units-2025-07.csv
if [ ! -r "$LIST" ]; then
    for n in "province found without accents" "commune found without accents" "office saved" \
             "commune found by its code"; do
        skip "$n" "shared data folder absent ($SHARED_DATA)"
    done
    finish
fi

DB=$T/r.db
check "the real 2025-07 list imports" "$CDTT" --db "$DB" units import "$LIST"
tm_start 80 24 --db "$DB"
tm_wait "Tỉnh nào?"
tm_type "ha noi"
expect_screen "province found without accents" "Thành phố Hà Nội"
tm_keys Enter
tm_wait "Xã nào?"
tm_type "ba dinh"
expect_screen "commune found without accents" "Phường Ba Đình"
tm_keys Enter
tm_wait "Enter: đúng"; tm_keys Enter
expect_screen "office saved" "Phường Ba Đình (mã 00004)"
tm_keys C-q
tm_wait "[exit 0]"

DB2=$T/r2.db
"$CDTT" --db "$DB2" units import "$LIST" >/dev/null 2>&1
tm_start 80 24 --db "$DB2"
tm_wait "Tỉnh nào?"
tm_type "01"; tm_keys Enter
tm_wait "Xã nào?"
tm_type "00004"; tm_keys Enter
tm_wait "Enter: đúng"; tm_keys Enter
expect_screen "commune found by its code" "Phường Ba Đình (mã 00004)"
tm_keys C-q
finish
