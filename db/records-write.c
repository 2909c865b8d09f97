/* records-write.c — writing one record and its audit entry, all or nothing. */
#include "records-internal.h"
#include "audit.h"
#include "db.h"
#include "db-cache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const rec_kind_sql *rec_kind_made(rec_kind_sql *k)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&lock);
    if (!k->made) {
        record_sql_make(record_kind_of(k->table), k->alias, k->extra, &k->sql);
        k->writer = (rec_writer){k->table, k->sql.insert, k->sql.update, k->bind};
        k->made = 1;
    }
    pthread_mutex_unlock(&lock);
    return k;
}

int rec_write(sqlite3 *db, const rec_writer *w, const void *rec, char uuid[UUID_LEN],
              char updated_at[32], cdtt_err *e)
{
    rec_stamp s;
    rec_tx tx;
    if (rec_change_begin(db, &s, &tx, e) < 0)
        return -1;
    int is_new = uuid[0] == '\0';
    char key[UUID_LEN];
    char *old = NULL;
    int ok = 0;
    if (is_new) {
        db_uuid(key);
    } else {
        snprintf(key, sizeof key, "%s", uuid);
        old = audit_row_json(db, w->table, key);
        if (!old) {
            err_set(e, _("the record to change no longer exists"));
            goto done;
        }
    }
    sqlite3_stmt *st = db_cached(db, is_new ? w->insert_sql : w->update_sql, e);
    if (!st)
        goto done;
    rec_bind_stamp(st, &s);
    rec_bind(st, ":uuid", key);
    w->bind(st, rec);
    if (rec_run(db, st, _("cannot save the record"), e) < 0)
        goto done;
    if (audit_write(db, w->table, key, is_new ? "insert" : "update", old, e) < 0)
        goto done;
    ok = 1;
done:
    free(old);
    if (rec_tx_end(db, &tx, ok, e) < 0)
        return -1;
    snprintf(uuid, UUID_LEN, "%s", key);
    snprintf(updated_at, 32, "%s", s.now);
    return 0;
}
