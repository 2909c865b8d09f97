/* fields.h — the field catalogue: for each table of records, one row per
 * column saying what it is (its label, its kind of value, its choice list,
 * whether it is personal data or derived). Messages, listings of changes and
 * comparisons take labels and readable values from here, never column names. */
#ifndef CDTT_FIELDS_H
#define CDTT_FIELDS_H

#include <stddef.h>
#include "choices.h"

typedef enum {
    FIELD_TEXT = 0, /* free text shown as it is */
    FIELD_DATE,     /* "YYYY-MM-DD" (or "YYYY" for a birth year), shown dd/mm/yyyy */
    FIELD_CHOICE,   /* a code of the field's choice list, shown by its label */
    FIELD_BOOL,     /* 0 or 1, shown yes / no */
    FIELD_COUNT,    /* a whole number */
    FIELD_REF,      /* the uuid of a record of the table in ref, shown by its name */
} field_type;

enum {
    FIELD_PERSONAL = 1, /* a personal identifier (phone, CCCD, e-mail): hidden unless asked for */
    FIELD_HIDDEN = 2,   /* derived or bookkeeping (folded name, sort key, stamps): never listed as a change */
};

typedef struct {
    const char *column;
    field_type type;
    const char *label;     /* English msgid, translated with _() */
    const choice *choices; /* FIELD_CHOICE */
    const char *ref;       /* FIELD_REF: the table referred to */
    unsigned flags;
} field_def;

typedef struct {
    const char *table;
    const char *label;       /* English msgid: "member", "team" ... */
    const char *name_column; /* what names a record of it ("full_name"), or NULL */
    const field_def *fields; /* ends with a NULL column */
} record_kind;

/* The kind of records kept in table, or NULL for a table that is not one. */
const record_kind *record_kind_of(const char *table);

/* The field of table.column, or NULL when the catalogue has none. */
const field_def *field_of(const char *table, const char *column);

/* The field's label in the current language. */
const char *field_def_label(const field_def *f);

/* A stored value in words, in the current language, into out (n bytes): a
 * choice's label, a date as dd/mm/yyyy, yes/no, "—" for empty; a personal
 * identifier as "(hidden)" unless full. A FIELD_REF value is left as it is
 * (the caller names the record). */
void field_value_text(const field_def *f, const char *stored, int full, char *out, size_t n);

/* The translated label of table.column ("Full name", "Họ và tên"), or the column itself. */
const char *field_label(const char *table, const char *column);

/* The column's number among table's content columns (1-based, stable), or 0. */
int field_number(const char *table, const char *column);

/* The content column of table with that number, or NULL. */
const char *field_by_number(const char *table, int number);

/* A value of table.column as people read it (malloc'd; "" for empty): a choice
 * by its label, yes or no, a date as dd/mm/yyyy, anything else as it is
 * (identifiers shown: the office holds them). */
char *field_display(const char *table, const char *column, const char *value);

#endif
