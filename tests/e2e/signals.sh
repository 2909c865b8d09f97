#!/bin/sh
# signals.sh — a dropped connection (SIGHUP), SIGTERM and Ctrl-C end cdtt
# cleanly: no half-written record, a sound file, the terminal given back.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/s.db
list() { "$CDTT" --db "$DB" list "$1" --format csv 2>&1; }
"$CDTT" --db "$DB" init --office 00004 --name "Phường Ba Đình" >/dev/null 2>&1

# The cdtt process in the window (found in /proc: no procps needed).
cdtt_pid() { tm_procs cdtt | head -1; }

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
expect_screen "Ctrl-C in a changed form asks first" "Thoát mà không lưu các thay đổi?"
tm_keys n
expect_screen "no: the form stays, its text kept" "Trần Văn Bỏ Dở"
tm_keys C-c
tm_wait "Thoát mà không lưu"
tm_keys y
expect_screen "yes: Ctrl-C quits with status 0" "[exit 0]"
expect_not_contains "nothing half-written" "$(list members)" "Trần Văn"

# The terminal itself goes away (the SSH window is closed): cdtt ends, also under the
# sanitizers, whose exit-time leak scan used to wait for ever when the dying shell's
# SIGCONT landed in it (tui/term.c, settle_hang_up). Twice each way, as that was a race:
# cdtt run by `sh -c` (in the shell's process group) and typed into an interactive
# shell (a process group of its own).
for k in 1 2; do
    tm_start 80 24 --db "$DB"
    tm_wait "Số địa bàn: 1"
    tm_type 1; tm_wait "Tìm:"; tm_keys C-n; tm_wait "Thêm địa bàn"; tm_keys Tab; tm_type "Thôn Đóng Cửa Sổ"
    tm_wait "Thôn Đóng Cửa Sổ"
    tm_hangup && ok "cdtt run by a shell script ends when its terminal is closed ($k)"
    tm_start_shell
    tm_type "\"\$CDTT\" --db \"$DB\""; tm_keys Enter
    tm_wait "Số địa bàn: 1"
    tm_hangup && ok "cdtt typed at a shell prompt ends when its terminal is closed ($k)"
done
expect_not_contains "the unsaved area is not stored" "$(list areas)" "Đóng Cửa Sổ"
check "the file is sound after the terminal closed" "$CDTT" --db "$DB" check
finish
