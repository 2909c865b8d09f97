/* validate-fields.c — checking a record's fields by their catalogue rows
 * (see validate-fields.h). */
#include "validate-fields.h"
#include "records-internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Keeps a validator's output in the field (size n), or adds its error to f. */
static void take(valid_status s, const valid_result *vr, const char *out, char *at, size_t n,
                 const char *column, findings *f)
{
    if (s == VALID_ERROR)
        findings_add(f, VALID_ERROR, column, "%s", vr->msg);
    else
        snprintf(at, n, "%s", out);
}

/* Cleans text field d kept at at by what the text is. */
static void clean_text(const field_def *d, char *at, findings *f)
{
    valid_result vr;
    char out[256];
    switch (d->format) {
    case FIELD_FMT_NAME:
        if (at[0] || (d->flags & FIELD_REQUIRED))
            rec_clean_name(at, d->size, d->column, f);
        break;
    case FIELD_FMT_PHONE:
        take(validate_phone(at, out, &vr), &vr, out, at, d->size, d->column, f);
        break;
    case FIELD_FMT_CCCD:
        take(validate_cccd(at, "", "", out, &vr), &vr, out, at, d->size, d->column, f);
        break;
    case FIELD_FMT_EMAIL:
        take(validate_email(at, out, &vr), &vr, out, at, d->size, d->column, f);
        break;
    default:
        if (d->flags & FIELD_LONG)
            rec_clean_text(at, d->size, (size_t)field_max_chars(d), d->column, f);
        else
            rec_clean_line(at, d->size, (size_t)field_max_chars(d), d->column, f);
    }
}

void record_fields_clean(const record_kind *k, void *rec, findings *f)
{
    for (const field_def *d = k->fields; d->column; d++) {
        if (!field_is_content(d))
            continue;
        char *at = (char *)rec + d->off;
        valid_result vr;
        char out[11];
        if (d->type == FIELD_BOOL)
            *(int *)at = *(int *)at != 0;
        else if (d->type == FIELD_DATE && (d->flags & FIELD_YEAR))
            take(validate_birth(at, NULL, out, &vr), &vr, out, at, d->size, d->column, f);
        else if (d->type == FIELD_DATE)
            take(validate_date(at, out, &vr), &vr, out, at, d->size, d->column, f);
        else if (d->type == FIELD_TEXT)
            clean_text(d, at, f);
    }
}

/* Whether s is a year alone ("1985"). */
static int is_year(const char *s)
{
    return strlen(s) == 4 && strspn(s, "0123456789") == 4;
}

void record_fields_check(const record_kind *k, const void *rec, findings *f)
{
    for (const field_def *d = k->fields; d->column; d++) {
        if (!field_is_content(d))
            continue;
        const char *at = (const char *)rec + d->off;
        if (d->type == FIELD_TEXT && (d->flags & FIELD_REQUIRED) && !at[0])
            findings_add(f, VALID_ERROR, d->column, _("%s: required"), field_def_label(d));
        else if (d->type == FIELD_CHOICE)
            rec_check_choice(d->choices, at, !(d->flags & FIELD_REQUIRED), d->column, f);
        else if (d->type == FIELD_DATE && !((d->flags & FIELD_YEAR) && is_year(at)))
            rec_check_date(at, d->column, f);
    }
}
