/* training.h — recording training: in-person sessions and who attended, each
 * member's online MOOC course and Zalo OA status (one or many at once), and the
 * activities of teams (aggregate counts only, never the citizens' data).
 * Every write is one transaction with an audit entry per changed record; on any
 * error nothing is changed. Dates are "YYYY-MM-DD". */
#ifndef CDTT_TRAINING_H
#define CDTT_TRAINING_H

#include <sqlite3.h>
#include "cdtt.h"
#include "validate.h"

typedef struct {
    char date[11];        /* required */
    char place[UTF8_BUF(TRAINING_TEXT_MAX_CHARS)]; /* free text, may be empty */
    char organiser[UTF8_BUF(TRAINING_TEXT_MAX_CHARS)]; /* province department, Youth Union, telecom company, … */
    char topic[UTF8_BUF(TRAINING_TEXT_MAX_CHARS)];
    char note[UTF8_BUF(TRAINING_NOTE_MAX_CHARS)];
} training_session_rec;

/* Adds a session for this file's office; uuid gets its key. Text fields must be
 * valid UTF-8 (stored NFC, trimmed). Returns 0 or -1 with e set (no office yet,
 * bad date, bad text). */
int training_session_add(sqlite3 *db, const training_session_rec *s, char uuid[37], cdtt_err *e);

/* Marks the n members present (present = 1) or absent (0) at a session.
 * Marking twice changes nothing. *changed (may be NULL) gets the number of
 * records changed. An unknown or deleted session or member is an error. */
int training_attendance_mark(sqlite3 *db, const char *session_uuid, const char *const *members, int n,
                             int present, int *changed, cdtt_err *e);

/* The members who count, on date ("YYYY-MM-DD"), in the team team_uuid or in
 * the teams of area area_uuid (either may be NULL; both NULL = every team), as
 * progress.h defines it, in name order. Returns 0 with *uuids (free it) and *n
 * set, or -1 with e set. */
int training_members_in(sqlite3 *db, const char *team_uuid, const char *area_uuid, const char *date,
                        char (**uuids)[37], int *n, cdtt_err *e);

/* The date of a (non-deleted) session into date. Returns 0, or -1 with e set. */
int training_session_date(sqlite3 *db, const char *session_uuid, char date[11], cdtt_err *e);

/* Sets the MOOC course status ("not_started", "in_progress", "completed") of n
 * members; date is the completion date (kept only for "completed"; may be ""). */
int training_mooc_set(sqlite3 *db, const char *const *members, int n, const char *status,
                      const char *date, int *changed, cdtt_err *e);

/* Sets the date n members started following the Zalo OA ("" = not following). */
int training_zalo_set(sqlite3 *db, const char *const *members, int n, const char *date, int *changed,
                      cdtt_err *e);

/* The activity types, NULL-terminated: outreach vneid public_services cashless
 * ecommerce provincial_app digital_skills online_safety digital_signature other. */
extern const char *const ACTIVITY_TYPES[];

typedef struct {
    char team_uuid[37];
    char date[11];
    char type[24];     /* one of ACTIVITY_TYPES */
    long people;       /* people helped, >= 0 */
    long households;   /* households helped, >= 0 */
    char note[UTF8_BUF(TRAINING_NOTE_MAX_CHARS)];
} activity_rec;

/* What was done between two dates, for the level above: per activity type (in
 * ACTIVITY_TYPES order) the number of activities and of people and households
 * helped, and the in-person sessions held. */
typedef struct {
    long count[10], people[10], households[10];
    long sessions; /* training sessions dated in the period */
} activity_summary;

/* Sums non-deleted activities of non-deleted teams dated from..to (inclusive,
 * "YYYY-MM-DD"). Returns 0 or -1 with e set. */
int activity_summarise(sqlite3 *db, const char *from, const char *to, activity_summary *s, cdtt_err *e);

/* The label of activity type i of ACTIVITY_TYPES, translated. */
const char *activity_type_label(int i);

/* Adds an activity of a (non-deleted) team; uuid gets its key. Returns 0 or -1 with e set. */
int activity_add(sqlite3 *db, const activity_rec *a, char uuid[37], cdtt_err *e);

#endif
