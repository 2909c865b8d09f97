/* csvio.h — the office's tables as spreadsheets: CSV export (RFC 4180, UTF-8
 * with BOM, CRLF), one xlsx workbook with a sheet per table, and the import of
 * a member list kept in Excel. Headers and choice labels follow the message
 * language (i18n_lang); dates are written dd/mm/yyyy. */
#ifndef CDTT_CSVIO_H
#define CDTT_CSVIO_H

#include <sqlite3.h>
#include "cdtt.h"
#include "choices.h"

struct lxw_workbook;

/* Called now and then during long work: done out of total units (total may be
 * 0 when unknown). May be NULL. */
typedef void (*csvio_progress_fn)(void *ctx, long long done, long long total);

/* The tables that export to a spreadsheet, in workbook order. */
typedef enum {
    CSVIO_MEMBERS = 0,
    CSVIO_TEAMS,
    CSVIO_AREAS,
    CSVIO_SESSIONS,
    CSVIO_ACTIVITIES,
    CSVIO_TABLE_COUNT
} csvio_table;

/* The table named on the command line ("members", "teams", "areas",
 * "sessions", "activities"), or -1. */
int csvio_table_from_name(const char *name);
/* The command-line name of t. */
const char *csvio_table_name(csvio_table t);
/* The sheet name of t in the current language (valid as an Excel sheet name). */
const char *csvio_sheet_name(csvio_table t);

typedef struct {
    int full;   /* include personal identifiers: CCCD always, phone and e-mail
                   of members who did not consent */
    int force;  /* replace an existing file */
    csvio_progress_fn progress;
    void *progress_ctx;
    /* xlsx: when not NULL, writes a sheet of its own first (the province's summary). */
    int (*first_sheet)(struct lxw_workbook *wb, const void *arg, cdtt_err *e);
    const void *first_sheet_arg;
} csvio_export_opts;

/* Writes table t of db to path as CSV: BOM, CRLF, a header row, one row per
 * live record (members: one row per current team membership, or one row with
 * no team). Without opts->full the CCCD column is left out and the phone and
 * e-mail of members without consent are empty. The file appears complete or
 * not at all (temporary file renamed), with mode 0600; an existing file is kept
 * and an error returned unless opts->force. rows (may be NULL) gets the number
 * of data rows. Returns 0, or -1 with e set. */
int csvio_export_csv(sqlite3 *db, csvio_table t, const char *path, const csvio_export_opts *opts,
                     long long *rows, cdtt_err *e);

/* Writes every table to one xlsx workbook at path, a sheet per table with the
 * same columns and rules as the CSV export, the header row bold and frozen.
 * Same file rules as csvio_export_csv. Returns 0, or -1 with e set. */
int csvio_export_xlsx(sqlite3 *db, const char *path, const csvio_export_opts *opts, cdtt_err *e);

/* ---- import of a member list ---------------------------------------------- */

/* One distinct value of a choice column as the import understood it (the
 * same order as csvio_import_summary's values lines, one each). */
typedef struct {
    char kind[16];      /* the list: "gender", "role", "category", "youth", "status" */
    char *value;        /* the cell as the file writes it */
    const char *code;   /* the item it means, NULL = nothing */
    enum choice_how how;
} csvio_choice_value;

typedef struct {
    long long rows_read;        /* data rows (after the header) */
    long long members_new;
    long long members_updated;  /* already there, something changed (rows) */
    long long members_unchanged;
    long long memberships_new;  /* a member added to a team */
    long long teams_created;
    long long areas_created;
    long long warnings;         /* rows saved with a warning (listed in problems) */
    long long errors;           /* rows refused (listed in problems) */
    char **problems;            /* "FILE:LINE: reason", errors and warnings in file order */
    int n_problems;
    char **created;             /* names of the teams and areas created */
    int n_created;
    char **ignored_columns;     /* header cells that name no known column */
    int n_ignored;
    char source[600];           /* what was read: format, sheet, encoding remark */
    char **columns;             /* the columns recognised: "Thành phần ← \"TP\" (I)" */
    int n_columns;
    char **values;              /* each distinct value of each choice column and what it means */
    int n_values;
    csvio_choice_value *choice_values; /* the same values, line for line, for a screen to act on */
    char **unknown;             /* choice values that match no item: one line each, with a hint */
    int n_unknown;
    char **preview;             /* the first rows as they will be stored */
    int n_preview;
    long long members_moved;    /* --move: members who left a team the list no longer gives them */
    long long moves_not_made;   /* rows giving a member another team, without --move (in problems) */
    char **changes;             /* "FILE:LINE: NAME: label old → new; …": stored values replaced */
    int n_changes;
    /* Memberships begun without a "Ngày vào tổ": the start date assumed, and
     * from what: the team's decision date, the row's earliest MOOC or Zalo OA
     * date, today (noted in the audit log: membership_note_assumed). */
    long long starts_assumed, starts_decision, starts_proved, starts_today;
} csvio_import_summary;

/* Frees what the summary holds and zeroes it. */
void csvio_import_summary_free(csvio_import_summary *s);
/* Appends item (malloc'd; the list takes it) to a summary list. */
void csvio_list_push(char ***list, int *n, char *item);

