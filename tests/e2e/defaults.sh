#!/bin/sh
# defaults.sh — defaults from context and keys an official expects (issue 16), at 80×24 and
# 60×16: in a Phường a new area is a "Tổ dân phố"; a new team is at commune level until an
# area is picked, then takes the level the area's kind calls for; a level that disagrees
# with the area's kind is a warning; Telex "QDD" types "QĐ" (QĐ-UBND); "đ" picks
# "Đoàn thanh niên" in a choice field.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/d.db
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
list() { "$CDTT" --db "$DB" list "$1" --format csv 2>&1; }
for size in "80 24" "60 16"; do
    set -- $size
    at="at $1x$2"
    tm_start "$1" "$2" --db "$DB"
    tm_wait "Số địa bàn"
    tm_type 1
    tm_wait "Tìm:"
    tm_keys C-n
    tm_wait "Thêm địa bàn"
    expect_line "$at in a Phường a new area is a Tổ dân phố" "Loại" "[Tổ dân phố"
    tm_keys Tab
    tm_type "TDP số $1"
    tm_keys C-s
    tm_wait "Đã lưu"
    tm_keys F10 F10
    tm_wait "Số địa bàn"
    tm_type 2
    tm_wait "Tìm:"
    tm_keys C-n
    tm_wait "Tên tổ"
    expect_line "$at a new team without an area is at commune level" "Cấp  " "[Cấp xã"
    tm_type "Tổ TDP $1"
    tm_keys Down Down Right
    tm_wait "[TDP số"
    expect_line "$at picking a tổ dân phố makes the level Tổ dân phố" "Cấp  " "[Tổ dân phố"
    tm_keys Down F6
    tm_wait "Telex:bật"
    tm_type "45/QDD-UBND"
    expect_screen "$at Telex QDD types QĐ" "[45/QĐ-UBND"
    tm_keys F6
    tm_keys Up Up
    tm_type t
    tm_wait "[Thôn, bản, ấp"
    tm_keys C-s
    expect_screen "$at a level that disagrees with the area's kind is a warning" "không khớp"
    tm_keys C-s
    tm_wait "F4 (Ctrl-N)"
    expect_contains "$at the decision number is stored" "$(list teams)" "45/QĐ-UBND"
    tm_keys C-n
    tm_wait "Thành viên mới"
    tm_type "Hà Văn Đoàn $1"
    for k in 1 2 3 4 5 6; do tm_keys Tab; done
    tm_type "đ"
    expect_line "$at đ picks Đoàn thanh niên" "Thành phần" "[Đoàn thanh niên"
    tm_stop
done
finish
