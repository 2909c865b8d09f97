# tests/lib.sh — helpers for shell tests; source it. Output is TAP-like:
# "ok N - name", "not ok N - name", "ok N - name # SKIP reason".
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
CDTT=${CDTT:-$ROOT/cdtt}
# The shared reference data beside the checkout (absent on some machines).
SHARED_DATA=${CDTT_SHARED_DATA:-$ROOT/../shared/data}
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-t.XXXXXX")
trap 'rm -rf "$T"' EXIT
# Tests never read the user's configuration or data.
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T/home" LANGUAGE= LC_ALL=C.UTF-8
mkdir -p "$T/home" "$T/tmp"
# Temporary files of the programs a test runs (an import's private copy, which a kill -9
# cannot remove) stay inside the test's folder and go with it.
export TMPDIR="$T/tmp"
_n=0 _failed=0
# q FILE SQL...: the sqlite3 shell on FILE in batch mode.
q() { sqlite3 -batch "$@"; }
# cdtt ARGS...: the program under test, its messages in English.
cdtt() { "$CDTT" --lang en "$@"; }
# dumpsum FILE: one hash of FILE's whole content as SQL (the same hash, the same data).
dumpsum() { q "$1" .dump | sha256sum | cut -d' ' -f1; }

ok()   { _n=$((_n + 1)); echo "ok $_n - $1"; }
# fail NAME DETAIL...: a failed test; every line of every DETAIL is shown as a "#" comment.
fail() { _n=$((_n + 1)); _failed=$((_failed + 1)); echo "not ok $_n - $1"; shift; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/#   /'; done; }
skip() { _n=$((_n + 1)); echo "ok $_n - $1 # SKIP $2"; }

# check NAME CMD... : passes when CMD exits 0.
check() { name=$1; shift; if out=$("$@" 2>&1); then ok "$name"; else fail "$name" "command: $*" "$(printf '%s' "$out" | tail -5)"; fi; }
# check_fails NAME CODE CMD... : passes when CMD exits with CODE.
check_fails() { name=$1; code=$2; shift 2; out=$("$@" 2>&1); rc=$?; if [ $rc -eq "$code" ]; then ok "$name"; else fail "$name" "expected exit $code, got $rc: $*" "$(printf '%s' "$out" | tail -5)"; fi; }
# expect_eq NAME ACTUAL EXPECTED
expect_eq() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "expected: $3" "actual:   $2"; fi; }
# expect_contains NAME HAYSTACK NEEDLE
expect_contains() { case "$2" in *"$3"*) ok "$1" ;; *) fail "$1" "expected to contain: $3" "actual: $(printf '%s' "$2" | head -5)" ;; esac; }
expect_not_contains() { case "$2" in *"$3"*) fail "$1" "expected not to contain: $3" ;; *) ok "$1" ;; esac; }

# Ends the script: exit 1 when anything failed.
# unpack_package IN OUT: the SQLite file inside the compressed package IN (after its
# 512-byte header, a Zstandard frame) written to OUT, as a forger or a curious user
# would take it out with the zstd tool; fails when IN is not compressed.
unpack_package() { [ "$(head -c 14 "$1")" = "cdtt-package-2" ] && tail -c +513 "$1" | zstd -dcq >"$2"; }
# pkg_q FILE SQL: runs SQL with the sqlite3 shell on the package FILE's SQLite file
# (unpacked beside it as FILE.inner.db when FILE is compressed).
pkg_q() { _f=$1; shift
          if unpack_package "$_f" "$_f.inner.db" 2>/dev/null; then _f="$_f.inner.db"; fi
          sqlite3 -batch "$_f" "$@"; }
finish() { [ "$_failed" -eq 0 ]; exit $?; }
