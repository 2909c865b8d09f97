/* team-training.h — the training figures the file keeps per team (schema
 * migration 7: team_training, multi_member, team_training_state), private to db/. */
#ifndef CDTT_TEAM_TRAINING_H
#define CDTT_TEAM_TRAINING_H

#include <sqlite3.h>
#include "cdtt.h"

/* Inside the caller's write transaction, until team_training_resume: changes
 * only note the teams they touch instead of refreshing their figures at once,
 * which a bulk write (a package merge) does many times per team. Returns 0, or
 * -1 with e set. */
int team_training_pause(sqlite3 *db, cdtt_err *e);

/* Refreshes the figures of the teams noted since team_training_pause, in the
 * same transaction, and lets the triggers refresh again. Returns 0, or -1 with
 * e set. */
int team_training_resume(sqlite3 *db, cdtt_err *e);

/* 1 when the kept figures give the progress as of as_of ("YYYY-MM-DD"): no
 * record has carried a later date, and no bulk write is under way; else 0. */
int team_training_holds(sqlite3 *db, const char *as_of);

#endif
