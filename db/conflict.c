/* conflict.c — records changed both here and below: recorded by the import
 * (one open conflict per record), listed, resolved as a whole or field by field. */
#include "conflict.h"
#include "audit.h"
#include "db.h"
#include "fields.h"
#include "merge-fields.h"
#include "office.h"
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether table is a travelling table (its name then may go into SQL text). */
static int is_travel_table(const char *table)
{
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++)
        if (strcmp(SCHEMA_TRAVEL_TABLES[i], table) == 0)
            return 1;
    return 0;
}

static void copy_col(sqlite3_stmt *st, int col, char *out, size_t n)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    snprintf(out, n, "%s", t ? (const char *)t : "");
}

int conflict_record(sqlite3 *db, const char *table, const char *uuid, const char *incoming_json,
                    long long incoming_version, const char *incoming_updated_at, const char *base_json,
                    const char *source, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT id, incoming_version FROM conflict WHERE tbl = ? AND record_uuid = ? AND resolution IS NULL", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
    long long id = 0, held = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        held = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (id && held >= incoming_version)
        return 0;
    char *local = audit_row_json(db, table, uuid);
    char now[32];
    db_now(now);
    st = db_prepare(db, id
        ? "UPDATE conflict SET local_json = ?3, incoming_json = ?4, incoming_updated_at = ?5, "
          "incoming_version = ?6, base_json = coalesce(?7, base_json), source = ?8 WHERE id = ?9"
        : "INSERT INTO conflict (tbl, record_uuid, local_json, incoming_json, incoming_updated_at, "
          "incoming_version, base_json, source, detected_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10)", e);
    int rc = -1;
    if (st) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, local ? local : "{}", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, incoming_json, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, incoming_updated_at, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, incoming_version);
        db_bind_text_or_null(st, 7, base_json);
        sqlite3_bind_text(st, 8, source, -1, SQLITE_STATIC);
        if (id)
            sqlite3_bind_int64(st, 9, id);
        else
            sqlite3_bind_text(st, 10, now, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? (id ? 2 : 1) : db_fail(db, e, _("cannot record a conflict"));
    }
    sqlite3_finalize(st);
    free(local);
    return rc;
}

int conflict_is_open(sqlite3 *db, const char *table, const char *uuid)
{
    sqlite3_stmt *st = NULL;
    int open = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM conflict WHERE tbl = ? AND record_uuid = ? AND resolution IS NULL",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
        open = sqlite3_step(st) == SQLITE_ROW;
    }
    sqlite3_finalize(st);
    return open;
}

int conflict_supersede(sqlite3 *db, const char *table, const char *uuid, cdtt_err *e)
{
    char now[32];
    db_now(now);
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE conflict SET resolution = 'superseded', resolved_at = ?3 "
        "WHERE tbl = ?1 AND record_uuid = ?2 AND resolution IS NULL", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot record a conflict"));
    sqlite3_finalize(st);
    return rc;
}

/* The name of the office whose key ("scheme:code") source is: from the unit
 * list, else from the import log, else the key itself. */
#define SOURCE_NAME_SQL                                                                              \
    "coalesce((SELECT name FROM unit u WHERE u.scheme = substr(c.source, 1, instr(c.source, ':') - 1) " \
    "  AND u.code = substr(c.source, instr(c.source, ':') + 1) ORDER BY u.level = 'commune' DESC LIMIT 1), " \
    " (SELECT l.source_name FROM import_log l WHERE l.source_scheme || ':' || l.source_code = c.source "  \
    "  ORDER BY l.id DESC LIMIT 1), c.source)"

