#!/bin/sh
# tests/bench/records-save.sh — prints how fast members are saved (see
# records_save.c). Needs a built tree (make).   sh tests/bench/records-save.sh [N]
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$ROOT"
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -o "$T/bench" tests/bench/records_save.c \
    build/libcdttdb.a $(pkg-config --libs sqlite3 libutf8proc) -liniparser
"$T/bench" "$T" "${1:-10000}"
