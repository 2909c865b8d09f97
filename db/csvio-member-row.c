/* csvio-member-row.c — one row of a member list, cell by cell, through the same
 * validators as the forms (validate.h, choices.h), with the repairs Excel
 * makes necessary (leading zeros it dropped, formula apostrophes). */
#include "csvio-member.h"
#include "csv.h"
#include "choices.h"
#include "text.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const csvio_member_columns *c;
    char **fields;
    int n;
    csvio_report_fn report;
    void *ctx;
    int errors;
    const csvio_parse_opts *o;
    char unknown_note[600]; /* original words of values filed as "other" */
} row_ctx;

/* Understands a choice cell (choices.h: choice_interpret) and tells o->seen. */
static const char *interpret(row_ctx *x, int f, const choice *list, const char *kind, const char *v)
{
    enum choice_how how;
    const char *code = choice_interpret(list, kind, v, x->o ? x->o->aliases : NULL, x->o ? x->o->n_aliases : 0,
                                        &how);
    if (x->o && x->o->seen)
        x->o->seen(x->ctx, f, v, code, how);
    return code;
}

/* The cell of field f, or "" when the column is absent or the row is short.
 * An apostrophe that protected a formula-like cell from Excel is removed. */
static const char *cell(const row_ctx *x, int f)
{
    int i = x->c->col[f];
    if (i < 0 || i >= x->n)
        return "";
    return csv_unneutralise(x->fields[i]);
}

/* True when the cell holds anything but white space. */
static int given(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
            return 1;
    return 0;
}

static void report(row_ctx *x, int f, int severity, const char *msg)
{
    if (severity >= VALID_ERROR)
        x->errors++;
    x->report(x->ctx, severity, x->c->header[f], cell(x, f), msg);
}

/* Passes a validator's verdict on; returns 1 when the value is usable. */
static int verdict(row_ctx *x, int f, valid_status st, const valid_result *r)
{
    if (st != VALID_OK)
        report(x, f, (int)st, r->msg);
    return st != VALID_ERROR;
}

/* Copies the digits of s when s is nothing but digits and spaces (else ""). */
static void only_digits(const char *s, char *out, size_t outlen)
{
    size_t k = 0;
    out[0] = '\0';
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (k + 1 >= outlen)
                return;
            out[k++] = *s;
        } else if (*s != ' ') {
            out[0] = '\0';
            return;
        }
    }
    out[k] = '\0';
}

/* Excel stores phone and CCCD numbers as numbers and drops the leading zero:
 * puts it back when the digits are one short of full length. */
static const char *restore_zero(const char *s, size_t full_len, char *buf, size_t buflen)
{
    char digits[32];
    only_digits(s, digits, sizeof digits);
    if (strlen(digits) + 1 == full_len && digits[0] != '0') {
        snprintf(buf, buflen, "0%s", digits);
        return buf;
    }
    return s;
}

/* The list of accepted labels of a choice list, for a message. */
static void labels_of(const choice *list, char *out, size_t outlen)
{
    out[0] = '\0';
    for (int i = 0; list[i].code; i++) {
        size_t len = strlen(out);
        snprintf(out + len, outlen - len, "%s%s", i ? ", " : "", list[i].vi);
    }
}

/* A value that means no item: filed as "other" with its words kept for the
 * note (o->unknown_other and the list has "other"), or an error — reported
 * by o->seen when it listens, else on the row. Returns the code or NULL. */
static const char *unknown_value(row_ctx *x, int f, const choice *list, const char *v)
{
    if (x->o && x->o->unknown_other && choice_index(list, "other") >= 0) {
        size_t len = strlen(x->unknown_note);
        snprintf(x->unknown_note + len, sizeof x->unknown_note - len, "%s%s: %s", len ? "; " : "",
                 x->c->header[f], v);
        return "other";
    }
    x->errors++;
    if (x->o && x->o->seen)
        return NULL;
    char labels[1024], msg[1200];
    labels_of(list, labels, sizeof labels);
    snprintf(msg, sizeof msg, _("not one of: %s"), labels);
    x->errors--;
    report(x, f, VALID_ERROR, msg);
    return NULL;
}

