#!/bin/sh
# package.sh — figures for export and import of a large commune file (not a pass/fail test).
#   CDTT=./cdtt BENCH_N=100000 sh tests/bench/package.sh
# Prints the package size and the seconds each step took.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CDTT=${CDTT:-$ROOT/cdtt}
N=${BENCH_N:-100000}
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T" LC_ALL=C.UTF-8
umask 077
cd "$T" || exit 1
now() { date +%s.%N; }
secs() { echo "$1 $2" | awk '{printf "%.2f", $2 - $1}'; }

mk() { # FILE CODE LEVEL
    : >"$1"
    "$CDTT" --db "$1" conflicts >/dev/null
    sqlite3 "$1" "INSERT INTO office (id, scheme, code, level, name, created_at) VALUES (1, '2025-07', '$2', '$3', 'Bench $2', '2026-01-01T00:00:00.000Z');
                  INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold)
                    VALUES ('2025-07', 'commune', '00004', 'Bench', '01', '01', 'bench');"
}
mk c.db 00004 commune
mk p.db 01 province
sqlite3 c.db "
INSERT INTO team (uuid, unit_scheme, unit_code, level, name, name_fold, sort_key, created_at, updated_at, changed_by)
  VALUES ('team-1', '2025-07', '00004', 'commune', 'Tổ', 'to', 'to', '2026-01-01T00:00:00.000Z',
          '2026-01-01T00:00:00.000Z', '2025-07:00004');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, phone, cccd, consent,
                    created_at, updated_at, changed_by)
  SELECT printf('m-%08d', i), '2025-07', '00004', 'Nguyễn Văn ' || i, 'nguyen van ' || i, 'nguyen van ' || i,
         printf('09%08d', i), printf('0011900%05d', i % 100000), i % 2, '2026-01-01T00:00:00.000Z',
         '2026-02-01T00:00:00.000Z', '2025-07:00004' FROM n;
INSERT INTO membership (uuid, team_uuid, member_uuid, created_at, updated_at, changed_by)
  SELECT 'ms-' || uuid, 'team-1', uuid, created_at, updated_at, changed_by FROM member;"

echo "members: $N (plus as many memberships)"
echo "commune file: $(stat -c %s c.db) bytes"
t0=$(now); "$CDTT" --db c.db export -o c1.cdtt >/dev/null; t1=$(now)
echo "export: $(secs "$t0" "$t1") s, package $(stat -c %s c1.cdtt) bytes"
t0=$(now); "$CDTT" --db p.db import --dry-run c1.cdtt >/dev/null; t1=$(now)
echo "import --dry-run (all new): $(secs "$t0" "$t1") s"
t0=$(now); "$CDTT" --db p.db import c1.cdtt >/dev/null; t1=$(now)
echo "import (all new): $(secs "$t0" "$t1") s"
t0=$(now); "$CDTT" --db p.db import c1.cdtt >/dev/null; t1=$(now)
echo "import again (all unchanged): $(secs "$t0" "$t1") s"
sqlite3 c.db "UPDATE member SET full_name = full_name || ' A', updated_at = '2026-03-01T00:00:00.000Z'"
"$CDTT" --db c.db export -o c2.cdtt >/dev/null
t0=$(now); "$CDTT" --db p.db import c2.cdtt >/dev/null; t1=$(now)
echo "import newer (every member updated): $(secs "$t0" "$t1") s"
