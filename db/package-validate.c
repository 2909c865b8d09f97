/* package-validate.c — every value of a package's record checked before the
 * merge writes it, with the validators the forms and the CSV import use: a
 * value must be one that cdtt itself could have stored (see package-internal.h). */
#include "package-internal.h"
#include "db.h"
#include "fields.h"
#include "units.h"
#include "validate.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a column is checked, beyond the kind of value the field catalogue gives. */
typedef enum {
    CHECK_CATALOGUE = 0, /* by the catalogue's kind: date, choice, yes/no, count, record id */
    CHECK_NAME,          /* validate_name */
    CHECK_LINE,          /* validate_line, at most max characters */
    CHECK_NOTE,          /* validate_text, at most max characters */
    CHECK_PHONE,
    CHECK_CCCD,
    CHECK_EMAIL,
    CHECK_BIRTH,
    CHECK_UUID,    /* a canonical record id */
    CHECK_TIME,    /* a time cdtt stamps: an existing date, then maybe the time of day */
    CHECK_OFFICE,  /* an office key "scheme:code" */
    CHECK_SCHEME,  /* a unit list's name */
    CHECK_CODE,    /* a unit's code: digits */
    CHECK_VERSION, /* a logical version: 0 … PACKAGE_VERSION_MAX */
    CHECK_NONE,    /* derived (computed by the merge) */
} check_kind;

/* The checks by column; a NULL table means every table that has the column. */
static const struct {
    const char *table, *column;
    check_kind kind;
    size_t max;
} CHECKS[] = {
    {NULL, "uuid", CHECK_UUID, 0},
    {NULL, "created_at", CHECK_TIME, 0},
    {NULL, "updated_at", CHECK_TIME, 0},
    {NULL, "base_updated_at", CHECK_TIME, 0},
    {NULL, "changed_by", CHECK_OFFICE, 0},
    {NULL, "version", CHECK_VERSION, 0},
    {NULL, "base_version", CHECK_VERSION, 0},
    {NULL, "unit_scheme", CHECK_SCHEME, 0},
    {NULL, "unit_code", CHECK_CODE, 0},
    {NULL, "name_fold", CHECK_NONE, 0},
    {NULL, "sort_key", CHECK_NONE, 0},
    {"area", "name", CHECK_NAME, 0},
    {"team", "name", CHECK_NAME, 0},
    {"member", "full_name", CHECK_NAME, 0},
    {"area", "note", CHECK_NOTE, NOTE_MAX_CHARS},
    {"team", "note", CHECK_NOTE, NOTE_MAX_CHARS},
    {"member", "note", CHECK_NOTE, NOTE_MAX_CHARS},
    {"training_session", "note", CHECK_NOTE, TRAINING_NOTE_MAX_CHARS},
    {"activity", "note", CHECK_NOTE, TRAINING_NOTE_MAX_CHARS},
    {"team", "decision_no", CHECK_LINE, DECISION_NO_MAX_CHARS},
    {"team", "decision_issuer", CHECK_LINE, ISSUER_MAX_CHARS},
    {"training_session", "place", CHECK_LINE, TRAINING_TEXT_MAX_CHARS},
    {"training_session", "organiser", CHECK_LINE, TRAINING_TEXT_MAX_CHARS},
    {"training_session", "topic", CHECK_LINE, TRAINING_TEXT_MAX_CHARS},
    {"member", "phone", CHECK_PHONE, 0},
    {"member", "cccd", CHECK_CCCD, 0},
    {"member", "email", CHECK_EMAIL, 0},
    {"member", "birth", CHECK_BIRTH, 0},
};

/* The check of table.column: its entry's kind (max in *max), or CHECK_CATALOGUE. */
static check_kind check_of(const char *table, const char *column, size_t *max)
{
    for (size_t i = 0; i < sizeof CHECKS / sizeof CHECKS[0]; i++)
        if ((!CHECKS[i].table || strcmp(CHECKS[i].table, table) == 0) && strcmp(CHECKS[i].column, column) == 0) {
            *max = CHECKS[i].max;
            return CHECKS[i].kind;
        }
    *max = 0;
    return CHECK_CATALOGUE;
}

