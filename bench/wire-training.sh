#!/bin/sh
# bench/wire-training.sh — bytes cdtt sends to the terminal on the training
# screens, recorded with tmux pipe-pane: opening the progress screen (12 areas),
# moving to the next row, ticking one member in a 30-member checklist, and
# ticking all. A measurement, not a test: it prints the figures.
#   CDTT=./cdtt sh bench/wire-training.sh
. "$(dirname "$0")/lib-wire.sh"

DB=$T/wire.db
C() { "$CDTT" --db "$DB" "$@" >/dev/null 2>&1; }
C init --office 00004 --name "Xã Thử Nghiệm"
i=1
while [ $i -le 12 ]; do
    C add area "Thôn $i" --yes
    C add team "Tổ CNS thôn $i" --area "Thôn $i" --level village --yes
    i=$((i + 1))
done
i=10
while [ $i -lt 40 ]; do C add member "Nguyễn Văn Học$i" --team "Tổ CNS thôn 1" --yes; i=$((i + 1)); done

tm_start 80 24 --db "$DB" --lang en
tm_wait "Members: 30" || { echo "cdtt did not start"; exit 1; }
tm_keys 4; tm_wait "Progress against the targets"
open_progress() { tm_keys 1; tm_wait "Thôn 9"; }
progress_bytes=$(record open_progress)
down() { tm_keys Down; sleep 0.1; }
down_bytes=$(record down)
tm_keys Escape; tm_wait "New activity"
tm_keys 2; tm_wait "Team (— = all)"
tm_keys F2; tm_wait "0 of 30 ticked"
tick() { tm_keys Space; tm_wait "1 of 30 ticked"; }
tick_bytes=$(record tick)
all() { tm_keys a; tm_wait "30 of 30 ticked"; }
all_bytes=$(record all)
printf 'open the progress screen (13 rows): %5d bytes\n' "$progress_bytes"
printf 'next row on the progress screen:    %5d bytes\n' "$down_bytes"
printf 'tick one member (Space):            %5d bytes\n' "$tick_bytes"
printf 'tick all 30 members:                %5d bytes\n' "$all_bytes"
tm_keys Escape y
tm_keys C-q
