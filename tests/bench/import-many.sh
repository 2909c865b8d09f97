#!/bin/sh
# import-many.sh — figures for a province importing many commune packages at
# once (not a pass/fail test).
#   CDTT=./cdtt BENCH_COMMUNES=30 BENCH_MEMBERS=300 sh tests/bench/import-many.sh
# Makes BENCH_COMMUNES commune files with `cdtt demo` (BENCH_MEMBERS members each),
# exports their packages, then times one `cdtt import` of all of them into an
# empty province file, the same import again (everything unchanged), and a dry
# run of all of them; wall and processor time (user + system) in ms.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CDTT=${CDTT:-$ROOT/cdtt}
NC=${BENCH_COMMUNES:-30}
NM=${BENCH_MEMBERS:-300}
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T" LC_ALL=C.UTF-8 LANGUAGE=
umask 077
cd "$T" || exit 1

now_ms() { date +%s%3N; }
# cpu_now VAR: the processor time (user + system, ms) this script's finished children
# used so far, into VAR (`times` must run here, not in a subshell, which has no children).
cpu_now() { times >"$T/.t"
            eval "$1=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] }
                                      printf "%d", t * 1000 }' "$T/.t")"; }
# timed LABEL CMD...: runs CMD, prints its wall and processor time.
timed() {
    label=$1; shift
    cpu_now c0; t0=$(now_ms); "$@" >/dev/null 2>&1; t1=$(now_ms); cpu_now c1
    printf '%-44s wall %6d ms   cpu %6d ms\n' "$label" $((t1 - t0)) $((c1 - c0))
}
units() { # FILE: province 01 and communes 01001..01NNN
    sqlite3 "$1" "WITH RECURSIVE c(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM c WHERE j < $NC)
                  INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold)
                  SELECT '2025-07', 'province', '01', 'Tỉnh Một', NULL, '01', 'tinh mot'
                  UNION ALL SELECT '2025-07', 'commune', printf('01%03d', j), 'Xã ' || j, '01', '01', 'xa ' || j FROM c"
}
office() { # FILE CODE LEVEL
    : >"$1"; "$CDTT" --db "$1" conflicts >/dev/null
    units "$1"
    sqlite3 "$1" "INSERT INTO office (id, scheme, code, level, name, created_at)
                  VALUES (1, '2025-07', '$2', '$3', 'Bench $2', '2026-01-01T00:00:00.000Z')"
}

i=1
while [ "$i" -le "$NC" ]; do
    code=$(printf '01%03d' "$i")
    office "c$i.db" "$code" commune
    "$CDTT" --db "c$i.db" demo --members "$NM" --seed "$i" >/dev/null || exit 1
    "$CDTT" --db "c$i.db" export -o "c$code.cdtt" >/dev/null || exit 1
    i=$((i + 1))
done
office p.db 01 province
echo "$NC commune packages of $NM members ($(cat c*.cdtt | wc -c) bytes in all)"
timed "import --dry-run of all (all new)" "$CDTT" --db p.db import --dry-run c*.cdtt
timed "import of all (all new)" "$CDTT" --db p.db import c*.cdtt
timed "import of all again (all unchanged)" "$CDTT" --db p.db import c*.cdtt
echo "members at the province: $(sqlite3 p.db 'SELECT count(*) FROM member')"
