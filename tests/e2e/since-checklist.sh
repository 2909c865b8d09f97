#!/bin/sh
# since-checklist.sh — the attendance checklist of a past session (01/09/2022)
# lists the members of that date only; F7 adds those who joined later, and
# ticking one of them asks whether their start date moves back to the
# session's date (no: not ticked; yes: moved and marked present when saved).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-tmux.sh"

DB=$T/c.db
C() { "$CDTT" --db "$DB" "$@" >/dev/null 2>&1; }
C init --office 00004 --name "Xã Thử Nghiệm"
C add team "Tổ Một" --level commune --yes
C add member "Vũ Thị Mai" --team "Tổ Một" --since 01/06/2022 --yes
C add member "Lê Văn Nam" --team "Tổ Một" --yes
C session add --date 01/09/2022 --topic "VNeID"
start_of() { sqlite3 "$DB" "SELECT date_from FROM membership ms JOIN member p ON p.uuid = ms.member_uuid WHERE p.full_name = '$1'"; }
present() { sqlite3 "$DB" "SELECT count(*) FROM attendance WHERE deleted = 0"; }
TODAY=$(date +%Y-%m-%d)

tm_start 100 24 --db "$DB" --lang en
tm_poll "Members: 2" || fail "home shows 2 members" "$(tm_screen)"
tm_keys 4; tm_wait "Training sessions"
tm_keys 5; tm_wait "Attended"
tm_keys Enter
expect_screen "the session's attendance opens" "Tick who attended the session of 01/09/2022"
expect_screen "it counts the members of that date" "0 of 1 ticked"
scr=$(tm_screen)
expect_contains "the member since June 2022 is listed" "$scr" "Vũ Thị Mai"
expect_not_contains "the member who joined today is not" "$scr" "Lê Văn Nam"
expect_contains "the key bar offers those who joined later" "$scr" "Joined later"

tm_keys F7
expect_screen "F7 adds the member who joined later" "Lê Văn Nam"
expect_screen "with the day they joined" "joined $(date +%d/%m/%Y)"
expect_screen "the list now has two" "0 of 2 ticked"
tm_keys Down Space
expect_screen "ticking them asks to move the start date back" "Move the start date back to"
tm_type n
expect_screen "no: not ticked" "0 of 2 ticked"
tm_keys Up Space
expect_screen "the member of that date is ticked without a question" "1 of 2 ticked"
tm_keys Space
expect_screen "asked again" "Move the start date back to"
tm_type y
expect_screen "yes: ticked" "2 of 2 ticked"
expect_screen "the move is shown" "→ 01/09/2022"
expect_eq "nothing is written before F2" "$(start_of 'Lê Văn Nam')" "$TODAY"
tm_keys F2
expect_screen "F2 saves the move and the attendance" "Saved: 3 records changed."
expect_eq "the start date moved back to the session's date" "$(start_of 'Lê Văn Nam')" "2022-09-01"
expect_eq "both are present" "$(present)" "2"
expect_contains "the team is trained as of 01/10/2022" \
    "$("$CDTT" --db "$DB" --lang en report --as-of 01/10/2022 --by commune --format csv)" ",1,2,0,0.0,0,0.0,1,100.0,"
tm_keys C-q
expect_screen "quits" "[exit 0]"
check "the file is sound" "$CDTT" --db "$DB" check
finish
