/* form.c — the one form engine: a field table becomes a libformw form (one
 * one-line field per row; text typed through fe_key, choices shown in
 * TYPE_ENUM fields); it moves between fields, picks choices, checks and
 * saves. Screens only give the table, the record and its check/save functions. */
#include "tui-form.h"
#include "i18n.h"
#include "text.h"
#include "tui-utf8.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const choice YESNO[] = {
    {"0", "Không", "No"},
    {"1", "Có", "Yes"},
    {NULL, NULL, NULL},
};

/* True for fields picked from a list rather than typed. */
static bool is_choice(const form_field *fd)
{
    return fd->kind == FK_CHOICE || fd->kind == FK_YESNO;
}

static const choice *list_of(const form *f, int i)
{
    const form_field *fd = &f->fields[i];
    if (fd->kind == FK_YESNO)
        return YESNO;
    return fd->choices ? fd->choices : f->dyn[i];
}

int form_field_index(const form *f, const char *column)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->fields[i].column, column) == 0)
            return i;
    return -1;
}

void form_set_choices(form *f, const char *column, const choice *list)
{
    int i = form_field_index(f, column);
    if (i >= 0)
        f->dyn[i] = list;
}

/* Room for any text value of a record (the largest is a training note:
 * UTF8_BUF(TRAINING_NOTE_MAX_CHARS) bytes). */
#define VALUE_BYTES 8192

/* What field fd takes as typed. */
static fe_filter filter_of(const form_field *fd)
{
    if (fd->kind == FK_DATE || fd->kind == FK_BIRTH)
        return FE_DATE;
    return fd->kind == FK_PHONE ? FE_PHONE : FE_ANY;
}

/* The label of choice k of field i in the program's language ("—" for none). */
static const char *pick_label(const form *f, int i, int k)
{
    const choice *l = list_of(f, i);
    if (!l || k < 0)
        return "—";
    return strcmp(i18n_lang(), "en") == 0 ? l[k].en : l[k].vi;
}

/* Shows choice field i's pick in its libform field. */
static void show_choice(form *f, int i)
{
    snprintf(f->shown_lang, sizeof f->shown_lang, "%s", i18n_lang());
    fe_set(f->fld[i], pick_label(f, i, f->sel[i]), f->fields[i].width + 1);
}

/* Shows every choice again in the language now in use, if it changed (the
 * Settings screen changes it at once). */
static void follow_language(form *f)
{
    if (strcmp(f->shown_lang, i18n_lang()) == 0)
        return;
    for (int i = 0; i < f->n; i++)
        if (is_choice(&f->fields[i]))
            show_choice(f, i);
}

/* Makes field f->cur libform's current field; a text field's cursor goes to
 * the end of its text. A field left with characters its type refuses (a value
 * stored by hand) does not trap the cursor: the real checks run at F2. */
static void focus(form *f)
{
    if (!f->lf || f->n == 0)
        return;
    FIELD *want = f->fld[f->cur], *old = current_field(f->lf);
    if (old == want)
        return;
    if (set_current_field(f->lf, want) != E_OK && field_type(old) != TYPE_ENUM) {
        FIELDTYPE *t = field_type(old);
        set_field_type(old, NULL);
        set_current_field(f->lf, want);
        set_field_type(old, t);
    }
    if (!is_choice(&f->fields[f->cur]))
        form_driver_w(f->lf, KEY_CODE_YES, REQ_END_FIELD);
}

/* A TYPE_ENUM keyword list for choice field i: "—" and every label in
 * Vietnamese and English (the language may change while the form is open). */
static char **enum_keywords(const form *f, int i)
{
    const choice *l = list_of(f, i);
    int n = l ? choice_count(l) : 0;
    char **k = xcalloc((size_t)(2 * n + 2), sizeof *k);
    k[0] = xstrdup("—");
    for (int j = 0; j < n; j++) {
        k[1 + 2 * j] = xstrdup(l[j].vi);
        k[2 + 2 * j] = xstrdup(l[j].en);
    }
    return k;
}

