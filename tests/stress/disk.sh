#!/bin/sh
# disk.sh — a full disk (a small tmpfs mounted for the test) and a read-only file or
# folder: cdtt says so clearly, the file is left exactly as it was (checksums before and
# after), and it is still usable once the disk has room or the file is writable again.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib-stress.sh"
cd "$T" || exit 1
ROWS=$(iters 3000 20000)
MOUNTS=""
cleanup() { for m in $MOUNTS; do umount "$m" 2>/dev/null; done; rm -rf "$T"; }
trap cleanup EXIT

mkoffice c.db 00004 commune "Phường Ba Đình"
fill c.db 00004 "$ROWS"
cdtt --db c.db export -o c.cdtt >/dev/null || fail "export the commune's package"

# --- full disk ------------------------------------------------------------------------
mkdir full
if mount -t tmpfs -o size=1m,mode=0700 tmpfs full 2>/dev/null; then
    MOUNTS="$MOUNTS $T/full"
    mkoffice full/p.db 01 province "Thành phố Hà Nội"
    before=$(sha full/p.db) dump=$(dumpsum full/p.db)
    out=$(cdtt --db full/p.db import c.cdtt 2>&1); rc=$?
    expect_eq "import onto a full disk fails" "$rc" 1
    expect_contains "import onto a full disk: a clear message" "$out" "disk is full"
    expect_eq "import onto a full disk: the file unchanged" "$(sha full/p.db)" "$before"
    check "import onto a full disk: the file is sound" sound full/p.db
    expect_eq "import onto a full disk: the content unchanged" "$(dumpsum full/p.db)" "$dump"

    # A CSV export onto the full disk leaves no file behind.
    head -c 2000000 /dev/zero >full/filler 2>/dev/null
    out=$(cdtt --db c.db csv export members -o full/m.csv 2>&1); rc=$?
    expect_eq "CSV export onto a full disk fails" "$rc" 1
    expect_contains "CSV export onto a full disk: a clear message" "$out" "the disk is full"
    expect_eq "CSV export onto a full disk: no file left" "$(ls full | grep -v -e '^p\.db' -e filler)" ""
    out=$(cdtt --db c.db export -o full/c2.cdtt 2>&1); rc=$?
    expect_eq "package export onto a full disk fails" "$rc" 1
    expect_eq "package export onto a full disk: no file left" "$(ls full | grep -v -e '^p\.db' -e filler)" ""
    rm -f full/filler

    # Room again: the same file takes the import.
    mount -o remount,size=64m full
    check "with room again the import succeeds" cdtt --db full/p.db import c.cdtt
    expect_eq "with room again every member arrived" "$(members full/p.db)" "$ROWS"
    check "with room again the file is sound" sound full/p.db
else
    skip "full disk" "cannot mount a small tmpfs here (needs root and mount rights)"
fi

# --- read-only folder (a read-only bind mount, as a write-protected USB stick) --------
mkdir rw ro
mkoffice rw/p.db 01 province "Thành phố Hà Nội"
if mount --bind rw ro 2>/dev/null && MOUNTS="$T/ro $MOUNTS" && mount -o remount,bind,ro ro 2>/dev/null; then
    before=$(sha rw/p.db) dump=$(dumpsum rw/p.db)
    out=$(cdtt --db ro/p.db import c.cdtt 2>&1); rc=$?
    expect_eq "import into a read-only folder fails" "$rc" 1
    expect_contains "import into a read-only folder: a clear message" "$out" "read-only"
    out=$(cdtt --db ro/p.db add area "Thôn Mới" --yes 2>&1); rc=$?
    expect_eq "add into a read-only folder fails" "$rc" 1
    expect_contains "add into a read-only folder: a clear message" "$out" "read-only"
    out=$(cdtt --db c.db csv export members -o ro/m.csv 2>&1); rc=$?
    expect_eq "CSV export into a read-only folder fails" "$rc" 1
    expect_contains "CSV export into a read-only folder: a clear message" "$out" "Read-only file system"
    expect_eq "read-only folder: the file unchanged" "$(sha rw/p.db)" "$before"
    check "read-only folder: the file is sound" sound rw/p.db
    check "read-only folder: the file is usable where it is writable" cdtt --db rw/p.db import c.cdtt
    expect_eq "read-only folder: then every member arrived" "$(members rw/p.db)" "$ROWS"
else
    skip "read-only folder" "cannot make a read-only bind mount here"
fi

# --- read-only file (mode 0400, opened by its owner who is not root) ----------------
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    chmod 755 "$T"
    mkdir own && cp c.cdtt own/ && mkoffice own/p.db 01 province "Thành phố Hà Nội"
    chown -R nobody own && chmod 400 own/p.db
    as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$T/own" TMPDIR="$T/own" "$CDTT" --lang en "$@"; }
    before=$(sha own/p.db)
    out=$(as_nobody --db own/p.db import own/c.cdtt 2>&1); rc=$?
    expect_eq "import into a read-only file fails" "$rc" 1
    expect_contains "import into a read-only file: a clear message" "$out" "read-only"
    expect_eq "read-only file: the file unchanged" "$(sha own/p.db)" "$before"
    # SQLite made the -wal and -shm companions read-only like the file: they must be made
    # writable again too (the README's security section says so).
    chmod 600 own/p.db*
    check "read-only file: usable once writable again" as_nobody --db own/p.db import own/c.cdtt
    expect_eq "read-only file: then every member arrived" "$(members own/p.db)" "$ROWS"
    check "read-only file: the file is sound" sound own/p.db
else
    skip "read-only file" "needs root and setpriv to run as another user"
fi
finish
