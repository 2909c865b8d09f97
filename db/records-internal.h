/* records-internal.h — helpers shared by the db/records-*.c files (not a contract
 * for other modules: use records.h). */
#ifndef CDTT_RECORDS_INTERNAL_H
#define CDTT_RECORDS_INTERNAL_H

#include <sqlite3.h>
#include <time.h>
#include "choices.h"
#include "records.h"
#include "record-sql.h"

/* A write's transaction: its own BEGIN IMMEDIATE, or a savepoint inside a
 * transaction the caller opened. */
typedef struct {
    int own;
} rec_tx;

/* Starts the write. Returns 0, or -1 with e set. */
int rec_tx_begin(sqlite3 *db, rec_tx *t, cdtt_err *e);
/* Ends the write: ok keeps the changes (COMMIT, or RELEASE of the savepoint), !ok
 * undoes everything since rec_tx_begin and nothing before it. Returns 0 when
 * the changes were kept, -1 otherwise (e set when the commit itself failed). */
int rec_tx_end(sqlite3 *db, rec_tx *t, int ok, cdtt_err *e);

/* What a save stamps on a record: the office's unit, its key and the time. */
typedef struct {
    char scheme[12];
    char code[12];
    char by[32];
    char now[32];
} rec_stamp;

/* Fills s from the office and the clock. Returns 0, or -1 with e set when the
 * file has no office yet. */
int rec_stamp_get(sqlite3 *db, rec_stamp *s, cdtt_err *e);

/* Fills s (rec_stamp_get), then starts the write tx (rec_tx_begin). Returns
 * 0, or -1 with e set and no write started. */
int rec_change_begin(sqlite3 *db, rec_stamp *s, rec_tx *tx, cdtt_err *e);

/* Checks and cleans optional free text in place with validate_text (NFC,
 * trimmed, line breaks allowed, at most max_chars characters and n - 1 bytes).
 * Returns 0, or -1 after adding an error about field to f. */
int rec_clean_text(char *buf, size_t n, size_t max_chars, const char *field, findings *f);

/* The same for one-line text (validate_line: no line breaks either). */
int rec_clean_line(char *buf, size_t n, size_t max_chars, const char *field, findings *f);

/* Checks and cleans a required name in place with validate_name (NFC, trimmed,
 * 1-100 characters). Returns 0, or -1 after adding an error about field to f. */
int rec_clean_name(char *buf, size_t n, const char *field, findings *f);

/* Whether another live record of this office in table ("area" or "team"; a
 * team in area_uuid, "" = commune level) has exactly this name (text_name_key),
 * self_uuid aside. Writes the first such record's uuid into other (may be NULL). */
int rec_name_taken(sqlite3 *db, const char *table, const char *name, const char *area_uuid,
                   const char *self_uuid, char other[UUID_LEN]);

/* Fills r from a row whose first columns are a membership's uuid, team_uuid,
 * member_uuid, role, date_from and date_to (NULL as ""); the rest of r zeroed. */
void membership_from_row(sqlite3_stmt *st, membership_rec *r);

/* Adds an error to f when date is neither "" nor a valid "YYYY-MM-DD". */
void rec_check_date(const char *date, const char *field, findings *f);
/* Adds an error to f when code is neither in list nor ("" and may_be_empty). */
void rec_check_choice(const choice *list, const char *code, int may_be_empty,
                      const char *field, findings *f);

/* Runs the checks' verdict: 0 when the save may go on, -1 (e set to the first
 * blocking message) when an error, or an unaccepted warning, was found. */
int rec_verdict(const findings *f, int accept_warnings, cdtt_err *e);

/* Binds text to the named parameter: as given (may be ""), or NULL when empty. */
void rec_bind(sqlite3_stmt *st, const char *name, const char *val);
void rec_bind_null_empty(sqlite3_stmt *st, const char *name, const char *val);
void rec_bind_int(sqlite3_stmt *st, const char *name, int val);
/* Binds the stamp's :scheme :code :by :now. */
void rec_bind_stamp(sqlite3_stmt *st, const rec_stamp *s);

/* Steps a write statement from db_cached to the end and hands it back
 * (db_cached_done). Returns 0, or -1 with e set. */
