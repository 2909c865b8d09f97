#!/bin/sh
# make-seeds.sh DIR — adds seed inputs cut from the reference data in
# ../shared/data (beside the checkout) to DIR/NAME/ for the fuzz harnesses:
# the head of each unit list and a few slices of its lines. Does nothing, and
# says so, when that folder is absent. The committed hand-made seeds are in
# tests/fuzz/seeds/.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${CDTT_SHARED_DATA:-$ROOT/../shared/data}
OUT=${1:?usage: make-seeds.sh DIR}
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
