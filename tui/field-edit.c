/* field-edit.c — the one way text is typed: one-line libformw fields, fed
 * through NFC composition and Telex before form_driver_w. A combining mark
 * never reaches a field (libform would give it a cell of its own): it is
 * composed with the character before the cursor, or dropped. */
#include "tui-form.h"
#include "tui-utf8.h"
#include "compose.h"
#include "telex.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

/* Room for a field's text as UTF-8. */
#define TEXT_BYTES (FIELD_MAX_CHARS * 4 + 8)

bool fe_char_ok(fe_filter filter, wint_t c)
{
    bool digit = c >= '0' && c <= '9';
    switch (filter) {
    case FE_DATE:
        return digit || c == '/' || c == '-' || c == '.' || c == ' ';
    case FE_PHONE:
        return digit || c == '+' || c == ' ' || c == '.' || c == '-' || c == '(' || c == ')';
    default:
        return true;
    }
}

/* libform's field check for a filtered field: every character passes the filter. */
static bool filtered_field_ok(FIELD *f, fe_filter filter)
{
    const char *b = field_buffer(f, 0);
    for (; b && *b; b++)
        if (!fe_char_ok(filter, (unsigned char)*b))
            return false;
    return true;
}

static bool date_field_ok(FIELD *f, const void *arg)
{
    (void)arg;
    return filtered_field_ok(f, FE_DATE);
}

static bool date_char_ok(int c, const void *arg)
{
    (void)arg;
    return fe_char_ok(FE_DATE, (wint_t)c);
}

static bool phone_field_ok(FIELD *f, const void *arg)
{
    (void)arg;
    return filtered_field_ok(f, FE_PHONE);
}

static bool phone_char_ok(int c, const void *arg)
{
    (void)arg;
    return fe_char_ok(FE_PHONE, (wint_t)c);
}

/* The field type of a filter (made once), or NULL for free text. */
static FIELDTYPE *type_of(fe_filter filter)
{
    static FIELDTYPE *date_type, *phone_type;
    if (filter == FE_DATE) {
        if (!date_type)
            date_type = new_fieldtype(date_field_ok, date_char_ok);
        return date_type;
    }
    if (filter == FE_PHONE) {
        if (!phone_type)
            phone_type = new_fieldtype(phone_field_ok, phone_char_ok);
        return phone_type;
    }
    return NULL;
}

FIELD *fe_new(int row, int col, int cols, int cap, fe_filter filter)
{
    if (cols < 1)
        cols = 1;
    FIELD *f = new_field(1, cols, row, col, 0, 0);
    if (!f)
        return NULL;
    field_opts_off(f, O_BLANK | O_AUTOSKIP | O_WRAP);
    if (cap > cols) {
        field_opts_off(f, O_STATIC);
        set_max_field(f, cap);
    }
    set_field_fore(f, A_NORMAL);
    set_field_back(f, A_NORMAL);
    FIELDTYPE *t = type_of(filter);
    if (t)
        set_field_type(f, t);
    return f;
}

/* Makes libform copy the current field's window into its buffer. */
static void sync_current(FORM *frm, FIELD *f)
{
    if (frm && current_field(frm) == f)
        form_driver_w(frm, KEY_CODE_YES, REQ_VALIDATION);
}

/* Reads field f's text into w (at most max characters), trailing blanks
 * dropped; returns the count. */
static int field_wide(FORM *frm, FIELD *f, wchar_t *w, int max)
{
    sync_current(frm, f);
    const char *b = field_buffer(f, 0);
    int n = utf8_to_wide(b ? b : "", w, max);
    while (n > 0 && w[n - 1] == L' ')
        n--;
    w[n] = 0;
    return n;
}

void fe_get(FORM *frm, FIELD *f, char *out, size_t n)
{
    wchar_t *w = xmalloc((FIELD_MAX_CHARS + 2) * sizeof *w);
    char *tmp = xmalloc(TEXT_BYTES);
    int len = field_wide(frm, f, w, FIELD_MAX_CHARS + 1);
    wide_to_utf8(w, len, tmp, TEXT_BYTES);
    char *nfc = text_nfc(tmp);
    snprintf(out, n, "%s", nfc ? nfc : tmp);
    free(nfc);
    free(tmp);
    free(w);
}

