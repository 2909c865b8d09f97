/* records-common.c — what every record save shares: the transaction (own or
 * joined), the office stamp, cleaning text, the checks' verdict, binding. */
#include "records-internal.h"
#include "db-cache.h"
#include "db.h"
#include "db-stamp.h"
#include "text.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rec_tx_begin(sqlite3 *db, rec_tx *t, cdtt_err *e)
{
    t->own = sqlite3_get_autocommit(db) != 0;
    if (t->own)
        return db_begin(db, e);
    if (db_cached_exec(db, "SAVEPOINT cdtt_record") != SQLITE_OK)
        return db_fail(db, e, _("cannot start a change"));
    return 0;
}

int rec_tx_end(sqlite3 *db, rec_tx *t, int ok, cdtt_err *e)
{
    if (t->own) {
        if (!ok) {
            db_rollback(db);
            return -1;
        }
        return db_commit(db, e);
    }
    if (!ok)
        db_cached_exec(db, "ROLLBACK TO cdtt_record");
    db_cached_exec(db, "RELEASE cdtt_record");
    return ok ? 0 : -1;
}

int rec_stamp_get(sqlite3 *db, rec_stamp *s, cdtt_err *e)
{
    office_rec o;
    if (office_get(db, &o) < 0)
        return err_set(e, _("no office yet: run cdtt init or the first-run screen"));
    snprintf(s->scheme, sizeof s->scheme, "%s", o.scheme);
    snprintf(s->code, sizeof s->code, "%s", o.code);
    snprintf(s->by, sizeof s->by, "%s:%s", o.scheme, o.code);
    db_now(s->now);
    return 0;
}

int rec_change_begin(sqlite3 *db, rec_stamp *s, rec_tx *tx, cdtt_err *e)
{
    if (rec_stamp_get(db, s, e) < 0)
        return -1;
    return rec_tx_begin(db, tx, e);
}

/* Ends a clean-in-place: on an error (s) adds vr's message about field to f,
 * otherwise copies the cleaned out back into buf (n bytes). Frees out.
 * Returns 0, or -1 on an error. */
static int clean_done(char *buf, size_t n, char *out, valid_status s, const valid_result *vr,
                      const char *field, findings *f)
{
    int rc = 0;
    if (s == VALID_ERROR) {
        findings_add(f, VALID_ERROR, field, "%s", vr->msg);
        rc = -1;
    } else {
        snprintf(buf, n, "%s", out);
    }
    free(out);
    return rc;
}

int rec_clean_text(char *buf, size_t n, size_t max_chars, const char *field, findings *f)
{
    valid_result vr;
    char *out = xmalloc(n);
    valid_status s = validate_text(buf, max_chars, out, n, &vr);
    return clean_done(buf, n, out, s, &vr, field, f);
}

int rec_clean_line(char *buf, size_t n, size_t max_chars, const char *field, findings *f)
{
    valid_result vr;
    char *out = xmalloc(n);
    valid_status s = validate_line(buf, max_chars, out, n, &vr);
    return clean_done(buf, n, out, s, &vr, field, f);
}

void rec_check_date(const char *date, const char *field, findings *f)
{
    if (!date[0])
        return;
    valid_result vr;
    char out[11];
    if (strlen(date) != 10 || validate_date(date, out, &vr) == VALID_ERROR || strcmp(out, date) != 0)
        findings_add(f, VALID_ERROR, field, _("'%s' is not a date (YYYY-MM-DD)"), date);
}

void rec_check_choice(const choice *list, const char *code, int may_be_empty, const char *field,
                      findings *f)
{
    if (!code[0] && may_be_empty)
        return;
    if (choice_index(list, code) < 0)
        findings_add(f, VALID_ERROR, field, _("'%s' is not an allowed value for %s"), code, field);
}

int rec_verdict(const findings *f, int accept_warnings, cdtt_err *e)
{
    valid_status worst = findings_worst(f);
    if (worst == VALID_OK || (worst == VALID_WARN && accept_warnings))
        return 0;
    for (int i = 0; i < f->n; i++)
        if (f->items[i].severity == worst)
            return err_set(e, "%s", f->items[i].msg);
    return err_set(e, _("the record was not saved"));
}

