#!/bin/sh
# bench/wire.sh — bytes cdtt sends to the terminal, recorded with tmux pipe-pane:
# per typed character, per move to the next field, per opened list page of 20 rows.
# A measurement, not a test: it prints the figures (goals: ≤ 8, ≤ 60, ≤ 3072).
#   CDTT=./cdtt sh bench/wire.sh
. "$(dirname "$0")/lib-wire.sh"

DB=$T/wire.db
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1

tm_start 80 24 --db "$DB"
tm_wait "Số địa bàn" || { echo "cdtt did not start"; exit 1; }

# 25 areas, so that a list page is full (20 rows on 80×24).
tm_type 1; tm_wait "Tìm:"
i=1
while [ $i -le 25 ]; do
    tm_keys C-n; tm_wait "Thêm địa bàn"
    tm_keys Tab; tm_type "Thôn số $i Đông Hòa"; tm_keys C-s
    tm_wait "Đã lưu"
    i=$((i + 1))
done
tm_keys F10; tm_wait "Số địa bàn: 25"

# Opening the list (home → areas).
open_list() { tm_type 1; tm_wait "Thôn số 1 Đông Hòa"; } # sorted: 1, 10…19, 2, 20…25, 3 (9 is past the page)
list_bytes=$(record open_list)

# Typing into a name field: each character measured alone.
tm_keys C-n; tm_wait "Thêm địa bàn"; tm_keys Tab
total=0 max=0 n=0
for ch in N g u y ễ n " " V ă n " " Đ ặ n g; do
    n=$((n + 1))
    type_one() { tm_type "$ch"; sleep 0.05; }
    b=$(record type_one)
    total=$((total + b)); [ "$b" -gt "$max" ] && max=$b
done
char_avg=$((total / n))

# Moving to the next field (Tab), measured alone, several times.
tm_keys BTab BTab
ftotal=0 fmax=0 fn=0
for k in 1 2; do
    for key in Tab BTab; do
        fn=$((fn + 1))
        move() { tm_keys "$key"; sleep 0.05; }
        b=$(record move)
        ftotal=$((ftotal + b)); [ "$b" -gt "$fmax" ] && fmax=$b
    done
done
field_avg=$((ftotal / fn))

# Moving through every field of a new member's form (Tab, the official's way), each move alone.
tm_keys F10; tm_poll "(c = có" 2 && tm_keys c
tm_keys F10; tm_wait "Số địa bàn"
tm_type 3; tm_wait "Tìm:"; tm_keys C-n; tm_wait "Thành viên mới"
tm_type "Nguyễn Văn An"
mtotal=0 mmax=0 mn=0
for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
    mn=$((mn + 1))
    move() { tm_keys Tab; sleep 0.05; }
    b=$(record move)
    mtotal=$((mtotal + b)); [ "$b" -gt "$mmax" ] && mmax=$b
done
member_avg=$((mtotal / mn))

printf 'typed character:   %4d bytes on average, %4d at most (%d characters; goal <= 8)\n' "$char_avg" "$max" "$n"
printf 'next field:        %4d bytes on average, %4d at most (%d moves; goal <= 60)\n' "$field_avg" "$fmax" "$fn"
printf 'member form, Tab:  %4d bytes on average, %4d at most (%d moves; goal <= 60)\n' "$member_avg" "$mmax" "$mn"
printf 'open a 20-row list: %4d bytes (goal <= 3072)\n' "$list_bytes"
tm_keys C-q