/* Frees the form's libform objects and keyword lists. */
static void teardown(form *f)
{
    fe_unpost(&f->lf, f->fld, &f->pad);
    for (int i = 0; i < 24; i++) {
        for (char **k = f->enum_labels[i]; k && *k; k++)
            free(*k);
        free(f->enum_labels[i]);
        f->enum_labels[i] = NULL;
    }
}

/* Makes the libform field of row i, at most avail columns wide (a text field
 * shows one more column than it holds, for the cursor after its end). */
static FIELD *make_field(form *f, int i, int avail)
{
    const form_field *fd = &f->fields[i];
    int vis = fd->width + 1 < avail ? fd->width + 1 : avail;
    if (vis < 2)
        vis = 2;
    FIELD *fl = fe_new(i, 0, vis, fd->width + 1, is_choice(fd) ? FE_ANY : filter_of(fd));
    if (fl && is_choice(fd)) {
        field_opts_off(fl, O_EDIT);
        f->enum_labels[i] = enum_keywords(f, i);
        set_field_type(fl, TYPE_ENUM, f->enum_labels[i], 0, 0);
    }
    return fl;
}

/* (Re)builds the libform form for avail columns per field. Text typed so far
 * and the focused field are kept (a resize unposts, re-sets the windows and
 * re-posts). */
static void build(form *f, int avail)
{
    char **texts = xcalloc((size_t)f->n + 1, sizeof *texts);
    for (int i = 0; f->lf && i < f->n; i++)
        if (!is_choice(&f->fields[i])) {
            texts[i] = xmalloc(FIELD_MAX_CHARS * 4 + 8);
            fe_get(f->lf, f->fld[i], texts[i], FIELD_MAX_CHARS * 4 + 8);
        }
    bool had = f->lf != NULL;
    teardown(f);
    f->avail = avail;
    int cols = 2;
    for (int i = 0; i < f->n; i++) {
        f->fld[i] = make_field(f, i, avail);
        int w = f->fields[i].width + 1;
        cols = w > cols ? w : cols;
    }
    f->fld[f->n] = NULL;
    f->lf = fe_post(f->fld, f->n, cols < avail ? cols : avail, &f->pad);
    for (int i = 0; had && i < f->n; i++) {
        if (texts[i])
            fe_set(f->fld[i], texts[i], f->fields[i].width);
        else
            show_choice(f, i);
    }
    for (int i = 0; i < f->n; i++)
        free(texts[i]);
    free(texts);
    focus(f);
}

/* The widest label's columns (at most a third of the screen). */
static int label_width(const form *f)
{
    int lw = 0;
    for (int i = 0; i < f->n; i++) {
        int w = text_width(_(f->fields[i].label));
        if (w > lw)
            lw = w;
    }
    return lw > COLS / 3 ? COLS / 3 : lw;
}

/* The columns a field may take beside labels of width lw. */
static int avail_cols(int lw)
{
    int fx = lw + 5; /* "> label  [" */
    int avail = COLS - fx - 2;
    return avail < 2 ? 2 : avail;
}

/* Shows a stored value in the field; a value too long for the field is
 * marked cut (the record keeps it whole). */
static void load_field(form *f, int i)
{
    const form_field *fd = &f->fields[i];
    char v[VALUE_BYTES];
    form_row_get(fd, f->rec, v, sizeof v);
    f->cut[i] = false;
    if (is_choice(fd)) {
        const choice *l = list_of(f, i);
        f->sel[i] = l ? choice_index(l, v) : -1;
        if (f->sel[i] < 0 && fd->required && l && l[0].code)
            f->sel[i] = 0;
        show_choice(f, i);
        return;
    }
    if (fd->kind == FK_DATE || fd->kind == FK_BIRTH) {
        char d[11];
        date_to_display(v, d);
        snprintf(v, sizeof v, "%s", d);
    }
    f->cut[i] = !fe_set(f->fld[i], v, fd->width);
}

/* The note beside a field whose stored value is longer than the field. */
static const char *cut_note(void)
{
    return _("longer than this field: kept whole unless you change it");
}

