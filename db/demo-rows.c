/* demo-rows.c — writing a generation's rows into one table through one
 * prepared INSERT, and feeding each row to the content digest as the file
 * will hold it (every column in the table's order, defaults included), so
 * that the digest needs no second read of the file. */
#include "demo-internal.h"
#include "db.h"

#include <stdlib.h>
#include <string.h>

/* At most this many values given in a row. */
#define MAX_GIVEN 32

struct demo_table {
    sqlite3 *db;
    sqlite3_stmt *st;
    int n_given;        /* values a row gives */
    int *given;         /* per column of the table, in its order: the value given for it, or -1 */
    demo_value *row;    /* the row as the file holds it; a column not given holds its default */
    int n_col;
    demo_lanes lanes;
    int usable;         /* the lanes describe the file's table */
    char last_uuid[64]; /* of the row written before, for the order check */
};

/* The position of name in the comma-separated list, or -1. */
static int list_index(const char *list, const char *name)
{
    size_t len = strlen(name);
    int i = 0;
    for (const char *p = list; *p; i++) {
        p += strspn(p, " ");
        size_t n = strcspn(p, ", ");
        if (n == len && strncmp(p, name, n) == 0)
            return i;
        p += n;
        p += strspn(p, " ");
        if (*p == ',')
            p++;
    }
    return -1;
}

/* Reads a column default as SQLite gives it in PRAGMA table_info (NULL, an
 * integer, or a quoted text) into v (its text malloc'd); returns 0, or -1 for
 * any other default. */
static int parse_default(const char *d, demo_value *v)
{
    if (!d || strcmp(d, "NULL") == 0) {
        v->kind = SQLITE_NULL;
        return 0;
    }
    const char *digits = d + (d[0] == '-');
    if (*digits && strspn(digits, "0123456789") == strlen(digits) && strlen(digits) < 19) {
        v->kind = SQLITE_INTEGER;
        v->number = strtoll(d, NULL, 10);
        return 0;
    }
    size_t n = strlen(d);
    if (n < 2 || d[0] != '\'' || d[n - 1] != '\'')
        return -1;
    char *text = xmalloc(n);
    size_t o = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        if (d[i] == '\'' && d[i + 1] == '\'')
            i++; /* '' is one quote */
        text[o++] = d[i];
    }
    text[o] = '\0';
    v->kind = SQLITE_TEXT;
    v->text = text;
    v->len = o;
    return 0;
}

/* Fills t->given and t->row from the table's columns; clears t->usable when
 * a default cannot be worked out here. */
static int read_columns(demo_table *t, const char *table, const char *columns, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(t->db, "SELECT name, dflt_value FROM pragma_table_info(?1) ORDER BY cid", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        t->given = xrealloc(t->given, (size_t)(t->n_col + 1) * sizeof *t->given);
        t->row = xrealloc(t->row, (size_t)(t->n_col + 1) * sizeof *t->row);
        int c = t->n_col++;
        memset(&t->row[c], 0, sizeof t->row[c]);
        t->given[c] = list_index(columns, (const char *)sqlite3_column_text(st, 0));
        if (t->given[c] < 0 && parse_default((const char *)sqlite3_column_text(st, 1), &t->row[c]) < 0)
            t->usable = 0;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : db_fail(t->db, e, _("cannot read the table's columns"));
}

demo_table *demo_table_open(sqlite3 *db, const char *table, const char *columns, cdtt_err *e)
{
    demo_table *t = xcalloc(1, sizeof *t);
    t->db = db;
    t->usable = 1;
    demo_lanes_start(&t->lanes, table);
    for (const char *p = columns; *p; p++)
        t->n_given += *p == ',';
    t->n_given++;
    if (t->n_given > MAX_GIVEN) {
        err_set(e, _("cannot write the demo data"));
        demo_table_close(t);
        return NULL;
    }
    /* Table and column names are the generator's constants, never data. */
    char *params = xcalloc((size_t)t->n_given, 8);
    for (int i = 0; i < t->n_given; i++)
        strcat(params, i ? ", ?" : "?");
    char *sql = sqlite3_mprintf("INSERT INTO %s (%s) VALUES (%s)", table, columns, params);
    free(params);
    t->st = sql ? db_prepare(db, sql, e) : NULL;
    if (!sql)
        err_set(e, _("out of memory"));
    sqlite3_free(sql);
    if (!t->st || read_columns(t, table, columns, e) < 0) {
        demo_table_close(t);
        return NULL;
    }
    return t;
}

/* Feeds the row just written into the lanes: the values given (texts of
 * len[i] bytes, then ints) where the table has their columns, defaults elsewhere. */
static void digest_row(demo_table *t, const char *const *texts, const size_t *len, int n, const long *ints)
{
    for (int c = 0; c < t->n_col; c++) {
        int g = t->given[c];
        demo_value *v = &t->row[c];
        if (g >= 0 && g < n) {
            v->kind = len[g] ? SQLITE_TEXT : SQLITE_NULL;
            v->text = texts[g];
            v->len = len[g];
        } else if (g >= 0) {
            v->kind = SQLITE_INTEGER;
            v->number = ints[g - n];
        }
    }
    demo_lanes_row(&t->lanes, t->row, t->n_col);
}

int demo_table_insert(demo_table *t, const char *const *texts, int n, const long *ints, int n_ints, cdtt_err *e)
{
    if (n + n_ints != t->n_given || n < 1)
        return err_set(e, _("cannot write the demo data"));
    sqlite3_stmt *st = t->st;
    size_t len[MAX_GIVEN];
    /* SQLITE_STATIC: the texts outlive the step, so SQLite need not copy them. */
    for (int i = 0; i < n; i++) {
        len[i] = texts[i] ? strlen(texts[i]) : 0;
        if (len[i])
            sqlite3_bind_text(st, i + 1, texts[i], (int)len[i], SQLITE_STATIC);
        else
            sqlite3_bind_null(st, i + 1);
    }
    for (int i = 0; i < n_ints; i++)
        sqlite3_bind_int64(st, n + i + 1, ints[i]);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(t->db, e, _("cannot write the demo data"));
    if (!t->usable)
        return 0;
    /* The digest takes the rows in uuid order, as a read of the file gives them. */
    if (len[0] == 0 || len[0] >= sizeof t->last_uuid || strcmp(texts[0], t->last_uuid) <= 0) {
        t->usable = 0;
        return 0;
    }
    memcpy(t->last_uuid, texts[0], len[0] + 1);
    digest_row(t, texts, len, n, ints);
    return 0;
}

const demo_lanes *demo_table_lanes(const demo_table *t)
{
    return t && t->usable ? &t->lanes : NULL;
}

void demo_table_close(demo_table *t)
{
    if (!t)
        return;
    sqlite3_finalize(t->st);
    for (int c = 0; c < t->n_col; c++)
        if (t->given[c] < 0)
            free((char *)t->row[c].text);
    free(t->given);
    free(t->row);
    free(t);
}
