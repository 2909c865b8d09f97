/* text.c — Unicode text helpers over libutf8proc: NFC, folding, Vietnamese
 * sort keys, display width. */
#include "text.h"
#include "cdtt.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* A growable byte buffer, always NUL-terminated. */
typedef struct {
    char *s;
    size_t len, cap;
} buf;

static void buf_putc(buf *b, char c)
{
    if (b->len + 2 > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->s = xrealloc(b->s, b->cap);
    }
    b->s[b->len++] = c;
    b->s[b->len] = '\0';
}

static void buf_puts(buf *b, const char *s)
{
    while (*s)
        buf_putc(b, *s++);
}

static void buf_put_cp(buf *b, int32_t cp)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
    for (utf8proc_ssize_t i = 0; i < n; i++)
        buf_putc(b, (char)tmp[i]);
}

static char *buf_take(buf *b)
{
    if (!b->s)
        return xstrdup("");
    return b->s;
}

bool text_valid_utf8(const char *s, size_t n)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) { /* ASCII is valid as it is: no decoding needed */
            i++;
            continue;
        }
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0 || cp < 0)
            return false;
        i += (size_t)k;
    }
    return true;
}

/* Runs utf8proc_map with options over a NUL-terminated string; NULL on bad UTF-8. */
static char *map(const char *s, int options)
{
    if (!text_valid_utf8(s, strlen(s)))
        return NULL;
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                                      (utf8proc_option_t)(options | UTF8PROC_NULLTERM));
    if (n < 0) {
        free(out);
        return NULL;
    }
    return (char *)out;
}

