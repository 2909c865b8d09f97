/* progress-sql.h — SQL fragments shared by the indicator queries (private to db/progress-*.c).
 * Parameter ?1 is always the as-of date "YYYY-MM-DD". */
#ifndef CDTT_PROGRESS_SQL_H
#define CDTT_PROGRESS_SQL_H

/* A team (alias t) that counts as of ?1. */
#define PSQL_TEAM_COUNTS                                                        \
    "t.deleted = 0 AND t.status = 'active' "                                    \
    "AND (t.decision_date IS NULL OR t.decision_date = '' OR t.decision_date <= ?1)"

/* A membership (alias ms) current on date D (an SQL expression). */
#define PSQL_MEMBERSHIP_ON(D)                                                   \
    "ms.deleted = 0 AND (ms.date_from IS NULL OR ms.date_from = '' OR ms.date_from <= " D ") " \
    "AND (ms.date_to IS NULL OR ms.date_to = '' OR ms.date_to > " D ")"

/* Member m has completed the MOOC course as of ?1 (0 or 1). */
#define PSQL_MOOC_DONE \
    "(m.mooc_status = 'completed' AND (m.mooc_date IS NULL OR m.mooc_date = '' OR m.mooc_date <= ?1))"

/* Member m follows the Zalo OA as of ?1 (0 or 1). */
#define PSQL_ZALO_DONE "(m.zalo_date IS NOT NULL AND m.zalo_date <> '' AND m.zalo_date <= ?1)"

/* CTE "trained(team_uuid, n)": attendees per team who were its members on the
 * session's date, sessions dated <= ?1; ?2 is the minimum number of attendees.
 * Callers filter "n >= ?2" to get trained teams. The attendance is read in one
 * pass: the sessions and the deleted members are looked up in small tables
 * made first, not in the big ones row by row. */
#define PSQL_TRAINED_CTE                                                          \
    "trained AS (WITH s AS MATERIALIZED (SELECT uuid, date FROM training_session " \
    "  WHERE deleted = 0 AND date <= ?1), "                                       \
    "  gone AS MATERIALIZED (SELECT uuid FROM member WHERE deleted = 1) "          \
    "  SELECT ms.team_uuid AS team_uuid, count(DISTINCT a.member_uuid) AS n "     \
    "  FROM attendance a CROSS JOIN s ON s.uuid = a.session_uuid "                \
    "  CROSS JOIN membership ms ON ms.member_uuid = a.member_uuid AND " PSQL_MEMBERSHIP_ON("s.date") \
    "  WHERE a.deleted = 0 AND a.member_uuid NOT IN gone GROUP BY ms.team_uuid)"

#include <sqlite3.h>
#include <stddef.h>

/* Copies text column col of st into dst (n bytes), "" for NULL; a longer text
 * is cut at a character boundary, never inside a UTF-8 sequence. */
void progress_copy_col(char *dst, size_t n, sqlite3_stmt *st, int col);

#include "progress.h"
#include "office.h"

/* Orders progress rows by key (for qsort and bsearch). */
int progress_row_cmp_key(const void *a, const void *b);

/* Puts t's rows in key order (nothing to do when they are already). */
void progress_sort_keys(progress_table *t);

/* The row keyed key among the first n_sorted rows of t (sorted by key); when
 * there is none and add is set, a new row (sent -1) appended after them (the
 * caller never adds a key twice), else NULL. */
progress_row *progress_find_row(progress_table *t, int n_sorted, const char *key, int add);

/* At a consolidating office, adds every unit of t->by's level under office
 * (and within scope's commune) as a row keyed "scheme:code", figures 0; other
 * groupings add nothing. Returns 0, or -1 with e set. */
int progress_seed_units(sqlite3 *db, const office_rec *office, const progress_scope *scope, progress_table *t,
                        cdtt_err *e);

/* Fills commune_name of every row that has a commune_code (the unit list's name
 * in scheme, else the code). Returns 0, or -1 with e set. */
int progress_name_communes(sqlite3 *db, const char *scheme, progress_table *t, cdtt_err *e);

/* Unit rows (commune, district, province): sent and last_package from the
 * import log as `cdtt completeness` reads it; a unit whose teams are here
 * counts as sent too. Counts t->n_unsent. Returns 0, or -1 with e set. */
int progress_mark_sent(sqlite3 *db, progress_table *t, cdtt_err *e);

#endif
