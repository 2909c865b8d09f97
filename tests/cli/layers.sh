#!/bin/sh
# tests/cli/layers.sh — the source folders keep their layers (docs/DEVELOPERS.md, "Source
# layout"): include/ holds only the model's API, which the screens (tui/) or the commands (cli/)
# use; a layer reaches another only through the headers the Makefile's -I flags give it, never by
# a relative path; db/ never includes a header of tui/ or cli/.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1

# The quoted includes of files $@, one name a line.
quoted() { sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$@" 2>/dev/null | sort -u; }

# Headers of include/ that the fronts reach, directly or through other headers of include/.
reached=$(quoted tui/*.[ch] cli/*.[ch] | while read -r h; do [ -f "include/$h" ] && echo "$h"; done)
while :; do
    more=$(for h in $reached; do quoted "include/$h"; done | while read -r h; do [ -f "include/$h" ] && echo "$h"; done)
    next=$(printf '%s\n%s\n' "$reached" "$more" | sed '/^$/d' | sort -u)
    [ "$next" = "$reached" ] && break
    reached=$next
done
unused=""
for p in include/*.h; do
    h=${p#include/}
    printf '%s\n' "$reached" | grep -qxF "$h" || unused="$unused $h"
done
expect_eq "every header in include/ is used by tui/ or cli/ (one only db/ uses belongs in db/)" "$unused" ""

# A header of include/ includes only headers of include/ (and system headers).
outside=""
for p in include/*.h; do
    for h in $(quoted "$p"); do [ -f "include/$h" ] || outside="$outside $p:$h"; done
done
expect_eq "headers in include/ include only include/" "$outside" ""

# What each layer's sources include is theirs or the model's; cli/ may also start the TUI (tui.h).
# $1 = folder, $2 = the other headers it may include (names under tui/).
stray() {
    for p in "$1"/*.[ch]; do
        for h in $(quoted "$p"); do
            [ -f "$1/$h" ] || [ -f "include/$h" ] || case " $2 " in *" $h "*) ;; *) echo "$p:$h" ;; esac
        done
    done | tr '\n' ' ' | sed 's/ $//'
}
expect_eq "db/ includes only its own headers and include/" "$(stray db "")" ""
expect_eq "tui/ includes only its own headers and include/" "$(stray tui "")" ""
expect_eq "cli/ includes only its own headers, include/ and tui/tui.h" "$(stray cli "tui.h")" ""

rel=$(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"\.\./' db/*.[ch] tui/*.[ch] cli/*.[ch] include/*.h \
      tests/unit/*.[ch] tests/fuzz/*.[ch] 2>/dev/null)
expect_eq "no source includes a header by a relative path" "$rel" ""
finish