int rec_run(sqlite3 *db, sqlite3_stmt *st, const char *doing, cdtt_err *e);

/* Copies text column col into dst (size n), "" for NULL; text too long is cut
 * at a character boundary. */
void rec_col(sqlite3_stmt *st, int col, char *dst, size_t n);
#define REC_COL(st, col, field) rec_col((st), (col), (field), sizeof(field))

/* The team size limit for a team level ("commune", or a village/group level);
 * 0 = no limit. */
int records_limit_for_level(const char *level);

/* The size limit of the team's level (records_limit_for_level); 0 = none. */
int rec_team_limit(sqlite3 *db, const char *team_uuid);

/* Whether a live record with uuid exists in table (area team member). */
int rec_live(sqlite3 *db, const char *table, const char *uuid);

/* Select lists and row readers shared by get and the pages, made from the
 * field catalogue (record-sql.h). The statement's columns are in the order of
 * the list; the reader fills r from column 0. */
/* The area's select list (for "FROM area a"). */
const char *area_columns(void);
void area_from_row(sqlite3_stmt *st, area_rec *r);
/* The team's select list (for "FROM team t"): the catalogue's fields, then its area's name and its number of current members. */
const char *team_columns(void);
void team_from_row(sqlite3_stmt *st, team_rec *r);
/* The member's select list (for "FROM member m"): the catalogue's fields
 * (record-sql.h), then the member's current teams and roles. */
const char *member_columns(void);
void member_from_row(sqlite3_stmt *st, member_rec *r);

/* The number of live teams in an area / current live members of a team. */
long long rec_area_team_count(sqlite3 *db, const char *area_uuid);
long long rec_team_member_count(sqlite3 *db, const char *team_uuid);

/* How one kind of record is written: its table, the INSERT and UPDATE texts
 * (named parameters; :uuid plus the stamp's :scheme :code :by :now) and a binder
 * for the record's own fields. */
typedef struct {
    const char *table;
    const char *insert_sql;
    const char *update_sql;
    void (*bind)(sqlite3_stmt *st, const void *rec);
} rec_writer;

/* A kind of record whose SQL comes from the field catalogue (area, team,
 * member): its table, the alias its select list reads it through ("m" for
 * "FROM member m"), the columns that end that list (or NULL) and the binder of
 * its own fields, given; its SQL and writer, made on first use by rec_kind_made. */
typedef struct {
    const char *table;
    const char *alias;
    const char *extra;
    void (*bind)(sqlite3_stmt *st, const void *rec);
    int made;
    record_sql_text sql;
    rec_writer writer;
} rec_kind_sql;

/* k with its SQL and writer made (once, whatever the thread). */
const rec_kind_sql *rec_kind_made(rec_kind_sql *k);

/* Inserts (uuid "") or updates rec with its audit entry in one transaction
 * (joined when the caller has one). On success fills uuid and updated_at and
 * returns 0; otherwise -1 with e set and nothing written. */
int rec_write(sqlite3 *db, const rec_writer *w, const void *rec, char uuid[UUID_LEN],
              char updated_at[32], cdtt_err *e);

/* ---- search (records-search.c) ---- */

/* The most words of a search that count. */
#define SEARCH_MAX_WORDS 8

/* The folded words of f's search, split in place in *fold (malloc'd, free it;
 * NULL when none); returns their number, 0 when there is no valid search. */
int search_words(const list_filter *f, char **fold, char *words[SEARCH_MAX_WORDS]);

/* The rowids (at most limit, into rowids) of table's records whose names hold
 * every one of the nw folded words, in list order (sort key, then rowid)
 * after the position (from_key, from_rowid) for dir 1, or before it in
 * reverse order for dir -1; from_key NULL: from the start, or for -1 the end.
 * each is the caller's statement that gives, for one sort key (parameter 1),
 * the rowids of the records with it that match the whole filter, past rowid
 * parameter 2 in dir's order, at most its last parameter of them. Returns how many
 * rowids it filled, or -1 when the list's names cannot be read. */
int search_by_names(sqlite3 *db, const char *table, char *const *words, int nw, const char *from_key,
                    long long from_rowid, int dir, int limit, sqlite3_stmt *each, long long *rowids);

#endif
