# tests/e2e/lib-tmux.sh — drive ./cdtt in a private tmux server; source after tests/lib.sh.
#   tm_start W H ARGS...   start cdtt ARGS in a W×H window (LC_ALL=C.UTF-8; TM_ENV='TERM=vt100' adds to its environment)
#   tm_type TEXT           type literal UTF-8
#   tm_keys KEY...         send tmux key names (Enter, Tab, F2, C-s, Down, ...)
#   tm_hex HEX...          send raw bytes (PuTTY F1 = 1b 5b 31 31 7e)
#   tm_wait TEXT [SECS]    wait until the screen shows TEXT (polling, with a deadline)
#   tm_wait_gone TEXT      wait until the screen no longer shows TEXT
#   tm_screen              print the screen
#   tm_resize W H          resize the window
#   tm_stop                kill the server
# Run on its own (tests/run.sh runs every tests/e2e/*.sh), it is only a library: nothing to do.
type ok >/dev/null 2>&1 || exit 0
unset TMUX # a private server even when the tests run inside tmux
TM_SOCK="cdtt-test-$$"
TM_DEADLINE=${TM_DEADLINE:-10}
command -v tmux >/dev/null 2>&1 || { echo "ok 1 - e2e # SKIP tmux is not installed"; exit 0; }

tm() { tmux -L "$TM_SOCK" "$@"; }

# Kills the server and waits until it is gone (a new one may then start on the socket).
tm_stop() {
    if tmux -L "$TM_SOCK" kill-server 2>/dev/null; then
        i=0
        while tmux -L "$TM_SOCK" list-sessions >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
    fi
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TM_SOCK" # tmux leaves its socket file behind
}
trap 'tm_stop; rm -rf "$T"' EXIT

tm_start() {
    w=$1 h=$2
    shift 2
    tm_stop
    # The shell line reports the exit status, so quitting can be checked.
    tmux -u -L "$TM_SOCK" -f /dev/null new-session -d -s t -x "$w" -y "$h" \
        -e LC_ALL=C.UTF-8 -e LANGUAGE= -e HOME="$HOME" -e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
        -e XDG_DATA_HOME="$XDG_DATA_HOME" -e TERM_PROGRAM= \
        "${TM_ENV:-} $CDTT $*; echo \"[exit \$?]\"; sleep 600"
    tm set-option -t t status off >/dev/null
}

tm_type() { tm send-keys -t t -l "$1"; }
tm_keys() { tm send-keys -t t "$@"; }
tm_hex() { tm send-keys -t t -H "$@"; }
tm_screen() { tm capture-pane -t t -p 2>/dev/null; }
tm_resize() { tm resize-window -t t -x "$1" -y "$2"; }

# Polls the screen every 50 ms until it contains $1; returns 1 after the deadline.
tm_wait() {
    deadline=$(( $(date +%s) + ${2:-$TM_DEADLINE} ))
    while :; do
        case "$(tm_screen)" in *"$1"*) return 0 ;; esac
        [ "$(date +%s)" -ge "$deadline" ] && return 1
        sleep 0.05
    done
}

tm_wait_gone() {
    deadline=$(( $(date +%s) + ${2:-$TM_DEADLINE} ))
    while :; do
        case "$(tm_screen)" in *"$1"*) ;; *) return 0 ;; esac
        [ "$(date +%s)" -ge "$deadline" ] && return 1
        sleep 0.05
    done
}

# expect_screen NAME TEXT: passes when the screen shows TEXT in time; shows the screen otherwise.
expect_screen() {
    if tm_wait "$2"; then ok "$1"; else fail "$1" "screen never showed: $2" "$(tm_screen | sed 's/^/|/')"; fi
}
