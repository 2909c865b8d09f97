/* record-sql.c — reading and writing a kind of record from its field
 * catalogue (see record-sql.h). */
#include "record-sql.h"
#include "records-internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Appends printf-style text to out (n bytes, *len used); -1 once it no longer fits. */
__attribute__((format(printf, 4, 5))) static int add(char *out, size_t n, size_t *len, const char *fmt, ...)
{
    if (*len >= n)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(out + *len, n - *len, fmt, ap);
    va_end(ap);
    if (w < 0 || (size_t)w >= n - *len) {
        *len = n;
        return -1;
    }
    *len += (size_t)w;
    return 0;
}

/* Whether f holds a whole number in the struct (an int). */
static int is_int(const field_def *f)
{
    return f->type == FIELD_BOOL || f->type == FIELD_COUNT;
}

/* Whether a save writes f: the record's own values and those derived from them. */
static int is_written(const field_def *f)
{
    return field_is_content(f) || (f->flags & FIELD_DERIVED);
}

int record_sql_columns(const record_kind *k, const char *alias, char *out, size_t n)
{
    size_t len = 0;
    int cols = 0;
    out[0] = '\0';
    for (const field_def *f = k->fields; f->column; f++)
        if (f->size > 0 && add(out, n, &len, "%s%s.%s", cols++ ? ", " : "", alias, f->column) < 0)
            return -1;
    return cols;
}

int record_sql_read(const record_kind *k, sqlite3_stmt *st, int first, void *rec)
{
    int col = first;
    for (const field_def *f = k->fields; f->column; f++) {
        if (f->size == 0)
            continue;
        char *at = (char *)rec + f->off;
        if (is_int(f))
            *(int *)at = sqlite3_column_int(st, col);
        else
            rec_col(st, col, at, f->size);
        col++;
    }
    return col;
}

int record_sql_insert(const record_kind *k, char *out, size_t n)
{
    size_t len = 0;
    add(out, n, &len, "INSERT INTO %s (uuid, unit_scheme, unit_code", k->table);
    for (const field_def *f = k->fields; f->column; f++)
        if (is_written(f))
            add(out, n, &len, ", %s", f->column);
    add(out, n, &len, ", created_at, updated_at, changed_by) VALUES (:uuid, :scheme, :code");
    for (const field_def *f = k->fields; f->column; f++)
        if (is_written(f))
            add(out, n, &len, ", :%s", f->column);
    return add(out, n, &len, ", :now, :now, :by)");
}

int record_sql_update(const record_kind *k, char *out, size_t n)
{
    size_t len = 0;
    add(out, n, &len, "UPDATE %s SET ", k->table);
    for (const field_def *f = k->fields; f->column; f++)
        if (is_written(f))
            add(out, n, &len, "%s = :%s, ", f->column, f->column);
    return add(out, n, &len, "updated_at = :now, changed_by = :by WHERE uuid = :uuid");
}

void record_sql_bind(const record_kind *k, sqlite3_stmt *st, const void *rec)
{
    for (const field_def *f = k->fields; f->column; f++) {
        if (!field_is_content(f))
            continue;
        char name[64];
        snprintf(name, sizeof name, ":%s", f->column);
        const char *at = (const char *)rec + f->off;
        if (is_int(f))
            rec_bind_int(st, name, *(const int *)at);
        else if (f->flags & FIELD_NOT_NULL)
            rec_bind(st, name, at);
        else
            rec_bind_null_empty(st, name, at);
    }
}

void record_sql_make(const record_kind *k, const char *alias, const char *extra, record_sql_text *s)
{
    size_t len;
    if (record_sql_columns(k, alias, s->columns, sizeof s->columns) < 0)
        abort();
    len = strlen(s->columns);
    if (extra && add(s->columns, sizeof s->columns, &len, ", %s", extra) < 0)
        abort();
    len = 0;
    if (add(s->get, sizeof s->get, &len, "SELECT %s FROM %s %s WHERE %s.uuid = ?", s->columns, k->table, alias,
            alias) < 0 ||
        record_sql_insert(k, s->insert, sizeof s->insert) < 0 || record_sql_update(k, s->update, sizeof s->update) < 0)
        abort();
}
