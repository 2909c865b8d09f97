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
#include "settings.h"
#include "csvio.h"
#include "training.h"

typedef enum {
    PROGRESS_BY_AREA = 0,  /* each village / residential group; commune-level teams apart */
    PROGRESS_BY_COMMUNE,   /* each commune (the team's unit) */
    PROGRESS_BY_DISTRICT,  /* each district (pre-2025 scheme), from the unit table */
    PROGRESS_BY_PROVINCE,  /* each province, from the unit table */
    PROGRESS_BY_TEAM,      /* each team (a drill-down below a village) */
    PROGRESS_BY_MEMBER,    /* each member (a drill-down below a team): members 1, teams = the member's teams */
} progress_by;

/* The area value of a scope that means "the commune-level teams" (no area). */
#define PROGRESS_NO_AREA "-"

/* Which records a table or list covers; every field "" = the whole file. */
typedef struct {
    char province[8]; /* only the teams of the communes of this province (a national office's drill-down) */
    char commune[16]; /* only the teams of this commune (its code, in the office's scheme) */
    char area[40];    /* only the teams of this area (uuid), or PROGRESS_NO_AREA: the commune-level teams */
    char team[40];    /* only this team (uuid) */
} progress_scope;

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
    char commune_code[8];   /* consolidating office, rows below a commune: the row's commune, else "" */
    char commune_name[128]; /* its name (from the unit list; the code when unknown) */
    int sent;               /* consolidating office, unit rows (commune, district, province): 1 when a
                             * package came from it or its records are here, 0 when it sent nothing;
                             * -1 everywhere else */
    char last_package[11];  /* unit rows: the date its newest package was made ("YYYY-MM-DD"), or "" */
} progress_row;

typedef struct {
    char as_of[11];    /* "YYYY-MM-DD" */
    progress_by by;
    progress_row *rows; /* sorted as lists are (Vietnamese order, codes) */
    int n_rows;
    progress_row total; /* the whole file: members counted once */
    cdtt_target targets[TARGET_COUNT];
    int min_attendees;
    int consolidated;   /* the office is above a commune: every unit under it is a row, and the
                         * outputs add the commune (or what was sent) to each row */
    int n_unsent;       /* unit rows that sent nothing */
    long long starts_assumed; /* membership start dates an import assumed (membership_assumed_count),
                               * set by the caller; 0 = none or not counted */
} progress_table;

/* Computes the table as of as_of ("YYYY-MM-DD") with cfg's targets. Every
 * non-deleted area is a row in PROGRESS_BY_AREA, even without teams. Returns 0
 * (free with progress_free) or -1 with e set. */
int progress_compute(sqlite3 *db, const cdtt_config *cfg, progress_by by, const char *as_of,
                     progress_table *out, cdtt_err *e);

/* The same for the records of scope (NULL = all). At a consolidating office
 * (province, district, national) the unit rows (PROGRESS_BY_COMMUNE, _DISTRICT,
 * _PROVINCE) are every unit under the office from the unit list, those that sent
 * nothing included (sent = 0, figures 0), and the rows below a commune carry
 * their commune. PROGRESS_BY_DISTRICT under the 2025-07 scheme is refused with a
 * message (that scheme has no districts). */
int progress_compute_in(sqlite3 *db, const cdtt_config *cfg, progress_by by, const char *as_of,
                        const progress_scope *scope, progress_table *out, cdtt_err *e);

/* The same as progress_compute_in, always counted from the records of each
 * group's teams: never from the figures the file keeps per team, which
 * progress_compute_in reads when they hold on as_of, nor per team in one pass
 * over the file, which it does for other dates when the whole file is asked
 * for. The two give the same table. For checks and tests. */
int progress_recount_in(sqlite3 *db, const cdtt_config *cfg, progress_by by, const char *as_of,
                        const progress_scope *scope, progress_table *out, cdtt_err *e);

/* Sets sc->commune to code after checking that code is a commune of the
 * office's scheme that lies under the office (or is the office itself).
 * Returns 0, or -1 with e set (a message for people). */
int progress_scope_commune(sqlite3 *db, const char *code, progress_scope *sc, cdtt_err *e);

/* The orders of progress_sort. */
typedef enum { PROGRESS_SORT_DEFAULT = 0, PROGRESS_SORT_PROGRESS, PROGRESS_SORT_NAME, PROGRESS_SORT_CODE } progress_order;

