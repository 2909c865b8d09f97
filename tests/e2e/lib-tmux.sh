# tests/e2e/lib-tmux.sh — drive ./cdtt in a private tmux server; source after tests/lib.sh.
#   tm_start W H ARGS...   start cdtt ARGS in a W×H window (LC_ALL=C.UTF-8; TM_ENV='TERM=vt100' adds to its environment)
#   tm_start_shell         an interactive sh in an 80×24 window instead, with $CDTT in its environment
#   tm_type TEXT           type literal UTF-8
#   tm_keys KEY...         send tmux key names (Enter, Tab, F2, C-s, Down, ...)
#   tm_hex HEX...          send raw bytes (PuTTY F1 = 1b 5b 31 31 7e)
#   tm_wait TEXT [SECS]    wait until the screen shows TEXT; the test fails if it never does
#   tm_wait_gone TEXT      wait until the screen no longer shows TEXT; the test fails if it still does
#   tm_poll TEXT [SECS]    tm_wait without a verdict: true when TEXT showed in time (tm_poll_gone likewise)
#   tm_screen              print the screen
#   tm_resize W H          resize the window
#   tm_procs [NAME]        the PIDs of the window's live processes (only those called NAME, e.g. cdtt)
#   tm_quit                quit cdtt with Ctrl-Q and wait until it has ended
#   tm_hangup              close the terminal and wait until every process of the window has ended
#   tm_stop                tm_quit, then tm_hangup: nothing the window started is left running
# A wait for a process has a deadline (TM_EXIT_DEADLINE seconds); one that is still running then
# is killed by its PID and the test fails. The script's exit runs tm_stop.
# Run on its own (tests/run.sh runs every tests/e2e/*.sh), it is only a library: nothing to do.
type ok >/dev/null 2>&1 || exit 0
unset TMUX # a private server even when the tests run inside tmux
TM_SOCK="cdtt-test-$$"
TM_DEADLINE=${TM_DEADLINE:-10}
TM_EXIT_DEADLINE=${TM_EXIT_DEADLINE:-20}
TM_SID= # the session of the window's processes: the PID of its first process
command -v tmux >/dev/null 2>&1 || { echo "ok 1 - e2e # SKIP tmux is not installed"; exit 0; }

tm() { tmux -L "$TM_SOCK" "$@"; }

# tm_procs [NAME]: prints, one a line, the PIDs of the processes still running (zombies
# excepted) in the window's session: its first process and everything started from it,
# including processes that left its process group. With NAME, only the processes whose
# command name is NAME. Prints nothing when no window is open.
tm_procs() {
    [ -n "$TM_SID" ] || return 0
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v sid="$TM_SID" -v name="${1:-}" '{
        open = index($0, "("); match($0, /.*\)/); comm = substr($0, open + 1, RLENGTH - open - 1)
        rest = substr($0, RLENGTH + 2); split(rest, f, " ") # state ppid pgrp session ...
        if (f[4] == sid && f[1] != "Z" && f[1] != "X" && (name == "" || comm == name)) print $1
    }'
}

# tm_quit: quits cdtt as a user does, with Ctrl-Q (sent again every 2 s, in case a question
# on the screen took it as "no"), and waits until no cdtt process is left in the window.
# Returns 1 and fails the test when cdtt still runs after TM_EXIT_DEADLINE seconds.
# Does nothing when cdtt has already ended.
tm_quit() {
    [ -n "$(tm_procs cdtt)" ] || return 0
    _tm_end=$(( $(date +%s) + TM_EXIT_DEADLINE )) _tm_next=0
    while [ -n "$(tm_procs cdtt)" ]; do
        _tm_now=$(date +%s)
        if [ "$_tm_now" -ge "$_tm_end" ]; then
            fail "cdtt ends within $TM_EXIT_DEADLINE s of Ctrl-Q" "$(tm_screen | sed 's/^/|/')"
            return 1
        fi
        # A form with unsaved changes asks first: the test's quitting says yes.
        case "$(tm_screen)" in *"(y = "* | *"(c = có"*) tm_keys y ;; esac
        [ "$_tm_now" -ge "$_tm_next" ] && { tm_keys C-q; _tm_next=$((_tm_now + 2)); }
        sleep 0.05
    done
}

# tm_hangup: closes the window's terminal, as a dropped SSH link does (the tmux server is
# killed: a hang-up for every process in the window), then waits until every process of the
# window's session has ended. Whatever still runs after TM_EXIT_DEADLINE seconds is killed by
# its PID, and the test fails (returns 1). Afterwards no window is open.
tm_hangup() {
    if tmux -L "$TM_SOCK" kill-server 2>/dev/null; then
        _tm_i=0
        while tmux -L "$TM_SOCK" list-sessions >/dev/null 2>&1 && [ $_tm_i -lt 100 ]; do
            sleep 0.05; _tm_i=$((_tm_i + 1))
        done
    fi
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TM_SOCK" # tmux leaves its socket file behind
    _tm_end=$(( $(date +%s) + TM_EXIT_DEADLINE ))
    while _tm_left=$(tm_procs); [ -n "$_tm_left" ]; do
        if [ "$(date +%s)" -ge "$_tm_end" ]; then
            _tm_what=$(for p in $_tm_left; do echo "killed $p: $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)"; done)
            # shellcheck disable=SC2086
            kill -KILL $_tm_left 2>/dev/null
            fail "every process of the terminal ends within $TM_EXIT_DEADLINE s of its closing" "$_tm_what"
            TM_SID=
            return 1
        fi
        sleep 0.05
    done
    TM_SID=
}