void form_load(form *f)
{
    int first_cut = -1;
    for (int i = 0; i < f->n; i++) {
        load_field(f, i);
        if (f->cut[i] && first_cut < 0)
            first_cut = i;
    }
    f->dirty = false;
    f->warned = false;
    f->selected = false;
    if (f->lf && f->n > 0 && current_field(f->lf) == f->fld[f->cur] && !is_choice(&f->fields[f->cur]))
        form_driver_w(f->lf, KEY_CODE_YES, REQ_END_FIELD);
    if (first_cut >= 0)
        report_message(f->out, 1, "%s%s: %s", _("Warning: "), _(f->fields[first_cut].label), cut_note());
}

void form_open(form *f, const form_field *fields, void *rec, form_check_fn check,
               form_save_fn save, void *ctx, tui_report *out)
{
    const choice *keep[24];
    memcpy(keep, f->dyn, sizeof keep);
    memset(f, 0, sizeof *f);
    memcpy(f->dyn, keep, sizeof keep);
    f->fields = fields;
    while (fields[f->n].label && f->n < 24)
        f->n++;
    f->rec = rec;
    f->check = check;
    f->save = save;
    f->ctx = ctx;
    f->out = out;
    build(f, avail_cols(label_width(f)));
    form_load(f);
}

bool form_set_text(form *f, int i, const char *text)
{
    bool whole = fe_set(f->fld[i], text, f->fields[i].width);
    if (f->lf && current_field(f->lf) == f->fld[i])
        form_driver_w(f->lf, KEY_CODE_YES, REQ_END_FIELD);
    return whole;
}

void form_get_text(form *f, int i, char *out, size_t n)
{
    fe_get(f->lf, f->fld[i], out, n);
}

/* Frees the copies form_track made. */
static void free_copies(form *f)
{
    free(f->base);
    free(f->stored);
    f->base = f->stored = NULL;
}

void form_track(form *f, size_t rec_size)
{
    free_copies(f);
    f->rec_size = rec_size;
    f->base = xmalloc(rec_size);
    memcpy(f->base, f->rec, rec_size);
    f->stored = xcalloc(1, rec_size);
    memset(f->touched, 0, sizeof f->touched);
}

void form_free(form *f)
{
    free_copies(f);
    teardown(f);
}

void form_value_text(const form *f, int i, const void *rec, char *out, size_t n)
{
    const form_field *fd = &f->fields[i];
    char v[VALUE_BYTES];
    form_row_get(fd, rec, v, sizeof v);
    if (is_choice(fd)) {
        const choice *l = list_of(f, i);
        int k = l ? choice_index(l, v) : -1;
        const char *label = k < 0 ? v : strcmp(i18n_lang(), "en") == 0 ? l[k].en : l[k].vi;
        snprintf(out, n, "%s", label[0] ? label : "—");
        return;
    }
    if ((fd->kind == FK_DATE || fd->kind == FK_BIRTH) && v[0]) {
        char d[11];
        date_to_display(v, d);
        snprintf(v, sizeof v, "%s", d);
    }
    snprintf(out, n, "%s", v[0] ? v : "—");
}

/* True when field i holds the same stored value in records a and b. */
static bool same_value(const form *f, int i, const void *a, const void *b)
{
    char va[VALUE_BYTES], vb[VALUE_BYTES];
    form_row_get(&f->fields[i], a, va, sizeof va);
    form_row_get(&f->fields[i], b, vb, sizeof vb);
    return strcmp(va, vb) == 0;
}

bool form_field_edited(const form *f, int i)
{
    return f->touched[i] && (!f->base || !same_value(f, i, f->rec, f->base));
}

bool form_text_focus(const form *f)
{
    return f->n > 0 && !is_choice(&f->fields[f->cur]);
}

/* Forgets every field's message. */
static void clear_messages(form *f)
{
    for (int i = 0; i < f->n; i++) {
        f->msg[i][0] = 0;
        f->sev[i] = 0;
    }
}