static void parse_choice(row_ctx *x, int f, const choice *list, const char *kind, char *out, size_t outlen,
                         csvio_member_row *row)
{
    const char *v = cell(x, f);
    if (!given(v))
        return;
    const char *code = interpret(x, f, list, kind, v);
    if (!code && !(code = unknown_value(x, f, list, v)))
        return;
    snprintf(out, outlen, "%s", code);
    row->set |= 1u << f;
}

static void parse_yes_no_cell(row_ctx *x, int f, int *out, csvio_member_row *row)
{
    const char *v = cell(x, f);
    if (!given(v))
        return;
    int yn = parse_yes_no(v);
    const char *code;
    if (yn < 0 && f == CSVIO_F_YOUTH && (code = interpret(x, f, CHOICES_YES_NO, "youth", v)))
        yn = strcmp(code, "1") == 0;
    if (yn < 0) {
        report(x, f, VALID_ERROR, _("write Có or Không"));
        return;
    }
    *out = yn;
    row->set |= 1u << f;
}

static void parse_date_cell(row_ctx *x, int f, char out[11], csvio_member_row *row)
{
    const char *v = cell(x, f);
    if (!given(v))
        return;
    valid_result r;
    if (verdict(x, f, validate_date(v, out, &r), &r))
        row->set |= 1u << f;
}

/* Online course: a status label, yes/no, or a completion date (status
 * "completed" and that date). */
static void parse_mooc(row_ctx *x, csvio_member_row *row)
{
    const char *v = cell(x, CSVIO_F_MOOC);
    if (!given(v))
        return;
    valid_result r;
    const char *code;
    int yn;
    if (validate_date(v, row->mooc_date, &r) == VALID_OK && row->mooc_date[0]) {
        snprintf(row->mooc_status, sizeof row->mooc_status, "completed");
        row->set |= 1u << CSVIO_F_MOOC_DATE;
    } else if ((yn = parse_yes_no(v)) >= 0) {
        snprintf(row->mooc_status, sizeof row->mooc_status, "%s", yn ? "completed" : "not_started");
        row->mooc_date[0] = '\0';
    } else if ((code = interpret(x, CSVIO_F_MOOC, CHOICES_MOOC_STATUS, "status", v))) {
        snprintf(row->mooc_status, sizeof row->mooc_status, "%s", code);
        row->mooc_date[0] = '\0';
    } else {
        report(x, CSVIO_F_MOOC, VALID_ERROR,
               _("write the completion date (dd/mm/yyyy), Đang học, Có or Không"));
        return;
    }
    row->set |= 1u << CSVIO_F_MOOC;
}

/* The MOOC date column: the date whatever the status (export writes it so). A
 * date in the MOOC column too must be the same date. */
static void parse_mooc_date(row_ctx *x, csvio_member_row *row)
{
    const char *v = cell(x, CSVIO_F_MOOC_DATE);
    if (!given(v))
        return;
    char date[11];
    valid_result r;
    if (!verdict(x, CSVIO_F_MOOC_DATE, validate_date(v, date, &r), &r))
        return;
    if ((row->set & (1u << CSVIO_F_MOOC_DATE)) && strcmp(date, row->mooc_date) != 0) {
        char msg[300];
        snprintf(msg, sizeof msg, _("not the date written in \"%s\""), x->c->header[CSVIO_F_MOOC]);
        report(x, CSVIO_F_MOOC_DATE, VALID_ERROR, msg);
        return;
    }
    snprintf(row->mooc_date, sizeof row->mooc_date, "%s", date);
    row->set |= 1u << CSVIO_F_MOOC_DATE;
}

/* Zalo OA: the date the member followed it, or yes/no. */
static void parse_zalo(row_ctx *x, csvio_member_row *row)
{
    const char *v = cell(x, CSVIO_F_ZALO);
    if (!given(v))
        return;
    valid_result r;
    int yn;
    if (validate_date(v, row->zalo_date, &r) == VALID_OK && row->zalo_date[0]) {
        row->zalo_yes = 1;
    } else if ((yn = parse_yes_no(v)) >= 0) {
        row->zalo_date[0] = '\0';
        row->zalo_yes = yn;
    } else {
        report(x, CSVIO_F_ZALO, VALID_ERROR, _("write the date (dd/mm/yyyy), Có or Không"));
        return;
    }
    row->set |= 1u << CSVIO_F_ZALO;
}

