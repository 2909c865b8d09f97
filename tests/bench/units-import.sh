#!/bin/sh
# units-import.sh — prints how fast `cdtt units import` reads the real lists and
# a synthetic ~100 MB list (100,000 communes, each row padded with a 1 KB
# English-name column), and the most memory it used: the CSV reader streams,
# so memory follows the number of units, not the file's size.
# Usage: sh tests/bench/units-import.sh   (CDTT=path/to/cdtt to choose the binary)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CDTT=${CDTT:-$ROOT/cdtt}
DATA=${CDTT_SHARED_DATA:-$ROOT/../shared/data}
T=$(mktemp -d "${TMPDIR:-/tmp}/cdtt-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" HOME="$T" LC_ALL=C.UTF-8

# run LABEL FILE: one import into a fresh database, then the same again.
run() {
    label=$1 file=$2
    bytes=$(wc -c <"$file")
    for pass in first second; do
        if [ -x /usr/bin/time ]; then
            /usr/bin/time -f "%e %M" -o "$T/time" "$CDTT" --lang en --db "$T/$label.db" units import "$file" \
                >"$T/out" 2>&1 || { cat "$T/out"; return 1; }
            read -r secs kb <"$T/time"
        else
            start=$(date +%s.%N)
            "$CDTT" --lang en --db "$T/$label.db" units import "$file" >"$T/out" 2>&1 || { cat "$T/out"; return 1; }
            secs=$(echo "$(date +%s.%N) - $start" | bc) kb="?"
        fi
        rows=$(sed -n 's/.*: \([0-9]*\) rows.*/\1/p' "$T/out")
        printf '%-22s %-6s %9s bytes %8s rows %6ss %8s rows/s %7s MB/s  max RSS %s KB\n' "$label" "$pass" \
            "$bytes" "$rows" "$secs" "$(echo "$rows / ($secs + 0.001)" | bc)" \
            "$(echo "scale=1; $bytes / 1048576 / ($secs + 0.001)" | bc)" "$kb"
    done
}

[ -r "$DATA/units-2025-01-gso.csv" ] && run pre-2025 "$DATA/units-2025-01-gso.csv"
[ -r "$DATA/units-2025-07.csv" ] && run 2025-07 "$DATA/units-2025-07.csv"

pad=$(head -c 1000 /dev/zero | tr '\0' 'x')
awk -v pad="$pad" 'BEGIN {
    print "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh"
    for (i = 0; i < 100000; i++) {
        p = int(i / 2000) + 1; d = int(i / 200)
        printf "Tỉnh Số %d,%02d,Huyện Số %d,%03d,Xã Số %d,%05d,Xã,\"%s, %d\"\r\n", p, p, d, d, i, i, pad, i
    }
}' >"$T/big.csv"
run synthetic-100MB "$T/big.csv"