/* Gives field i a message unless it already has a worse one. */
static void set_message(form *f, int i, int sev, const char *msg)
{
    if (i < 0 || sev < f->sev[i])
        return;
    f->sev[i] = sev;
    snprintf(f->msg[i], sizeof f->msg[i], "%s", msg);
}

/* Parses one field's text into out by its kind. */
static valid_status parse_field(form *f, int i, const char *in, char *out, size_t n, valid_result *r)
{
    const form_field *fd = &f->fields[i];
    char today[11];
    memset(r, 0, sizeof *r);
    if (fd->check)
        return fd->check(f->rec, in, out, n, r);
    switch (fd->kind) {
    case FK_NAME:
        if (!*in && !fd->required) {
            out[0] = 0;
            return VALID_OK;
        }
        return validate_name(in, out, n, r);
    case FK_DATE: {
        char d[11];
        valid_status s = validate_date(in, d, r);
        snprintf(out, n, "%s", d);
        return s;
    }
    case FK_BIRTH: {
        char d[11];
        date_today(today);
        valid_status s = validate_birth(in, today, d, r);
        snprintf(out, n, "%s", d);
        return s;
    }
    case FK_PHONE: {
        char p[16];
        valid_status s = validate_phone(in, p, r);
        snprintf(out, n, "%s", p);
        return s;
    }
    case FK_CCCD: {
        char c[16];
        valid_status s = validate_cccd(in, "", "", c, r);
        snprintf(out, n, "%s", c);
        return s;
    }
    case FK_EMAIL: {
        char m[256];
        valid_status s = validate_email(in, m, r);
        snprintf(out, n, "%s", m);
        return s;
    }
    default:
        return validate_text(in, (size_t)fd->width, out, n, r);
    }
}

/* Stores the text value v of field i into the record; false when the record
 * kept only its beginning (its buffer is too small for v): a value is never
 * saved cut. */
static bool store_whole(form *f, int i, const char *v)
{
    const form_field *fd = &f->fields[i];
    form_row_set(fd, f->rec, v);
    char back[VALUE_BYTES];
    form_row_get(fd, f->rec, back, sizeof back);
    size_t n = strlen(back);
    return n == 0 || n >= strlen(v) || strncmp(back, v, n) != 0;
}

valid_status form_collect(form *f)
{
    valid_status worst = VALID_OK;
    int first_error = -1;
    for (int i = 0; i < f->n; i++) {
        const form_field *fd = &f->fields[i];
        if (is_choice(fd)) {
            const choice *l = list_of(f, i);
            form_row_set(fd, f->rec, f->sel[i] >= 0 && l ? l[f->sel[i]].code : "");
            continue;
        }
        if (f->cut[i])
            continue; /* never store the cut text: the record keeps the whole value */
        char in[FIELD_MAX_CHARS * 4 + 1], out[FIELD_MAX_CHARS * 4 + 1];
        valid_result r;
        form_get_text(f, i, in, sizeof in);
        valid_status s = parse_field(f, i, in, out, sizeof out, &r);
        if (s == VALID_OK && fd->required && !out[0]) {
            s = VALID_ERROR;
            snprintf(r.msg, sizeof r.msg, "%s", _("This field is required."));
        }
        if (s != VALID_ERROR && !store_whole(f, i, out)) {
            s = VALID_ERROR;
            snprintf(r.msg, sizeof r.msg, "%s", _("too long to be stored whole; nothing is cut: shorten it"));
        }
        if (s != VALID_OK)
            set_message(f, i, s, r.msg);
        if (s == VALID_ERROR && first_error < 0)
            first_error = i;
        if (s > worst)
            worst = s;
    }
    if (first_error >= 0)
        f->cur = first_error;
    return worst;
}