/* How an import runs and how the list is read (zero = defaults). */
typedef struct {
    int dry_run;  /* check and tell everything, write nothing */
    int move;     /* each listed member's teams are those the list gives: others end */
    csvio_progress_fn progress; /* may be NULL */
    void *progress_ctx;
    const char *encoding;        /* CSV: table.h; NULL = guess */
    const char *sheet;           /* workbooks: a sheet's name or number; NULL = the first with a name column */
    const choice_alias *aliases; /* the commune's words (--map first, then [aliases]) */
    int n_aliases;
    int unknown_other;           /* a value matching no item is filed as "other" (Khác), its words
                                    kept in the note; otherwise it stops the import (s->unknown) */
    int preview_rows;            /* rows to describe in s->preview */
} csvio_import_opts;

/* Imports the member list in path: any list table.h reads (.xlsx, .xls, CSV
 * in UTF-8, UTF-16 or Windows-1258, as Excel saves it: BOM or none, CRLF or
 * LF, comma or semicolon, quoted fields with separators and line breaks; the
 * header found under title rows, signature lines left out). Columns are found
 * by their header, in any order, case and accents ignored, Vietnamese or
 * English; "Họ và tên" and "Tổ" are required. Choice cells go through
 * choice_interpret with o's aliases; every distinct choice value and its
 * meaning goes to s->values, one that means nothing to s->unknown (the import
 * then refused, return 1) unless o->unknown_other. Each row goes
 * through the same checks and saves as the forms (records.h), all in ONE
 * BEGIN IMMEDIATE transaction: when any row has an error, or with dry_run,
 * nothing is written and s still tells what would have happened.
 *
 * Who a row is: the member with its CCCD number; else the member with exactly
 * its name (text_same_name: marks count, case and tone placement do not) and
 * the same birth date (both unknown counts); where the birth date is unknown on
 * one side (or only a year), the single namesake it can be, or among several
 * the only one with the row's phone number. A phone number alone identifies no
 * one. A row that could be several members, and a row about the person of an
 * earlier row (same CCCD, or name and birth date) that gives other values, are
 * errors (listed); a row with only the name of an earlier row and other values
 * is another member (a warning). Nobody is merged silently. A stored
 * value replaced by another is listed in s->changes (old → new); empty cells
 * never erase stored values. A row that puts a member who already has a team
 * into another team is a move with o->move (the memberships the list no longer
 * gives end today, their history kept) and a warning without it (nothing
 * changed). Missing areas and teams are created; areas and teams too are found
 * by exact name. Returns 0 when the file imported (or would import) cleanly, 1
 * when rows had errors (listed in s->problems), -1 with e set when the file
 * could not be read or the database failed. */
int csvio_import_members_opts(sqlite3 *db, const char *path, const csvio_import_opts *o,
                              csvio_import_summary *s, cdtt_err *e);

/* csvio_import_members_opts with dry_run and the progress display set and
 * every other option at its default (no --move; o may also be NULL there). */
int csvio_import_members(sqlite3 *db, const char *path, int dry_run, csvio_progress_fn progress,
                         void *progress_ctx, csvio_import_summary *s, cdtt_err *e);

/* The member column a name given on the command line means (a header name
 * such as "Thành phần", or a list kind such as "category"), with its list
 * kind in *kind; -1 when none or when the column has no list. */
int csvio_member_choice_column(const char *name, const char **kind);

/* ---- shared by the writers (csvio-rows.c) --------------------------------- */

/* The rows of one table, already formatted for a spreadsheet. */
typedef struct csvio_rows csvio_rows;

/* Starts reading table t (full: see csvio_export_opts). Returns NULL with e set. */
csvio_rows *csvio_rows_open(sqlite3 *db, csvio_table t, int full, cdtt_err *e);
/* The number of columns, their headers (current language), and whether a
 * column holds whole numbers. */
int csvio_rows_ncols(const csvio_rows *r);
const char *csvio_rows_header(const csvio_rows *r, int col);
int csvio_rows_is_number(const csvio_rows *r, int col);
/* A sensible column width in characters for a spreadsheet. */
int csvio_rows_width(const csvio_rows *r, int col);
/* The number of rows the table will give (for progress). */
long long csvio_rows_total(const csvio_rows *r);
/* Reads the next row: 1 with cells[0..ncols) set (valid until the next call),
 * 0 at the end, -1 with e set. */
int csvio_rows_next(csvio_rows *r, const char *const **cells, cdtt_err *e);
void csvio_rows_close(csvio_rows *r);

/* ---- command-line helpers (cli/cmd-csv.c) -------------------------------- */

/* Parses an export's words after the command word: positional words go to pos
 * (at most max_pos), then -o FILE, --full, --force; a progress display is set.
 * Returns the number of positional words, or -1 after printing a usage message. */
int csvio_cli_export_opts(const char *cmd, int argc, char **argv, const char **pos, int max_pos,
                          const char **out, csvio_export_opts *o);

/* A csvio_progress_fn that shows "done/total" while stderr is a terminal. */
void csvio_cli_progress(void *ctx, long long done, long long total);

#endif
