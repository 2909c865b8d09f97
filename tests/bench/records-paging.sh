#!/bin/sh
# tests/bench/records-paging.sh — builds a file with N members (default
# 1,000,000) in teams of 10 and prints how long member pages take from the
# start, the middle and the end. Needs the sqlite3 shell and a built tree (make).
#   sh tests/bench/records-paging.sh [N]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-1000000}
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$ROOT"
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -o "$T/bench" tests/bench/records_paging.c \
    build/libcdttdb.a $(pkg-config --libs sqlite3 libutf8proc) -liniparser
"$T/bench" "$T/big.db" create
echo "generating $N members..."
start=$(date +%s)
# Synthetic but realistic: Vietnamese names from lists, sort keys of the same
# shape as text_name_sort_key's, one team per 10 members.
sqlite3 "$T/big.db" <<SQL
.output /dev/null
PRAGMA journal_mode = WAL;
.output stdout
INSERT INTO office (id, scheme, code, level, name, created_at) VALUES (1, '2025-07', '00004', 'commune', 'Bench', '2025-07-01');
CREATE TEMP TABLE fam (k INTEGER PRIMARY KEY, name TEXT, fold TEXT);
INSERT INTO fam (name, fold) VALUES ('Nguyễn','nguyen'),('Trần','tran'),('Lê','le'),('Phạm','pham'),
  ('Hoàng','hoang'),('Đặng','dang'),('Bùi','bui'),('Đỗ','do');
CREATE TEMP TABLE giv (k INTEGER PRIMARY KEY, name TEXT, fold TEXT);
INSERT INTO giv (name, fold) VALUES ('An','an'),('Bình','binh'),('Cúc','cuc'),('Dũng','dung'),
  ('Hằng','hang'),('Lan','lan'),('Minh','minh'),('Yến','yen');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $N / 10)
INSERT INTO team (uuid, unit_scheme, unit_code, level, name, name_fold, sort_key, created_at, updated_at, changed_by)
SELECT printf('t%07d-0000-4000-8000-000000000000', i), '2025-07', '00004', 'commune', 'Tổ ' || i,
  'to ' || i, printf('to %07d', i), '2025-01-01', '2025-01-01', '2025-07:00004' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $N)
INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, created_at, updated_at, changed_by)
SELECT printf('m%07d-0000-4000-8000-000000000000', i), '2025-07', '00004',
  f.name || ' Văn ' || g.name || ' ' || i, f.fold || ' van ' || g.fold || ' ' || i,
  printf('%s%07d %s van', g.fold, (i * 7919) % 1000003, f.fold), '2025-01-01', '2025-01-01', '2025-07:00004'
FROM n JOIN fam f ON f.k = 1 + i % 8 JOIN giv g ON g.k = 1 + (i / 8) % 8;
INSERT INTO membership (uuid, team_uuid, member_uuid, role, created_at, updated_at, changed_by)
SELECT 's' || substr(uuid, 2), printf('t%07d-0000-4000-8000-000000000000', CAST(substr(uuid, 2, 7) AS INTEGER) / 10),
  uuid, 'member', '2025-01-01', '2025-01-01', '2025-07:00004' FROM member;
SQL
echo "generated in $(( $(date +%s) - start )) s; $(du -h "$T/big.db" | cut -f1) file"
"$T/bench" "$T/big.db"