void form_show_findings(form *f, const findings *fs)
{
    int first_error = -1;
    for (int k = 0; k < fs->n; k++) {
        const finding *x = &fs->items[k];
        char text[600];
        snprintf(text, sizeof text, "%s", x->msg);
        if (x->other_uuid[0] && f->describe) {
            char other[300];
            f->describe(f, x->other_uuid, other, sizeof other);
            snprintf(text, sizeof text, "%s (%s)", x->msg, other);
        }
        int i = form_field_index(f, x->field);
        if (i >= 0)
            set_message(f, i, x->severity, text);
        if (x->severity == VALID_ERROR && first_error < 0)
            first_error = i >= 0 ? i : f->cur;
        report_message(f->out, x->severity == VALID_ERROR ? 2 : 1, "%s%s",
                       x->severity == VALID_ERROR ? _("Error: ") : _("Warning: "), text);
    }
    if (first_error >= 0)
        f->cur = first_error;
}

/* Adds to the message line that saving again accepts the warnings shown. */
static void offer_accept(form *f)
{
    char line[700];
    snprintf(line, sizeof line, "[%s] %s", _("press F2 again to save anyway"), f->out ? f->out->msg : "");
    report_message(f->out, 1, "%s", line);
    f->warned = true;
}

/* Makes the stored record (f->stored) what the form read (f->base), and the
 * form's record the stored one with the form's values of some fields: every
 * field (keep mine), the fields the user edited (merge) or none (take the
 * stored one). Columns the form does not show always come from the stored
 * record. */
static void rebase(form *f, form_choice c)
{
    char *next = xmalloc(f->rec_size);
    memcpy(next, f->stored, f->rec_size);
    for (int i = 0; i < f->n && c != FORM_TAKE_STORED; i++)
        if (c == FORM_KEEP_MINE || form_field_edited(f, i)) {
            char v[VALUE_BYTES];
            form_row_get(&f->fields[i], f->rec, v, sizeof v);
            form_row_set(&f->fields[i], next, v);
        }
    memcpy(f->rec, next, f->rec_size);
    memcpy(f->base, f->stored, f->rec_size);
    free(next);
}

/* Lists in f->changes the fields whose stored value differs from the one the
 * form read; returns their number. */
static int find_changes(form *f)
{
    f->n_changes = 0;
    for (int i = 0; i < f->n; i++)
        if (!same_value(f, i, f->base, f->stored))
            f->changes[f->n_changes++] = i;
    return f->n_changes;
}

/* Points each choice field at its record value again (after new lists). */
static void sync_choices(form *f)
{
    for (int i = 0; i < f->n; i++)
        if (is_choice(&f->fields[i]))
            load_field(f, i);
}

/* Runs the form's save over the record as it is (checked already) and
 * reports like form_key: 1 saved, 0 not saved (the findings are shown),
 * FORM_CHANGED when the record changed in the file since the form read it.
 * A change that no field of the form shows is taken in silently (nothing of
 * the user's is lost) and the save tried again, a few times at most. */
static int commit(form *f, bool accept)
{
    for (int tries = 0;; tries++) {
        cdtt_err e;
        findings fs;
        memset(&e, 0, sizeof e);
        memset(&fs, 0, sizeof fs);
        int rc = f->save(f, accept, &fs, &e);
        if (rc == REC_CHANGED && f->base) {
            if (f->reread_choices) {
                f->reread_choices(f);
                sync_choices(f);
            }
            if (find_changes(f) == 0 && tries < 3) {
                rebase(f, FORM_KEEP_MINE);
                continue;
            }
            f->accept_pending = accept;
            f->warned = false;
            report_message(f->out, 0, "%s", ""); /* the question says it */
            return FORM_CHANGED;
        }
        if (rc < 0) {
            /* The save's own checks may find warnings the first check did not. */
            bool only_warnings = fs.n > 0 && findings_worst(&fs) == VALID_WARN;
            if (fs.n)
                form_show_findings(f, &fs);
            else
                report_message(f->out, 2, "%s%s", _("Error: "), e.msg[0] ? e.msg : _("not saved"));
            f->warned = false;
            if (only_warnings)
                offer_accept(f);
            return 0;
        }
        clear_messages(f);
        f->dirty = false;
        f->warned = false;
        if (f->base) {
            memcpy(f->base, f->rec, f->rec_size);
            memset(f->touched, 0, sizeof f->touched);
        }
        form_load(f);
        return 1;
    }
}