struct package_row_check {
    const char *table;
    sqlite3_stmt *row;  /* every column of the package's row ?1 */
    int n;              /* its columns */
    check_kind *kind;   /* each column's check */
    size_t *max;        /* and its longest length (CHECK_LINE, CHECK_NOTE) */
    int birth, gender;  /* the columns the CCCD is compared with (-1: none) */
};

package_row_check *package_row_check_new(sqlite3 *db, const char *table, cdtt_err *e)
{
    char *sql = sqlite3_mprintf("SELECT * FROM pkg.\"%w\" WHERE uuid = ?1", table);
    sqlite3_stmt *st = sql ? db_prepare(db, sql, e) : NULL;
    sqlite3_free(sql);
    if (!st)
        return NULL;
    package_row_check *c = xmalloc(sizeof *c);
    c->table = table;
    c->row = st;
    c->n = sqlite3_column_count(st);
    c->kind = xmalloc((size_t)c->n * sizeof *c->kind);
    c->max = xmalloc((size_t)c->n * sizeof *c->max);
    c->birth = c->gender = -1;
    for (int i = 0; i < c->n; i++) {
        const char *col = sqlite3_column_name(st, i);
        c->kind[i] = check_of(table, col, &c->max[i]);
        if (strcmp(col, "birth") == 0)
            c->birth = i;
        else if (strcmp(col, "gender") == 0)
            c->gender = i;
    }
    return c;
}

void package_row_check_free(package_row_check *c)
{
    if (!c)
        return;
    sqlite3_finalize(c->row);
    free(c->kind);
    free(c->max);
    free(c);
}

/* What is wrong with one row, field by field, into a fixed buffer. */
typedef struct {
    char *out;
    size_t n, len;
    int bad;
} verdict;

