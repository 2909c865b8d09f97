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
 * Callers filter "n >= ?2" to get trained teams. */
#define PSQL_TRAINED_CTE                                                          \
    "trained AS (SELECT ms.team_uuid AS team_uuid, count(DISTINCT a.member_uuid) AS n " \
    "  FROM attendance a "                                                        \
    "  JOIN training_session s ON s.uuid = a.session_uuid AND s.deleted = 0 AND s.date <= ?1 " \
    "  JOIN member m ON m.uuid = a.member_uuid AND m.deleted = 0 "                \
    "  JOIN membership ms ON ms.member_uuid = a.member_uuid AND " PSQL_MEMBERSHIP_ON("s.date") \
    "  WHERE a.deleted = 0 GROUP BY ms.team_uuid)"

#include <sqlite3.h>
#include <stddef.h>

/* Copies text column col of st into dst (n bytes), "" for NULL; a longer text
 * is cut at a character boundary, never inside a UTF-8 sequence. */
void progress_copy_col(char *dst, size_t n, sqlite3_stmt *st, int col);

#endif