int form_resolve(form *f, form_choice c)
{
    rebase(f, c);
    form_load(f);
    clear_messages(f);
    if (c == FORM_TAKE_STORED) {
        memset(f->touched, 0, sizeof f->touched);
        report_message(f->out, 0, "%s", _("The stored version is shown; your changes were not saved."));
        return 0;
    }
    f->dirty = true;
    report_message(f->out, 0, "%s", "");
    /* Merged values were not seen as a whole: their warnings are asked again. */
    return commit(f, c == FORM_KEEP_MINE && f->accept_pending);
}

/* Checks and saves; returns 1 when saved. Warnings are shown first and
 * accepted by saving again. */
static int do_save(form *f)
{
    bool accept = f->warned;
    f->selected = false;
    clear_messages(f);
    report_message(f->out, 0, "%s", "");
    valid_status w = form_collect(f);
    if (w == VALID_ERROR) {
        report_message(f->out, 2, "%s%s", _("Error: "), f->msg[f->cur]);
        f->warned = false;
        return 0;
    }
    findings fs;
    memset(&fs, 0, sizeof fs);
    if (f->check)
        f->check(f, &fs);
    valid_status rw = findings_worst(&fs);
    if (rw == VALID_ERROR) {
        form_show_findings(f, &fs);
        f->warned = false;
        return 0;
    }
    if ((w == VALID_WARN || rw == VALID_WARN) && !accept) {
        form_show_findings(f, &fs);
        for (int i = 0; i < f->n && !fs.n; i++)
            if (f->sev[i] == VALID_WARN) {
                report_message(f->out, 1, "%s%s", _("Warning: "), f->msg[i]);
                f->cur = i;
                break;
            }
        offer_accept(f);
        return 0;
    }
    if (f->confirm_save && !f->confirm_save(f)) {
        f->warned = false;
        return 0;
    }
    return commit(f, accept);
}

/* Moves the choice of field i by d (wrapping; optional fields include "none"). */
static void choice_step(form *f, int i, int d)
{
    const choice *l = list_of(f, i);
    int n = l ? choice_count(l) : 0;
    int lo = f->fields[i].required ? 0 : -1;
    if (n == 0)
        return;
    int s = f->sel[i] + d;
    if (s >= n)
        s = lo;
    if (s < lo)
        s = n - 1;
    f->sel[i] = s;
}

/* True when label starts with the letter c: accents and case ignored, but
 * đ is its own letter ("đ" picks "Đoàn thanh niên", "d" picks "Dân quân"
 * first); strict asks for the exact letter, else d and đ both match. */
static bool starts_with_letter(const char *label, wint_t c, bool strict)
{
    uint32_t first = 0;
    if (label[0])
        utf8_decode(label, &first);
    bool bar_c = c == 0x0111 || c == 0x0110, bar_l = first == 0x0111 || first == 0x0110;
    if (strict && bar_c != bar_l)
        return false;
    char key[8] = {0};
    if (bar_c)
        key[0] = 'd';
    else if (c < 0x80)
        key[0] = (char)c;
    else
        return false;
    char *fk = text_fold(key), *fl = text_fold(label);
    bool ok = fk[0] && fl[0] == fk[0];
    free(fk);
    free(fl);
    return ok;
}

/* Picks the next choice whose label starts with the letter c (accents
 * ignored; đ and d told apart when a label starts with the one typed). */
static bool choice_letter(form *f, int i, wint_t c)
{
    const choice *l = list_of(f, i);
    int n = l ? choice_count(l) : 0;
    if (c < 32 || c == 127)
        return false;
    for (int strict = 1; strict >= 0; strict--)
        for (int k = 1; k <= n; k++) {
            int j = (f->sel[i] + k + n) % n;
            const char *label = strcmp(i18n_lang(), "en") == 0 ? l[j].en : l[j].vi;
            if (starts_with_letter(label, c, strict)) {
                f->sel[i] = j;
                return true;
            }
        }
    return false;
}

