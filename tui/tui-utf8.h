/* tui-utf8.h — UTF-8 ⇄ wide characters for typing into fields, independent of the locale. */
#ifndef CDTT_TUI_UTF8_H
#define CDTT_TUI_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

/* Writes cp as UTF-8 into out; returns the byte count (1–4). */
size_t utf8_encode(uint32_t cp, char out[4]);
/* Reads one code point from s (not at its end); returns the bytes used
 * (invalid bytes give U+FFFD and count 1). */
size_t utf8_decode(const char *s, uint32_t *cp);
/* Writes w[0..n) as UTF-8 into out (NUL-terminated, truncated at a character
 * boundary when too small); returns the bytes written. */
size_t wide_to_utf8(const wchar_t *w, int n, char *out, size_t outlen);
/* Reads UTF-8 s into at most max wide characters; returns the count. */
int utf8_to_wide(const char *s, wchar_t *out, int max);

#endif