bool fe_set(FIELD *f, const char *s, int max)
{
    char *nfc = text_nfc(s ? s : "");
    const char *text = nfc ? nfc : (s ? s : "");
    size_t chars = 0;
    for (const char *p = text; *p;) {
        uint32_t cp;
        p += utf8_decode(p, &cp);
        chars++;
    }
    wchar_t *w = xmalloc((FIELD_MAX_CHARS + 1) * sizeof *w);
    int n = utf8_to_wide(text, w, max < FIELD_MAX_CHARS ? max : FIELD_MAX_CHARS);
    for (int i = 0; i < n; i++)
        if (w[i] < 32 || w[i] == 127)
            w[i] = L' '; /* a field is one line: a tab or line break shows as a blank */
    char *cut = xmalloc(TEXT_BYTES);
    wide_to_utf8(w, n, cut, TEXT_BYTES);
    set_field_buffer(f, 0, cut);
    free(cut);
    free(w);
    free(nfc);
    return chars <= (size_t)max;
}

/* The character index of the cursor in w[0..len) (libform counts columns). */
static int cursor_index(const FORM *frm, const wchar_t *w, int len)
{
    int col = 0, i = 0;
    while (i < len && col < frm->curcol) {
        int cw = wcwidth(w[i]);
        col += cw > 0 ? cw : 1;
        i++;
    }
    return i;
}

/* Gives libform one request; true when it did it. */
static bool request(FORM *frm, int req)
{
    return form_driver_w(frm, KEY_CODE_YES, (wchar_t)req) == E_OK;
}

/* Inserts c at the cursor unless the field holds max characters already. */
static int insert(FORM *frm, int len, int max, wchar_t c)
{
    if (len >= max)
        return FE_USED;
    return form_driver_w(frm, OK, c) == E_OK ? FE_CHANGED : FE_USED;
}

/* Composes a combining mark with the character before the cursor; a mark
 * with nothing to compose with is dropped. */
static int compose_mark(FORM *frm, const wchar_t *w, int cur, wchar_t mark)
{
    if (cur == 0)
        return FE_USED;
    uint32_t p = compose_pair((uint32_t)w[cur - 1], (uint32_t)mark);
    if (!p || !request(frm, REQ_DEL_PREV))
        return FE_USED;
    form_driver_w(frm, OK, (wchar_t)p);
    return FE_CHANGED;
}

/* Applies a Telex key to the word before the cursor: the word's characters
 * are deleted and its Telex form typed in their place. False when the key
 * is to be typed literally. */
static bool telex_key(FORM *frm, const wchar_t *w, int len, int cur, int max, char key, int style)
{
    char *text = xmalloc(TEXT_BYTES);
    size_t tl = wide_to_utf8(w, cur, text, TEXT_BYTES);
    size_t start = telex_word_start(text, tl);
    char out[TELEX_WORD_MAX * 4 + 8];
    bool ok = tl - start <= TELEX_WORD_MAX &&
              telex_apply(text + start, key, style ? TELEX_OLD : TELEX_NEW, out, sizeof out) == 1;
    wchar_t ow[TELEX_WORD_MAX * 2 + 8];
    int from = 0, on = 0;
    if (ok) {
        text[start] = 0;
        for (const char *p = text; *p; from++) {
            uint32_t cp;
            p += utf8_decode(p, &cp);
        }
        on = utf8_to_wide(out, ow, (int)(sizeof ow / sizeof ow[0]) - 1);
        ok = len - (cur - from) + on <= max;
    }
    free(text);
    if (!ok)
        return false;
    for (int k = from; k < cur; k++)
        request(frm, REQ_DEL_PREV);
    for (int k = 0; k < on; k++)
        form_driver_w(frm, OK, ow[k]);
    return true;
}

/* A typed character: composed, filtered, Telex'd or inserted. */
static int typed(FORM *frm, const wchar_t *w, int len, int cur, wchar_t c, const fe_opts *o)
{
    if (compose_is_mark((uint32_t)c))
        return compose_mark(frm, w, cur, c);
    if (!fe_char_ok(o->filter, (wint_t)c))
        return FE_USED; /* libform's form_driver_w does not run the type's character check */
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (o->telex && letter && telex_key(frm, w, len, cur, o->max, (char)c, o->telex_style))
        return FE_CHANGED;
    return insert(frm, len, o->max, c);
}

/* Cursor and deletion keys (curses key codes and Ctrl-A/E/K). */
static int editing(FORM *frm, const tui_event *ev, int len, int cur)
{
    int k = ev->is_key ? (int)ev->ch : -(int)ev->ch;
    if (k == KEY_BACKSPACE)
        return cur > 0 && request(frm, REQ_DEL_PREV) ? FE_CHANGED : FE_USED;
    if (k == KEY_DC)
        return cur < len && request(frm, REQ_DEL_CHAR) ? FE_CHANGED : FE_USED;
    if (k == -CTRL('K'))
        return cur < len && request(frm, REQ_CLR_EOF) ? FE_CHANGED : FE_USED;
    if (k == KEY_LEFT)
        request(frm, REQ_PREV_CHAR);
    else if (k == KEY_RIGHT && cur < len)
        request(frm, REQ_NEXT_CHAR);
    else if (k == KEY_HOME || k == -CTRL('A'))
        request(frm, REQ_BEG_FIELD);
    else if (k == KEY_END || k == -CTRL('E'))
        request(frm, REQ_END_FIELD);
    else if (k != KEY_RIGHT)
        return FE_UNUSED;
    return FE_USED;
}

