#!/bin/sh
# export-words.sh — the export's words (issue 16), at 80×24 and 60×16: the message after an
# export names the folder as well as the file; declining to replace an existing file is not
# shown as an error ("Lỗi"), and says that nothing was written; a Phường is not called "Xã".
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

mkdir "$T/out" && cd "$T/out" || exit 1
"$CDTT" --db e.db init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
folder=$(pwd -P)
flat() { tm_screen | tr '\n' ' ' | tr -s ' '; } # the screen as one line: wrapped messages whole

for size in "80 24" "60 16"; do
    set -- $size
    at="at $1x$2"
    rm -f cdtt-00004-*
    tm_start "$1" "$2" --db e.db
    tm_wait "Màn hình chính"
    tm_type 6
    tm_wait "Xuất ra Excel"
    expect_screen "$at a Phường is called by its name, not \"Xã\"" "Phường Ba Đình gửi dữ liệu lên tỉnh"
    tm_type 3
    tm_wait "Mọi bảng"
    tm_keys F2
    tm_wait "Đã ghi sổ Excel"
    expect_contains "$at the message names the folder" "$(flat)" "trong thư mục"
    tm_type 3
    tm_wait "Mọi bảng"
    tm_keys F2
    tm_wait "Thay thế tệp"
    tm_keys k
    tm_wait "Chưa ghi gì"
    expect_not_contains "$at declining to replace is not an error" "$(flat)" "Lỗi"
    tm_stop
done
expect_contains "the folder named is where the file is" "$(ls "$folder")" "cdtt-00004-"
finish
