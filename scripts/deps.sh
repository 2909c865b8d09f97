#!/bin/sh
# Promise: on return with status 0, every Debian package that building and testing
# cdtt needs is installed. Installs the missing ones when run as root, otherwise
# prints the exact apt-get command and fails.
set -u
PKGS="build-essential pkg-config libncurses-dev libsqlite3-dev libiniparser-dev \
libutf8proc-dev libxlsxwriter-dev libsodium-dev libcmocka-dev libzip-dev libexpat1-dev libfreexl-dev libzstd-dev libssl-dev \
gettext tmux sqlite3"
[ "${1:-}" = "--test" ] && PKGS="$PKGS clang valgrind faketime zstd"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
        || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "cdtt: installing missing packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
        echo "cdtt: apt-get could not install:$missing" >&2; exit 1; }
    exit 0
fi
echo "cdtt: missing Debian packages:$missing" >&2
echo "cdtt: install them with:  sudo apt-get install -y$missing" >&2
exit 1