static int param(sqlite3_stmt *st, const char *name)
{
    return sqlite3_bind_parameter_index(st, name);
}

void rec_bind(sqlite3_stmt *st, const char *name, const char *val)
{
    int i = param(st, name);
    if (i > 0)
        sqlite3_bind_text(st, i, val ? val : "", -1, SQLITE_TRANSIENT);
}

void rec_bind_null_empty(sqlite3_stmt *st, const char *name, const char *val)
{
    int i = param(st, name);
    if (i > 0)
        db_bind_text_or_null(st, i, val);
}

void rec_bind_int(sqlite3_stmt *st, const char *name, int val)
{
    int i = param(st, name);
    if (i > 0)
        sqlite3_bind_int(st, i, val);
}

void rec_bind_stamp(sqlite3_stmt *st, const rec_stamp *s)
{
    rec_bind(st, ":scheme", s->scheme);
    rec_bind(st, ":code", s->code);
    rec_bind(st, ":by", s->by);
    rec_bind(st, ":now", s->now);
}

int rec_run(sqlite3 *db, sqlite3_stmt *st, const char *doing, cdtt_err *e)
{
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, doing);
    db_cached_done(st);
    return rc;
}

void rec_col(sqlite3_stmt *st, int col, char *dst, size_t n)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    size_t len = t ? strlen(t) : 0;
    if (len >= n) {
        len = n - 1;
        while (len > 0 && ((unsigned char)t[len] & 0xC0) == 0x80)
            len--; /* never cut a character in two */
    }
    memcpy(dst, t ? t : "", len);
    dst[len] = '\0';
}

int rec_live(sqlite3 *db, const char *table, const char *uuid)
{
    static const char *const SQL[][2] = {
        {"area", "SELECT 1 FROM area WHERE uuid = ? AND deleted = 0"},
        {"team", "SELECT 1 FROM team WHERE uuid = ? AND deleted = 0"},
        {"member", "SELECT 1 FROM member WHERE uuid = ? AND deleted = 0"},
    };
    for (size_t i = 0; i < sizeof SQL / sizeof SQL[0]; i++) {
        if (strcmp(SQL[i][0], table) != 0)
            continue;
        sqlite3_stmt *st = NULL;
        int live = 0;
        if ((st = db_cached(db, SQL[i][1], NULL)) != NULL) {
            sqlite3_bind_text(st, 1, uuid ? uuid : "", -1, SQLITE_STATIC);
            live = sqlite3_step(st) == SQLITE_ROW;
        }
        db_cached_done(st);
        return live;
    }
    return 0;
}

/* Runs a one-parameter count query. */
static long long count_by(sqlite3 *db, const char *sql, const char *arg)
{
    sqlite3_stmt *st = NULL;
    long long n = 0;
    if ((st = db_cached(db, sql, NULL)) != NULL) {
        sqlite3_bind_text(st, 1, arg ? arg : "", -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
    }
    db_cached_done(st);
    return n;
}

long long rec_area_team_count(sqlite3 *db, const char *area_uuid)
{
    return count_by(db, "SELECT count(*) FROM team WHERE area_uuid = ? AND deleted = 0", area_uuid);
}

long long rec_team_member_count(sqlite3 *db, const char *team_uuid)
{
    return count_by(db,
                    "SELECT count(*) FROM membership ms JOIN member m ON m.uuid = ms.member_uuid "
                    "WHERE ms.team_uuid = ? AND ms.deleted = 0 AND ms.date_to IS NULL AND m.deleted = 0",
                    team_uuid);
}

int rec_clean_name(char *buf, size_t n, const char *field, findings *f)
{
    valid_result vr;
    char *out = xmalloc(n);
    valid_status s = validate_name(buf, out, n, &vr);
    return clean_done(buf, n, out, s, &vr, field, f);
}

