/* telex.c — the Telex input engine.
 *
 * A word is parsed into letters (ASCII base, vowel mark, case) and one tone for
 * the whole syllable; each key edits that model, the syllable shape is checked,
 * and the word is rendered again with the tone on the vowel the spelling rules
 * choose.  Nothing is kept between calls: the word itself is the state. */
#include "telex.h"
#include "text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum mark { M_NONE, M_CIRC, M_BREVE, M_HORN, M_BAR };
enum tone { T_NONE, T_SAC, T_HUYEN, T_HOI, T_NGA, T_NANG };

#define MAX_LETTERS 16

typedef struct {
    char base;      /* lowercase a–z */
    enum mark mark; /* M_BAR only on d (đ) */
    bool upper;
} letter;

typedef struct {
    letter l[MAX_LETTERS + 1];
    int n;
    enum tone tone;
} syllable;

/* The parts of a syllable: letters [0, vs) onset, [vs, ve) vowels, [ve, n) final. */
typedef struct {
    int vs, ve;
} shape;

static const uint32_t tone_mark[] = {0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323};
static const uint32_t vowel_mark[] = {0, 0x0302, 0x0306, 0x031B, 0};

static const char *const onsets[] = {
    "", "b", "c", "ch", "d", "D", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", NULL};
static const char *const nuclei[] = {
    "a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa",
    "oe", "oi", "oo", "ua", "ue", "ui", "uo", "uu", "uy", "ye", "ieu", "oai", "oay", "oeo",
    "uay", "uoi", "uou", "uya", "uye", "uyu", "yeu", NULL};
/* Nuclei that end in a glide and so take no final consonant (mai, not main). */
static const char *const closed_nuclei[] = {
    "ai", "ao", "au", "ay", "eo", "eu", "ia", "iu", "oi", "ui", "uu", "ieu", "oai", "oay", "oeo",
    "uay", "uoi", "uou", "uya", "uyu", "yeu", NULL};
/* Nuclei that carry vowel marks, written base then ^ (circumflex), ( (breve), + (horn). */
static const char *const marked_nuclei[] = {
    "a(", "a^", "e^", "o^", "o+", "u+", "a^u", "a^y", "e^u", "ie^", "o^i", "o+i", "oa(", "ua^",
    "ue^", "uo^", "uo+", "u+o+", "u+a", "u+i", "u+u", "ye^", "ie^u", "ua^y", "uo^i", "u+o+i",
    "u+o+u", "uye^", "ye^u", NULL};
static const char *const finals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL};

static bool in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

static bool is_vowel(char c)
{
    return c && strchr("aeiouy", c) != NULL;
}

/* The letters [from, to) as a string of bases, đ written 'D'. */
static void bases(const syllable *s, int from, int to, char *buf)
{
    int k = 0;
    for (int i = from; i < to; i++)
        buf[k++] = s->l[i].mark == M_BAR ? 'D' : s->l[i].base;
    buf[k] = 0;
}

/* True when s has the shape of a Vietnamese syllable or of its beginning;
 * fills sh with its parts. */
static bool analyse(const syllable *s, shape *sh)
{
    char buf[MAX_LETTERS + 1];
    int i = 0;
    while (i < s->n && !is_vowel(s->l[i].base))
        i++;
    if (i == s->n) { /* only consonants so far: a beginning of an onset */
        bases(s, 0, i, buf);
        sh->vs = sh->ve = i;
        return in_list(onsets, buf) || strcmp(buf, "q") == 0 || strcmp(buf, "ng") == 0;
    }
    int vs = i;
    bases(s, 0, vs, buf);
    if (strcmp(buf, "q") == 0 && s->l[vs].base == 'u' && s->l[vs].mark == M_NONE)
        vs++, strcpy(buf, "qu");
    else if (strcmp(buf, "g") == 0 && s->l[vs].base == 'i' && vs + 1 < s->n &&
             is_vowel(s->l[vs + 1].base))
        vs++, strcpy(buf, "gi");
    if (!in_list(onsets, buf))
        return false;
    int ve = vs;
    while (ve < s->n && is_vowel(s->l[ve].base))
        ve++;
    bases(s, vs, ve, buf);
    if (ve > vs && (!in_list(nuclei, buf) || (ve < s->n && in_list(closed_nuclei, buf))))
        return false;
    for (int k = ve; k < s->n; k++)
        if (is_vowel(s->l[k].base) || s->l[k].mark != M_NONE)
            return false;
    bases(s, ve, s->n, buf);
    if (!in_list(finals, buf) || (ve == vs && s->n > ve))
        return false;
    sh->vs = vs;
    sh->ve = ve;
    return true;
}

