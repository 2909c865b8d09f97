/* csvio-import-values.c — what a row of a member list does to the member it
 * is: the given cells written over the stored record (an empty cell erases
 * nothing), and every stored value that would be replaced, told field by field
 * in the message language (old → new). */
#include "csvio-import.h"
#include "choices.h"
#include "fields.h"
#include "text.h"
#include "validate.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void import_apply_row(member_rec *m, const csvio_member_row *row, const csvio_member_columns *cols, const char *today)
{
    if (HAS(row, CSVIO_F_NAME) && !text_same_name(m->full_name, row->name))
        COPY(m->full_name, row->name);
    if (HAS(row, CSVIO_F_BIRTH))
        COPY(m->birth, row->birth);
    if (HAS(row, CSVIO_F_GENDER))
        COPY(m->gender, row->gender);
    if (HAS(row, CSVIO_F_PHONE))
        COPY(m->phone, row->phone);
    if (HAS(row, CSVIO_F_CCCD))
        COPY(m->cccd, row->cccd);
    if (HAS(row, CSVIO_F_EMAIL))
        COPY(m->email, row->email);
    if (HAS(row, CSVIO_F_CATEGORY))
        COPY(m->category, row->category);
    if (HAS(row, CSVIO_F_YOUTH))
        m->youth_union = row->youth_union;
    if (HAS(row, CSVIO_F_CONSENT))
        m->consent = row->consent;
    if (HAS(row, CSVIO_F_MOOC))
        COPY(m->mooc_status, row->mooc_status);
    if (HAS(row, CSVIO_F_MOOC_DATE))
        COPY(m->mooc_date, row->mooc_date);
    if (HAS(row, CSVIO_F_ZALO)) {
        if (!row->zalo_yes)
            m->zalo_date[0] = '\0';
        else if (row->zalo_date[0])
            COPY(m->zalo_date, row->zalo_date);
        else if (!m->zalo_date[0])
            COPY(m->zalo_date, today); /* following, since an unknown date: recorded today */
    }
    if (HAS(row, CSVIO_F_NOTE))
        COPY(m->note, row->note);
    for (int i = 0; i < cols->n_more; i++)
        if (row->more_set & (1u << i))
            memcpy((char *)m + cols->more[i]->off, (const char *)&row->more + cols->more[i]->off, cols->more[i]->size);
}

/* Adds the bytes of s, and a separator, to the FNV-1a digest h. */
static uint64_t digest(uint64_t h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return (h ^ 0x1f) * 1099511628211ull;
}

uint64_t import_row_print(const csvio_member_row *row, const csvio_member_columns *cols)
{
    char *key = text_name_key(row->name);
    char flags[64];
    unsigned person = row->set & ~((1u << CSVIO_F_TEAM) | (1u << CSVIO_F_AREA) | (1u << CSVIO_F_ROLE) |
                                   (1u << CSVIO_F_SINCE)); /* the team's cells say nothing of the person */
    snprintf(flags, sizeof flags, "%u %d %d %d %u", person, row->youth_union, row->consent, row->zalo_yes,
             row->more_set);
    const char *const cells[] = {key,           row->birth,        row->gender,       row->phone,
                                 row->cccd,     row->email,        row->category,
                                 row->mooc_status, row->mooc_date, row->zalo_date,    row->note,
                                 flags};
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
        h = digest(h, cells[i]);
    for (int i = 0; i < cols->n_more; i++) { /* the more fields' values, text or number */
        const field_def *d = cols->more[i];
        char n[16];
        const char *at = (const char *)&row->more + d->off;
        if (d->type == FIELD_BOOL || d->type == FIELD_COUNT)
            snprintf(n, sizeof n, "%d", *(const int *)at);
        h = digest(h, (d->type == FIELD_BOOL || d->type == FIELD_COUNT) ? n : at);
    }
    free(key);
    return h;
}

/* The member fields an import can change: the catalogue's content fields
 * (fields.h), with their labels, kinds of value and places in member_rec. */
#define EACH_FIELD(f) \
    for (const field_def *f = record_kind_of("member")->fields; f->column; f++) \
        if (field_is_content(f))

static int is_flag(const field_def *f)
{
    return f->type == FIELD_BOOL || f->type == FIELD_COUNT;
}

static const char *text_of(const member_rec *m, const field_def *f)
{
    return (const char *)m + f->off;
}

static int flag_of(const member_rec *m, const field_def *f)
{
    return *(const int *)((const char *)m + f->off);
}

/* True when field f of a and b holds the same value. */
static int same_value(const member_rec *a, const member_rec *b, const field_def *f)
{
    if (is_flag(f))
        return flag_of(a, f) == flag_of(b, f);
    return strcmp(text_of(a, f), text_of(b, f)) == 0;
}

/* What a new member holds (member_init), made once. */
static member_rec fresh_rec;
static pthread_once_t fresh_once = PTHREAD_ONCE_INIT;

static void fresh_member(void)
{
    member_init(&fresh_rec);
}

/* True when field f of m holds a value of its own: not empty, not what a new
 * member has (member_init: "Khác", "Chưa học"), not "Không" for a yes/no field. */
static int value_set(const member_rec *m, const field_def *f)
{
    pthread_once(&fresh_once, fresh_member);
    if (is_flag(f))
        return flag_of(m, f) != 0;
    return text_of(m, f)[0] && !same_value(m, &fresh_rec, f);
}

/* Field f of m as the user reads it, in the message language. */
static void shown(const member_rec *m, const field_def *f, char *out, size_t outlen)
{
    char d[11];
    if (is_flag(f)) {
        snprintf(out, outlen, "%s", flag_of(m, f) ? _("Yes") : _("No"));
    } else if (f->type == FIELD_DATE) {
        date_to_display(text_of(m, f), d);
        snprintf(out, outlen, "%s", d[0] ? d : "—");
    } else if (f->type == FIELD_CHOICE) {
        snprintf(out, outlen, "%s", text_of(m, f)[0] ? choice_label(f->choices, text_of(m, f)) : "—");
    } else if (text_of(m, f)[0]) {
        import_shown(text_of(m, f), out, outlen);
    } else {
        snprintf(out, outlen, "—");
    }
}

int import_member_same(const member_rec *a, const member_rec *b)
{
    EACH_FIELD(f)
        if (!same_value(a, b, f))
            return 0;
    return 1;
}

int import_member_diff(const member_rec *old, const member_rec *new, char *out, size_t outlen)
{
    int n = 0;
    EACH_FIELD(f) {
        if (!value_set(old, f) || same_value(old, new, f))
            continue;
        char a[256], b[256];
        shown(old, f, a, sizeof a);
        shown(new, f, b, sizeof b);
        import_append(out, outlen, "%s %s → %s", field_def_label(f), a, b);
        n++;
    }
    return n;
}

const char *import_role_label(const char *role)
{
    return choice_label(CHOICES_ROLE, role);
}
