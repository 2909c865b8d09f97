/* check.h — checking a cdtt file: the database's integrity (SQLite's own checks)
 * and the data's quality (members in no team, teams without a leader, ...).
 * Used by `cdtt check` and by the screens. */
#ifndef CDTT_CHECK_H
#define CDTT_CHECK_H

#include <sqlite3.h>
#include "cdtt.h"
#include "settings.h"

typedef enum {
    CHECK_WARNING = 1, /* a data-quality finding: worth a look, the file is sound */
    CHECK_ERROR = 2,   /* an integrity problem: the file is damaged or inconsistent */
} check_severity;

typedef struct {
    check_severity severity;
    const char *kind;  /* stable name: integrity foreign_key no_office member_no_team
                          team_no_leader team_too_big phone_no_consent bad_phone bad_cccd
                          duplicate_member control_characters cross_commune other_commune area_no_team */
    const char *table; /* the record's table, or "" */
    char uuid[40];     /* the record's uuid, or "" */
    char message[768]; /* translated, one line, naming the record */
} check_finding;

typedef struct {
    long errors;
    long warnings;
} check_summary;

/* Called for each finding; a non-zero return stops the check early. */
typedef int (*check_cb)(const check_finding *f, void *arg);

/* Called as the check moves on: what (translated) is being checked now, done
 * of total its progress in weights (done == total at the end, what then ""). */
typedef void (*check_progress_fn)(long done, long total, const char *what, void *arg);

typedef struct {
    bool quick;                 /* check_run_quick's checks instead of check_run's */
    check_progress_fn progress; /* may be NULL */
    void *progress_arg;
} check_options;

/* check_run or check_run_quick (o->quick), telling o->progress how far it is;
 * o may be NULL (the full check, no progress). */
int check_run_opts(sqlite3 *db, const cdtt_config *cfg, const check_options *o, check_cb cb, void *arg,
                   check_summary *sum, cdtt_err *e);

/* Runs every check in order (integrity first), calling cb for each finding and
 * counting them in sum. Only reads. Size rules come from cfg (0 = no limit).
 * Returns 0 when the checks ran (whatever they found), -1 with e set when they
 * could not run. */
int check_run(sqlite3 *db, const cdtt_config *cfg, check_cb cb, void *arg, check_summary *sum,
              cdtt_err *e);

/* The same with SQLite's quick_check instead of integrity_check (several
 * times faster on a big file, but does not verify that indexes match their
 * tables), and only the data checks that look at each record on its own and
 * at its teams: not those that compare records with one another (possible
 * duplicates, links across communes, records of another commune), the
 * consent rule, or the history of changes. */
int check_run_quick(sqlite3 *db, const cdtt_config *cfg, check_cb cb, void *arg, check_summary *sum,
                    cdtt_err *e);

/* The number of records (areas, teams, members, ... deleted ones too) in the file, or -1. */
long long check_record_count(sqlite3 *db);

#endif
