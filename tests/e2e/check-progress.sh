#!/bin/sh
# check-progress.sh — `cdtt check` on a terminal draws a progress bar on stderr
# while it works and clears it before the summary; with stderr not a terminal
# (a script, a log file) it writes nothing there, and stdout is the same.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

D=$T/d.db
"$CDTT" --db "$D" demo --members 300 --seed 2 >/dev/null 2>&1
"$CDTT" --db "$D" --lang en check >"$T/plain.out" 2>"$T/plain.err"
expect_eq "stderr not a terminal: no progress bar" "$(wc -c <"$T/plain.err" | tr -d ' ')" "0"
expect_contains "and the summary on stdout" "$(cat "$T/plain.out")" "The file is sound"

for quick in "" --quick; do
    tm_start_shell
    OUT=$T/wire$quick.txt
    : >"$OUT"
    tm pipe-pane -t t -O "cat >>'$OUT'"
    # Findings go to a file, so that the terminal shows only the bar and the summary's absence.
    tm_type "\"\$CDTT\" --db '$D' --lang en check $quick >'$T/tty.out'; echo \"CHECK-DONE \$?\""
    tm_keys Enter
    tm_wait "CHECK-DONE 0"
    tm pipe-pane -t t
    if grep -Eq '\[[#.]{24}\] +[0-9]+% ' "$OUT"; then ok "check${quick:+ $quick} on a terminal draws the bar"; else
        fail "check${quick:+ $quick} on a terminal draws the bar" "$(cat -v "$OUT")"; fi
    expect_contains "check${quick:+ $quick} names what it checks" "$(cat "$OUT")" "checking the file's structure"
    # The bar's line was cleared: the screen keeps no bar once the command is done.
    if tm_screen | grep -q '\[[#.]*\]'; then fail "check${quick:+ $quick} clears its bar" "$(tm_screen)"; else
        ok "check${quick:+ $quick} clears its bar"; fi
    expect_contains "check${quick:+ $quick}: the summary still goes to stdout" "$(cat "$T/tty.out")" "The file is sound"
    tm_stop
done
finish