int conflict_list_get(sqlite3 *db, int all, conflict_list *out, cdtt_err *e)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT id, tbl, record_uuid, source, detected_at, incoming_updated_at, "
        "coalesce(resolution, ''), coalesce(resolved_at, ''), local_json, incoming_json, "
        "coalesce(json_extract(local_json, '$.full_name'), json_extract(local_json, '$.name'), "
        "json_extract(local_json, '$.topic'), json_extract(local_json, '$.date'), record_uuid), "
        "incoming_version, base_json, " SOURCE_NAME_SQL " "
        "FROM conflict c WHERE ?1 OR resolution IS NULL ORDER BY id", e);
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, all != 0);
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (out->n == cap) {
            cap = cap ? cap * 2 : 16;
            out->items = xrealloc(out->items, (size_t)cap * sizeof *out->items);
        }
        conflict_rec *c = &out->items[out->n++];
        memset(c, 0, sizeof *c);
        c->id = sqlite3_column_int64(st, 0);
        copy_col(st, 1, c->tbl, sizeof c->tbl);
        copy_col(st, 2, c->record_uuid, sizeof c->record_uuid);
        copy_col(st, 3, c->source, sizeof c->source);
        copy_col(st, 4, c->detected_at, sizeof c->detected_at);
        copy_col(st, 5, c->incoming_updated_at, sizeof c->incoming_updated_at);
        copy_col(st, 6, c->resolution, sizeof c->resolution);
        copy_col(st, 7, c->resolved_at, sizeof c->resolved_at);
        c->local_json = db_column_strdup(st, 8);
        c->incoming_json = db_column_strdup(st, 9);
        copy_col(st, 10, c->label, sizeof c->label);
        c->incoming_version = sqlite3_column_int64(st, 11);
        c->base_json = sqlite3_column_type(st, 12) == SQLITE_NULL ? NULL : db_column_strdup(st, 12);
        copy_col(st, 13, c->source_name, sizeof c->source_name);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        conflict_list_free(out);
        return db_fail(db, e, _("cannot read the conflicts"));
    }
    /* An open conflict shows the record as it is here now. */
    for (int i = 0; i < out->n; i++) {
        conflict_rec *c = &out->items[i];
        char *now = (!c->resolution[0] && is_travel_table(c->tbl)) ? audit_row_json(db, c->tbl, c->record_uuid)
                                                                  : NULL;
        if (now) {
            free(c->local_json);
            c->local_json = now;
        }
    }
    return 0;
}

