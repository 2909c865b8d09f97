/* text-safe.c — text made harmless to show: what a record holds is printed to a
 * terminal or written to a spreadsheet only through text_safe, so that no stored
 * character can move the cursor, retitle or clear the terminal, hide the rest of
 * a line or reorder what is shown. */
#include "text.h"
#include "cdtt.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* True for the bidirectional embeddings, overrides and isolates, which reorder
 * the text around them on the screen (U+202A–U+202E, U+2066–U+2069). */
bool text_is_bidi_control(int32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* True when the code point cp needs a stand-in (see text_safe). */
static bool needs_stand_in(int32_t cp, int flags)
{
    if (cp == '\n' && (flags & TEXT_SAFE_NEWLINES))
        return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || text_is_bidi_control(cp);
}

/* Decodes the character at p: its length in bytes (>= 1), *cp the code point,
 * or -1 in *cp for a byte that does not begin valid UTF-8. */
static size_t decode(const unsigned char *p, int32_t *cp)
{
    if (*p < 0x80) {
        *cp = *p;
        return 1;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
    if (k <= 0 || c < 0) {
        *cp = -1;
        return 1;
    }
    *cp = c;
    return (size_t)k;
}

bool text_safe_needed(const char *s, int flags)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        /* Plain ASCII and the usual Vietnamese letters need no decoding. */
        if (*p >= 0x20 && *p < 0x7F) {
            p++;
            continue;
        }
        int32_t cp;
        size_t k = decode(p, &cp);
        if (cp < 0 || needs_stand_in(cp, flags))
            return true;
        p += k;
    }
    return false;
}

/* Writes the stand-in of cp (or of the bad byte b when cp < 0) to out; returns
 * its length (at most 8 bytes). */
static int stand_in(int32_t cp, unsigned char b, char *out)
{
    if (cp < 0)
        return snprintf(out, 9, "\\x%02X", b);
    if (cp < 0x20)
        return snprintf(out, 9, "^%c", (char)(cp + 0x40));
    if (cp == 0x7F)
        return snprintf(out, 9, "^?");
    return snprintf(out, 9, "<U+%04X>", (unsigned)cp);
}

char *text_safe(const char *s, int flags)
{
    if (!s)
        s = "";
    if (!text_safe_needed(s, flags))
        return xstrdup(s);
    size_t cap = strlen(s) * 8 + 1, o = 0; /* a stand-in is at most 8 bytes long */
    char *out = xmalloc(cap);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int32_t cp;
        size_t k = decode(p, &cp);
        if (cp < 0 || needs_stand_in(cp, flags)) {
            o += (size_t)stand_in(cp, *p, out + o);
        } else {
            memcpy(out + o, p, k);
            o += k;
        }
        p += k;
    }
    out[o] = '\0';
    return out;
}