/* "progress" "name" "code" → *o; returns 0, or -1 when unknown. */
int progress_order_parse(const char *s, progress_order *o);

/* Puts t's rows in order o: by progress on indicator ind (ind < 0: the mean of
 * the three percentages), highest first, rows with nothing to count and rows
 * that sent nothing last; by name (Vietnamese order); by code. Rows of
 * different communes stay grouped by commune (code order) below a commune.
 * PROGRESS_SORT_DEFAULT leaves the order of progress_compute. */
void progress_sort(progress_table *t, progress_order o, int ind);

/* Keeps only the rows behind schedule on at least one indicator. */
void progress_keep_behind(progress_table *t);

/* The mean of r's percentages that have something to count (ind < 0), or the
 * percentage of ind; -1 when there is nothing to count. */
double progress_score(const progress_row *r, int ind);

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
    char commune_code[8];   /* the commune of the member's (or the team's) teams */
    char commune_name[128]; /* its name from the unit list ("" when unknown) */
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

/* The same within scope (NULL = all; scope->area as in progress_scope). */
long progress_missing_in(sqlite3 *db, const cdtt_config *cfg, enum target_indicator ind, const char *as_of,
                         const progress_scope *scope, progress_missing_fn fn, void *arg, cdtt_err *e);

/* Writes the missing list of ind as of as_of (area_uuid as for progress_missing)
 * in fmt: text is a heading with the count and an aligned table (the query runs
 * twice: widths, then rows); csv (json is treated as csv) has a header row and
 * ends with the id column. Returns the number of items, or -1 with e set. */
long report_missing(FILE *f, sqlite3 *db, const cdtt_config *cfg, enum target_indicator ind,
                    const char *as_of, const char *area_uuid, report_format fmt, cdtt_err *e);

/* The same within scope (NULL = all). At a consolidating office the list has a
 * commune column (code and name) and is in commune order. */
long report_missing_in(FILE *f, sqlite3 *db, const cdtt_config *cfg, enum target_indicator ind,
                       const char *as_of, const progress_scope *scope, report_format fmt, cdtt_err *e);

/* The translation of a report heading: msgid in the message context "report"
 * (so other modules' translations of the same English word do not apply), or
 * msgid itself when the catalogue has none. */
const char *report_tr(const char *msgid);

/* Marks a report heading for report_tr (its translation is in po/vi.po
 * under msgctxt "report"; plain xgettext -k_ -kN_ leaves these alone). */
#define RN_(s) (s)

/* Writes an activity summary for from..to in fmt: text is a
 * table by type with totals and the sessions held; csv has a header row and the
 * totals last; json is {"from", "to", "sessions", "types": [...], "totals"}. */
void report_activity_write(FILE *f, const activity_summary *s, const char *from, const char *to, report_format fmt);

/* The summary a province hands to its leaders, as a worksheet of wb (an
 * lxw_workbook of libxlsxwriter), written first: one row per unit of t (code,
 * name, teams, members, each indicator's count and percentage, status in words,
 * last package date), the totals last; percent cells, the header frozen, an
 * autofilter; then one native column chart per indicator (progress by unit, the
 * target in its title). Returns 0, or -1 with e set. */
struct lxw_workbook;
int report_progress_sheet(struct lxw_workbook *wb, const progress_table *t, cdtt_err *e);

/* A workbook holding only that summary sheet and its charts, written to path
 * as the exports are (temporary file renamed, mode 0600; an existing file is
 * kept unless force). Returns 0, or -1 with e set. */
int report_progress_xlsx(const progress_table *t, const char *path, int force, cdtt_err *e);

/* The office's workbook (csvio_export_xlsx with opts, which may be NULL); at an
 * office above a commune it opens with the summary sheet: one row per commune
 * (per province at a national office) as of today with cfg's targets. Returns
 * 0, or -1 with e set. */
int report_office_xlsx(sqlite3 *db, const cdtt_config *cfg, const char *path, const csvio_export_opts *opts,
                       cdtt_err *e);

/* The status of a row in words for the summary: "sent nothing" for a unit that
 * sent nothing, else the worst of its indicators' (behind, at risk, on track,
 * reached, nothing to count). */
const char *progress_row_status_words(const progress_table *t, const progress_row *r);

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