/* Marks the form edited: warnings shown before must be seen again. */
static void changed(form *f)
{
    f->dirty = true;
    f->warned = false;
}

/* Marks the focused field changed by the user (a choice picked) and shows
 * the pick. */
static void user_changed(form *f)
{
    f->touched[f->cur] = true;
    show_choice(f, f->cur);
    changed(f);
    if (f->picked)
        f->picked(f, f->cur);
}

bool form_set_choice(form *f, const char *column, const char *code)
{
    int i = form_field_index(f, column);
    const choice *l = i >= 0 ? list_of(f, i) : NULL;
    int k = l ? choice_index(l, code) : -1;
    if (k < 0)
        return false;
    f->sel[i] = k;
    show_choice(f, i);
    return true;
}

/* Selects the focused text field's text, when it has any (a field move). */
static void select_focused(form *f)
{
    f->selected = false;
    if (!form_text_focus(f))
        return;
    char t[16];
    form_get_text(f, f->cur, t, sizeof t);
    f->selected = t[0] != 0;
}

/* With the focused field's text selected: a typed character or a paste
 * replaces it, Backspace or Delete clears it (returns true: the key is used
 * up), any other key keeps the text. The selection ends either way. */
static bool replace_selected(form *f, const tui_event *ev)
{
    if (!f->selected)
        return false;
    f->selected = false;
    bool typed = ev->paste || (!ev->is_key && ev->act == ACT_NONE && ev->ch >= 32 && ev->ch != 127);
    bool erase = ev->is_key && (ev->ch == KEY_BACKSPACE || ev->ch == KEY_DC);
    if (!typed && !erase)
        return false;
    form_driver_w(f->lf, KEY_CODE_YES, REQ_CLR_FIELD);
    f->cut[f->cur] = false;
    f->touched[f->cur] = true;
    changed(f);
    return erase;
}

/* Gives an editing key to the focused text field. A field whose text changes
 * is the user's edit; a cut field (a stored value longer than the field)
 * becomes the user's text then. Returns 0 when the key was used, -1 otherwise. */
static int edit_key(form *f, const tui_event *ev, bool telex, int style)
{
    const form_field *fd = &f->fields[f->cur];
    if (replace_selected(f, ev))
        return 0;
    fe_opts o = {fd->width, filter_of(fd), telex, style, f->out};
    int r = fe_key(f->lf, ev, &o);
    if (r == FE_UNUSED)
        return -1;
    if (r == FE_CHANGED) {
        f->cut[f->cur] = false;
        f->touched[f->cur] = true;
    }
    changed(f);
    return 0;
}

int form_key(form *f, const tui_event *ev, bool telex, int telex_style)
{
    if (ev->act == ACT_SAVE)
        return do_save(f);
    if (ev->act != ACT_NONE)
        return -1;
    wint_t c = ev->ch;
    focus(f);
    if (keys_next_field(ev) || keys_prev_field(ev)) {
        int to = f->cur + (keys_next_field(ev) ? 1 : -1);
        if (to >= 0 && to < f->n)
            f->cur = to;
        focus(f);
        select_focused(f);
        return 0;
    }
    const form_field *fd = &f->fields[f->cur];
    if (is_choice(fd)) {
        if (ev->is_key && (c == KEY_RIGHT || c == KEY_NPAGE)) {
            choice_step(f, f->cur, 1);
            user_changed(f);
            return 0;
        }
        if (ev->is_key && (c == KEY_LEFT || c == KEY_PPAGE)) {
            choice_step(f, f->cur, -1);
            user_changed(f);
            return 0;
        }
        if (!ev->is_key && c == ' ') {
            choice_step(f, f->cur, 1);
            user_changed(f);
            return 0;
        }
        if (!ev->is_key && choice_letter(f, f->cur, c)) {
            user_changed(f);
            return 0;
        }
        return -1;
    }
    return edit_key(f, ev, telex, telex_style);
}

/* When the focused field's label or note did not fit (lw and note_cols
 * columns), puts them whole on the message line (a hint in out). */
