/* progress.h — the training indicators of the plan, computed as of a date, per
 * village/residential group (or commune, district, province) with totals, the
 * lists of who is still missing each, and the report formats (text, csv, json).
 *
 * Definitions (docs/readme/training.md says the same for users), as of DATE:
 * - a team counts when it is not deleted, its status is active and its decision
 *   date is empty or <= DATE;
 * - a member counts for a team when the member and the membership are not
 *   deleted and the membership's date_from is empty or <= DATE and its date_to
 *   is empty or > DATE; a member counts once per unit, however many teams;
 * - MOOC done: mooc_status completed and mooc_date empty or <= DATE;
 * - Zalo followed: zalo_date set and <= DATE;
 * - a team is trained in person when at least inperson_min_attendees distinct
 *   members of it (members at the session's date) attended sessions dated <= DATE;
 * - activities: those of counted teams dated from the 1st of DATE's month to DATE. */
#ifndef CDTT_PROGRESS_H
#define CDTT_PROGRESS_H

#include <stdio.h>
#include <sqlite3.h>
#include "cdtt.h"
#include "config.h"
#include "training.h"

typedef enum {
    PROGRESS_BY_AREA = 0,  /* each village / residential group; commune-level teams apart */
    PROGRESS_BY_COMMUNE,   /* each commune (the team's unit) */
    PROGRESS_BY_DISTRICT,  /* each district (pre-2025 scheme), from the unit table */
    PROGRESS_BY_PROVINCE,  /* each province, from the unit table */
} progress_by;

typedef enum {
    PSTATUS_NONE = 0,  /* nothing to measure (no members or no teams) */
    PSTATUS_REACHED,   /* the target is reached */
    PSTATUS_ON_TRACK,  /* below target, deadline more than 30 days away (or none) */
    PSTATUS_AT_RISK,   /* below target, deadline within the next 30 days */
    PSTATUS_BEHIND,    /* below target and the deadline has passed */
} progress_status;

/* Days before a deadline when a value below target is "at risk". */
#define PROGRESS_RISK_DAYS 30

typedef struct {
    char key[64];    /* area uuid, "scheme:code" or unit code; "" = no area / unknown unit */
    char code[16];   /* the unit's code (commune/district/province rows), else "" */
    char name[404];  /* what to show (a name has at most 100 characters); translated for the "" row */
    char sort[404];  /* the order of rows (sort key or code) */
    long teams;         /* teams that count */
    long members;       /* distinct members that count */
    long mooc_done;     /* of them, MOOC completed */
    long zalo_done;     /* of them, following the Zalo OA */
    long teams_trained; /* teams trained in person */
    long activities;    /* activities this month */
    long people;        /* people helped this month */
    long households;    /* households helped this month */
} progress_row;

typedef struct {
    char as_of[11];    /* "YYYY-MM-DD" */
    progress_by by;
    progress_row *rows; /* sorted as lists are (Vietnamese order, codes) */
    int n_rows;
    progress_row total; /* the whole file: members counted once */
    cdtt_target targets[TARGET_COUNT];
    int min_attendees;
} progress_table;

/* Computes the table as of as_of ("YYYY-MM-DD") with cfg's targets. Every
 * non-deleted area is a row in PROGRESS_BY_AREA, even without teams. Returns 0
 * (free with progress_free) or -1 with e set. */
int progress_compute(sqlite3 *db, const cdtt_config *cfg, progress_by by, const char *as_of,
                     progress_table *out, cdtt_err *e);

/* Frees what progress_compute allocated (the struct itself is the caller's). */
void progress_free(progress_table *t);

/* The numerator and denominator of indicator ind in row r. */
void progress_fraction(const progress_row *r, enum target_indicator ind, long *part, long *whole);

/* 100 * part / whole, or -1 when whole is 0. */
double progress_percent(long part, long whole);

/* Where part/whole stands against target t as of as_of ("YYYY-MM-DD"). */
progress_status progress_status_of(const cdtt_target *t, long part, long whole, const char *as_of);

