#!/bin/sh
# tests/bench/search-keys.sh — how long a list's page takes after every key of a
# search typed one key at a time (tests/bench/search_keys.c), on a demo file of
# N members (default 340,000) or on FILE. Prints figures; judges nothing.
#   sh tests/bench/search-keys.sh [N | FILE] [member|team|area|all] [SEARCHES]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ARG=${1:-340000} KIND=${2:-member} SEARCHES=${3:-240}
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$ROOT"
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -o "$T/search_keys" tests/bench/search_keys.c \
    build/libcdttdb.a $(pkg-config --libs sqlite3 libutf8proc libsodium xlsxwriter) -liniparser -lpthread
if [ -f "$ARG" ]; then
    FILE=$ARG
else
    FILE=$T/demo.db
    echo "generating $ARG members..."
    XDG_CONFIG_HOME=$T HOME=$T ./cdtt --db "$FILE" demo --members "$ARG" >/dev/null
fi
[ "$KIND" = all ] && KIND="member team area"
for k in $KIND; do "$T/search_keys" "$FILE" "$k" "$SEARCHES"; done
