#!/bin/sh
# Promise: prints the manual page, man/cdtt.1.in with its COMMANDS section made
# from the program's own English --help (so it lists every command, with its
# usage and what it does). Usage: sh scripts/man.sh CDTT-BINARY > man/cdtt.1
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CDTT=${1:?the cdtt binary}
# roff: backslashes doubled, a leading dot or quote escaped, dashes as \-.
commands=$(LANGUAGE= LC_ALL=C.UTF-8 "$CDTT" --lang en --help | sed -n '/^Commands:/,$p' | sed 1d |
    awk '/^  cdtt / { sub(/^  /, ""); usage = $0; next }
         /^      / { sub(/^ +/, ""); print ".TP"; print ".B " usage; print $0 }' |
    sed 's/\\/\\\\/g; s/-/\\-/g; s/^\([.]B\) \(.*\)$/\1 "\2"/')
awk -v cmds="$commands" '$0 == "@COMMANDS@" { print cmds; next } { print }' "$ROOT/man/cdtt.1.in"