void conflict_list_free(conflict_list *l)
{
    for (int i = 0; i < l->n; i++) {
        free(l->items[i].local_json);
        free(l->items[i].incoming_json);
        free(l->items[i].base_json);
    }
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

long long conflict_open_count(sqlite3 *db)
{
    return db_scalar_int(db, "SELECT count(*) FROM conflict WHERE resolution IS NULL", -1);
}

/* The text of column in the JSON row json, malloc'd ("" for null). */
static char *json_text(sqlite3 *db, const char *json, const char *column)
{
    sqlite3_stmt *st = NULL;
    char *out = NULL;
    if (sqlite3_prepare_v2(db, "SELECT json_extract(?1, '$.\"' || ?2 || '\"')", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, json ? json : "{}", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            out = db_column_strdup(st, 0);
    }
    sqlite3_finalize(st);
    return out ? out : xstrdup("");
}

int conflict_fields(sqlite3 *db, const conflict_rec *c, conflict_field **out, int *n, cdtt_err *e)
{
    *out = NULL;
    *n = 0;
    field_set diff, below = {0}, both = {0};
    if (fields_differing(db, c->local_json, c->incoming_json, &diff, e) < 0)
        return -1;
    if (c->base_json && fields_diff3(db, c->base_json, c->local_json, c->incoming_json, &below, &both, e) < 0) {
        field_set_free(&diff);
        return -1;
    }
    conflict_field *f = diff.n ? xcalloc((size_t)diff.n, sizeof *f) : NULL;
    for (int i = 0; i < diff.n; i++) {
        const char *col = diff.cols[i];
        f[i].number = field_number(c->tbl, col);
        snprintf(f[i].column, sizeof f[i].column, "%s", col);
        f[i].label = field_label(c->tbl, col);
        char *here = json_text(db, c->local_json, col), *inc = json_text(db, c->incoming_json, col);
        f[i].here = field_display(c->tbl, col, here);
        f[i].incoming = field_display(c->tbl, col, inc);
        free(here);
        free(inc);
        f[i].both = !c->base_json || field_set_has(&both, col);
    }
    *out = f;
    *n = diff.n;
    field_set_free(&diff);
    field_set_free(&below);
    field_set_free(&both);
    return 0;
}

void conflict_fields_free(conflict_field *f, int n)
{
    for (int i = 0; i < n; i++) {
        free(f[i].here);
        free(f[i].incoming);
    }
    free(f);
}

/* An open conflict, as resolve needs it. */
typedef struct {
    char tbl[32], uuid[64];
    char *incoming;
    long long version;
} open_conflict;

/* Reads conflict id; it must be open and name a travelling table. Returns 0 or -1 with e set. */
static int load_open(sqlite3 *db, long long id, open_conflict *c, cdtt_err *e)
{
    memset(c, 0, sizeof *c);
    sqlite3_stmt *st = db_prepare(db,
        "SELECT tbl, record_uuid, incoming_json, incoming_version, resolution FROM conflict WHERE id = ?", e);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = -1;
    if (sqlite3_step(st) != SQLITE_ROW) {
        err_set(e, _("there is no conflict number %lld"), id);
    } else if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
        err_set(e, _("conflict %lld is already resolved (%s)"), id, sqlite3_column_text(st, 4));
    } else {
        copy_col(st, 0, c->tbl, sizeof c->tbl);
        copy_col(st, 1, c->uuid, sizeof c->uuid);
        c->incoming = db_column_strdup(st, 2);
        c->version = sqlite3_column_int64(st, 3);
        rc = is_travel_table(c->tbl) ? 0 : err_set(e, _("conflict %lld names an unknown table"), id);
    }
    sqlite3_finalize(st);
    return rc;
}

/* The columns of diff that take the incoming value: all of them for "theirs",
 * none for "mine", the other way round for the exceptions (column names or
 * field numbers), each of which must be one of diff. Returns 0 or -1 with e set. */
static int pick_theirs(const char *table, const field_set *diff, int theirs, const char *const *except,
                       int n_except, field_set *out, cdtt_err *e)
{
    memset(out, 0, sizeof *out);
    field_set flip = {0};
    for (int i = 0; i < n_except; i++) {
        char *end;
        long num = strtol(except[i], &end, 10);
        const char *col = (*except[i] && !*end) ? field_by_number(table, (int)num) : except[i];
        if (!col || !field_set_has(diff, col)) {
            field_set_free(&flip);
            return err_set(e, _("'%s' is not one of the fields in which the two versions differ"), except[i]);
        }
        flip.cols = xrealloc(flip.cols, (size_t)(flip.n + 1) * sizeof *flip.cols);
        flip.cols[flip.n++] = xstrdup(col);
    }
    for (int i = 0; i < diff->n; i++)
        if (theirs != field_set_has(&flip, diff->cols[i])) {
            out->cols = xrealloc(out->cols, (size_t)(out->n + 1) * sizeof *out->cols);
            out->cols[out->n++] = xstrdup(diff->cols[i]);
        }
    field_set_free(&flip);
    return 0;
}

/* {"column": "theirs", ...} of the columns taken from below. malloc'd. */
static char *choice_json(const field_set *theirs)
{
    size_t cap = 16, len = 0;
    char *s = xmalloc(cap);
    len = (size_t)snprintf(s, cap, "{");
    for (int i = 0; i < theirs->n; i++) {
        size_t need = len + strlen(theirs->cols[i]) + 16;
        if (need > cap)
            s = xrealloc(s, cap = need * 2);
        len += (size_t)snprintf(s + len, cap - len, "%s\"%s\": \"theirs\"", i ? ", " : "", theirs->cols[i]);
    }
    if (len + 2 > cap)
        s = xrealloc(s, cap = len + 2);
    snprintf(s + len, cap - len, "}");
    return s;
}

/* Marks conflict id resolved. */
static int mark_resolved(sqlite3 *db, long long id, const char *resolution, const char *choices, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "UPDATE conflict SET resolution = ?, resolved_at = ?, choice_json = ? WHERE id = ?", e);
    if (!st)
        return -1;
    char now[32];
    db_now(now);
    sqlite3_bind_text(st, 1, resolution, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, choices, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, id);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot save the choice"));
    sqlite3_finalize(st);
    return rc;
}

