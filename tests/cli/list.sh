#!/bin/sh
# tests/cli/list.sh — `cdtt add` and `cdtt list` through the real binary: order,
# columns, masks, search, filters, warnings, CSV quoting, alignment.
. "$(dirname "$0")/../lib.sh"

DB="$T/c.db"
c() { "$CDTT" --db "$DB" --lang en "$@"; }

check_fails "add without an office is refused" 1 c add area "Thôn Đông"
out=$(c add area "Thôn Đông" 2>&1)
expect_contains "the refusal says what to do" "$out" "no office yet"
check "cdtt init gives the file its office" c init --office 00004 --name "Phường Ba Đình"

check "add an area" c add area "Thôn Đông"
check "add another area" c add area "Tổ dân phố 3" --kind "to_dan_pho"
check "add a village team" c add team "Tổ CNS thôn Đông" --area "Thôn Đông" --decision-no "45/QĐ-UBND" \
    --decision-date 01/10/2022 --issuer "UBND phường Ba Đình, Hà Nội"
check "add a commune team" c add team "Tổ CNS phường"
check "add a leader" c add member "Nguyễn Văn An" --team "Tổ CNS thôn Đông" --role leader \
    --phone "+84 912 345 678" --birth 02/03/1980 --gender male --cccd 001080012345
check "add a member" c add member "Trần Thị Hằng" --team "Tổ CNS thôn Đông" --gender nữ --birth 1990
check "add a member without team" c add member "Đặng Minh Ánh" --phone 0987654321
check "add a member in the commune team" c add member "Lê Văn Bình" --team "tổ cns phường" --role deputy

csv=$(c list members --format csv | tr -d '\r')
expect_eq "members CSV header" "$(printf '%s\n' "$csv" | head -1)" \
    "uuid,full_name,gender,birth,phone,cccd,email,category,youth_union,consent,consent_date,mooc_status,mooc_date,zalo_date,teams,roles,deleted"
names=$(printf '%s\n' "$csv" | tail -n +2 | cut -d, -f2 | tr '\n' '|')
expect_eq "members in order of given name" "$names" "Nguyễn Văn An|Đặng Minh Ánh|Lê Văn Bình|Trần Thị Hằng|"
an=$(printf '%s\n' "$csv" | grep "Nguyễn Văn An")
expect_contains "stored values: gender, ISO birth" "$an" ",Nguyễn Văn An,male,1980-03-02,"
expect_contains "phone and CCCD masked" "$an" ",09******78,00********45,"
expect_contains "team and role" "$an" ",Tổ CNS thôn Đông,leader,0"
full=$(c list members --format csv --full | grep "Nguyễn Văn An")
expect_contains "--full shows the numbers" "$full" ",0912345678,001080012345,"

expect_eq "search without accents (hang)" "$(c list members --format csv --search hang | tail -n +2 | cut -d, -f2)" \
    "Trần Thị Hằng"
expect_eq "search đ by d (dang)" "$(c list members --format csv --search DANG | tail -n +2 | cut -d, -f2)" \
    "Đặng Minh Ánh"
expect_eq "search several words" "$(c list members --format csv --search 'nguyen van a' | tail -n +2 | cut -d, -f2)" \
    "Nguyễn Văn An"
expect_eq "filter by team" "$(c list members --format csv --team 'Tổ CNS phường' | tail -n +2 | cut -d, -f2)" \
    "Lê Văn Bình"
expect_eq "filter by area" "$(c list members --format csv --area 'Thôn Đông' | tail -n +2 | wc -l | tr -d ' ')" "2"
check_fails "an unknown team is an error" 1 c list members --team "Tổ không có"
# A name identifies by its marks: an unaccented name is not the village's name,
# and the refusal lists the names it may have meant.
out=$(c list members --area "thon dong" 2>&1)
expect_eq "a name without its marks is refused" "$?" "1"
expect_contains "the refusal lists the near name" "$out" "'Thôn Đông'"
expect_eq "case and tone placement do not count" \
    "$(c list members --format csv --area 'THÔN ĐÔNG' | tail -n +2 | wc -l | tr -d ' ')" "2"
check_fails "a bad format is a usage error" 2 c list members --format xml
check_fails "--team is not a teams option" 2 c list teams --team x

teams=$(c list teams --format csv | tr -d '\r')
expect_eq "teams CSV header" "$(printf '%s\n' "$teams" | head -1)" \
    "uuid,name,level,area,decision_no,decision_date,decision_issuer,status,members,deleted"
expect_contains "team row with quoted issuer" "$teams" \
    ',Tổ CNS thôn Đông,village,Thôn Đông,45/QĐ-UBND,2022-10-01,"UBND phường Ba Đình, Hà Nội",active,2,0'