/* Parses the NFC letters of w into s; false when w holds anything that is not
 * a Latin letter of Vietnamese (with its marks), more than one tone, or is too long. */
static bool parse(const char *w, syllable *s)
{
    memset(s, 0, sizeof *s);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)w;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t used = utf8proc_iterate(p, -1, &cp);
        if (used <= 0 || s->n >= MAX_LETTERS)
            return false;
        p += used;
        letter *l = &s->l[s->n++];
        if (cp == 0x0111 || cp == 0x0110) {
            *l = (letter){'d', M_BAR, cp == 0x0110};
            continue;
        }
        utf8proc_int32_t d[4];
        int bound = 0;
        utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &bound);
        if (nd < 1 || nd > 3 || d[0] > 127 || !isalpha(d[0]))
            return false;
        *l = (letter){(char)tolower(d[0]), M_NONE, isupper(d[0]) != 0};
        for (int k = 1; k < nd; k++) {
            int found = 0;
            for (int m = M_CIRC; m <= M_HORN && !found; m++)
                if ((uint32_t)d[k] == vowel_mark[m] && l->mark == M_NONE)
                    l->mark = (enum mark)m, found = 1;
            for (int t = T_SAC; t <= T_NANG && !found; t++)
                if ((uint32_t)d[k] == tone_mark[t] && s->tone == T_NONE)
                    s->tone = (enum tone)t, found = 1;
            if (!found || !is_vowel(l->base))
                return false;
        }
    }
    return true;
}

/* True when the marks on the nucleus of s make a Vietnamese vowel (a nucleus
 * without marks was already checked by analyse). */
static bool marks_valid(const syllable *s, const shape *sh)
{
    static const char sym[] = {0, '^', '(', '+', 0};
    char buf[MAX_LETTERS * 2 + 1];
    int k = 0;
    bool any = false;
    for (int i = sh->vs; i < sh->ve; i++) {
        buf[k++] = s->l[i].base;
        if (sym[s->l[i].mark]) {
            buf[k++] = sym[s->l[i].mark];
            any = true;
        }
    }
    buf[k] = 0;
    return !any || in_list(marked_nuclei, buf);
}

/* Makes a u–o pair that carries a horn spell ươ before a final or a vowel
 * (uơ typed at the end of a syllable, as in thuở, stays uơ); uô stays uô. */
static void settle_uo(syllable *s, const shape *sh)
{
    for (int i = sh->vs; i + 1 < sh->ve; i++) {
        letter *u = &s->l[i], *o = &s->l[i + 1];
        if (u->base != 'u' || o->base != 'o')
            continue;
        if (o->mark == M_CIRC)
            u->mark = M_NONE;
        else if (u->mark == M_HORN || o->mark == M_HORN) {
            o->mark = M_HORN;
            if (i + 2 < s->n)
                u->mark = M_HORN;
        }
    }
}

/* The index of the letter that carries the tone, or -1 when there is no vowel. */
static int tone_position(const syllable *s, const shape *sh, enum telex_style style)
{
    int n = sh->ve - sh->vs;
    if (n <= 0)
        return -1;
    int marked = -1;
    for (int i = sh->vs; i < sh->ve; i++)
        if (s->l[i].mark != M_NONE)
            marked = i;
    if (marked >= 0)
        return marked;
    if (n == 1)
        return sh->vs;
    if (n >= 3)
        return sh->vs + 1;
    if (sh->ve < s->n)
        return sh->vs + 1;
    char pair[3];
    bases(s, sh->vs, sh->ve, pair);
    bool styled = !strcmp(pair, "oa") || !strcmp(pair, "oe") || !strcmp(pair, "uy");
    return (styled && style == TELEX_OLD) ? sh->vs + 1 : sh->vs;
}