/* Inserts pasted text at the cursor as typed, but without Telex: all of it
 * when the field then holds at most o->max characters, else none of it,
 * with a message saying so. Characters the field does not take (a letter
 * in a date) are dropped, and the message says that too. */
static int pasted(FORM *frm, const char *text, int dropped, const fe_opts *o)
{
    char *nfc = text_nfc(text);
    const char *t = nfc ? nfc : text;
    wchar_t *w = xmalloc((FIELD_MAX_CHARS + 2) * sizeof *w);
    int len = field_wide(frm, current_field(frm), w, FIELD_MAX_CHARS + 1);
    int n = 0;
    for (const char *p = t; *p; n++) {
        uint32_t cp;
        p += utf8_decode(p, &cp);
    }
    int r = FE_USED;
    if (len + n > o->max) {
        report_message(o->out, 2,
                       _("Not pasted: the pasted text has %d characters and this field takes at most %d "
                         "(it has %d already). The field is unchanged."),
                       n, o->max, len);
    } else {
        fe_opts plain = *o;
        plain.telex = false;
        for (const char *p = t; *p;) {
            uint32_t cp;
            p += utf8_decode(p, &cp);
            len = field_wide(frm, current_field(frm), w, FIELD_MAX_CHARS + 1);
            if (!fe_char_ok(o->filter, (wint_t)cp))
                dropped++;
            else if (typed(frm, w, len, cursor_index(frm, w, len), (wchar_t)cp, &plain) == FE_CHANGED)
                r = FE_CHANGED;
        }
        if (dropped)
            report_message(o->out, 1,
                           _("Pasted; %d characters that this field does not take (control characters, "
                             "colours) were left out."),
                           dropped);
    }
    free(w);
    free(nfc);
    return r;
}

int fe_key(FORM *frm, const tui_event *ev, const fe_opts *o)
{
    if (!frm || !current_field(frm))
        return FE_UNUSED;
    if (ev->paste)
        return pasted(frm, ev->paste, ev->paste_dropped, o);
    bool text = !ev->is_key && ev->act == ACT_NONE && ev->ch >= 32 && ev->ch != 127;
    bool ctrl = !ev->is_key && ev->act == ACT_NONE &&
                (ev->ch == CTRL('A') || ev->ch == CTRL('E') || ev->ch == CTRL('K'));
    if (!text && !ctrl && !ev->is_key)
        return FE_UNUSED;
    wchar_t *w = xmalloc((FIELD_MAX_CHARS + 2) * sizeof *w);
    int len = field_wide(frm, current_field(frm), w, FIELD_MAX_CHARS + 1);
    int cur = cursor_index(frm, w, len);
    int r = text ? typed(frm, w, len, cur, (wchar_t)ev->ch, o) : editing(frm, ev, len, cur);
    free(w);
    return r;
}

int fe_cursor_x(const FORM *frm)
{
    return frm ? frm->curcol - frm->begincol : 0;
}

void fe_show(FORM *frm, FIELD *f, WINDOW *pad, int y, int x)
{
    int rows, cols, frow, fcol, nrow, nbuf;
    (void)frm;
    if (!pad || field_info(f, &rows, &cols, &frow, &fcol, &nrow, &nbuf) != E_OK)
        return;
    if (y < 0 || y >= LINES || x < 0 || x + cols > COLS)
        return;
    copywin(pad, stdscr, frow, fcol, y, x, y, x + cols - 1, FALSE);
}

FORM *fe_post(FIELD **fields, int rows, int cols, WINDOW **pad)
{
    *pad = newpad(rows > 0 ? rows : 1, cols > 0 ? cols : 1);
    if (!*pad)
        return NULL;
    FORM *frm = new_form(fields);
    if (!frm) {
        delwin(*pad);
        *pad = NULL;
        return NULL;
    }
    set_form_win(frm, *pad);
    set_form_sub(frm, *pad);
    post_form(frm);
    return frm;
}

void fe_unpost(FORM **frm, FIELD **fields, WINDOW **pad)
{
    if (*frm) {
        unpost_form(*frm);
        free_form(*frm);
        *frm = NULL;
    }
    for (int i = 0; fields[i]; i++) {
        free_field(fields[i]);
        fields[i] = NULL;
    }
    if (*pad)
        delwin(*pad);
    *pad = NULL;
}
