/* utf8.c — converting between UTF-8 and wide characters without the locale. */
#include "tui-utf8.h"

size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_decode(const char *s, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    int n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 0;
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t c = u[0] & (0x3F >> (n - 1));
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return (size_t)i;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    *cp = c;
    return (size_t)n;
}

size_t wide_to_utf8(const wchar_t *w, int n, char *out, size_t outlen)
{
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        char b[4];
        size_t k = utf8_encode((uint32_t)w[i], b);
        if (o + k + 1 > outlen)
            break;
        for (size_t j = 0; j < k; j++)
            out[o++] = b[j];
    }
    if (outlen)
        out[o] = 0;
    return o;
}

int utf8_to_wide(const char *s, wchar_t *out, int max)
{
    int n = 0;
    while (*s && n < max) {
        uint32_t cp;
        s += utf8_decode(s, &cp);
        out[n++] = (wchar_t)cp;
    }
    return n;
}
