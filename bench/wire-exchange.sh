#!/bin/sh
# bench/wire-exchange.sh — bytes cdtt sends to the terminal on the exchange
# screens (tmux pipe-pane): opening the completeness list of 60 communes, one
# step down in it, and importing a package (progress bar and summary included).
# A measurement, not a test: it prints the figures.
#   CDTT=./cdtt sh bench/wire-exchange.sh
. "$(dirname "$0")/lib-wire.sh"
case $CDTT in /*) ;; *) CDTT=$PWD/$CDTT ;; esac
cd "$T" || exit 1

{
    echo "Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp"
    i=10
    while [ $i -lt 70 ]; do echo "Thành phố Hà Nội,01,Phường Số $i,000$i,Phường"; i=$((i + 1)); done
} >units.csv
for f in a.db p.db; do "$CDTT" --db $f units import units.csv >/dev/null 2>&1; done
"$CDTT" --db a.db init --office 00010 >/dev/null 2>&1
"$CDTT" --db p.db init --office 01 >/dev/null 2>&1
"$CDTT" --db a.db add team "Tổ CNS" --level commune --yes >/dev/null 2>&1
i=0
while [ $i -lt 30 ]; do "$CDTT" --db a.db add member "Người Số $i" --team "Tổ CNS" --yes >/dev/null 2>&1; i=$((i + 1)); done
"$CDTT" --db a.db export -o a.cdtt >/dev/null 2>&1

tm_start 80 24 --db p.db
tm_wait "Xã đã gửi dữ liệu" || { echo "cdtt did not start"; exit 1; }
tm_type 6; tm_wait "Tình hình gửi dữ liệu"
open_completeness() { tm_type 3; tm_wait "Phường Số 29"; }
open_bytes=$(record open_completeness)
down_one() { tm_keys Down; sleep 0.05; }
down_bytes=$(record down_one)
tm_keys Escape; tm_wait "Tình hình gửi dữ liệu"
tm_type 1; tm_wait "a.cdtt"
import_one() { tm_keys Down; tm_wait ">a.cdtt"; tm_keys Enter; tm_wait "Đã nhập 1 tệp"; }
import_bytes=$(record import_one)
tm_keys C-q
echo "completeness list opened (60 communes, 80x24): $open_bytes bytes"
echo "one step down in it: $down_bytes bytes"
echo "picking and importing a package of 30 members, summary shown: $import_bytes bytes"
