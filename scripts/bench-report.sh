#!/bin/sh
# bench-report.sh — how long `cdtt report` and `cdtt missing` take on a large file
# (a province consolidating many communes). Prints figures; asserts nothing.
#   sh scripts/bench-report.sh [MEMBERS]      (default 200000; the design goal is 1000000)
# Environment: CDTT (the binary, default ./cdtt). Needs the sqlite3 shell.
set -eu
N=${1:-200000}
CDTT=${CDTT:-./cdtt}
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
[ "${KEEP:-}" = 1 ] && echo "kept: $T" || trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" LC_ALL=C.UTF-8
D=$T/p.db
"$CDTT" --db "$D" init --office 01 --name "Tỉnh thử" >/dev/null

# 8 members a team, one team a village, 20 villages a commune; a session per commune
# attended by every third member; an activity a team this month.
sqlite3 "$D" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $N / 8 - 1)
INSERT INTO area (uuid, unit_scheme, unit_code, kind, name, name_fold, sort_key, created_at, updated_at, changed_by)
SELECT 'a' || i, '2025-07', printf('%05d', i / 20), 'thon', 'Thôn ' || i, 'thon ' || i, printf('thon %08d', i),
       '2022', '2022', 'x' FROM n;
INSERT INTO team (uuid, unit_scheme, unit_code, level, area_uuid, name, name_fold, sort_key, created_at, updated_at, changed_by)
SELECT 't' || substr(uuid, 2), unit_scheme, unit_code, 'village', uuid, 'Tổ ' || name, 'to ' || name_fold, sort_key,
       '2022', '2022', 'x' FROM area;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $N - 1)
INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, mooc_status, mooc_date, zalo_date,
                    created_at, updated_at, changed_by)
SELECT 'm' || i, '2025-07', printf('%05d', i / 160), 'Thành viên ' || i, 'thanh vien ' || i, printf('%09d', i),
       CASE i % 3 WHEN 0 THEN 'completed' WHEN 1 THEN 'in_progress' ELSE 'not_started' END,
       CASE i % 3 WHEN 0 THEN '2022-10-01' END, CASE WHEN i % 4 THEN '2022-09-15' END, '2022', '2022', 'x' FROM n;
INSERT INTO membership (uuid, team_uuid, member_uuid, date_from, created_at, updated_at, changed_by)
SELECT 'ms' || substr(uuid, 2), 't' || (CAST(substr(uuid, 2) AS INTEGER) / 8), uuid, '2022-03-01', '2022', '2022', 'x'
FROM member;
INSERT INTO training_session (uuid, unit_scheme, unit_code, date, created_at, updated_at, changed_by)
SELECT DISTINCT 's' || unit_code, unit_scheme, unit_code, '2022-09-20', '2022', '2022', 'x' FROM area;
INSERT INTO attendance (uuid, session_uuid, member_uuid, created_at, updated_at, changed_by)
SELECT 'at' || substr(uuid, 2), 's' || unit_code, uuid, '2022', '2022', 'x' FROM member
WHERE CAST(substr(uuid, 2) AS INTEGER) % 3 = 0;
INSERT INTO activity (uuid, team_uuid, date, type, people, households, created_at, updated_at, changed_by)
SELECT 'ac' || uuid, uuid, '2022-10-03', 'vneid', 12, 5, '2022', '2022', 'x' FROM team;
COMMIT;
SQL

now() { date +%s%N; }
run() { # NAME CMD...
    name=$1; shift
    start=$(now)
    "$@" >"$T/out"
    ms=$(( ($(now) - start) / 1000000 ))
    printf '%-34s %7d ms  %8d lines\n' "$name" "$ms" "$(wc -l <"$T/out")"
}
echo "members: $N, teams: $((N / 8)), communes: $((N / 160))"
run "report --by area" "$CDTT" --db "$D" report --by area --as-of 15/10/2022
run "report --by commune" "$CDTT" --db "$D" report --by commune --as-of 15/10/2022
run "report --by commune --format json" "$CDTT" --db "$D" report --by commune --as-of 15/10/2022 --format json
run "missing mooc (csv)" "$CDTT" --db "$D" missing mooc --as-of 15/10/2022 --format csv
run "missing inperson" "$CDTT" --db "$D" missing inperson --as-of 15/10/2022