/* Writes prefix and the letters of s to out as NFC; false when it does not fit. */
static bool render(const char *prefix, const syllable *s, int tone_at, char *out, size_t outlen)
{
    utf8proc_uint8_t buf[TELEX_WORD_MAX * 4 + MAX_LETTERS * 12 + 8];
    size_t k = strlen(prefix);
    if (k > TELEX_WORD_MAX * 4)
        return false;
    memcpy(buf, prefix, k);
    for (int i = 0; i < s->n; i++) {
        const letter *l = &s->l[i];
        if (l->mark == M_BAR) {
            k += (size_t)utf8proc_encode_char(l->upper ? 0x0110 : 0x0111, buf + k);
            continue;
        }
        buf[k++] = (utf8proc_uint8_t)(l->upper ? toupper(l->base) : l->base);
        if (l->mark != M_NONE)
            k += (size_t)utf8proc_encode_char((utf8proc_int32_t)vowel_mark[l->mark], buf + k);
        if (i == tone_at && s->tone != T_NONE)
            k += (size_t)utf8proc_encode_char((utf8proc_int32_t)tone_mark[s->tone], buf + k);
    }
    buf[k] = 0;
    utf8proc_uint8_t *nfc = utf8proc_NFC(buf);
    if (!nfc)
        return false;
    size_t len = strlen((char *)nfc);
    bool ok = len < outlen;
    if (ok)
        memcpy(out, nfc, len + 1);
    free(nfc);
    return ok;
}

/* The index of the first vowel of s, or -1 (where an undone word keeps its tone). */
static int first_vowel(const syllable *s)
{
    for (int i = 0; i < s->n; i++)
        if (is_vowel(s->l[i].base))
            return i;
    return -1;
}

static bool append(syllable *s, char base, bool upper)
{
    if (s->n >= MAX_LETTERS)
        return false;
    s->l[s->n++] = (letter){base, M_NONE, upper};
    return true;
}

/* The index of the last vowel of the nucleus whose base is c, or -1. */
static int find_vowel(const syllable *s, const shape *sh, char c)
{
    for (int i = sh->ve - 1; i >= sh->vs; i--)
        if (s->l[i].base == c)
            return i;
    return -1;
}

/* The d key: đ at the start of a word, dd after đ. */
static bool key_d(syllable *s, bool upper, bool *undo)
{
    if (s->n == 1 && s->l[0].base == 'd') {
        if (s->l[0].mark == M_NONE) {
            s->l[0].mark = M_BAR;
            return true;
        }
        s->l[0].mark = M_NONE;
        *undo = true;
    }
    return append(s, 'd', upper);
}

/* The a, e, o keys: a circumflex on the same vowel, or its undoing. */
static bool key_circumflex(syllable *s, const shape *sh, char c, bool upper, bool *undo)
{
    int i = find_vowel(s, sh, c);
    if (i < 0)
        return append(s, c, upper);
    if (s->l[i].mark == M_CIRC) {
        s->l[i].mark = M_NONE;
        *undo = true;
        return append(s, c, upper);
    }
    s->l[i].mark = M_CIRC;
    return true;
}