/* Days from date a to date b (both "YYYY-MM-DD"); b later gives a positive number. */
long progress_days_between(const char *a, const char *b);

/* "area" "commune" "district" "province" → *by; returns 0, or -1 when unknown. */
int progress_by_parse(const char *s, progress_by *by);

/* Someone (or a team) still missing an indicator. */
typedef struct {
    char uuid[37];
    char name[404];    /* member's full name, or team name (at most 100 characters) */
    char teams[1024];  /* member: names of the counted teams, "; "-separated (cut when very long); team: "" */
    char area[1024];   /* area name(s), ","-separated ("" for commune-level teams) */
    char detail[64];   /* mooc: not_started|in_progress|completed; zalo: ""; inperson: "N/M" attendees/needed */
} progress_missing_item;

/* Called for each item of a missing list; returns 0 to go on, anything else to stop. */
typedef int (*progress_missing_fn)(const progress_missing_item *it, void *arg);

/* Calls fn for each member (mooc, zalo) or team (inperson) that counts as of
 * as_of and lacks indicator ind, in Vietnamese name order; only those of area
 * area_uuid when it is not NULL ("" = commune-level teams). Rows are streamed,
 * so memory does not grow with the list. Returns the number of items visited,
 * or -1 with e set. */
long progress_missing(sqlite3 *db, const cdtt_config *cfg, enum target_indicator ind, const char *as_of,
                      const char *area_uuid, progress_missing_fn fn, void *arg, cdtt_err *e);

typedef enum { REPORT_TEXT = 0, REPORT_CSV, REPORT_JSON } report_format;

/* A date typed dd/mm/yyyy or YYYY-MM-DD into out ("YYYY-MM-DD"); NULL or "" gives
 * today. Returns 0, or -1 with e set when it is not a date. */
int progress_parse_as_of(const char *in, char out[11], cdtt_err *e);

/* "text" "csv" "json" → *fmt; returns 0, or -1 when unknown. */
int report_format_parse(const char *s, report_format *fmt);

/* Writes the progress table in fmt, in the current message language: text is an
 * aligned table (fits 80 columns) with the targets and a legend of the marks
 * ("!" behind, "~" at risk); csv has a header row and the totals last; json is
 * {"as_of", "by", "targets", "rows": [...], "totals": {...}}. */
void report_progress_write(FILE *f, const progress_table *t, report_format fmt);

/* Writes the missing list of ind as of as_of (area_uuid as for progress_missing)
 * in fmt: text is a heading with the count and an aligned table (the query runs
 * twice: widths, then rows); csv (json is treated as csv) has a header row and
 * ends with the id column. Returns the number of items, or -1 with e set. */
long report_missing(FILE *f, sqlite3 *db, const cdtt_config *cfg, enum target_indicator ind,
                    const char *as_of, const char *area_uuid, report_format fmt, cdtt_err *e);

/* The translation of a report heading: msgid in the message context "report"
 * (so other modules' translations of the same English word do not apply), or
 * msgid itself when the catalogue has none. */
const char *report_tr(const char *msgid);

/* Marks a report heading for report_tr (its translation is in po/vi/training.po
 * under msgctxt "report"; plain xgettext -k_ -kN_ leaves these alone). */
#define RN_(s) (s)

/* Writes an activity summary for from..to in fmt: text is a
 * table by type with totals and the sessions held; csv has a header row and the
 * totals last; json is {"from", "to", "sessions", "types": [...], "totals"}. */
void report_activity_write(FILE *f, const activity_summary *s, const char *from, const char *to, report_format fmt);

/* Writes s as a JSON string literal (quotes and escapes included; control
 * characters, C1 controls and bidi overrides as \\u escapes). */
void report_json_string(FILE *f, const char *s);

/* Writes s shown safely (text_safe: control characters as "^[" and the like)
 * and padded with spaces to cols terminal columns, on the right when
 * right_align; a longer s is cut and ends with "…". */
void report_pad(FILE *f, const char *s, int cols, int right_align);

/* The number of terminal columns s takes as report_pad shows it. */
int report_width(const char *s);

#endif
