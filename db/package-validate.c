/* package-validate.c — every value of a package's record checked before the
 * merge writes it, with the validators the forms and the CSV import use: a
 * value must be one that cdtt itself could have stored (see package-internal.h). */
#include "package-internal.h"
#include "db.h"
#include "fields.h"
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

sqlite3_stmt *package_row_stmt(sqlite3 *db, const char *table, cdtt_err *e)
{
    char *sql = sqlite3_mprintf("SELECT * FROM pkg.\"%w\" WHERE uuid = ?1", table);
    sqlite3_stmt *st = sql ? db_prepare(db, sql, e) : NULL;
    sqlite3_free(sql);
    return st;
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

/* Whether s is a stored date "YYYY-MM-DD" that exists (years 1900–2100). */
static int is_date(const char *s)
{
    char out[11];
    valid_result r;
    return strlen(s) == 10 && validate_date(s, out, &r) == VALID_OK && strcmp(out, s) == 0;
}

/* Whether s is a time as cdtt stamps it: a date, then maybe "T" or " " and
 * HH:MM, :SS, a fraction and "Z". */
static int is_time(const char *s)
{
    char day[11];
    if (strlen(s) < 10 || strlen(s) > 32)
        return 0;
    snprintf(day, sizeof day, "%.10s", s);
    if (!is_date(day))
        return 0;
    const char *p = s + 10;
    if (!*p)
        return 1;
    int h, m, sec = 0, k = 0;
    if ((*p != 'T' && *p != ' ') || sscanf(p + 1, "%2d:%2d%n", &h, &m, &k) != 2 || k != 5 || h > 23 || m > 59)
        return 0;
    p += 1 + k;
    if (*p == ':') {
        if (sscanf(p + 1, "%2d%n", &sec, &k) != 1 || k != 2 || sec > 60)
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

static int is_scheme(const char *s)
{
    return strcmp(s, "2025-07") == 0 || strcmp(s, "pre-2025") == 0;
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
    return is_scheme(scheme) && is_code(colon + 1);
}

/* A text field through its validator: the value must be the validator's clean
 * form of itself and not an error (a warning is what a form accepts). */
static void check_text(verdict *v, const char *table, const char *column, check_kind kind, size_t max,
                       const char *s, const char *birth, const char *gender)
{
    size_t cap = strlen(s) * 3 + UTF8_BUF(NOTE_MAX_CHARS > max ? NOTE_MAX_CHARS : max) + 16;
    char *out = xmalloc(cap);
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

/* The text of the row's column called name ("" when NULL or absent). */
static const char *column_text(sqlite3_stmt *row, const char *name)
{
    for (int i = 0; i < sqlite3_column_count(row); i++)
        if (strcmp(sqlite3_column_name(row, i), name) == 0) {
            const char *s = (const char *)sqlite3_column_text(row, i);
            return s ? s : "";
        }
    return "";
}

/* Checks column i of the row. */
static void check_column(verdict *v, const char *table, sqlite3_stmt *row, int i)
{
    const char *column = sqlite3_column_name(row, i);
    size_t max;
    check_kind kind = check_of(table, column, &max);
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
        if (!is_scheme(s))
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
        check_text(v, table, column, kind, max, s, column_text(row, "birth"), column_text(row, "gender"));
    }
}

int package_row_valid(sqlite3_stmt *row, const char *table, const char *uuid, char *reason, size_t n)
{
    verdict v = {reason, n, 0, 0};
    reason[0] = '\0';
    if (!is_uuid(uuid, (int)strlen(uuid))) {
        bad(&v, table, "uuid", "%s", _("not a record id"));
        return 0;
    }
    sqlite3_reset(row);
    sqlite3_bind_text(row, 1, uuid, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(row);
    if (rc == SQLITE_DONE) { /* an id with more after a NUL: not the row's whole id */
        sqlite3_reset(row);
        bad(&v, table, "uuid", "%s", _("not a record id"));
        return 0;
    }
    if (rc != SQLITE_ROW) {
        sqlite3_reset(row);
        return -1;
    }
    for (int i = 0; i < sqlite3_column_count(row); i++)
        check_column(&v, table, row, i);
    sqlite3_reset(row);
    return v.bad ? 0 : 1;
}
