/* csvio-import.h — private to the member import (db/csvio-import-*.c): the
 * state of one import and the steps a row goes through: its team (place),
 * who it is (match), what it changes (values), its memberships (teams). */
#ifndef CDTT_CSVIO_IMPORT_H
#define CDTT_CSVIO_IMPORT_H

#include "csvio-member.h"
#include "records.h"

#include <stdint.h>

#define HAS(row, f) ((row)->set & (1u << (f)))
#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

/* ---- a map from strings to numbers (csvio-import-people.c) ------------------ */

typedef struct strmap strmap;

strmap *strmap_new(void);
void strmap_free(strmap *m);
/* Sets key's value, adding key (copied) when it is not there. */
void strmap_put(strmap *m, const char *key, int value);
/* 1 with *value set when key is there, else 0. */
int strmap_get(const strmap *m, const char *key, int *value);

/* ---- the people a file speaks of (csvio-import-people.c) --------------------- */

/* A list of team uuids. */
typedef struct {
    char (*uuid)[UUID_LEN];
    int n;
} team_list;

/* Adds team_uuid unless it is there already. */
void team_list_add(team_list *l, const char *team_uuid);
/* 1 when team_uuid is in l. */
int team_list_has(const team_list *l, const char *team_uuid);

/* A member that a row found or created. */
typedef struct {
    char uuid[UUID_LEN];
    long line;        /* the first line of the file about them */
    int existed;      /* a member before this import */
    uint64_t print;   /* what that line says of the person (import_row_print) */
    team_list before; /* existed: their current teams when the file first named them */
    team_list listed; /* the teams the file's rows give them */
} import_person;

typedef struct {
    import_person **items;
    int n;
    strmap *index; /* uuid → position in items */
} import_people;

void people_free(import_people *p);
/* The person with this uuid, or NULL when no row has named them yet. */
import_person *people_find(const import_people *p, const char *uuid);
/* Notes a person first named on line (zeroed team lists); returns it. */
import_person *people_add(import_people *p, const char *uuid, long line, int existed);

/* ---- one import -------------------------------------------------------------- */

typedef struct {
    sqlite3 *db;
    const char *path;
    csvio_import_summary *s;
    cdtt_err *e;
    csvio_member_columns cols;
    int move;                 /* --move */
    const csvio_import_opts *o; /* how the list is read and its values understood */
    csvio_values *values;     /* the choice values seen (the preview's values, s->unknown) */
    long line;                /* the line of the row being imported */
    char today[11];
    sqlite3_stmt *namesakes;  /* live members with a folded name: uuid, name, birth, cccd */
    strmap *cccd;             /* CCCD → position in cccd_uuid, -1 when several have it */
    team_list cccd_uuid;      /* (a list of uuids: the holders of the CCCDs) */
    import_people people;
    strmap *teams;            /* "TEAM\x1fAREA" as the rows write them → position in team_uuid */
    team_list team_uuid;      /* (the teams found or made so far) */
} importer;

/* ---- telling what the import found (csvio-import-report.c) ---------------- */

