/* records.h — areas, teams, members and memberships: check, save, delete,
 * undelete, fetch and page through them. Every save or delete runs in one
 * BEGIN IMMEDIATE transaction together with its audit entry, or not at all.
 * Records hold their stored forms: names NFC, dates "YYYY-MM-DD", phones "0xxxxxxxxx". */
#ifndef CDTT_RECORDS_H
#define CDTT_RECORDS_H

#include <sqlite3.h>
#include "cdtt.h"
#include "validate.h"

#define UUID_LEN 37
#define SORT_KEY_LEN 1024

/* A finding about a record: an error (must be fixed) or a warning (can be
 * accepted), tied to the field it is about (the column name, or "" for the record). */
typedef struct {
    valid_status severity;
    char field[32];
    char msg[256];
    char other_uuid[UUID_LEN]; /* for a duplicate suspect: the other record */
} finding;

typedef struct {
    finding items[16];
    int n;
} findings;

/* The worst severity in f (VALID_OK when empty). */
valid_status findings_worst(const findings *f);
/* Adds the findings of from after those of to (as many as fit). */
void findings_append(findings *to, const findings *from);

/* Appends a finding (ignored when f is full). */
void findings_add(findings *f, valid_status sev, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

typedef struct {
    char uuid[UUID_LEN];      /* "" for a new record: save fills it */
    char kind[16];            /* thon ban ap buon khom to_dan_pho khu_pho other */
    char name[512];
    char note[UTF8_BUF(NOTE_MAX_CHARS)];
    int deleted;
    char updated_at[32];
    char sort_key[SORT_KEY_LEN]; /* read-only: filled by get/page */
} area_rec;

typedef struct {
    char uuid[UUID_LEN];
    char level[16];           /* commune village group */
    char area_uuid[UUID_LEN]; /* "" for a commune-level team */
    char name[512];
    char decision_no[UTF8_BUF(DECISION_NO_MAX_CHARS)];
    char decision_date[11];
    char decision_issuer[UTF8_BUF(ISSUER_MAX_CHARS)];
    char status[16];          /* active dissolved merged */
    char note[UTF8_BUF(NOTE_MAX_CHARS)];
    int deleted;
    char updated_at[32];
    char sort_key[SORT_KEY_LEN];
    char area_name[512];      /* read-only: filled by get/page */
    int n_members;            /* read-only: current, not deleted */
} team_rec;

typedef struct {
    char uuid[UUID_LEN];
    char full_name[512];
    char gender[8];           /* male female other, or "" */
    char birth[11];           /* "YYYY-MM-DD", "YYYY" or "" */
    char phone[16];
    char cccd[16];
    char email[EMAIL_MAX_BYTES + 2]; /* validate_email's out[256] */
    char category[24];        /* see member categories in choices.h */
    int youth_union;
    int consent;
    char consent_date[11];
    char mooc_status[16];     /* not_started in_progress completed */
    char mooc_date[11];
    char zalo_date[11];
    char note[UTF8_BUF(NOTE_MAX_CHARS)];
    int deleted;
    char updated_at[32];
    char sort_key[SORT_KEY_LEN];
    char team_names[512];     /* read-only: the member's current teams, comma-separated */
    char team_roles[64];      /* read-only: the role in each of them (leader deputy member), comma-separated */
} member_rec;

typedef struct {
    char uuid[UUID_LEN];
    char team_uuid[UUID_LEN];
    char member_uuid[UUID_LEN];
    char role[8];             /* leader deputy member */
    char date_from[11];
    char date_to[11];         /* "" while current */
    int deleted;
} membership_rec;

/* Sets the team size limits the checks warn about (config [rules]
 * team_max_commune, team_max_village; the latter for village and group teams).
 * 0 = no limit (the default until this is called). The program calls it at start. */
void records_set_limits(int commune, int village);

/* Fills r with defaults for a new record (uuid "", kind/level/status/category
 * defaults, everything else empty). */
void area_init(area_rec *r);
void team_init(team_rec *r);
/* The kind of area a commune mostly has, from its name: "to_dan_pho" for a
 * Phường or Thị trấn, "thon" otherwise (Xã, Đặc khu). */
const char *area_kind_for_commune(const char *commune_name);
/* The level of a team in an area of kind: "group" in a tổ dân phố or khu phố,
 * "village" otherwise. */
const char *team_level_for_area_kind(const char *kind);
void member_init(member_rec *r);
void membership_init(membership_rec *r);

/* Record-level checks that need the database: required fields, a village team
 * needs an area, a team's size against the configured limits (warning), a
 * possible duplicate member — same folded name and birth, or same phone —
 * (warning with other_uuid). Field-level parsing is done before, by validate.h. */
void area_check(sqlite3 *db, const area_rec *r, findings *f);
void team_check(sqlite3 *db, const team_rec *r, findings *f);
void member_check(sqlite3 *db, const member_rec *r, findings *f);
/* Adding member_uuid to team_uuid: the team's size limit (warning), the member
 * already in the team (error). max_size 0 = no limit. */
void membership_check(sqlite3 *db, const membership_rec *r, int max_size, findings *f);

/* Inserts (uuid "") or updates the record with its audit entry, in one transaction,
 * and fills uuid/updated_at. Called inside a transaction the caller already opened
 * (sqlite3_get_autocommit(db) == 0), a save or delete joins it: it neither begins,
 * commits nor rolls back, and the caller decides (bulk imports use this); a save that
 * fails there undoes only its own changes (a savepoint) and leaves the caller's
 * transaction open. Runs the checks first: returns -1 and saves nothing
 * on an error finding, or on a warning unless accept_warnings. f (may be NULL)
 * receives the findings. e gets database errors. */
int area_save(sqlite3 *db, area_rec *r, int accept_warnings, findings *f, cdtt_err *e);
int team_save(sqlite3 *db, team_rec *r, int accept_warnings, findings *f, cdtt_err *e);
int member_save(sqlite3 *db, member_rec *r, int accept_warnings, findings *f, cdtt_err *e);
int membership_save(sqlite3 *db, membership_rec *r, int accept_warnings, findings *f, cdtt_err *e);

/* Saves a new member and its membership of team_uuid with role in one
 * transaction; the membership starts today. */
int member_save_in_team(sqlite3 *db, member_rec *m, const char *team_uuid, const char *role,
                        int accept_warnings, findings *f, cdtt_err *e);
/* The same with the membership starting on since ("YYYY-MM-DD"; NULL or ""
 * = today): a team kept since 2022 is entered with its members' real dates,
 * so reports as of a past date and past sessions' attendance count them. */
int member_save_in_team_since(sqlite3 *db, member_rec *m, const char *team_uuid, const char *role,
                              const char *since, int accept_warnings, findings *f, cdtt_err *e);

/* Marks the record deleted (deleted = 1, updated_at now) or clears the mark, with
 * an audit entry. Deleting a member also ends its memberships; deleting a team
 * or area that still has live members or teams is refused with a message. */
int record_delete(sqlite3 *db, const char *table, const char *uuid, cdtt_err *e);
int record_undelete(sqlite3 *db, const char *table, const char *uuid, cdtt_err *e);

/* Fetches one record by uuid (deleted ones too). Returns 0, or -1 when missing. */
int area_get(sqlite3 *db, const char *uuid, area_rec *r);
int team_get(sqlite3 *db, const char *uuid, team_rec *r);
int member_get(sqlite3 *db, const char *uuid, member_rec *r);

/* The current memberships of a member, or of a team (rows in name order). n gets
 * the count; returns a malloc'd array (free it) or NULL when there are none. */
membership_rec *membership_list_for_member(sqlite3 *db, const char *member_uuid, int *n);
membership_rec *membership_list_for_team(sqlite3 *db, const char *team_uuid, int *n);

/* ---- start dates (records-start.c) ----------------------------------------
 * A membership begins on date_from. An import that had no start date for a row
 * assumes one and notes it in the audit log (not a column: memberships travel
 * in packages, and the note is for this office only). */

/* Notes that the start date of membership_uuid, as saved now, was assumed.
 * Returns 0, or -1 with e set. */
int membership_note_assumed(sqlite3 *db, const char *membership_uuid, cdtt_err *e);
/* How many current memberships (of live members and teams) still start on the
 * date an import assumed for them; -1 when it cannot be read. */
long long membership_assumed_count(sqlite3 *db);
/* The start date (YYYY-MM-DD, "" when unknown) of the member's current
 * membership of team_uuid, or the earliest of its current memberships of
 * area_uuid's teams (both NULL or "": of any team). Returns 1 when it has such a
 * membership, else 0. */
int membership_start_in(sqlite3 *db, const char *member_uuid, const char *team_uuid, const char *area_uuid,
                        char out[11]);

/* A member who joined a team (or a team of an area) after a date. */
typedef struct {
    char uuid[UUID_LEN];
    char full_name[512];
    char date_from[11]; /* when they joined */
} joined_later;

/* The live members whose current membership of team_uuid (or of area_uuid's
 * teams; both NULL = any team) began after date, and who had none there on
 * date, in name order. Returns the count (rows malloc'd, NULL when 0), or -1
 * with e set. */
int membership_joined_after(sqlite3 *db, const char *team_uuid, const char *area_uuid, const char *date,
                            joined_later **rows, cdtt_err *e);
/* Moves the start date of the member's current memberships of team_uuid (or
 * of area_uuid's teams; both NULL = any) that began after date back to date,
 * each saved with its audit entry, all in one transaction. Refused (e set,
 * nothing changed) when the member had an earlier membership of that team
 * ending after date. *moved gets how many moved. Returns 0 or -1. */
int membership_move_start(sqlite3 *db, const char *member_uuid, const char *team_uuid, const char *area_uuid,
                          const char *date, int *moved, cdtt_err *e);

/* ---- changed since read ---------------------------------------------------
 * A form (or a command) reads a record, lets it be edited, then writes it back.
 * Meanwhile another program may have saved the same record (a CSV import, a
 * package, another office PC over SSH). Before such a write, the stored record
 * is read again inside the write transaction and compared with the copy the
 * reader kept, value by value: updated_at alone cannot tell (it is wall-clock
 * text, and two saves within one clock tick share it), and a new stamp over the
 * same values loses nothing. A save that finds a change writes nothing and
 * returns REC_CHANGED with the stored record and the columns that differ, so
 * the caller can show them and let the user choose. */
#define REC_CHANGED (-2)

typedef struct {
    const char *columns[24]; /* the columns whose stored value differs (static strings) */
    int n;
} rec_changes;

/* Reads the record read->uuid into stored and compares its values with read.
 * Returns 0 when they are the same (or read is a new record, uuid ""),
 * REC_CHANGED with c filled when they differ, -1 with e set when the record is
 * gone or was deleted or restored since (nothing to compare field by field).
 * Call it inside the write transaction, so nothing can come in between. */
int area_changed_since(sqlite3 *db, const area_rec *read, area_rec *stored, rec_changes *c, cdtt_err *e);
int team_changed_since(sqlite3 *db, const team_rec *read, team_rec *stored, rec_changes *c, cdtt_err *e);
int member_changed_since(sqlite3 *db, const member_rec *read, member_rec *stored, rec_changes *c,
                         cdtt_err *e);

/* area_save / team_save / member_save, in one transaction with the check above:
 * saves r only when the stored record still equals read (its state when r was
 * read). Returns 0 when saved, REC_CHANGED (stored and c filled, nothing
 * written) or -1 (f, e as for the plain save). */
int area_save_since(sqlite3 *db, area_rec *r, const area_rec *read, area_rec *stored, rec_changes *c,
                    int accept_warnings, findings *f, cdtt_err *e);
int team_save_since(sqlite3 *db, team_rec *r, const team_rec *read, team_rec *stored, rec_changes *c,
                    int accept_warnings, findings *f, cdtt_err *e);
int member_save_since(sqlite3 *db, member_rec *r, const member_rec *read, member_rec *stored,
                      rec_changes *c, int accept_warnings, findings *f, cdtt_err *e);

/* A member's place as its form shows it: the first of its current memberships
 * (membership_list_for_member's order), or an empty one (team_uuid "", role
 * "member") when it is in no team. */
void member_place_get(sqlite3 *db, const char *member_uuid, membership_rec *ms);
/* Compares the member's place now (into now) with read, the place as read:
 * the same membership, team, role and start date. Adds "team_uuid", "role" or
 * "date_from" to c and
 * returns REC_CHANGED when it differs; 0 when not. Call it inside the write
 * transaction. */
int member_place_changed_since(sqlite3 *db, const char *member_uuid, const membership_rec *read,
                               membership_rec *now, rec_changes *c);

/* ---- a member's place as a form edits it (records-move.c) ------------------
 * read is the member's place as read (member_place_get: its membership, or an
 * empty one when it was in no team). The edit keeps that membership (another
 * role, start date, or an end date: leaving), or moves the member to another
 * team (or to none): the membership read ends and one in the new team begins. */
typedef struct {
    char team_uuid[UUID_LEN]; /* the team the member is put in; "" = none */
    char role[8];             /* leader deputy member */
    char since[11];           /* the start date shown; a new membership starts on it when it was changed */
    char left[11];            /* the day the member leaves the team read ("" = stays; a move: today) */
} member_place_edit;

/* The membership read as the edit keeps it: its role and dates those typed. */
void member_place_kept(const membership_rec *read, const member_place_edit *p, membership_rec *ms);

/* Adds to fs what the edit of member member_uuid's place breaks: joining
 * another team, that team's size limit (warning) and the member already in it;
 * staying, the dates of the membership kept. Nothing for a new member ("")
 * or no team: member_save_in_team checks those. */
void member_place_check(sqlite3 *db, const char *member_uuid, const membership_rec *read,
                        const member_place_edit *p, findings *fs);

/* Saves member m (member_save) and writes the edit of its place: a move ends
 * the membership read on p->left (else today) and starts one in p->team_uuid
 * on p->since when it differs from the start read (else today); staying, a
 * changed role, start or end date is saved. Inside the caller's transaction.
 * Returns 0, or -1 with fs and e set. */
int member_place_write(sqlite3 *db, member_rec *m, const membership_rec *read, const member_place_edit *p,
                       int accept_warnings, findings *fs, cdtt_err *e);

/* member_place_write in a transaction of its own, only when the member and its
 * place are stored as they were read (read, read_place): otherwise returns
 * REC_CHANGED with stored, stored_place and c filled, and writes nothing.
 * Returns 0 when saved, REC_CHANGED, or -1 (fs, e). */
int member_place_save_since(sqlite3 *db, member_rec *m, const member_place_edit *p, const member_rec *read,
                            const membership_rec *read_place, member_rec *stored, membership_rec *stored_place,
                            rec_changes *c, int accept_warnings, findings *fs, cdtt_err *e);

/* ---- lists ---------------------------------------------------------------
 * Lists are read a page at a time in sort-key order (Vietnamese order; members by
 * given name, then family name). A position is the last (or first) row's
 * sort_key and uuid; page_dir 1 reads the rows after pos, -1 the rows before
 * it (returned in list order). pos NULL means from the start (dir 1) or from the
 * end (dir -1). Search is accent- and case-insensitive: every word of the
 * folded search must occur in the folded name. */
typedef struct {
    char sort_key[SORT_KEY_LEN];
    char uuid[UUID_LEN];
} list_pos;

typedef struct {
    const char *search;       /* NULL or "" = all */
    const char *area_uuid;    /* teams, members: only this area */
    const char *team_uuid;    /* members: only this team */
    const char *level;        /* teams: commune village group */
    const char *category;     /* members */
    const char *role;         /* members: leader deputy member */
    int deleted;              /* 0 live records, 1 deleted ones (for undo), -1 both */
    const char *unit_code;    /* only the records of this commune (code); NULL or "" = all */
    /* members: only those whose membership (of team_uuid, area_uuid's teams,
     * or any team) was current on this date "YYYY-MM-DD" (NULL or "" = now);
     * with and_later also those whose current membership began after it. */
    const char *on_date;
    int and_later;
} list_filter;

/* The commune a record of table (area team member) belongs to: its code and
 * the unit list's name of it ("" when the list does not know it). Returns 0, or
 * -1 when there is no such record. */
int records_commune_of(sqlite3 *db, const char *table, const char *uuid, char code[8], char name[128]);

/* 1 when the file's office is above a commune (province, district, national):
 * lists and exports then show each record's commune. */
int records_consolidating(sqlite3 *db);

int area_page(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit,
              area_rec *rows, cdtt_err *e);
int team_page(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit,
              team_rec *rows, cdtt_err *e);
int member_page(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit,
                member_rec *rows, cdtt_err *e);
/* The above return the number of rows filled (0..limit), or -1 with e set. */

/* How many records match f. */
long long area_count(sqlite3 *db, const list_filter *f);
long long team_count(sqlite3 *db, const list_filter *f);
long long member_count(sqlite3 *db, const list_filter *f);

/* ---- the kinds of record lists (records-kinds.c) ----------------------------
 * One description of each kind of record that is listed (areas, teams,
 * members): what its rows are and how they are paged and counted. The
 * full-screen lists, the pick-lists and `cdtt list` read records through it. */
typedef struct {
    const char *table;  /* "member" */
    const char *plural; /* "members": the word `cdtt list` takes */
    size_t row_size;    /* sizeof(member_rec) */
    size_t off_uuid, off_name, off_key; /* where a row keeps its uuid, name and sort key */
    size_t off_place;   /* where a row names its village (a team's area), told beside a shared name; 0 = none */
    /* area_page, team_page, member_page over rows of row_size bytes. */
    int (*page)(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit, void *rows,
                cdtt_err *e);
    long long (*count)(sqlite3 *db, const list_filter *f);
} record_list;

/* The kind of list of table ("area" "team" "member") or of its plural
 * ("members"), or NULL. */
const record_list *record_list_of(const char *name);

/* Every kind of list in turn: the one after k (NULL: the first), NULL after the last. */
const record_list *record_list_next(const record_list *k);

/* Calls each(ctx, row) for every record of k that f matches, in list order,
 * reading a page at a time, until each returns non-zero. Returns the number
 * of rows passed to each, or -1 with e set when a page could not be read. */
long long record_list_each(sqlite3 *db, const record_list *k, const list_filter *f,
                           int (*each)(void *ctx, const void *row), void *ctx, cdtt_err *e);

/* ---- finding an area or team by name ----------------------------------------
 * A name identifies a record by text_name_key: marks count (Thôn Hà and Thôn Hạ
 * are two villages); case, spacing and the tone-placement convention (hoà =
 * hòa) do not. Records of this office come first: another office's namesake is
 * found only when this office has none. */
#define LOOKUP_SHOWN 6
typedef struct {
    int n;                     /* records with exactly this name */
    int n_near;                /* records whose name differs only in accents or marks */
    char uuid[UUID_LEN];       /* the first with exactly this name ("" when none) */
    int n_shown;               /* names for a message: the exact matches when n > 1, */
    char shown[LOOKUP_SHOWN][600]; /* else the near ones; "NAME (its village or commune)" */
} name_lookup;

/* Looks name up among live (deleted 0) or deleted (1) areas, or teams (in
 * area_uuid when not NULL; "" = commune-level teams), of commune unit_code
 * when not NULL. Returns 0 when exactly one record has the name (its uuid in
 * l->uuid), -1 otherwise (none, or several). */
int area_lookup(sqlite3 *db, const char *name, const char *unit_code, int deleted, name_lookup *l);
int team_lookup(sqlite3 *db, const char *name, const char *area_uuid, const char *unit_code, int deleted,
                name_lookup *l);

/* Writes into msg a sentence saying why a lookup of name (kind "area" or
 * "team") did not find exactly one record: several share the name (they are
 * listed, then hint, e.g. "say which with --area NAME"; NULL for a default),
 * none has it but some differ only in marks (listed), or none at all. */
void name_lookup_explain(const name_lookup *l, const char *kind, const char *name, const char *hint,
                         char *msg, size_t n);

/* The live area or team with exactly this name (see above): writes its uuid
 * and returns 0, or returns -1 when none or several have it. */
int area_find_by_name(sqlite3 *db, const char *name, char uuid[UUID_LEN]);
int team_find_by_name(sqlite3 *db, const char *name, const char *area_uuid, char uuid[UUID_LEN]);

#endif
