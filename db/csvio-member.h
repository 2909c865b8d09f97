/* csvio-member.h — private to db/: a member list's columns and rows as the
 * import reads them (csvio-member-columns.c, csvio-member-row.c), and the
 * choice values it saw (csvio-values.c). */
#ifndef CDTT_CSVIO_MEMBER_H
#define CDTT_CSVIO_MEMBER_H

#include "csvio.h"
#include "fields.h"
#include "records.h"

/* The columns a member list may have. */
enum csvio_member_field {
    CSVIO_F_NAME = 0, CSVIO_F_BIRTH, CSVIO_F_GENDER, CSVIO_F_PHONE, CSVIO_F_CCCD, CSVIO_F_EMAIL,
    CSVIO_F_TEAM, CSVIO_F_AREA, CSVIO_F_ROLE, CSVIO_F_CATEGORY, CSVIO_F_YOUTH, CSVIO_F_MOOC,
    CSVIO_F_ZALO, CSVIO_F_CONSENT, CSVIO_F_NOTE, CSVIO_F_MOOC_DATE,
    CSVIO_F_SINCE, /* the day the member joined the row's team */
    CSVIO_F_BIRTH_MALE, CSVIO_F_BIRTH_FEMALE, /* paper forms: the birth year under "Nam" or "Nữ" */
    CSVIO_F_COUNT
};

/* The most member fields a list is read by their kind of value alone. */
#define CSVIO_MORE_MAX 16

/* Where each field is in the file: its column index (-1 when absent) and the
 * header as the file spells it (for messages). The "more" fields are the
 * catalogue's member fields (fields.h) with spreadsheet headers that have no
 * CSVIO_F_* field: they are read by their kind of value alone (text, date,
 * choice, yes/no) into the member_rec member the catalogue names. */
typedef struct {
    int col[CSVIO_F_COUNT];
    char header[CSVIO_F_COUNT][128];
    int n_more;
    const field_def *more[CSVIO_MORE_MAX];
    int more_col[CSVIO_MORE_MAX];
    char more_header[CSVIO_MORE_MAX][128];
} csvio_member_columns;

/* Finds the member columns in a header record. Header cells that name nothing
 * known (other than a row-number column such as "STT") are added to
 * s->ignored_columns when s is not NULL. Returns 1 when the required columns
 * (name and team) are there, 0 when not. */
int csvio_member_columns_find(char **header, int n, csvio_member_columns *c,
                              csvio_import_summary *s);

/* One data row, parsed and checked field by field. Only fields whose bit is
 * in set had a value; stored forms as in records.h. */
typedef struct {
    char name[512], birth[11], gender[8], phone[16], cccd[16], email[256];
    char team[512], area[512], role[8], category[24];
    int youth_union, consent;
    char mooc_status[16], zalo_date[11];
    char mooc_date[11]; /* from the MOOC date column, or a date in the MOOC column */
    int zalo_yes;   /* "Có" without a date: following since an unknown date */
    char note[1024];
    char since[11]; /* the day the member joined the row's team ("Ngày vào tổ") */
    unsigned set;   /* 1u << csvio_member_field for each field given */
    member_rec more;    /* the more fields' values, where the catalogue puts them */
    unsigned more_set;  /* 1u << i for each more field i given */
} csvio_member_row;

/* Receives a finding about a field of the current row: severity is 1 for a
 * warning, 2 for an error; value is the cell as written in the file. */
typedef void (*csvio_report_fn)(void *ctx, int severity, const char *field, const char *value,
                                const char *msg);

/* Parses fields[0..n) of one data row into row. today is "YYYY-MM-DD". Every
 * problem goes to report. Returns the number of errors (0 = the row is usable). */
int csvio_member_row_parse(const csvio_member_columns *c, char **fields, int n, const char *today,
                           csvio_member_row *row, csvio_report_fn report, void *ctx);

/* Receives each choice cell given: its field, the cell, the code it means
 * (NULL = nothing) and how it was understood. */
typedef void (*csvio_choice_fn)(void *ctx, int field, const char *value, const char *code, enum choice_how how);

typedef struct {
    const choice_alias *aliases;
    int n_aliases;
    int unknown_other;     /* see csvio_import_opts */
    csvio_choice_fn seen;  /* may be NULL */
} csvio_parse_opts;

/* csvio_member_row_parse with the commune's words and a report of each choice
 * cell (o may be NULL). A choice value that means nothing counts as an error
 * but is reported through o->seen only (when o->seen is set). */
int csvio_member_row_parse_opts(const csvio_member_columns *c, char **fields, int n, const char *today,
                                const csvio_parse_opts *o, csvio_member_row *row, csvio_report_fn report,
                                void *ctx);

/* The field of a member list that holds the member's catalogue column
 * (fields.h: "phone" → CSVIO_F_PHONE), or -1. */
int csvio_member_field_of(const char *column);

/* Adds to s->columns one line per column recognised. */
void csvio_member_columns_describe(const csvio_member_columns *c, csvio_import_summary *s);

/* ---- what an import saw (csvio-values.c) ---------------------------------- */

/* The distinct values of the choice columns, with how many rows have each. */
typedef struct csvio_values csvio_values;
csvio_values *csvio_values_new(void);
/* Counts one cell of a choice column (line: the row's number in the file). */
void csvio_values_add(csvio_values *v, long line, int field, const char *value, const char *code,
                      enum choice_how how);
/* Writes the lines of s->values and s->unknown (each unknown value also to
 * s->problems, "FILE:LINE: …" with the line of its first row); headers from c. */
void csvio_values_report(const csvio_values *v, const char *path, const csvio_member_columns *c,
                         csvio_import_summary *s);
void csvio_values_free(csvio_values *v);
/* One preview line: the row of file line `line` as it will be stored. */
char *csvio_preview_line(long line, const csvio_member_row *row);

#endif
