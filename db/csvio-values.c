/* csvio-values.c — what an import saw in a list: the distinct values of its
 * choice columns with what each means (or that it means nothing, with the
 * closest items and the option that maps it), and rows as they will be stored. */
#include "csvio-member.h"
#include "choices.h"
#include "validate.h"
#include "words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VALUES_MAX 2000

typedef struct {
    int field;
    char *key, *value;
    const char *code;
    enum choice_how how;
    long long rows;
    long line; /* where it first appears */
} seen_value;

struct csvio_values {
    seen_value *v;
    int n;
};

csvio_values *csvio_values_new(void)
{
    return xcalloc(1, sizeof(csvio_values));
}

void csvio_values_add(csvio_values *vs, long line, int field, const char *value, const char *code,
                      enum choice_how how)
{
    char *key = words_fold(value);
    for (int i = 0; i < vs->n; i++)
        if (vs->v[i].field == field && strcmp(vs->v[i].key, key) == 0) {
            vs->v[i].rows++;
            free(key);
            return;
        }
    if (vs->n == VALUES_MAX) {
        free(key);
        return;
    }
    vs->v = xrealloc(vs->v, (size_t)(vs->n + 1) * sizeof *vs->v);
    vs->v[vs->n++] = (seen_value){field, key, xstrdup(value), code, how, 1, line};
}

/* The list of a choice column. */
static const choice *list_of(int field)
{
    switch (field) {
    case CSVIO_F_GENDER:
        return CHOICES_GENDER;
    case CSVIO_F_ROLE:
        return CHOICES_ROLE;
    case CSVIO_F_CATEGORY:
        return CHOICES_CATEGORY;
    case CSVIO_F_YOUTH:
        return CHOICES_YES_NO;
    default:
        return CHOICES_MOOC_STATUS;
    }
}

/* The [aliases] kind of a choice column ("category"). */
static const char *kind_of(int field)
{
    switch (field) {
    case CSVIO_F_GENDER:
        return "gender";
    case CSVIO_F_ROLE:
        return "role";
    case CSVIO_F_CATEGORY:
        return "category";
    case CSVIO_F_YOUTH:
        return "youth";
    default:
        return "status";
    }
}

/* Appends a line to s->values and the value it describes to s->choice_values,
 * so that both stay line for line. */
static void push_value(csvio_import_summary *s, const char *line, int field, const seen_value *v)
{
    s->choice_values = xrealloc(s->choice_values, (size_t)(s->n_values + 1) * sizeof *s->choice_values);
    csvio_choice_value *cv = &s->choice_values[s->n_values];
    memset(cv, 0, sizeof *cv);
    snprintf(cv->kind, sizeof cv->kind, "%s", kind_of(field));
    cv->value = xstrdup(v->value);
    cv->code = v->code;
    cv->how = v->how;
    csvio_list_push(&s->values, &s->n_values, xstrdup(line));
}

static const char *how_text(enum choice_how how)
{
    switch (how) {
    case CHOICE_USER:
        return _(" (the commune's word)");
    case CHOICE_ALIAS:
        return _(" (a known form)");
    case CHOICE_SHORT:
        return _(" (a short form)");
    default:
        return "";
    }
}

void csvio_values_report(const csvio_values *vs, const char *path, const csvio_member_columns *c,
                         csvio_import_summary *s)
{
    char line[1600];
    for (int f = 0; f < CSVIO_F_COUNT; f++)
        for (int i = 0; i < vs->n; i++) {
            const seen_value *v = &vs->v[i];
            if (v->field != f)
                continue;
            const choice *list = list_of(f);
            if (v->code) {
                snprintf(line, sizeof line, _("%s \"%s\" (%lld rows) → %s%s"), c->header[f], v->value, v->rows,
                         choice_label(list, v->code), how_text(v->how));
                push_value(s, line, f, v);
                continue;
            }
            char closest[400];
            choice_closest(list, v->value, 3, closest, sizeof closest);
            snprintf(line, sizeof line,
                     _("%s:%ld: %s \"%s\" (%lld rows) is not an item of the list; closest: %s. Map it with "
                       "--map '%s:%s=ITEM' (or file such values as Khác with --unknown other)"),
                     path, v->line, c->header[f], v->value, v->rows, closest, c->header[f], v->value);
            csvio_list_push(&s->unknown, &s->n_unknown, xstrdup(line));
            csvio_list_push(&s->problems, &s->n_problems, xstrdup(line));
            snprintf(line, sizeof line, _("%s \"%s\" (%lld rows) → ?"), c->header[f], v->value, v->rows);
            push_value(s, line, f, v);
        }
}

void csvio_values_free(csvio_values *vs)
{
    if (!vs)
        return;
    for (int i = 0; i < vs->n; i++) {
        free(vs->v[i].key);
        free(vs->v[i].value);
    }
    free(vs->v);
    free(vs);
}

/* Appends " | text" (or text first) to out. */
static void add(char *out, size_t n, const char *text)
{
    if (!text || !*text)
        return;
    size_t len = strlen(out);
    snprintf(out + len, n - len, "%s%s", len ? " | " : "", text);
}

char *csvio_preview_line(long line, const csvio_member_row *row)
{
    char out[2048] = "", d[11], buf[64];
#define HAS(f) (row->set & (1u << (f)))
    add(out, sizeof out, row->name);
    if (row->birth[0]) {
        date_to_display(row->birth, d);
        add(out, sizeof out, d);
    }
    if (HAS(CSVIO_F_GENDER))
        add(out, sizeof out, choice_label(CHOICES_GENDER, row->gender));
    add(out, sizeof out, row->phone);
    add(out, sizeof out, row->cccd);
    add(out, sizeof out, row->email);
    add(out, sizeof out, row->team);
    add(out, sizeof out, row->area);
    if (HAS(CSVIO_F_ROLE))
        add(out, sizeof out, choice_label(CHOICES_ROLE, row->role));
    if (HAS(CSVIO_F_CATEGORY))
        add(out, sizeof out, choice_label(CHOICES_CATEGORY, row->category));
    if (HAS(CSVIO_F_YOUTH)) {
        snprintf(buf, sizeof buf, "%s: %s", _("Youth Union"), row->youth_union ? _("yes") : _("no"));
        add(out, sizeof out, buf);
    }
    if (HAS(CSVIO_F_MOOC)) {
        date_to_display(row->mooc_date, d);
        snprintf(buf, sizeof buf, "MOOC: %s%s%s", choice_label(CHOICES_MOOC_STATUS, row->mooc_status),
                 row->mooc_date[0] ? " " : "", row->mooc_date[0] ? d : "");
        add(out, sizeof out, buf);
    }
    add(out, sizeof out, row->note);
#undef HAS
    for (char *p = out; *p; p++)
        if ((unsigned char)*p < 0x20)
            *p = ' ';
    char *res = xmalloc(strlen(out) + 32);
    sprintf(res, "%ld: %s", line, out);
    return res;
}
