#!/bin/sh
# check.sh — prints how long `cdtt check` takes on a file with N members
# (default 1,000,000: the whole country) in teams of 8, made with the sqlite3 shell.
# Usage: sh tests/bench/check.sh [N]   (CDTT=path/to/cdtt to choose the binary)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CDTT=${CDTT:-$ROOT/cdtt}
N=${1:-1000000}
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$T"' EXIT; echo "folder: $T" >&2
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T" LC_ALL=C.UTF-8
command -v sqlite3 >/dev/null || { echo "the sqlite3 shell is needed"; exit 1; }

"$CDTT" --db "$T/c.db" init --office 00004 --name "Phường Ba Đình" >/dev/null || exit 1
start=$(date +%s.%N)
sqlite3 "$T/c.db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $N)
INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, birth, phone, consent,
                    created_at, updated_at, changed_by)
SELECT 'm' || i, '2025-07', '00004', 'Nguyễn Văn ' || i, 'nguyen van ' || i, 'nguyen van ' || i,
       printf('%04d-01-01', 1950 + i % 50), printf('09%08d', i), 1, 't', 't', 'x' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ($N + 7) / 8)
INSERT INTO team (uuid, unit_scheme, unit_code, level, name, name_fold, sort_key, created_at, updated_at, changed_by)
SELECT 't' || i, '2025-07', '00004', 'village', 'Tổ ' || i, 'to ' || i, 'to ' || i, 't', 't', 'x' FROM n;
INSERT INTO membership (uuid, team_uuid, member_uuid, role, created_at, updated_at, changed_by)
SELECT 'j' || substr(uuid, 2), 't' || (CAST(substr(uuid, 2) AS INTEGER) / 8),
       uuid, CASE WHEN CAST(substr(uuid, 2) AS INTEGER) % 8 = 0 THEN 'leader' ELSE 'member' END, 't', 't', 'x'
FROM member;
COMMIT;
SQL
made=$(echo "$(date +%s.%N) - $start" | bc)
size=$(du -k "$T/c.db" | cut -f1)
/usr/bin/time -f "%e %M" -o "$T/time" "$CDTT" --lang en --db "$T/c.db" check >"$T/out" 2>&1
rc=$?
read -r secs kb <"$T/time"
printf 'members %s  file %s KB (made in %ss)  cdtt check: %ss, max RSS %s KB, exit %s, %s finding(s)\n' \
    "$N" "$size" "$made" "$secs" "$kb" "$rc" "$(grep -c '^warning\|^PROBLEM' "$T/out")"
tail -1 "$T/out"
