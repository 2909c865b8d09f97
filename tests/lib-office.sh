# tests/lib-office.sh — mkoffice, for shell tests that build cdtt files by hand;
# source it after defining q FILE SQL (the sqlite3 shell).
#   mkoffice FILE CODE LEVEL NAME   a new cdtt file (cdtt creates the schema)
#                                   owned by that office, with a small unit list:
#                                   Hà Nội (01) and three of its communes, and the
#                                   rows in $MORE_UNITS (each "(scheme, level, code,
#                                   name, parent_code, province_code, name_fold)"
#                                   led by a comma), when set.
mkoffice() {
    : >"$1"
    "$CDTT" --db "$1" conflicts >/dev/null || return 1
    q "$1" "INSERT INTO office (id, scheme, code, level, name, created_at)
              VALUES (1, '2025-07', '$2', '$3', '$4', '2026-01-01T00:00:00.000Z');
            INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold) VALUES
              ('2025-07', 'province', '01', 'Thành phố Hà Nội', NULL, '01', 'ha noi'),
              ('2025-07', 'commune', '00004', 'Phường Ba Đình', '01', '01', 'ba dinh'),
              ('2025-07', 'commune', '00008', 'Phường Ngọc Hà', '01', '01', 'ngoc ha'),
              ('2025-07', 'commune', '00012', 'Phường Giảng Võ', '01', '01', 'giang vo')${MORE_UNITS:-};"
}
