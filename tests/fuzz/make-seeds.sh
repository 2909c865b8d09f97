#!/bin/sh
# make-seeds.sh DIR — adds seed inputs for the fuzz harnesses to DIR/NAME/:
#  - package/: real packages written by the project's own binary (./cdtt, or $CDTT):
#    a made-up commune (00004, in province 01) with `cdtt demo --members 30`, exported
#    masked and --full, from a file with SQLite's default 4096-byte pages and from one
#    with 512-byte pages (the export keeps its file's page size: 75 KB instead of 176 KB),
#    once more after two members were deleted (deletion marks travel); a package of
#    another province's commune; then a few damaged copies. All plain (--plain: one SQLite
#    file, which mutations reach), and one compressed package beside them (its header and
#    Zstandard frame). Skipped, saying so, when cdtt is not built.
#  - csv/, units/, text/, validate/: the head of each unit list in the reference
#    data ../shared/data (beside the checkout) and a few slices of its lines. Skipped,
#    saying so, when that folder is absent.
# The committed hand-made seeds are in tests/fuzz/seeds/.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${CDTT_SHARED_DATA:-$ROOT/../shared/data}
CDTT=${CDTT:-$ROOT/cdtt}
OUT=${1:?usage: make-seeds.sh DIR}

# package_seeds DIR: the packages described above, into DIR.
package_seeds() {
    w=$(mktemp -d) || return 1
    c() { "$CDTT" --lang en --db "$@" >/dev/null 2>&1; }
    # commune FILE PAGE CODE NAME: a commune's file with demo data, pages of PAGE bytes.
    commune() {
        c "$w/$1" init --office "$3" --name "$4" || return 1
        if [ "$2" != 4096 ]; then
            sqlite3 "$w/$1" "PRAGMA journal_mode = DELETE; PRAGMA page_size = $2; VACUUM;
                             PRAGMA journal_mode = WAL;" >/dev/null || return 1
        fi
        c "$w/$1" demo --members 30
    }
    ok=1
    commune c4096.db 4096 00004 'Phường Ba Đình' &&
        c "$w/c4096.db" export -o "$1/commune-masked.cdtt" --force --plain &&
        c "$w/c4096.db" export -o "$1/commune-full.cdtt" --full --force --plain || ok=0
    if command -v sqlite3 >/dev/null 2>&1; then
        commune c512.db 512 00004 'Phường Ba Đình' &&
            c "$w/c512.db" export -o "$1/commune512-masked.cdtt" --force --plain &&
            c "$w/c512.db" export -o "$1/commune512-full.cdtt" --full --force --plain &&
            for m in $(sqlite3 "$w/c512.db" "SELECT uuid FROM member ORDER BY uuid LIMIT 2"); do
                c "$w/c512.db" delete member "$m" || ok=0
            done &&
            c "$w/c512.db" export -o "$1/commune512-deletions.cdtt" --force --plain &&
            commune other.db 512 26740 'Phường Sài Gòn' &&
            c "$w/other.db" export -o "$1/other-province512.cdtt" --force --plain &&
            c "$w/c512.db" export -o "$1/commune512-packed.cdtt" --force || ok=0
        p=$1/commune512-masked.cdtt
        if [ -f "$p" ]; then
            # Damaged copies: an edited digest, an edited row (stale digest), an extra
            # table, a manifest key gone, a view, no manifest at all, a manifest naming
            # another schema version, text that is not UTF-8, a value over 65,536 bytes.
            for v in digest row table key view nomanifest version utf8 huge; do cp "$p" "$1/bad-$v.cdtt"; done
            sqlite3 "$1/bad-digest.cdtt" "UPDATE manifest SET value = '00' || substr(value, 3) WHERE key = 'digest'"
            sqlite3 "$1/bad-row.cdtt" "UPDATE member SET full_name = 'X' WHERE rowid = 1"
            sqlite3 "$1/bad-table.cdtt" "CREATE TABLE extra (x)"
            sqlite3 "$1/bad-key.cdtt" "DELETE FROM manifest WHERE key = 'rows.team'"
            sqlite3 "$1/bad-view.cdtt" "CREATE VIEW v AS SELECT * FROM member"
            sqlite3 "$1/bad-nomanifest.cdtt" "DROP TABLE manifest; VACUUM"
            sqlite3 "$1/bad-version.cdtt" "UPDATE manifest SET value = '2' WHERE key = 'schema_version'"
            sqlite3 "$1/bad-utf8.cdtt" "UPDATE member SET full_name = CAST(X'4EC3A0FF' AS TEXT) WHERE rowid = 1"
            sqlite3 "$1/bad-huge.cdtt" "UPDATE member SET note = printf('%.*c', 70000, 'x') WHERE rowid = 1"
        fi
    else
        echo "make-seeds: no sqlite3 shell; the 512-byte-page and damaged packages are left out"
    fi
    p=$1/commune-masked.cdtt
    if [ -f "$p" ]; then
        size=$(wc -c <"$p")
        head -c $((size / 2)) "$p" >"$1/bad-truncated.cdtt"
        # One byte changed in the middle of the file (and a page header's worth further on).
        cp "$p" "$1/bad-byte.cdtt"
        printf 'Z' | dd of="$1/bad-byte.cdtt" bs=1 seek=$((size / 2 + 7)) conv=notrunc 2>/dev/null
        head -c 100 "$p" >"$1/bad-header-only.cdtt"
    fi
    rm -rf "$w"
    [ $ok = 1 ] || echo "make-seeds: could not write every package seed with $CDTT"
}

mkdir -p "$OUT/package"
if [ -x "$CDTT" ]; then
    package_seeds "$OUT/package"
else
    echo "make-seeds: $CDTT is not built (make); no package seeds"
fi

if [ ! -d "$DATA" ]; then
    echo "make-seeds: no reference data at $DATA; using the committed seeds only"
    exit 0
fi
mkdir -p "$OUT/csv" "$OUT/units" "$OUT/text" "$OUT/validate"
for f in "$DATA"/*.csv; do
    [ -f "$f" ] || continue
    b=$(basename "$f" .csv)
    head -c 4000 "$f" >"$OUT/csv/$b-head"
    head -n 40 "$f" >"$OUT/units/$b-head"
    # A slice from the middle, with its header, for the importer.
    total=$(wc -l <"$f")
    { head -n 1 "$f"; sed -n "$((total / 2)),$((total / 2 + 30))p" "$f"; } >"$OUT/units/$b-middle"
    cp "$OUT/units/$b-middle" "$OUT/csv/$b-middle"
    # Names of places, one per seed, for the text functions and validators.
    sed -n "2,$((total))p" "$f" | awk 'NR % 997 == 0' | cut -d, -f3 | head -20 | {
        i=0
        while IFS= read -r line; do
            i=$((i + 1))
            printf '%s' "$line" >"$OUT/text/$b-$i"
            printf '%s' "$line" >"$OUT/validate/$b-$i"
        done
    }
done