/* Applies the choice to the record, inside the caller's transaction. */
static int apply_choice(sqlite3 *db, long long id, const open_conflict *c, const char *choice,
                        const char *const *except, int n_except, cdtt_err *e)
{
    char *old = audit_row_json(db, c->tbl, c->uuid);
    if (!old)
        return err_set(e, _("the record of conflict %lld no longer exists"), id);
    field_set diff = {0}, theirs = {0};
    char me[32];
    office_key(db, me);
    int rc = fields_differing(db, old, c->incoming, &diff, e);
    if (rc == 0)
        rc = pick_theirs(c->tbl, &diff, strcmp(choice, "theirs") == 0, except, n_except, &theirs, e);
    int all_theirs = theirs.n == diff.n;
    char *by = all_theirs ? json_text(db, c->incoming, "changed_by") : xstrdup(me);
    char *choices = choice_json(&theirs);
    if (rc == 0)
        rc = fields_apply(db, c->tbl, c->uuid, c->incoming, &theirs, c->version, by, e);
    if (rc == 0)
        rc = all_theirs ? merge_base_forget(db, c->tbl, c->uuid, e)
                        : merge_base_put(db, c->tbl, c->uuid, c->version, c->incoming, e);
    if (rc == 0)
        rc = audit_write(db, c->tbl, c->uuid, "resolve", old, e);
    if (rc == 0)
        rc = mark_resolved(db, id, theirs.n == 0 ? "mine" : all_theirs ? "theirs" : "fields", choices, e);
    free(choices);
    free(by);
    free(old);
    field_set_free(&diff);
    field_set_free(&theirs);
    return rc;
}

/* Whether the record of conflict id changed here since the conflict showed it
 * (its version differs from the one in local_json): then the conflict is
 * brought up to date with the record as it is now, inside the caller's
 * transaction, and 1 is returned; 0 when unchanged, -1 with e set on error. */
static int changed_since_shown(sqlite3 *db, long long id, const open_conflict *c, cdtt_err *e)
{
    char *now = audit_row_json(db, c->tbl, c->uuid);
    if (!now)
        return 0; /* gone: apply_choice says so */
    sqlite3_stmt *st = db_prepare(db,
        "SELECT json_extract(local_json, '$.version') IS NOT json_extract(?2, '$.version') FROM conflict WHERE id = ?1",
        e);
    int changed = -1;
    if (st) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
        changed = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : db_fail(db, e, _("cannot record a conflict"));
        sqlite3_finalize(st);
    }
    if (changed == 1) {
        st = db_prepare(db, "UPDATE conflict SET local_json = ?2 WHERE id = ?1", e);
        if (!st || (sqlite3_bind_int64(st, 1, id), sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC),
                    sqlite3_step(st)) != SQLITE_DONE)
            changed = db_fail(db, e, _("cannot record a conflict"));
        sqlite3_finalize(st);
    }
    free(now);
    return changed;
}

int conflict_resolve_fields(sqlite3 *db, long long id, const char *choice, const char *const *except,
                            int n_except, cdtt_err *e)
{
    if (strcmp(choice, "mine") != 0 && strcmp(choice, "theirs") != 0)
        return err_set(e, _("choose 'mine' (keep this office's version) or 'theirs' (take the incoming one)"));
    if (db_begin(db, e) < 0)
        return -1;
    open_conflict c;
    int rc = load_open(db, id, &c, e);
    /* The choice was made on the version the conflict showed: a local change
     * since (a form, an import) is neither overwritten nor kept blindly. */
    int changed = rc == 0 ? changed_since_shown(db, id, &c, e) : 0;
    if (changed == 1) {
        free(c.incoming);
        if (db_commit(db, e) < 0)
            return -1;
        return err_set(e, _("the record of conflict %lld was changed here after the conflict was found, so nothing "
                            "was decided; look at both versions again ('cdtt conflicts') and choose again"),
                       id);
    }
    if (changed < 0)
        rc = -1;
    if (rc == 0)
        rc = apply_choice(db, id, &c, choice, except, n_except, e);
    free(c.incoming);
    if (rc == 0)
        return db_commit(db, e);
    db_rollback(db);
    return -1;
}

int conflict_resolve(sqlite3 *db, long long id, const char *choice, cdtt_err *e)
{
    return conflict_resolve_fields(db, id, choice, NULL, 0, e);
}