# tm_stop: ends the window with nothing it started left running: tm_quit, then tm_hangup.
# Returns 1 when either had to fail the test.
tm_stop() {
    _tm_rc=0
    tm_quit || _tm_rc=1
    tm_hangup || _tm_rc=1
    return $_tm_rc
}
trap 'tm_stop; rm -rf "$T"; [ "$_failed" -eq 0 ] || exit 1' EXIT

# tm_new W H CMD [VAR=VALUE]: ends the previous window (tm_stop), then opens a new one of
# W×H running CMD with the test's locale, home and XDG folders (and VAR) in its environment;
# notes its session for tm_procs.
tm_new() {
    tm_stop
    tmux -u -L "$TM_SOCK" -f /dev/null new-session -d -s t -x "$1" -y "$2" \
        -e LC_ALL=C.UTF-8 -e LANGUAGE= -e HOME="$HOME" -e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
        -e XDG_DATA_HOME="$XDG_DATA_HOME" -e TERM_PROGRAM= ${4:+-e} ${4:+"$4"} "$3"
    TM_SID=$(tm display -p -t t '#{pane_pid}' 2>/dev/null)
    tm set-option -t t status off >/dev/null
}

# tm_start W H ARGS...: cdtt ARGS in a new W×H window. The shell line after it reports the exit
# status ("[exit N]") and keeps the window open, so that quitting can be checked.
tm_start() {
    w=$1 h=$2
    shift 2
    tm_new "$w" "$h" "${TM_ENV:-} $CDTT $*; echo \"[exit \$?]\"; sleep 600"
}

# tm_start_shell: a plain interactive sh (job control on) in a new 80×24 window, ready for
# commands; cdtt is then typed into it as a user would ("$CDTT" is in its environment).
tm_start_shell() {
    tm_new 80 24 sh CDTT="$CDTT"
    tm_type "echo SHELL-READY"; tm_keys Enter
    tm_wait "SHELL-READY"
}

tm_type() { tm send-keys -t t -l "$1"; }
tm_keys() { tm send-keys -t t "$@"; }
tm_hex() { tm send-keys -t t -H "$@"; }
tm_screen() { tm capture-pane -t t -p 2>/dev/null; }
tm_resize() { tm resize-window -t t -x "$1" -y "$2"; }

# tm_poll TEXT [SECS]: polls the screen every 50 ms; true as soon as it contains TEXT, false
# after SECS (TM_DEADLINE) seconds. No verdict: for a wait whose timing out is an answer.
tm_poll() {
    _tm_end=$(( $(date +%s) + ${2:-$TM_DEADLINE} ))
    while :; do
        case "$(tm_screen)" in *"$1"*) return 0 ;; esac
        [ "$(date +%s)" -ge "$_tm_end" ] && return 1
        sleep 0.05
    done
}

# tm_poll_gone TEXT [SECS]: like tm_poll, true as soon as the screen no longer contains TEXT.
tm_poll_gone() {
    _tm_end=$(( $(date +%s) + ${2:-$TM_DEADLINE} ))
    while :; do
        case "$(tm_screen)" in *"$1"*) ;; *) return 0 ;; esac
        [ "$(date +%s)" -ge "$_tm_end" ] && return 1
        sleep 0.05
    done
}

# tm_poll_line LINE TEXT [SECS]: true as soon as a screen line that contains LINE also contains
# TEXT; false when SECS (default TM_DEADLINE) pass first.
tm_poll_line() {
    _tm_end=$(( $(date +%s) + ${3:-$TM_DEADLINE} ))
    while :; do
        case "$(tm_screen | grep -F -- "$1")" in *"$2"*) return 0 ;; esac
        [ "$(date +%s)" -ge "$_tm_end" ] && return 1
        sleep 0.05
    done
}

# tm_wait TEXT [SECS]: tm_poll; when TEXT never showed, a failed test (with the screen) and 1.
tm_wait() {
    tm_poll "$@" && return 0
    fail "the screen shows: $1" "$(tm_screen | sed 's/^/|/')"
    return 1
}

# tm_wait_gone TEXT [SECS]: tm_poll_gone; when TEXT stayed, a failed test (with the screen) and 1.
tm_wait_gone() {
    tm_poll_gone "$@" && return 0
    fail "the screen no longer shows: $1" "$(tm_screen | sed 's/^/|/')"
    return 1
}

# expect_line NAME LINE TEXT: passes when a screen line containing LINE shows TEXT in time.
expect_line() {
    if tm_poll_line "$2" "$3"; then ok "$1"; else fail "$1" "no line with '$2' showed: $3" "$(tm_screen | sed 's/^/|/')"; fi
}

# expect_screen NAME TEXT: passes when the screen shows TEXT in time; shows the screen otherwise.
expect_screen() {
    if tm_poll "$2"; then ok "$1"; else fail "$1" "screen never showed: $2" "$(tm_screen | sed 's/^/|/')"; fi
}