/* A name-like cell (person, team, area): required ones report when empty. */
static void parse_name(row_ctx *x, int f, int required, char *out, size_t outlen,
                       csvio_member_row *row)
{
    const char *v = cell(x, f);
    if (!given(v)) {
        if (required)
            report(x, f, VALID_ERROR, _("must not be empty"));
        return;
    }
    valid_result r;
    if (verdict(x, f, validate_name(v, out, outlen, &r), &r))
        row->set |= 1u << f;
}

/* True when a cell under "Nam"/"Nữ" only ticks the gender ("x", "✓"). */
static int tick(const char *v)
{
    char *t = text_clean(v);
    int yes = t && (strcmp(t, "x") == 0 || strcmp(t, "X") == 0 || strcmp(t, "✓") == 0 || strcmp(t, "✔") == 0 ||
                    strcmp(t, "v") == 0 || strcmp(t, "V") == 0);
    free(t);
    return yes;
}

/* Paper forms write the birth year (or date) under "Nam" or "Nữ": the column
 * gives the gender, the value the birth. */
static void parse_birth_by_gender(row_ctx *x, const char *today, csvio_member_row *row)
{
    const char *m = cell(x, CSVIO_F_BIRTH_MALE), *fm = cell(x, CSVIO_F_BIRTH_FEMALE);
    if (!given(m) && !given(fm))
        return;
    int f = given(m) ? CSVIO_F_BIRTH_MALE : CSVIO_F_BIRTH_FEMALE;
    if (given(m) && given(fm)) {
        report(x, CSVIO_F_BIRTH_FEMALE, VALID_ERROR, _("both Nam and Nữ are filled in"));
        return;
    }
    if (!(row->set & (1u << CSVIO_F_GENDER))) {
        snprintf(row->gender, sizeof row->gender, "%s", f == CSVIO_F_BIRTH_MALE ? "male" : "female");
        row->set |= 1u << CSVIO_F_GENDER;
    }
    const char *v = cell(x, f);
    valid_result r;
    if (!tick(v) && !(row->set & (1u << CSVIO_F_BIRTH)) &&
        verdict(x, f, validate_birth(v, today, row->birth, &r), &r))
        row->set |= 1u << CSVIO_F_BIRTH;
}

/* The cell of more field m (see csvio_member_columns), or "". */
static const char *more_cell(const row_ctx *x, int m)
{
    int i = x->c->more_col[m];
    return i < 0 || i >= x->n ? "" : csv_unneutralise(x->fields[i]);
}

static void more_report(row_ctx *x, int m, int severity, const char *msg)
{
    if (severity >= VALID_ERROR)
        x->errors++;
    x->report(x->ctx, severity, x->c->more_header[m], more_cell(x, m), msg);
}

/* Reads more field m by its kind of value into row->more, through the
 * validators the forms use: one line of text (several for FIELD_LONG), a date
 * (or a year, FIELD_YEAR), a choice (as choice_interpret understands it), yes or no. */
static void parse_more(row_ctx *x, int m, const char *today, csvio_member_row *row)
{
    const field_def *d = x->c->more[m];
    const char *v = more_cell(x, m);
    if (!given(v))
        return;
    char *at = (char *)&row->more + d->off;
    valid_result r;
    valid_status st = VALID_OK;
    if (d->type == FIELD_BOOL) {
        int yn = parse_yes_no(v);
        if (yn < 0) {
            more_report(x, m, VALID_ERROR, _("write Có or Không"));
            return;
        }
        *(int *)at = yn;
    } else if (d->type == FIELD_CHOICE) {
        enum choice_how how;
        const char *code = choice_interpret(d->choices, d->column, v, x->o ? x->o->aliases : NULL,
                                            x->o ? x->o->n_aliases : 0, &how);
        if (!code) {
            char labels[1024], msg[1200];
            labels_of(d->choices, labels, sizeof labels);
            snprintf(msg, sizeof msg, _("not one of: %s"), labels);
            more_report(x, m, VALID_ERROR, msg);
            return;
        }
        snprintf(at, d->size, "%s", code);
    } else if (d->type == FIELD_DATE) {
        st = (d->flags & FIELD_YEAR) ? validate_birth(v, today, at, &r) : validate_date(v, at, &r);
    } else if (d->type == FIELD_TEXT) {
        st = (d->flags & FIELD_LONG) ? validate_text(v, d->size - 1, at, d->size, &r)
                                     : validate_line(v, d->size - 1, at, d->size, &r);
    } else {
        return; /* counts and references are not read from a list */
    }
    if (st != VALID_OK)
        more_report(x, m, (int)st, r.msg);
    if (st != VALID_ERROR)
        row->more_set |= 1u << m;
}

