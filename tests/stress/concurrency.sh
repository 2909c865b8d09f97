#!/bin/sh
# concurrency.sh — two and four processes writing the same file at once: `add member`
# loops, package imports, CSV imports, and the TUI saving a form while scripts write.
# Every write succeeds, or says clearly that the file is busy (and a retry then
# succeeds); nothing is lost: the counts add up.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-stress.sh"
cd "$T" || exit 1
M=$(iters 15 150)      # members each writer adds
ROWS=$(iters 500 5000) # members in each package / CSV file
BUSY="in use by another program"

# writer ID COUNT: adds COUNT members to a.db one command at a time; a refusal must say
# the file is busy, and is retried. Prints "busy" for each refusal, "lost" for others.
writer() {
    j=0
    while [ $j -lt "$2" ]; do
        j=$((j + 1))
        tries=0
        until out=$("$CDTT" --lang en --db a.db add member "Người $1 số $j" --team "Tổ Một" --yes 2>&1); do
            case "$out" in *"$BUSY"*) echo busy ;; *) echo "lost: $out"; break ;; esac
            tries=$((tries + 1)); [ $tries -ge 5 ] && { echo "lost: still busy"; break; }
        done
    done
}

# parallel P: P writers at once; checks that the members add up.
parallel() {
    before=$(members a.db)
    w=1
    while [ "$w" -le "$1" ]; do writer "p$1w$w" "$M" >"w$w.log" & w=$((w + 1)); done
    wait
    after=$(members a.db)
    busy=$(cat w*.log | grep -c '^busy')
    echo "# $1 writers × $M members: $((after - before)) added, $busy busy refusals retried"
    expect_eq "$1 processes adding members at once: nothing lost" "$((after - before))" "$(($1 * M))"
    expect_eq "$1 processes adding members at once: no other error" "$(cat w*.log | grep '^lost' | head -3)" ""
    check "$1 processes adding members at once: the file is sound" sound a.db
    rm -f w*.log
}

"$CDTT" --db a.db init --office 00004 --name "Phường Ba Đình" >/dev/null
"$CDTT" --db a.db add team "Tổ Một" --yes >/dev/null
parallel 2
parallel 4

# --- four package imports into one province file at once ----------------------------
mkoffice p.db 01 province "Thành phố Hà Nội"
for c in 00004 00008 00012 00016; do
    mkoffice "c$c.db" "$c" commune "Xã $c"
    fill "c$c.db" "$c" "$ROWS"
    "$CDTT" --db "c$c.db" export -o "c$c.cdtt" >/dev/null || fail "export package $c"
done
# import_retry FILE: imports FILE into p.db, retrying while the refusal says the file is busy.
import_retry() {
    tries=0
    until out=$("$CDTT" --lang en --db p.db import "$1" 2>&1); do
        case "$out" in *"$BUSY"*) echo busy ;; *) echo "lost: $out"; return 1 ;; esac
        tries=$((tries + 1)); [ $tries -ge 5 ] && { echo "lost: still busy"; return 1; }
    done
}
for c in 00004 00008 00012 00016; do import_retry "c$c.cdtt" >"i$c.log" & done
wait
echo "# 4 package imports at once: $(cat i*.log | grep -c '^busy') busy refusals retried"
expect_eq "4 package imports at once: no error" "$(cat i*.log | grep '^lost' | head -3)" ""
expect_eq "4 package imports at once: every member arrived" "$(members p.db)" "$((4 * ROWS))"
check "4 package imports at once: the file is sound" sound p.db

# --- two CSV imports at once --------------------------------------------------------
if "$CDTT" --help 2>&1 | grep -q "csv import"; then
    "$CDTT" --db v.db init --office 00004 --name "Phường Ba Đình" >/dev/null
    for f in 1 2; do
        awk -v n="$ROWS" -v f="$f" 'BEGIN { printf "\357\273\277Họ và tên,Tổ\r\n";
            for (i = 1; i <= n; i++) printf "Lê Văn Tệp%d Số %d,Tổ CSV %d-%d\r\n", f, i, f, int(i / 8) }' >"m$f.csv"
    done
    for f in 1 2; do "$CDTT" --lang en --db v.db csv import members "m$f.csv" >"csv$f.log" 2>&1 & done
    wait
    busy=$(grep -l "$BUSY" csv*.log | wc -l)
    for f in 1 2; do grep -q "$BUSY" "csv$f.log" && "$CDTT" --db v.db csv import members "m$f.csv" >/dev/null 2>&1; done
    echo "# 2 CSV imports at once: $busy said busy and were run again"
    expect_eq "2 CSV imports at once: every member arrived" "$(members v.db)" "$((2 * ROWS))"
    check "2 CSV imports at once: the file is sound" sound v.db
else
    skip "2 CSV imports at once" "this build has no 'cdtt csv import' yet"
fi

# --- the TUI saves a form while two scripts add members -----------------------------
. "$ROOT/tests/e2e/lib-tmux.sh"
before=$(members a.db)
tm_start 80 24 --db a.db
tm_poll "Số địa bàn" || fail "the TUI starts"
writer tui1 "$M" >w1.log & writer tui2 "$M" >w2.log &
tm_type 1; tm_wait "Tìm:"
tm_keys C-n; tm_wait "Thêm địa bàn"; tm_keys Tab; tm_type "Thôn Song Song"; tm_keys C-s
expect_screen "the TUI saves while scripts write" "Đã lưu"
wait
for n in 1 2 3 4; do tm_keys F10 F10; tm_poll "[exit" 1 && break; done
expect_screen "F10 leaves the TUI" "[exit 0]"
tm_stop
expect_eq "the TUI's area is there" "$(q a.db "SELECT count(*) FROM area WHERE name = 'Thôn Song Song'")" 1
expect_eq "the scripts' members are all there" "$(members a.db)" "$((before + 2 * M))"
check "TUI and scripts at once: the file is sound" sound a.db
finish