/* The w key: breve or horn on the vowel that can take it, ư on its own, or undoing. */
static bool key_w(syllable *s, const shape *sh, bool upper, bool *undo)
{
    if (sh->ve == sh->vs) {
        if (s->n > sh->vs)
            return append(s, 'w', upper);
        if (!append(s, 'u', upper))
            return false;
        s->l[s->n - 1].mark = M_HORN;
        return true;
    }
    char nuc[MAX_LETTERS + 1];
    bases(s, sh->vs, sh->ve, nuc);
    char *uo = strstr(nuc, "uo");
    int u_of_uo = uo ? sh->vs + (int)(uo - nuc) : -1;
    if (uo && s->l[u_of_uo].mark == M_HORN && s->l[u_of_uo + 1].mark == M_HORN)
        return true; /* ươ is complete: the second w of "uwow" changes nothing */
    if (sh->ve - sh->vs == 1 && sh->ve == s->n && s->l[sh->vs].base == 'u' &&
        s->l[sh->vs].mark == M_HORN) { /* ư made by w alone: ww gives w */
        s->l[sh->vs] = (letter){'w', M_NONE, s->l[sh->vs].upper};
        *undo = true;
        return true;
    }
    bool had = false;
    for (int i = sh->vs; i < sh->ve; i++)
        if (s->l[i].mark == M_BREVE || s->l[i].mark == M_HORN)
            s->l[i].mark = M_NONE, had = true;
    if (had) {
        *undo = true;
        return append(s, 'w', upper);
    }
    /* The vowel that takes the mark, in order of preference: o of uo, u of an
     * open ua (mưa), a, o, u; the first that spells a Vietnamese vowel wins. */
    int cand[5], nc = 0;
    if (uo)
        cand[nc++] = u_of_uo + 1;
    if (strcmp(nuc, "ua") == 0 && sh->ve == s->n)
        cand[nc++] = sh->vs;
    const char order[] = "aou";
    for (int c = 0; c < 3; c++)
        for (int i = sh->vs; i < sh->ve; i++)
            if (s->l[i].base == order[c]) {
                cand[nc++] = i;
                break;
            }
    for (int c = 0; c < nc; c++) {
        syllable t = *s;
        t.l[cand[c]].mark = t.l[cand[c]].base == 'a' ? M_BREVE : M_HORN;
        settle_uo(&t, sh);
        if (marks_valid(&t, sh)) {
            *s = t;
            return true;
        }
    }
    return append(s, 'w', upper);
}

static enum tone tone_of_key(char c)
{
    switch (c) {
    case 's': return T_SAC;
    case 'f': return T_HUYEN;
    case 'r': return T_HOI;
    case 'x': return T_NGA;
    case 'j': return T_NANG;
    default: return T_NONE;
    }
}

/* Applies key (lowercase c, its case in upper) to s; false when out of room. */
static bool apply_key(syllable *s, const shape *sh, char c, bool upper, bool *undo)
{
    enum tone t = tone_of_key(c);
    if (c == 'd')
        return key_d(s, upper, undo);
    if (c == 'a' || c == 'e' || c == 'o')
        return key_circumflex(s, sh, c, upper, undo);
    if (c == 'w')
        return key_w(s, sh, upper, undo);
    if (t != T_NONE && sh->ve > sh->vs) {
        if (s->tone == t) {
            s->tone = T_NONE;
            *undo = true;
            return append(s, c, upper);
        }
        s->tone = t;
        return true;
    }
    if (c == 'z' && s->tone != T_NONE) {
        s->tone = T_NONE;
        return true;
    }
    return append(s, c, upper);
}

static int literal(const char *word, char key, char *out, size_t outlen)
{
    size_t n = strlen(word);
    if (n + 2 > outlen)
        return -1;
    memcpy(out, word, n);
    out[n] = key;
    out[n + 1] = 0;
    return 0;
}

size_t telex_word_start(const char *text, size_t len)
{
    size_t i = len;
    while (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\t' && text[i - 1] != '\n' &&
           text[i - 1] != '\r')
        i--;
    return i;
}

/* The byte offset where the trailing run of letters of word begins. */
static size_t letters_start(const char *word)
{
    size_t start = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)word;
    size_t off = 0;
    while (p[off]) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t used = utf8proc_iterate(p + off, -1, &cp);
        if (used <= 0)
            return off;
        utf8proc_category_t cat = utf8proc_category(cp);
        bool letter_like = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                           cat == UTF8PROC_CATEGORY_MN;
        off += (size_t)used;
        if (!letter_like)
            start = off;
    }
    return start;
}