int csvio_member_row_parse(const csvio_member_columns *c, char **fields, int n, const char *today,
                           csvio_member_row *row, csvio_report_fn rep, void *ctx)
{
    return csvio_member_row_parse_opts(c, fields, n, today, NULL, row, rep, ctx);
}

int csvio_member_row_parse_opts(const csvio_member_columns *c, char **fields, int n, const char *today,
                                const csvio_parse_opts *o, csvio_member_row *row, csvio_report_fn rep,
                                void *ctx)
{
    row_ctx x = {.c = c, .fields = fields, .n = n, .report = rep, .ctx = ctx, .o = o};
    memset(row, 0, sizeof *row);
    valid_result r;
    char buf[32];

    parse_name(&x, CSVIO_F_NAME, 1, row->name, sizeof row->name, row);
    parse_name(&x, CSVIO_F_TEAM, 1, row->team, sizeof row->team, row);
    parse_name(&x, CSVIO_F_AREA, 0, row->area, sizeof row->area, row);
    if (given(cell(&x, CSVIO_F_BIRTH)) &&
        verdict(&x, CSVIO_F_BIRTH, validate_birth(cell(&x, CSVIO_F_BIRTH), today, row->birth, &r), &r))
        row->set |= 1u << CSVIO_F_BIRTH;
    parse_choice(&x, CSVIO_F_GENDER, CHOICES_GENDER, "gender", row->gender, sizeof row->gender, row);
    parse_birth_by_gender(&x, today, row);
    parse_choice(&x, CSVIO_F_ROLE, CHOICES_ROLE, "role", row->role, sizeof row->role, row);
    parse_choice(&x, CSVIO_F_CATEGORY, CHOICES_CATEGORY, "category", row->category, sizeof row->category, row);

    const char *phone = restore_zero(cell(&x, CSVIO_F_PHONE), 10, buf, sizeof buf);
    if (given(phone) && verdict(&x, CSVIO_F_PHONE, validate_phone(phone, row->phone, &r), &r))
        row->set |= 1u << CSVIO_F_PHONE;
    const char *cccd = restore_zero(cell(&x, CSVIO_F_CCCD), 12, buf, sizeof buf);
    if (given(cccd) &&
        verdict(&x, CSVIO_F_CCCD, validate_cccd(cccd, row->birth, row->gender, row->cccd, &r), &r))
        row->set |= 1u << CSVIO_F_CCCD;
    if (given(cell(&x, CSVIO_F_EMAIL)) &&
        verdict(&x, CSVIO_F_EMAIL, validate_email(cell(&x, CSVIO_F_EMAIL), row->email, &r), &r))
        row->set |= 1u << CSVIO_F_EMAIL;

    parse_yes_no_cell(&x, CSVIO_F_YOUTH, &row->youth_union, row);
    parse_yes_no_cell(&x, CSVIO_F_CONSENT, &row->consent, row);
    parse_mooc(&x, row);
    parse_mooc_date(&x, row);
    parse_zalo(&x, row);
    parse_date_cell(&x, CSVIO_F_SINCE, row->since, row);
    for (int m = 0; m < c->n_more; m++)
        parse_more(&x, m, today, row);
    if (given(cell(&x, CSVIO_F_NOTE)) &&
        verdict(&x, CSVIO_F_NOTE,
                validate_text(cell(&x, CSVIO_F_NOTE), 1000, row->note, sizeof row->note, &r), &r))
        row->set |= 1u << CSVIO_F_NOTE;
    if (x.unknown_note[0]) { /* the words filed as "Khác", kept */
        size_t len = strlen(row->note);
        snprintf(row->note + len, sizeof row->note - len, "%s%s", len ? "; " : "", x.unknown_note);
        row->set |= 1u << CSVIO_F_NOTE;
    }
    return x.errors;
}
