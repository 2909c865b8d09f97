#!/bin/sh
# tui-training-checklist.sh — the bulk checklists in tmux: a new session's
# attendance for thirty members (select-all, then Space to take one back),
# checked through `cdtt missing inperson` with inperson_min_attendees 29 / 30;
# then MOOC completed for one team ticked with arrows and Space, checked with
# `cdtt missing mooc`. Prints how many keys each took.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/c.db
C() { "$CDTT" --db "$DB" "$@" >/dev/null 2>&1; }
C init --office 00004 --name "Xã Thử Nghiệm"
C add area "Thôn Đông" --yes
C add team "Tổ CNS thôn Đông" --area "Thôn Đông" --level village --yes
C add team "Tổ CNS xã" --level commune --yes
i=10
while [ $i -lt 40 ]; do C add member "Nguyễn Văn Học$i" --team "Tổ CNS thôn Đông" --yes; i=$((i + 1)); done
C add member "Trần Thị Xã" --team "Tổ CNS xã" --yes
printf '[targets]\ninperson_min_attendees = 29\n' >"$T/min29.ini"
printf '[targets]\ninperson_min_attendees = 30\n' >"$T/min30.ini"
untrained() { "$CDTT" --db "$DB" --config "$1" missing inperson --format csv 2>/dev/null | grep -c "Tổ CNS thôn Đông"; }
expect_eq "before: the village team is not trained" "$(untrained "$T/min29.ini")" 1

start=$(date +%s)
keys=0
K() { tm_keys "$@"; keys=$((keys + $#)); }
tm_start 80 24 --db "$DB" --lang en
tm_poll "Members: 31" || fail "home shows 31 members" "$(tm_screen)"
K 4
expect_screen "the Training item opens the training menu" "New training session and its attendance"
K 4
expect_screen "4 opens the new session form" "Session date"
# Date is today by default; pick the village team for the checklist.
K Tab Tab Tab Tab Right
expect_screen "the team is picked with the arrows" "Tổ CNS thôn Đông"
K F2
expect_screen "F2 saves the session and opens its attendance" "0 of 30 ticked"
scr=$(tm_screen)
expect_not_contains "the commune team's member is not in the village checklist" "$scr" "Trần Thị Xã"
K a
expect_screen "a ticks all thirty" "30 of 30 ticked"
K Space
expect_screen "Space takes the first one back" "29 of 30 ticked"
K F2
expect_screen "F2 saves the attendance" "Saved: 29 records changed."
echo "# attendance of 30 members: $keys keys, $(( $(date +%s) - start )) s scripted"
expect_eq "29 attended: trained with inperson_min_attendees = 29" "$(untrained "$T/min29.ini")" 0
expect_eq "29 attended: not trained with inperson_min_attendees = 30" "$(untrained "$T/min30.ini")" 1

# The session list shows it; Enter reopens the attendance with the saved ticks.
K 5
expect_screen "the session list opens" "Attended"
K F4
expect_screen "F4 in the session list opens a new session" "Session date"
K Escape
tm_wait_gone "Session date"
K Enter
expect_screen "the attendance reopens with 29 ticked" "29 of 31 ticked"
expect_screen "saved attendance is shown" "present (saved)"
K Escape
tm_wait "Attended"
K Escape
tm_wait "New activity of a team"

# MOOC completed for three members, ticked with Down and Space (Space moves down).
keys=0
K 2
expect_screen "2 opens the MOOC list form" "Team (— = all)"
K Right
tm_wait "Tổ CNS thôn Đông"
K Tab Tab C-a C-k
tm_type "15/10/2022"
K F2
expect_screen "the MOOC checklist opens for the team" "Tick who completed the MOOC course on 15/10/2022"
K Space Space Down Space
expect_screen "three ticked" "3 of 30 ticked"
K F2
expect_screen "F2 saves MOOC completed" "Saved: 3 records changed."
echo "# MOOC completed for 3 members: $keys keys"
missing=$("$CDTT" --db "$DB" missing mooc --format csv 2>/dev/null | grep -c "Học")
expect_eq "27 of the team still miss the MOOC" "$missing" 27
"$CDTT" --db "$DB" csv export members -o "$T/m.csv" >/dev/null 2>&1
expect_eq "the date applied is the three members' completion date" "$(grep -c ",15/10/2022," "$T/m.csv")" 3
tm_keys C-q
expect_screen "quits" "[exit 0]"
finish
