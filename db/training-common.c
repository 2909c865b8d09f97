/* training-common.c — stamps, existence checks and input checks for the training writes. */
#include "training-common.h"
#include "db.h"
#include "office.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>

void training_stamp_make(sqlite3 *db, training_stamp *s)
{
    db_now(s->now);
    office_key(db, s->office);
}

int training_row_exists(sqlite3 *db, const char *table, const char *uuid)
{
    static const char *const tables[] = {"member", "team", "training_session", NULL};
    static const char *const sql[] = {
        "SELECT 1 FROM member WHERE uuid = ?1 AND deleted = 0",
        "SELECT 1 FROM team WHERE uuid = ?1 AND deleted = 0",
        "SELECT 1 FROM training_session WHERE uuid = ?1 AND deleted = 0",
    };
    for (int i = 0; tables[i]; i++) {
        if (strcmp(tables[i], table) != 0)
            continue;
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql[i], -1, &st, NULL) != SQLITE_OK)
            return 0;
        sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
        int found = sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
        return found;
    }
    return 0;
}

int training_check_date(const char *date, int required, const char *what, cdtt_err *e)
{
    char out[11];
    valid_result r;
    if (!date || !*date)
        return required ? err_set(e, _("%s: a date is needed"), what) : 0;
    if (validate_date(date, out, &r) != VALID_OK || strcmp(out, date) != 0)
        return err_set(e, _("%s: '%s' is not a date"), what, date);
    return 0;
}

int training_clean_text(const char *in, size_t max, char *out, size_t outlen, const char *what, cdtt_err *e)
{
    valid_result r;
    if (validate_text(in ? in : "", max, out, outlen, &r) == VALID_ERROR)
        return err_set(e, "%s: %s", what, r.msg);
    return 0;
}

int training_clean_line(const char *in, size_t max, char *out, size_t outlen, const char *what, cdtt_err *e)
{
    valid_result r;
    if (validate_line(in ? in : "", max, out, outlen, &r) == VALID_ERROR)
        return err_set(e, "%s: %s", what, r.msg);
    return 0;
}

int training_step_done(sqlite3 *db, sqlite3_stmt *st, const char *doing, cdtt_err *e)
{
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, doing);
}

int training_batch_begin(sqlite3 *db, training_batch *b, int *changed, cdtt_err *e)
{
    b->count = 0;
    if (changed)
        *changed = 0;
    if (db_begin(db, e) < 0)
        return -1;
    training_stamp_make(db, &b->stamp);
    return 0;
}

int training_batch_end(sqlite3 *db, const training_batch *b, int ok, int *changed, cdtt_err *e)
{
    if (!ok) {
        db_rollback(db);
        return -1;
    }
    if (db_commit(db, e) < 0)
        return -1;
    if (changed)
        *changed = b->count;
    return 0;
}
