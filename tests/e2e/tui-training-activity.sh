#!/bin/sh
# tui-training-activity.sh — a team's activity from the training menu (type from
# the pick-list, counts checked: a bad count keeps the form open and saves
# nothing), and the MOOC and Zalo fields on the member's form; checked through
# the CLI's csv exports.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/a.db
C() { "$CDTT" --db "$DB" "$@" >/dev/null 2>&1; }
C init --office 00004 --name "Xã Thử Nghiệm"
C add team "Tổ CNS xã" --level commune --yes
C add member "Trần Văn An" --team "Tổ CNS xã" --yes

tm_start 80 24 --db "$DB" --lang en
tm_poll "Members: 1" || fail "home shows the member" "$(tm_screen)"
tm_keys 4
tm_wait "New activity of a team"
tm_keys 6
expect_screen "6 opens the activity form" "People helped"
expect_screen "the team is preset to the only team" "Tổ CNS xã"
tm_keys Tab Tab Right
expect_screen "the type is picked from the list" "VNeID"
tm_keys Tab
tm_type "12x"
tm_keys F2
expect_screen "a bad count is refused" "a whole number from 0 to 1000000"
"$CDTT" --db "$DB" csv export activities -o "$T/a0.csv" >/dev/null 2>&1
expect_eq "nothing is saved after the error" "$(grep -c VNeID "$T/a0.csv")" 0
tm_keys BSpace
tm_keys Tab
tm_type "7"
tm_keys F2
expect_screen "the activity is saved" "Saved."
"$CDTT" --db "$DB" csv export activities -o "$T/a.csv" >/dev/null 2>&1
row=$(grep "VNeID" "$T/a.csv")
expect_contains "the activity is in the export with its team" "$row" "Tổ CNS xã"
expect_contains "with 12 people and 7 households" "$row" "12,7"

# The member form edits the MOOC status and date and the Zalo date.
tm_keys Escape
tm_wait "Members: 1"
tm_keys 3
tm_wait "Trần Văn An"
tm_keys Enter
expect_screen "the member form shows the MOOC course" "MOOC course"
i=0
while [ $i -lt 12 ]; do tm_keys Tab; i=$((i + 1)); done
tm_keys Right Right
expect_screen "MOOC status picked" "Completed"
tm_keys Tab
tm_type "05/10/2022"
tm_keys Tab
tm_type "06/09/2022"
tm_keys F2
expect_screen "the member is saved" "Saved."
"$CDTT" --db "$DB" csv export members -o "$T/m.csv" >/dev/null 2>&1
expect_contains "MOOC date and Zalo date are stored" "$(grep "Trần Văn An" "$T/m.csv")" "05/10/2022,06/09/2022"
tm_keys C-q
expect_screen "quits" "[exit 0]"
finish