char *text_nfc(const char *s)
{
    return map(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

static bool is_space(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
           cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

/* Copies s, trimming and collapsing white space to single ASCII spaces. */
static char *collapse_spaces(const char *s)
{
    buf b = {0};
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    bool pending = false;
    while (*p) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
        if (k <= 0)
            break;
        if (is_space(cp)) {
            pending = b.len > 0;
        } else {
            if (pending)
                buf_putc(&b, ' ');
            pending = false;
            buf_put_cp(&b, cp);
        }
        p += k;
    }
    return buf_take(&b);
}

char *text_clean(const char *s)
{
    char *n = text_nfc(s);
    if (!n)
        return NULL;
    char *c = collapse_spaces(n);
    free(n);
    return c;
}

char *text_fold(const char *s)
{
    char *d = map(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    if (!d)
        return xstrdup("");
    buf b = {0};
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)d;
    while (*p) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
        if (k <= 0)
            break;
        if (cp == 0x0111 || cp == 0x0110) /* đ Đ have no decomposition */
            cp = 'd';
        buf_put_cp(&b, cp);
        p += k;
    }
    free(d);
    char *folded = buf_take(&b);
    char *c = collapse_spaces(folded);
    free(folded);
    return c;
}

/* ---- name identity ----------------------------------------------------- */

static int tone_of(int32_t mark);

char *text_name_key(const char *s)
{
    char *d = map(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
    if (!d)
        return xstrdup("");
    char *spaced = collapse_spaces(d);
    free(d);
    /* Each word's letters and shape marks in place, its tone marks moved to
     * the end of the word: where a convention puts the tone stops mattering. */
    buf b = {0}, tones = {0};
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)spaced;
    for (;;) {
        int32_t cp = 0;
        utf8proc_ssize_t k = *p ? utf8proc_iterate(p, -1, &cp) : 0;
        if (k <= 0 || cp == ' ') {
            if (tones.s)
                buf_puts(&b, tones.s);
            free(tones.s);
            tones = (buf){0};
            if (k <= 0)
                break;
            buf_putc(&b, ' ');
        } else if (tone_of(cp) > 0) {
            buf_put_cp(&tones, cp);
        } else {
            buf_put_cp(&b, cp);
        }
        p += k;
    }
    free(spaced);
    return buf_take(&b);
}

bool text_same_name(const char *a, const char *b)
{
    char *ka = text_name_key(a), *kb = text_name_key(b);
    bool same = strcmp(ka, kb) == 0;
    free(ka);
    free(kb);
    return same;
}

/* ---- Vietnamese sort keys ---------------------------------------------- */

/* The alphabet in order; each entry is a base letter and its shape mark
 * (breve, circumflex, horn) or 0. Letters outside Vietnamese (f j w z) sit
 * where Latin puts them. đ is handled as a letter of its own. */
static const struct {
    char base;
    int32_t shape;
} ALPHABET[] = {
    {'a', 0},      {'a', 0x0306}, {'a', 0x0302}, {'b', 0}, {'c', 0}, {'d', 0},
    {'\1', 0} /* đ */, {'e', 0}, {'e', 0x0302}, {'f', 0}, {'g', 0}, {'h', 0},
    {'i', 0},      {'j', 0},      {'k', 0},      {'l', 0}, {'m', 0}, {'n', 0},
    {'o', 0},      {'o', 0x0302}, {'o', 0x031B}, {'p', 0}, {'q', 0}, {'r', 0},
    {'s', 0},      {'t', 0},      {'u', 0},      {'u', 0x031B}, {'v', 0}, {'w', 0},
    {'x', 0},      {'y', 0},      {'z', 0},
};

/* Tone marks in Vietnamese order after the level tone (ngang = 0). */
static int tone_of(int32_t mark)
{
    switch (mark) {
    case 0x0300: return 1; /* huyền */
    case 0x0309: return 2; /* hỏi */
    case 0x0303: return 3; /* ngã */
    case 0x0301: return 4; /* sắc */
    case 0x0323: return 5; /* nặng */
    default: return -1;
    }
}

static bool is_shape(int32_t mark)
{
    return mark == 0x0306 || mark == 0x0302 || mark == 0x031B;
}

/* The three levels of a sort key, each a printable ASCII string:
 * primary = letters (one code each, '"' between words), tones = one digit per
 * word (a syllable carries one tone wherever it is placed: "Hòa" = "Hoà"),
 * cases = one digit per letter (0 lower, 1 upper). */
typedef struct {
    buf primary, tones, cases;
} key_levels;

/* The primary code of a lowercase base letter with its shape mark, or 0. */
static char letter_code(int32_t lower, int32_t shape)
{
    if (lower == 0x0111)
        return (char)('A' + 6);
    if (lower >= '0' && lower <= '9')
        return (char)lower;
    if (lower < 'a' || lower > 'z')
        return 0;
    for (size_t i = 0; i < sizeof ALPHABET / sizeof ALPHABET[0]; i++)
        if (ALPHABET[i].base == lower && ALPHABET[i].shape == shape)
            return (char)('A' + i);
    /* a shape mark Vietnamese does not use: sort as the bare letter */
    for (size_t i = 0; i < sizeof ALPHABET / sizeof ALPHABET[0]; i++)
        if (ALPHABET[i].base == lower)
            return (char)('A' + i);
    return 0;
}

/* Fills the three levels for s (NFD-decomposed internally); empty on bad UTF-8. */
static void sort_key_levels(const char *s, key_levels *k)
{
    char *d = map(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
    if (!d)
        return;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)d;
    bool space_pending = false, in_word = false;
    int word_tone = 0;
    while (*p) {
        int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
        if (n <= 0)
            break;
        p += n;
        /* Gather the marks that follow the base character. */
        int32_t shape = 0;
        for (;;) {
            int32_t m;
            utf8proc_ssize_t km = utf8proc_iterate(p, -1, &m);
            if (km <= 0)
                break;
            const utf8proc_property_t *prop = utf8proc_get_property(m);
            if (prop->category != UTF8PROC_CATEGORY_MN && prop->category != UTF8PROC_CATEGORY_MC)
                break;
            if (is_shape(m))
                shape = m;
            else if (tone_of(m) > 0)
                word_tone = tone_of(m);
            p += km;
        }
        if (is_space(cp)) {
            space_pending = in_word || space_pending;
            continue;
        }
        int32_t lower = utf8proc_tolower(cp);
        char code = letter_code(lower, shape);
        if (!code && cp <= 0x7f)
            continue; /* ASCII punctuation does not count */
        if (space_pending && in_word) {
            buf_putc(&k->tones, (char)('0' + word_tone));
            buf_putc(&k->primary, '"');
            word_tone = 0;
            in_word = false;
        }
        space_pending = false;
        in_word = true;
        if (code) {
            buf_putc(&k->primary, code);
        } else {
            /* Any other script: after every Latin letter, in code point order. */
            static const char digits[] = "0123456789abcdef";
            buf_putc(&k->primary, '~');
            for (int i = 0; i < 6; i++)
                buf_putc(&k->primary, digits[(lower >> (20 - 4 * i)) & 0xf]);
        }
        buf_putc(&k->cases, lower != cp ? '1' : '0');
    }
    if (in_word)
        buf_putc(&k->tones, (char)('0' + word_tone));
    free(d);
}

static void levels_free(key_levels *k)
{
    free(k->primary.s);
    free(k->tones.s);
    free(k->cases.s);
}

/* Appends primary '!' tones to out. */
static void put_letters_and_tones(buf *out, const key_levels *k)
{
    buf_puts(out, k->primary.s ? k->primary.s : "");
    buf_putc(out, '!');
    buf_puts(out, k->tones.s ? k->tones.s : "");
}

char *text_sort_key(const char *s)
{
    key_levels k = {0};
    buf out = {0};
    sort_key_levels(s, &k);
    put_letters_and_tones(&out, &k);
    buf_putc(&out, '!');
    buf_puts(&out, k.cases.s ? k.cases.s : "");
    levels_free(&k);
    return buf_take(&out);
}

char *text_name_sort_key(const char *full_name)
{
    char *clean = text_clean(full_name);
    if (!clean)
        return text_sort_key("");
    char *last_space = strrchr(clean, ' ');
    const char *given = clean, *rest = "";
    if (last_space) {
        *last_space = '\0';
        given = last_space + 1;
        rest = clean;
    }
    key_levels g = {0}, r = {0};
    sort_key_levels(given, &g);
    sort_key_levels(rest, &r);
    /* The given name's letters and tones, then the family and middle names',
     * then case anywhere in the name. */
    buf out = {0};
    put_letters_and_tones(&out, &g);
    buf_putc(&out, ' ');
    put_letters_and_tones(&out, &r);
    buf_putc(&out, ' ');
    buf_puts(&out, g.cases.s ? g.cases.s : "");
    buf_puts(&out, r.cases.s ? r.cases.s : "");
    levels_free(&g);
    levels_free(&r);
    free(clean);
    return buf_take(&out);
}

/* ---- display width ------------------------------------------------------ */

static int cp_width(int32_t cp)
{
    if (cp < 0x20 || cp == 0x7f)
        return 0;
    return utf8proc_charwidth(cp);
}

int text_width(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    int w = 0;
    while (*p) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
        if (k <= 0) {
            p++;
            w++;
            continue;
        }
        w += cp_width(cp);
        p += k;
    }
    return w;
}

size_t text_fit(const char *s, int cols)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    int w = 0;
    size_t used = 0;
    while (p[used]) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + used, -1, &cp);
        int cw = 1;
        if (k <= 0)
            k = 1;
        else
            cw = cp_width(cp);
        if (w + cw > cols)
            break;
        w += cw;
        used += (size_t)k;
    }
    return used;
}
