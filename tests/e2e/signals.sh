#!/bin/sh
# signals.sh — a dropped connection (SIGHUP), SIGTERM and Ctrl-C end cdtt
# cleanly: no half-written record, a sound file, the terminal given back.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/s.db
list() { "$CDTT" --db "$DB" list "$1" --format csv 2>&1; }
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1

# The cdtt process in the pane (the pane runs a shell that runs cdtt): the
# child of the pane's shell, found in /proc (no procps needed).
cdtt_pid() {
    pp=$(tm display -p -t t '#{pane_pid}')
    for d in /proc/[0-9]*; do
        [ "$(cut -d' ' -f4 "$d/stat" 2>/dev/null)" = "$pp" ] && { basename "$d"; return; }
    done
}

# One saved area, then an unsaved one in the form when the line drops.
tm_start 80 24 --db "$DB"
expect_screen "starts on home" "Số địa bàn: 0"
tm_type 1; tm_wait "Tìm:"
tm_keys C-n; tm_wait "Thêm địa bàn"; tm_keys Tab; tm_type "Thôn Một"; tm_keys C-s
expect_screen "one area saved" "Thôn Một"
tm_keys C-n; tm_wait "Thêm địa bàn"; tm_keys Tab; tm_type "Thôn Hai chưa lưu"
tm_wait "Thôn Hai chưa lưu"
pid=$(cdtt_pid)
if [ -n "$pid" ]; then kill -HUP "$pid"; ok "SIGHUP sent to cdtt"; else fail "find the cdtt process"; fi
expect_screen "SIGHUP ends the program with status 0" "[exit 0]"
rows=$(list areas)
expect_contains "the saved area is there" "$rows" "Thôn Một"
expect_not_contains "the unsaved form left nothing" "$rows" "Thôn Hai"
check "the file is sound after SIGHUP" "$CDTT" --db "$DB" check

# SIGTERM in a list.
tm_start 80 24 --db "$DB"
expect_screen "reopens on home" "Số địa bàn: 1"
tm_type 1; tm_wait "Thôn Một"
kill -TERM "$(cdtt_pid)"
expect_screen "SIGTERM ends the program" "[exit 0]"

# Ctrl-C is a key in raw mode: it quits, the half-typed member is not saved.
tm_start 80 24 --db "$DB"
tm_wait "Số địa bàn: 1"
tm_type 3; tm_wait "Họ và tên"
tm_keys C-n; tm_wait "Thành viên mới"; tm_type "Trần Văn Bỏ Dở"
tm_keys C-c
expect_screen "Ctrl-C quits with status 0" "[exit 0]"
expect_not_contains "nothing half-written" "$(list members)" "Trần Văn"

# The terminal itself goes away (the SSH window is closed): cdtt ends, also under
# the sanitizers, whose exit-time leak scan used to wait for ever when the dying
# shell's SIGCONT landed in it (tui/term.c, settle_hang_up).
tm_start 80 24 --db "$DB"
tm_wait "Số địa bàn: 1"
tm_type 1; tm_wait "Tìm:"; tm_keys C-n; tm_wait "Thêm địa bàn"; tm_keys Tab; tm_type "Thôn Đóng Cửa Sổ"
tm_wait "Thôn Đóng Cửa Sổ"
pid=$(cdtt_pid)
tm kill-session -t t
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
echo "# cdtt ended about $((i * 50)) ms after its terminal closed (deadline 30 s: sanitizer builds are slow to exit)"
if kill -0 "$pid" 2>/dev/null; then fail "cdtt ends when its terminal is closed"; else ok "cdtt ends when its terminal is closed"; fi
expect_not_contains "the unsaved area is not stored" "$(list areas)" "Đóng Cửa Sổ"
check "the file is sound after Ctrl-C" "$CDTT" --db "$DB" check
finish