expect_contains "commune team" "$teams" ",Tổ CNS phường,commune,,,,,active,1,0"
areas=$(c list areas --format csv | tr -d '\r')
expect_eq "areas CSV" "$(printf '%s\n' "$areas" | cut -d, -f2-)" "name,kind,teams,deleted
Thôn Đông,thon,1,0
Tổ dân phố 3,to_dan_pho,0,0"

out=$(c add member "nguyen van an" --birth 1980-03-02 2>&1); rc=$?
expect_eq "a duplicate suspect is not saved without --yes" "$rc" "1"
expect_contains "the warning names the other member" "$out" "Nguyễn Văn An"
expect_eq "still four members" "$(c list members --format csv | tail -n +2 | wc -l | tr -d ' ')" "4"
check "--yes saves it" c add member "nguyen van an" --birth 1980-03-02 --yes
check_fails "invalid UTF-8 is refused" 1 c add member "$(printf 'Nguy\377n')"
check_fails "an impossible date is a usage error" 2 c add member "Hà Văn Cường" --zalo-date 31/02/2022
long=$(printf 'Nguyễn%.0s' $(seq 1 200))
check_fails "a huge name is refused" 2 c add member "$long"
check_fails "a name over 100 characters is refused" 1 c add member "$(printf 'Lê Văn %.0s' $(seq 1 20))An"
check_fails "a huge note is refused" 2 c add area "Thôn Tây" --note "$(printf 'x%.0s' $(seq 1 2000))"
expect_eq "nothing more saved" "$(c list members --format csv | tail -n +2 | wc -l | tr -d ' ')" "5"

anh=$(c list members --format csv --search "dang minh anh" | tail -n +2 | cut -d, -f1)
check "delete a member" c delete member "$anh"
expect_not_contains "deleted members are not listed" "$(c list members --format csv)" "Đặng Minh Ánh"
expect_contains "--deleted lists them too, marked" "$(c list members --format csv --deleted | tr -d '\r')" \
    ",Đặng Minh Ánh,,,09******21,,,other,0,0,,not_started,,,,,1"
out=$(c delete team "Tổ CNS thôn Đông" 2>&1); rc=$?
expect_eq "a team with members is not deleted" "$rc" "1"
expect_contains "the refusal counts the members" "$out" "still has 2 members"
out=$(c delete area "Thôn Đông" 2>&1); rc=$?
expect_eq "an area with teams is not deleted" "$rc" "1"
expect_contains "the refusal counts the teams" "$out" "still has 1 teams"
check "delete an empty area" c delete area "Tổ dân phố 3"
expect_eq "its mark in the list" "$(c list areas --format csv --deleted | tr -d '\r' | grep 'Tổ dân phố 3' | cut -d, -f2-)" \
    "Tổ dân phố 3,to_dan_pho,0,1"
check "undelete the member" c undelete member "$anh"
expect_contains "back in the list" "$(c list members --format csv)" ",Đặng Minh Ánh,"
check_fails "delete of an unknown uuid fails" 1 c delete member 00000000-0000-0000-0000-000000000000

# Text: the Teams column starts at the same display column on every line (every
# Vietnamese letter here is precomposed, so characters = columns).
text=$(c list members)
cols=$(printf '%s\n' "$text" | tail -n +2 | while IFS= read -r line; do
    case "$line" in *"Tổ CNS"*) printf '%s' "${line%%Tổ CNS*}" | wc -m ;; esac
done | sort -u | tr -d ' ')
expect_eq "text columns aligned" "$(printf '%s\n' "$cols" | wc -l | tr -d ' ')" "1"
expect_contains "text shows the date as dd/mm/yyyy" "$text" "02/03/1980"
expect_contains "text masks the phone" "$text" "09******78"

# One personal-data rule (as exports and packages): a member who consented has
# phone and e-mail shown, the CCCD stays masked; without consent the e-mail is
# masked too.
check "add a member who consented" c add member "Phạm Thu Trang" --phone 0903111222 --email trang@example.vn \
    --cccd 001190012345 --birth 1990 --gender female --consent --consent-date 01/02/2024
check "add a member who did not" c add member "Vũ Văn Tú" --email tu@example.vn
consented=$(c list members --format csv | grep "Phạm Thu Trang")
expect_contains "consent: phone and e-mail shown, CCCD masked" "$consented" ",0903111222,00********45,trang@example.vn,"
expect_contains "no consent: the e-mail is masked" "$(c list members --format csv | grep "Vũ Văn Tú")" ",tu*********vn,"
expect_contains "--full shows it" "$(c list members --format csv --full | grep "Vũ Văn Tú")" ",tu@example.vn,"
vi=$("$CDTT" --db "$DB" --lang vi list teams)
expect_contains "Vietnamese headers" "$vi" "Thôn/tổ dân phố"

finish
