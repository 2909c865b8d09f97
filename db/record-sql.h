/* record-sql.h — the SQL that reads and writes a kind of record, derived from
 * its field catalogue (fields.h): the select list and row reader, the
 * INSERT and UPDATE texts and the binds. For the db/records-*.c files. */
#ifndef CDTT_RECORD_SQL_H
#define CDTT_RECORD_SQL_H

#include <sqlite3.h>
#include <stddef.h>
#include "fields.h"

/* Writes into out (n bytes) the select list of the fields k's struct holds
 * (size > 0), in catalogue order, each prefixed with "alias.". Returns the
 * number of columns listed, or -1 when out is too small. */
int record_sql_columns(const record_kind *k, const char *alias, char *out, size_t n);

/* Fills rec from st's result columns first, first + 1, … as
 * record_sql_columns listed them (NULL text as ""). Returns the number of the
 * column after them. */
int record_sql_read(const record_kind *k, sqlite3_stmt *st, int first, void *rec);

/* Writes the INSERT text of k into out: uuid, unit_scheme and unit_code from
 * :uuid, :scheme and :code, every content and derived field from :COLUMN, the
 * stamps from :now and :by. Returns 0, or -1 when out is too small. */
int record_sql_insert(const record_kind *k, char *out, size_t n);

/* Writes the UPDATE text of k into out: every content and derived field set
 * from :COLUMN, the stamps from :now and :by, of the record :uuid. Returns 0,
 * or -1 when out is too small. */
int record_sql_update(const record_kind *k, char *out, size_t n);

/* Binds every content field of rec to :COLUMN: text empty as NULL (as "" for
 * a FIELD_NOT_NULL column), yes/no and counts as integers. Derived fields are
 * the caller's to bind. */
void record_sql_bind(const record_kind *k, sqlite3_stmt *st, const void *rec);

/* The SQL of a kind of record, made once from its catalogue. */
typedef struct {
    char columns[4096]; /* the select list: record_sql_columns, then the caller's extra columns */
    char get[4300];     /* SELECT columns FROM table alias WHERE alias.uuid = ? */
    char insert[2048];  /* record_sql_insert */
    char update[2048];  /* record_sql_update */
} record_sql_text;

/* Fills s for kind k read through alias ("m" for "FROM member m"), with extra
 * (more columns after the catalogue's, or NULL) ending the select list.
 * Aborts when a text does not fit: the sizes above are made for the
 * catalogue, and a bigger one needs bigger ones. */
void record_sql_make(const record_kind *k, const char *alias, const char *extra, record_sql_text *s);

#endif
