#!/bin/sh
# consent.sh — a phone saved without the member's consent is asked about first (issue 16),
# at 80×24 and 60×16: the question says the package leaves the phone out; "no" saves
# nothing and says how to record consent; "yes" saves. A member with consent is not asked.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/c.db
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1 || fail "init" ""
list() { "$CDTT" --db "$DB" list members --format csv 2>&1; }
flat() { tm_screen | tr '\n' ' ' | tr -s ' '; } # the screen as one line: wrapped messages whole
# shows NAME TEXT: the screen shows TEXT, perhaps wrapped over lines, within the deadline.
shows() {
    _end=$(( $(date +%s) + TM_DEADLINE ))
    until case "$(flat)" in *"$2"*) true ;; *) false ;; esac; do
        [ "$(date +%s)" -ge "$_end" ] && { fail "$1" "screen never showed: $2" "$(tm_screen | sed 's/^/|/')"; return; }
        sleep 0.05
    done
    ok "$1"
}

for size in "80 24" "60 16"; do
    set -- $size
    at="at $1x$2"
    tm_start "$1" "$2" --db "$DB"
    tm_wait "Số địa bàn"
    tm_type 3
    tm_wait "Tìm:"
    tm_keys C-n
    tm_wait "Thành viên mới"
    tm_type "Nguyễn Văn Phong $1"
    tm_keys Tab Tab Tab
    tm_type "09123456$1"
    tm_keys C-s
    shows "$at saving a phone without consent asks first" "gói gửi lên tỉnh sẽ bỏ số này ra"
    tm_keys k
    shows "$at no: not saved, and how to record consent" "Chưa lưu. Khi thành viên đã đồng ý"
    expect_not_contains "$at ... nothing is stored" "$(list)" "Phong $1"
    tm_keys C-s
    tm_wait "(c = có"
    tm_keys c
    expect_screen "$at yes: saved" "Đã lưu"
    expect_contains "$at ... and stored" "$(list)" "Phong $1"
    tm_wait "Tìm:"
    tm_keys C-n
    tm_wait "Thành viên mới"
    tm_type "Trần Thị Đồng Ý $1"
    tm_keys Tab Tab Tab
    tm_type "09876543$1"
    for k in 1 2 3 4 5; do tm_keys Tab; done
    tm_keys Space
    tm_keys C-s
    expect_screen "$at with consent it is saved without a question" "Đã lưu"
    expect_not_contains "$at ... no question was asked" "$(flat)" "Vẫn lưu như vậy"
    tm_stop
done
finish