static void bad(verdict *v, const char *table, const char *column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Adds "Label: what is wrong" to the verdict. */
static void bad(verdict *v, const char *table, const char *column, const char *fmt, ...)
{
    v->bad = 1;
    if (v->len + 1 >= v->n)
        return;
    int k = snprintf(v->out + v->len, v->n - v->len, "%s%s: ", v->len ? "; " : "", field_label(table, column));
    if (k > 0)
        v->len = v->len + (size_t)k < v->n ? v->len + (size_t)k : v->n - 1;
    va_list ap;
    va_start(ap, fmt);
    k = vsnprintf(v->out + v->len, v->n - v->len, fmt, ap);
    va_end(ap);
    if (k > 0)
        v->len = v->len + (size_t)k < v->n ? v->len + (size_t)k : v->n - 1;
}

/* Whether s (bytes long) can be a record id: cdtt writes canonical UUIDs (36
 * characters); an id of 1 to 36 ASCII letters, digits and dashes is taken, so
 * that it fits every buffer that holds one and shows as it is. */
static int is_uuid(const char *s, int bytes)
{
    if (bytes < 1 || bytes > 36 || (int)strlen(s) != bytes)
        return 0;
    for (int i = 0; i < bytes; i++)
        if (!(s[i] == '-' || (s[i] >= '0' && s[i] <= '9') || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')))
            return 0;
    return 1;
}

/* The number of decimal digits at s[0..n) as a number, or -1 when one is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Whether s[0..10) is a date "YYYY-MM-DD" that exists, as validate_date
 * would store it (years 1900–2100). */
static int is_day(const char *s)
{
    char in[11], out[11];
    valid_result r;
    if (strlen(s) < 10)
        return 0;
    memcpy(in, s, 10);
    in[10] = '\0';
    return validate_date(in, out, &r) != VALID_ERROR && strcmp(in, out) == 0;
}

/* Whether s is a stored date "YYYY-MM-DD" that exists. */
static int is_date(const char *s)
{
    return strlen(s) == 10 && is_day(s);
}

/* Whether s is a time as cdtt stamps it: a date, then maybe "T" or " " and
 * HH:MM, :SS, a fraction and "Z". */
static int is_time(const char *s)
{
    size_t n = strlen(s);
    if (n < 10 || n > 32 || !is_day(s))
        return 0;
    const char *p = s + 10;
    if (!*p)
        return 1;
    if ((*p != 'T' && *p != ' ') || strlen(p) < 6 || p[3] != ':')
        return 0;
    int h = digits(p + 1, 2), m = digits(p + 4, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59)
        return 0;
    p += 6;
    if (*p == ':') {
        int sec = strlen(p) >= 3 ? digits(p + 1, 2) : -1;
        if (sec < 0 || sec > 60)
            return 0;
        p += 3;
        if (*p == '.')
            for (p++; *p >= '0' && *p <= '9'; p++)
                ;
    }
    if (*p == 'Z')
        p++;
    return *p == '\0';
}

static int is_code(const char *s)
{
    size_t n = strlen(s);
    return n >= 1 && n <= 8 && strspn(s, "0123456789") == n;
}

static int is_office(const char *s)
{
    const char *colon = strchr(s, ':');
    char scheme[16];
    if (!colon || colon - s >= (long)sizeof scheme)
        return 0;
    snprintf(scheme, sizeof scheme, "%.*s", (int)(colon - s), s);
    return units_scheme_valid(scheme) && is_code(colon + 1);
}

/* A text field through its validator: the value must be the validator's clean
 * form of itself and not an error (a warning is what a form accepts). */
static void check_text(verdict *v, const char *table, const char *column, check_kind kind, size_t max,
                       const char *s, const char *birth, const char *gender)
{
    char small[UTF8_BUF(TRAINING_NOTE_MAX_CHARS) + 1100];
    size_t cap = strlen(s) * 3 + 1100; /* room for the clean form, and for any validator's output */
    char *out = small;
    if (cap > sizeof small)
        out = xmalloc(cap);
    else
        cap = sizeof small;
    valid_result r;
    memset(&r, 0, sizeof r);
    valid_status st = VALID_ERROR;
    out[0] = '\0';
    switch (kind) {
    case CHECK_NAME: st = validate_name(s, out, cap, &r); break;
    case CHECK_LINE: st = validate_line(s, max, out, cap, &r); break;
    case CHECK_NOTE: st = validate_text(s, max, out, cap, &r); break;
    case CHECK_PHONE: st = validate_phone(s, out, &r); break;
    case CHECK_CCCD: st = validate_cccd(s, birth, gender, out, &r); break;
    case CHECK_EMAIL: st = validate_email(s, out, &r); break;
    case CHECK_BIRTH: st = validate_birth(s, NULL, out, &r); break;
    default: break;
    }
    if (st == VALID_ERROR)
        bad(v, table, column, "%s", r.msg[0] ? r.msg : _("not a value cdtt stores"));
    else if (strcmp(out, s) != 0)
        bad(v, table, column, "%s", _("not written as cdtt stores it (spaces, Unicode form or format)"));
    if (out != small)
        free(out);
}

/* A column the catalogue describes: its kind of value. */
static void check_catalogue(verdict *v, const char *table, const char *column, sqlite3_stmt *row, int i)
{
    const field_def *f = field_of(table, column);
    int type = sqlite3_column_type(row, i);
    const char *s = (const char *)sqlite3_column_text(row, i);
    if (!f) {
        bad(v, table, column, "%s", _("a column this version of cdtt cannot check"));
        return;
    }
    if (type == SQLITE_NULL)
        return; /* where a value is required, the schema says so */
    switch (f->type) {
    case FIELD_DATE:
        /* An empty optional date is as good as none; the date of a session or an activity is required. */
        if ((*s || strcmp(column, "date") == 0) && !is_date(s))
            bad(v, table, column, _("'%s' is not a date (YYYY-MM-DD)"), s);
        break;
    case FIELD_CHOICE:
        if (choice_index(f->choices, s) < 0)
            bad(v, table, column, _("'%s' is not one of its choices"), s);
        break;
    case FIELD_BOOL:
        if (type != SQLITE_INTEGER || (sqlite3_column_int64(row, i) != 0 && sqlite3_column_int64(row, i) != 1))
            bad(v, table, column, "%s", _("not 0 or 1"));
        break;
    case FIELD_COUNT: {
        long long n = sqlite3_column_int64(row, i);
        if (type != SQLITE_INTEGER || n < 0 || n > PACKAGE_COUNT_MAX)
            bad(v, table, column, _("%s is not a count from 0 to %lld"), s, PACKAGE_COUNT_MAX);
        break;
    }
    case FIELD_REF:
        if (!is_uuid(s, sqlite3_column_bytes(row, i)))
            bad(v, table, column, "%s", _("not a record id"));
        break;
    default:
        bad(v, table, column, "%s", _("a column this version of cdtt cannot check"));
    }
}

/* The text of column i of the row ("" when NULL or none). */
static const char *column_text(sqlite3_stmt *row, int i)
{
    const char *s = i >= 0 ? (const char *)sqlite3_column_text(row, i) : NULL;
    return s ? s : "";
}

/* Checks column i of the current row of c. */
static void check_column(verdict *v, const package_row_check *c, int i)
{
    sqlite3_stmt *row = c->row;
    const char *table = c->table, *column = sqlite3_column_name(row, i);
    check_kind kind = c->kind[i];
    int type = sqlite3_column_type(row, i);
    const char *s = (const char *)sqlite3_column_text(row, i);
    if (kind == CHECK_NONE)
        return;
    if (type == SQLITE_TEXT && (int)strlen(s) != sqlite3_column_bytes(row, i)) {
        bad(v, table, column, "%s", _("the text contains a NUL character"));
        return;
    }
    if (kind == CHECK_CATALOGUE) {
        check_catalogue(v, table, column, row, i);
        return;
    }
    if (type == SQLITE_NULL)
        return; /* where a value is required, the schema says so */
    switch (kind) {
    case CHECK_UUID:
        if (!is_uuid(s, sqlite3_column_bytes(row, i)))
            bad(v, table, column, "%s", _("not a record id"));
        break;
    case CHECK_TIME:
        if (!is_time(s))
            bad(v, table, column, "%s", _("not a time cdtt writes, or out of range"));
        break;
    case CHECK_OFFICE:
        if (!is_office(s))
            bad(v, table, column, "%s", _("not an office"));
        break;
    case CHECK_SCHEME:
        if (!units_scheme_valid(s))
            bad(v, table, column, _("'%s' is not a list of units"), s);
        break;
    case CHECK_CODE:
        if (!is_code(s))
            bad(v, table, column, _("'%s' is not a unit code"), s);
        break;
    case CHECK_VERSION: {
        long long n = sqlite3_column_int64(row, i);
        if (type != SQLITE_INTEGER || n < 0 || n > PACKAGE_VERSION_MAX)
            bad(v, table, column, _("the version %s is out of range"), s);
        break;
    }
    default:
        check_text(v, table, column, kind, c->max[i], s, column_text(row, c->birth), column_text(row, c->gender));
    }
}

int package_row_valid(package_row_check *c, const char *uuid, char *reason, size_t n)
{
    verdict v = {reason, n, 0, 0};
    reason[0] = '\0';
    if (!is_uuid(uuid, (int)strlen(uuid))) {
        bad(&v, c->table, "uuid", "%s", _("not a record id"));
        return 0;
    }
    sqlite3_reset(c->row);
    sqlite3_bind_text(c->row, 1, uuid, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(c->row);
    if (rc == SQLITE_DONE) { /* an id with more after a NUL: not the row's whole id */
        sqlite3_reset(c->row);
        bad(&v, c->table, "uuid", "%s", _("not a record id"));
        return 0;
    }
    if (rc != SQLITE_ROW) {
        sqlite3_reset(c->row);
        return -1;
    }
    for (int i = 0; i < c->n; i++)
        check_column(&v, c, i);
    sqlite3_reset(c->row);
    return v.bad ? 0 : 1;
}

int package_column_checked(const char *table, const char *column)
{
    size_t max;
    return check_of(table, column, &max) != CHECK_CATALOGUE || field_of(table, column) != NULL;
}
