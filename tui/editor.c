/* editor.c — the line editor: one line of wide characters, kept NFC (marks
 * typed or pasted after a letter are composed with it), with Telex typing. */
#include "tui-form.h"
#include "tui-utf8.h"
#include "compose.h"
#include "telex.h"
#include "text.h"

#include <stdio.h>
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

void editor_init(editor *e, int max)
{
    memset(e, 0, sizeof *e);
    e->max = max > 0 && max <= EDITOR_MAX ? max : EDITOR_MAX;
}

/* The number of characters (code points, as the editor counts them) in s. */
static size_t chars_in(const char *s)
{
    size_t n = 0;
    uint32_t cp;
    while (*s) {
        s += utf8_decode(s, &cp);
        n++;
    }
    return n;
}

bool editor_set(editor *e, const char *s)
{
    char *n = text_nfc(s ? s : "");
    const char *text = n ? n : (s ? s : "");
    e->len = utf8_to_wide(text, e->buf, e->max);
    e->buf[e->len] = 0;
    e->cur = e->len;
    e->scroll = 0;
    bool whole = chars_in(text) <= (size_t)e->max;
    free(n);
    return whole;
}

void editor_get(const editor *e, char *out, size_t n)
{
    char tmp[EDITOR_MAX * 4 + 1];
    wide_to_utf8(e->buf, e->len, tmp, sizeof tmp);
    char *nfc = text_nfc(tmp);
    snprintf(out, n, "%s", nfc ? nfc : tmp);
    free(nfc);
}

/* Replaces characters [from, to) with the UTF-8 text s; the cursor goes after it.
 * Returns false (nothing changed) when the result would be too long. */
static bool replace(editor *e, int from, int to, const char *s)
{
    wchar_t w[EDITOR_MAX + 1];
    int n = utf8_to_wide(s, w, EDITOR_MAX);
    if (e->len - (to - from) + n > e->max)
        return false;
    memmove(e->buf + from + n, e->buf + to, (size_t)(e->len - to) * sizeof(wchar_t));
    memcpy(e->buf + from, w, (size_t)n * sizeof(wchar_t));
    e->len += n - (to - from);
    e->buf[e->len] = 0;
    e->cur = from + n;
    return true;
}

/* Applies a Telex key to the word before the cursor; false when the key is to
 * be typed literally. */
static bool telex_key(editor *e, char key, int style)
{
    char text[EDITOR_MAX * 4 + 1];
    size_t len = wide_to_utf8(e->buf, e->cur, text, sizeof text);
    size_t start = telex_word_start(text, len);
    char out[TELEX_WORD_MAX * 4 + 8];
    if (len - start > TELEX_WORD_MAX)
        return false;
    if (telex_apply(text + start, key, style ? TELEX_OLD : TELEX_NEW, out, sizeof out) != 1)
        return false;
    /* The word's first character index. */
    wchar_t w[EDITOR_MAX + 1];
    text[start] = 0;
    int from = utf8_to_wide(text, w, EDITOR_MAX);
    return replace(e, from, e->cur, out);
}

/* Inserts c at the cursor unless the editor is full. */
static void insert(editor *e, wchar_t c)
{
    if (e->len >= e->max)
        return;
    memmove(e->buf + e->cur + 1, e->buf + e->cur, (size_t)(e->len - e->cur) * sizeof(wchar_t));
    e->buf[e->cur++] = c;
    e->buf[++e->len] = 0;
}

bool editor_key(editor *e, const tui_event *ev, bool telex, int telex_style)
{
    if (!ev->is_key && ev->act == ACT_NONE && ev->ch >= 32 && ev->ch != 127) {
        wchar_t c = (wchar_t)ev->ch;
        if (compose_is_mark((uint32_t)c)) {
            /* A mark after a letter (decomposed input): compose it; a lone mark is dropped. */
            if (e->cur > 0) {
                uint32_t p = compose_pair((uint32_t)e->buf[e->cur - 1], (uint32_t)c);
                if (p)
                    e->buf[e->cur - 1] = (wchar_t)p;
            }
            return true;
        }
        if (telex && c < 128 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) &&
            telex_key(e, (char)c, telex_style))
            return true;
        insert(e, c);
        return true;
    }
    if (ev->is_key) {
        switch (ev->ch) {
        case KEY_BACKSPACE:
            if (e->cur > 0) {
                memmove(e->buf + e->cur - 1, e->buf + e->cur, (size_t)(e->len - e->cur + 1) * sizeof(wchar_t));
                e->cur--;
                e->len--;
            }
            return true;
        case KEY_DC:
            if (e->cur < e->len) {
                memmove(e->buf + e->cur, e->buf + e->cur + 1, (size_t)(e->len - e->cur) * sizeof(wchar_t));
                e->len--;
            }
            return true;
        case KEY_LEFT:
            if (e->cur > 0)
                e->cur--;
            return true;
        case KEY_RIGHT:
            if (e->cur < e->len)
                e->cur++;
            return true;
        case KEY_HOME:
            e->cur = 0;
            return true;
        case KEY_END:
            e->cur = e->len;
            return true;
        default:
            return false;
        }
    }
    if (ev->ch == CTRL('A')) {
        e->cur = 0;
        return true;
    }
    if (ev->ch == CTRL('E')) {
        e->cur = e->len;
        return true;
    }
    if (ev->ch == CTRL('K')) {
        e->len = e->cur;
        e->buf[e->len] = 0;
        return true;
    }
    return false;
}

/* The columns c takes (1 for an unprintable one). */
static int wcol(wchar_t c)
{
    int w = wcwidth(c);
    return w < 0 ? 1 : w;
}

int editor_draw(editor *e, int y, int x, int cols, int attr)
{
    if (cols < 2)
        cols = 2;
    if (e->cur < e->scroll)
        e->scroll = e->cur;
    for (;;) {
        int w = 0;
        for (int i = e->scroll; i < e->cur; i++)
            w += wcol(e->buf[i]);
        if (w < cols || e->scroll >= e->cur)
            break;
        e->scroll++;
    }
    int used = 0, i = e->scroll, curx = x;
    attrset(attr);
    move(y, x);
    while (i < e->len && used + wcol(e->buf[i]) <= cols) {
        if (i == e->cur)
            curx = x + used;
        addnwstr(&e->buf[i], 1);
        used += wcol(e->buf[i]);
        i++;
    }
    if (e->cur >= i)
        curx = x + used;
    if (used < cols)
        hline(' ', cols - used);
    attrset(A_NORMAL);
    return curx;
}
