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
} field_value_kind; /* not field_type: libformw has a function of that name */

enum {
    FIELD_PERSONAL = 1,   /* personal data (phone, CCCD, e-mail): see field_shown */
    FIELD_HIDDEN = 2,     /* derived or bookkeeping (folded name, sort key, stamps): never listed as a change */
    FIELD_IDENTIFIER = 4, /* with FIELD_PERSONAL: an identifier (CCCD), withheld even with consent */
    FIELD_CONSENT = 8,    /* the person's consent to share their personal data (FIELD_BOOL) */
    FIELD_NOT_NULL = 16,  /* the column is NOT NULL: an empty value is stored as "" rather than NULL */
    FIELD_KEPT = 32,      /* kept by the program (the deletion mark): read into the struct, never saved from it */
    FIELD_DERIVED = 64,   /* computed from the record at every save (folded name, sort key) */
    FIELD_YEAR = 128,     /* a FIELD_DATE that may be a year alone (a birth year) */
    FIELD_LONG = 256,     /* free text of several lines (a note): left out of one-line lists */
    FIELD_REQUIRED = 512, /* a value must be given (a choice: one of the list, never none) */
};

/* What a FIELD_TEXT holds, for the checks and the forms that take it. */
typedef enum {
    FIELD_FMT_LINE = 0, /* any text (of several lines with FIELD_LONG) */
    FIELD_FMT_NAME,     /* a person's or place's name (validate_name) */
    FIELD_FMT_PHONE,    /* a mobile number (validate_phone) */
    FIELD_FMT_CCCD,     /* a CCCD number (validate_cccd) */
    FIELD_FMT_EMAIL,    /* an e-mail address (validate_email) */
} field_format;

typedef struct {
    const char *column;
    field_value_kind type;
    const char *label;     /* English msgid, translated with _() */
    const choice *choices; /* FIELD_CHOICE */
    const char *ref;       /* FIELD_REF: the table referred to */
    unsigned flags;
    /* Where the record's struct (records.h) keeps the value, for the kinds
     * whose rows are read, bound and written from this catalogue: a char
     * array of size bytes, or an int when the type is FIELD_BOOL or
     * FIELD_COUNT. size 0: the struct has no such member. */
    size_t off, size;
    const char *option;          /* `cdtt add` option ("--phone"), or NULL */
    const char *csv_vi, *csv_en; /* spreadsheet header (export and import), or NULL */
    const char *const *aliases;  /* more headers an imported list may use (NULL-ended), or NULL */
    int width;                   /* spreadsheet column width in characters */
    field_format format;         /* FIELD_TEXT: what the text is */
    /* Characters a value may have (text) or a form shows (a choice); 0: the
     * kind's own (field_max_chars). */
    int chars;
} field_def;

typedef struct {
    const char *table;
    const char *label;       /* English msgid: "member", "team" ... */
    const char *name_column; /* what names a record of it ("full_name"), or NULL */
    const field_def *fields; /* ends with a NULL column */
} record_kind;

/* The columns of a kind's table that are no field of the catalogue: kept by
 * the program itself (travel stamps, versions) rather than typed by anyone.
 * NULL-ended; a unit test checks that every column of the table is either a
 * field or one of these. */
extern const char *const FIELD_BOOKKEEPING[];

/* The one personal-data rule: whether the value of f, for a person who did
 * (consented 1) or did not give consent, may leave the office (exports,
 * packages, lists). full (the user asked for identifiers) shows everything;
 * otherwise an identifier (FIELD_IDENTIFIER) is withheld, other personal data
 * (FIELD_PERSONAL) is withheld unless the person consented, and every other
 * field is shown. */
int field_shown(const field_def *f, int consented, int full);

/* The field of kind k that records the person's consent, or NULL. */
const field_def *record_consent_field(const record_kind *k);

/* Whether f is one of the record's own values: kept in its struct and written
 * from it (not derived, not bookkeeping). */
int field_is_content(const field_def *f);

/* The most characters a value of f may have, and a form field of f holds:
 * the row's own figure, or its kind's (a date, a phone or CCCD number as
 * typed, an e-mail, a name, a note; any other line as long as a name); 0
 * for a kind without one (yes/no, a choice, a count, a reference). */
int field_max_chars(const field_def *f);

/* Every kind of record in turn: the first after k (NULL: the first), NULL after the last. */
const record_kind *record_kind_next(const record_kind *k);

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
