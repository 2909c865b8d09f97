# bench/lib-wire.sh — what the bench/wire*.sh measurements share: the test
# helpers and tmux driver, and record(). Source it from a bench script:
#   . "$(dirname "$0")/lib-wire.sh"
# It sets ROOT (the checkout), T (a temporary folder, from tests/lib.sh) and
# OUT (where the pane's output is recorded).
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export ROOT
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/e2e/lib-tmux.sh"
OUT=$T/wire.out

# record CMD...: runs CMD with the pane's output recorded; prints the byte count.
record() {
    : >"$OUT"
    tm pipe-pane -t t -O "cat >>'$OUT'"
    "$@"
    sleep 0.3            # let the last bytes reach the pipe
    tm pipe-pane -t t    # stop recording
    sleep 0.1
    wc -c <"$OUT" | tr -d ' '
}