static void hint_cut(tui_report *out, const form_field *fd, const char *note, int lw, int note_cols)
{
    char tmp[700];
    bool label_cut = draw_clip(_(fd->label), lw, tmp, sizeof tmp);
    bool note_cut = note && draw_clip(note, note_cols, tmp, sizeof tmp);
    if (label_cut || note_cut)
        report_hint(out, "%s%s%s", _(fd->label), note ? ": " : "", note ? note : "");
}

/* Near a text field's limit (four fifths of it, for fields of 20 characters
 * or more), says on the message line how many characters it holds of how
 * many it takes, unless the line already has something to say. */
static void hint_count(form *f, int i)
{
    int max = f->fields[i].width;
    if (max < 20 || !f->out || f->out->hint[0])
        return;
    char *t = xmalloc(FIELD_MAX_CHARS * 4 + 8);
    form_get_text(f, i, t, FIELD_MAX_CHARS * 4 + 8);
    int n = 0;
    for (const char *p = t; *p; n++) {
        uint32_t cp;
        p += utf8_decode(p, &cp);
    }
    free(t);
    if (n * 5 >= max * 4)
        report_hint(f->out, _("%s: %d of at most %d characters"), _(f->fields[i].label), n, max);
}

void form_draw(form *f, int y0, int rows)
{
    f->y0 = y0;
    f->rows = rows;
    if (rows < 1)
        return;
    if (f->cur < f->top)
        f->top = f->cur;
    if (f->cur >= f->top + rows)
        f->top = f->cur - rows + 1;
    int lw = label_width(f);
    int fx = lw + 5; /* "> label  [" */
    if (avail_cols(lw) != f->avail)
        build(f, avail_cols(lw));
    follow_language(f);
    focus(f);
    int cy = -1, cx = -1;
    for (int r = 0; r < rows && f->top + r < f->n; r++) {
        int i = f->top + r, y = y0 + r;
        const form_field *fd = &f->fields[i];
        bool focused = i == f->cur;
        /* "»" marks a focused field whose text is selected (typing replaces it):
         * one character, where reversing the text would resend it twice. */
        wchar_t mark = f->sev[i] == VALID_ERROR ? L'!' : f->sev[i] == VALID_WARN ? L'?'
                       : focused && f->selected                 ? L'»'
                       : focused                                ? L'>'
                                                                : L' ';
        /* The focus is the "> " mark (and the cursor), not the label's colour: a
         * field move then resends two characters, not two labels (bytes over SSH). */
        wchar_t wmark[2] = {mark, 0};
        attr_t mattr = (attr_t)(f->sev[i] ? theme_attr(f->sev[i] == 2 ? TH_ERROR : TH_WARN)
                                : focused ? theme_attr(TH_FOCUS) : 0);
        cchar_t cc;
        setcchar(&cc, wmark, mattr & ~A_COLOR, (short)PAIR_NUMBER((int)mattr), NULL);
        mvadd_wch(y, 0, &cc);
        draw_text(y, 2, _(fd->label), lw, theme_attr(TH_LABEL));
        int rows_, fw = 2, frow, fcol, nrow, nbuf;
        field_info(f->fld[i], &rows_, &fw, &frow, &fcol, &nrow, &nbuf);
        mvaddch(y, fx - 1, '[');
        fe_show(f->lf, f->fld[i], f->pad, y, fx);
        if (focused) {
            cy = y;
            cx = is_choice(fd) ? fx : fx + fe_cursor_x(f->lf);
        }
        mvaddch(y, fx + fw, ']');
        int mx = fx + fw + 2;
        const char *note = f->msg[i][0] ? f->msg[i]
                           : f->cut[i]  ? cut_note()
                                        : NULL;
        if (note && COLS - mx >= 12)
            draw_text(y, mx, note, COLS - mx, theme_attr(f->sev[i] == 2 ? TH_ERROR : TH_WARN));
        if (focused)
            hint_cut(f->out, fd, note, lw, COLS - mx >= 12 ? COLS - mx : 0);
        if (focused && !is_choice(fd))
            hint_count(f, i);
    }
    report_cursor(f->out, cy, cx);
}