/* dd inside a word, after a character other than d: the d becomes đ in its
 * case ("QD" + d → "QĐ", for "45/QĐ-UBND"); no Vietnamese syllable ends in
 * d, so nothing else is lost ("ddd" still gives "dd"). True when it wrote
 * the result into out. */
static bool bar_after_letter(const char *word, size_t wlen, char key, char *out, size_t outlen)
{
    if (wlen < 2 || (key != 'd' && key != 'D') || (word[wlen - 1] != 'd' && word[wlen - 1] != 'D') ||
        word[wlen - 2] == 'd' || word[wlen - 2] == 'D' || wlen + 2 > outlen)
        return false;
    memcpy(out, word, wlen - 1);
    strcpy(out + wlen - 1, word[wlen - 1] == 'D' ? "Đ" : "đ");
    return true;
}

int telex_apply(const char *word, char key, enum telex_style style, char *out, size_t outlen)
{
    if (!word || !out || outlen == 0)
        return -1;
    size_t wlen = strlen(word);
    if (!text_valid_utf8(word, wlen))
        return -1;
    if (bar_after_letter(word, wlen, key, out, outlen))
        return 1;
    if (!isalpha((unsigned char)key) || wlen > TELEX_WORD_MAX || strpbrk(word, "@0123456789"))
        return literal(word, key, out, outlen);
    char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)word);
    if (!nfc)
        return -1;
    size_t ls = letters_start(nfc);
    char prefix[TELEX_WORD_MAX * 4 + 1];
    syllable s;
    shape sh;
    bool undo = false;
    if (ls > TELEX_WORD_MAX * 4 || !parse(nfc + ls, &s) || !analyse(&s, &sh)) {
        free(nfc);
        return literal(word, key, out, outlen);
    }
    memcpy(prefix, nfc, ls);
    prefix[ls] = 0;
    free(nfc);
    if (!apply_key(&s, &sh, (char)tolower((unsigned char)key), isupper((unsigned char)key) != 0,
                   &undo))
        return literal(word, key, out, outlen);
    shape after;
    bool valid = analyse(&s, &after);
    if (valid) {
        settle_uo(&s, &after);
        valid = marks_valid(&s, &after);
    }
    int at;
    if (valid) {
        at = tone_position(&s, &after, style);
    } else if (undo) {
        at = first_vowel(&s);
    } else {
        return literal(word, key, out, outlen);
    }
    char result[TELEX_WORD_MAX * 4 + MAX_LETTERS * 12 + 8];
    if (!render(prefix, &s, at, result, sizeof result))
        return literal(word, key, out, outlen);
    if (strlen(result) >= outlen)
        return -1;
    bool plain = strncmp(result, word, wlen) == 0 && result[wlen] == key && result[wlen + 1] == 0;
    strcpy(out, result);
    return plain ? 0 : 1;
}

char *telex_type(const char *keys, enum telex_style style)
{
    size_t cap = strlen(keys) * 4 + 64, len = 0;
    char *text = malloc(cap);
    if (!text)
        return NULL;
    text[0] = 0;
    char word[TELEX_WORD_MAX * 8], out[TELEX_WORD_MAX * 8];
    for (const char *k = keys; *k; k++) {
        size_t start = telex_word_start(text, len);
        size_t wl = len - start;
        int rc = -1;
        if (wl < sizeof word) {
            memcpy(word, text + start, wl);
            word[wl] = 0;
            rc = telex_apply(word, *k, style, out, sizeof out);
        }
        if (rc == 1) {
            size_t ol = strlen(out);
            if (start + ol + 1 > cap) { free(text); return NULL; }
            memcpy(text + start, out, ol + 1);
            len = start + ol;
        } else {
            if (len + 2 > cap) { free(text); return NULL; }
            text[len++] = *k;
            text[len] = 0;
        }
    }
    return text;
}