/* Appends a formatted line to the problems. */
void import_problem(importer *im, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A cell or value as it can be shown in a one-line message: control
 * characters as spaces, at most about 60 columns. */
void import_shown(const char *v, char *out, size_t outlen);
/* Passes on what a records save found (name_field: the column of the saved
 * record's name, or -1). Returns 0 when saved, 1 when the row was refused
 * (reported, *row_errors counted), -1 on a database failure (im->e set). */
int import_after_save(importer *im, int rc, const findings *f, int name_field, int *row_errors);
/* Appends "; " (when out is not empty) and the formatted text to out. */
void import_append(char *out, size_t outlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* A digest of what a row says of the person (the name as text_name_key, and
 * every other member cell given): two rows with equal digests say the same. */
uint64_t import_row_print(const csvio_member_row *row, const csvio_member_columns *cols);

/* ---- the row's team (csvio-import-place.c) -------------------------------------- */

/* Finds the row's area and team by exact name (text_same_name), creating those
 * that are missing; each pair of names is looked up once per import. Returns 0
 * with team_uuid set, 1 when the row is refused (reported), -1 on a database
 * failure. */
int import_resolve_team(importer *im, const csvio_member_row *row, char team_uuid[UUID_LEN],
                        int *row_errors);
/* Frees what import_resolve_team remembers. */
void import_place_end(importer *im);

/* ---- who the row is (csvio-import-match.c) -------------------------------------- */

enum { MATCH_BY_CCCD = 1, MATCH_BY_NAME_BIRTH, MATCH_BY_NAME };

typedef struct {
    int n;              /* members the row may be: 0 new, 1 found, more: ambiguous */
    int how;            /* MATCH_BY_*: what decided */
    char uuid[UUID_LEN];/* n == 1: who */
    char shown[1024];   /* n > 1: "NAME (BIRTH; TEAMS), …" */
} member_match;

/* Loads the CCCD numbers of the file's members when the list has a CCCD
 * column. Returns 0, or -1 with im->e set. */
int import_match_begin(importer *im);
void import_match_end(importer *im);
/* Says who row is: by its CCCD number; else by exactly its name and the same
 * birth date; else, when one of them has no birth date (or only its year), by
 * the single namesake it can be. Members with another CCCD number are others.
 * Returns 0, or -1 with im->e set. */
int import_match(importer *im, const csvio_member_row *row, member_match *m);
/* Notes that member uuid now holds cccd (after a save). */
void import_match_note_cccd(importer *im, const char *cccd, const char *uuid);
/* What made the match, for a message ("the same CCCD number", …). */
const char *import_match_how(int how);

/* ---- what the row changes (csvio-import-values.c) --------------------------------- */

/* Writes the row's given fields over m; empty cells keep what m holds, and a
 * name that is the same name (text_same_name) keeps the stored spelling.
 * Zalo OA "Có" without a date, for a member not yet following, is recorded
 * with today (YYYY-MM-DD); a consent without a date keeps its date empty. */
void import_apply_row(member_rec *m, const csvio_member_row *row, const csvio_member_columns *cols,
                      const char *today);
/* True when the fields an import can change are the same in a and b. */
int import_member_same(const member_rec *a, const member_rec *b);
/* Appends "LABEL OLD → NEW" (joined by "; ") to out for every field whose old
 * value was set (not empty, not the default) and differs in new, with labels
 * and values in the message language. Returns how many. */
int import_member_diff(const member_rec *old, const member_rec *new, char *out, size_t outlen);
/* The label of a role code in the message language. */
const char *import_role_label(const char *role);

/* ---- the row's memberships (csvio-import-teams.c) --------------------------------- */

/* Where a membership's start date came from. */
enum { START_GIVEN = 0, START_DECISION, START_PROVED, START_TODAY };

/* The start date of the row's membership of team_uuid, for member m as the
 * row leaves it: the row's "Ngày vào tổ"; else the team's decision date when
 * known; else the earliest of m's MOOC and Zalo OA dates; else today.
 * Returns START_* (what it came from). */
int import_start_date(importer *im, const csvio_member_row *row, const member_rec *m, const char *team_uuid,
                      char out[11]);
/* After a membership ms_uuid was saved with a start from rule: an assumed one
 * (not START_GIVEN) is counted in the summary and noted in the audit log.
 * Returns 0, or -1 with im->e set. */
int import_note_start(importer *im, const char *ms_uuid, int rule);


/* Puts the member p (m: as the row leaves it) of a matched row, whose current
 * memberships are current[0..n_current), into the row's team, or changes its
 * role or start date there (a replaced role or start date is appended to changes). A member who already has
 * other teams is put in a new one only with --move; else the row is reported.
 * Returns 1 when a membership was added or changed, 0 when nothing changed,
 * 2 when a move was reported and not made, -2 when refused (reported), -1 on
 * a database failure. */
int import_place_member(importer *im, const csvio_member_row *row, import_person *p, const member_rec *m,
                        const membership_rec *current, int n_current, const char *team_uuid,
                        char *changes, size_t changes_len, int *row_errors);
/* With --move, after the last row: ends (date_to today) the memberships of the
 * file's members in teams their rows no longer give, and lists each move.
 * Counts refused saves in *errors. Returns 0, or -1 on a database failure. */
int import_finish_moves(importer *im, long long *errors);

#endif
