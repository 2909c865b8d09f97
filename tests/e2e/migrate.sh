#!/bin/sh
# migrate.sh — crossing to the 2025-07 list on the screen, in tmux: the
# exchange menu of a pre-2025 commune offers it (and no longer once migrated);
# a divided commune (Ngọc Hà 00016) lists its villages unplaced, F2 then says
# which are left and changes nothing; Space places each village, F4 chooses
# the file's commune, F2 asks and migrates; the summary names the backup and
# the package; the result is checked through the files and the CLI. A commune
# that went whole shows every village with its new commune.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"
umask 077
command -v sqlite3 >/dev/null 2>&1 || { skip "migrate e2e" "the sqlite3 shell is missing"; finish; }

mkdir "$T/w" && cd "$T/w" || exit 1
C() { "$CDTT" --lang en "$@" >/dev/null 2>&1; }
C --db nh.db init --office 00016 --scheme pre-2025
C --db nh.db add area 'Tổ dân phố 1' --kind to_dan_pho
C --db nh.db add area 'Tổ dân phố 2' --kind to_dan_pho
C --db nh.db add team 'Tổ CNS Tổ dân phố 1' --area 'Tổ dân phố 1' --level group
C --db nh.db add team 'Tổ CNS Tổ dân phố 2' --area 'Tổ dân phố 2' --level group
C --db nh.db add member 'Nguyễn Thị Lan' --team 'Tổ CNS Tổ dân phố 1' --yes
C --db nh.db add member 'Trần Văn Bình' --team 'Tổ CNS Tổ dân phố 2' --yes
before=$(sqlite3 nh.db .dump | sha256sum)
before_sorted=$(sqlite3 nh.db .dump | sort | sha256sum)

tm_start 100 24 --lang vi --db nh.db
expect_screen "home of the pre-2025 commune" "Phường Ngọc Hà"
tm_type 6
expect_screen "the exchange menu of a pre-2025 commune offers the crossing" "4   Chuyển sang danh mục 2025-07"
tm_type 4
expect_screen "the crossing screen names the communes it was divided between" \
    "đã được chia tách ngày 1/7/2025 cho: 1. Phường Ba Đình (00004) 2. Phường"
expect_screen "it lists the villages, none placed yet" "Tổ dân phố 2                                     - (chưa xếp)"
tm_keys F2
expect_screen "F2 first asks for the file's commune" "Hãy chọn bằng F4 xã mà tệp này thuộc về"
tm_keys F4
expect_screen "F4 chooses it" "Tệp này trở thành tệp của: Phường Ba Đình (00004)"
tm_keys Space
tm_keys F2
expect_screen "F2 names the villages left" "Chưa xếp: Tổ dân phố 2."
expect_eq "nothing was changed meanwhile" "$(sqlite3 nh.db .dump | sha256sum)" "$before"
tm_keys Down Space
tm_keys Space
expect_screen "Space gives a village the next commune" "Tổ dân phố 2                                     Phường Ngọc Hà (00008)"
tm_keys F2
expect_screen "F2 asks before migrating" "Tạo bản sao lưu rồi chuyển tệp này thành tệp của Phường Ba Đình (00004)?"
tm_type y
expect_screen "the summary names the backup" "nh.db.pre-2025.bak"
expect_screen "and the package for 00008" "nh.db.to-00008.cdtt"
tm_keys Escape
tm_wait "Xuất gói dữ liệu gửi cấp trên"
scr=$(tm_screen)
expect_not_contains "the exchange menu no longer offers the crossing" "$scr" "Chuyển sang danh mục 2025-07"
tm_stop

expect_eq "the file now belongs to Phường Ba Đình" "$(sqlite3 nh.db "SELECT scheme, code FROM office")" "2025-07|00004"
expect_eq "the village placed in 00008 left it" "$(sqlite3 nh.db "SELECT group_concat(name) FROM area")" "Tổ dân phố 1"
expect_eq "the backup is the file as it was" "$(sqlite3 nh.db.pre-2025.bak .dump | sort | sha256sum)" "$before_sorted"
C --db n8.db init --office 00008
out=$("$CDTT" --lang en --db n8.db import nh.db.to-00008.cdtt 2>&1); rc=$?
expect_eq "00008 imports the package the screen made" "$rc" 0
expect_eq "and holds the member of the village placed there" \
    "$(sqlite3 n8.db "SELECT group_concat(full_name) FROM member WHERE unit_code = '00008' AND deleted = 0")" "Trần Văn Bình"

# --- a commune that went whole ---------------------------------------------------
C --db tb.db init --office 00004 --scheme pre-2025
C --db tb.db add area 'Tổ dân phố 7' --kind to_dan_pho
tm_start 100 24 --lang vi --db tb.db
expect_screen "home of Trúc Bạch" "Phường Trúc Bạch"
tm_type 6
tm_wait "Chuyển sang danh mục 2025-07"
tm_type 4
expect_screen "a commune that went whole says where" "Phường Trúc Bạch (00004) đã nhập vào Phường Ba Đình (00004) ngày 1/7/2025."
expect_screen "its villages go with it" "Tổ dân phố 7                                     Phường Ba Đình (00004)"
tm_keys F2
tm_wait "Tạo bản sao lưu"
tm_type y
expect_screen "it migrates and names the backup" "tb.db.pre-2025.bak"
tm_stop
expect_eq "Trúc Bạch's file is Ba Đình's" "$(sqlite3 tb.db "SELECT scheme, code FROM office")" "2025-07|00004"

finish
