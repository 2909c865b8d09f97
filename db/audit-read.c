/* audit-read.c — the audit log in words (see audit-read.h). */
#include "audit-read.h"
#include "db.h"
#include "fields.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Entries, oldest first; ?1 record, ?2 first day, ?3 commune code (each NULL = any). */
static const char ENTRY_SQL[] =
    "SELECT id, at, os_user, office, tbl, record_uuid, action, old_json, new_json FROM audit "
    "WHERE (?1 IS NULL OR record_uuid = ?1) AND (?2 IS NULL OR at >= ?2) "
    "AND (?3 IS NULL OR office LIKE '%:' || ?3 "
    "     OR coalesce(json_extract(new_json, '$.unit_code'), json_extract(old_json, '$.unit_code')) = ?3) "
    "ORDER BY CASE WHEN ?4 THEN -id ELSE id END LIMIT CASE WHEN ?5 > 0 THEN ?5 ELSE -1 END";

/* The action in words. */
static const char *action_text(const char *action)
{
    static const struct {
        const char *code, *words;
    } ACTIONS[] = {
        {"insert", N_("added")},       {"update", N_("changed")},
        {"delete", N_("deleted")},     {"undelete", N_("restored")},
        {"resolve", N_("conflict settled")}, {"import", N_("imported")},
        {"assume_start", N_("start date assumed by an import")},
    };
    for (size_t i = 0; i < sizeof ACTIONS / sizeof ACTIONS[0]; i++)
        if (strcmp(ACTIONS[i].code, action) == 0)
            return _(ACTIONS[i].words);
    return action;
}

/* The name of the record uuid of table (by its name column), or "" when unknown. */
static void name_of(sqlite3 *db, const char *table, const char *uuid, char *out, size_t n)
{
    out[0] = '\0';
    const record_kind *k = record_kind_of(table);
    if (!k || !k->name_column || !uuid)
        return;
    /* Table and column names come from the catalogue, never from data. */
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT \"%s\" FROM \"%s\" WHERE uuid = ?1", k->name_column, k->table);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
}

/* A value in words: a reference by the name of the record it names. */
static void value_text(sqlite3 *db, const field_def *f, const char *v, int full, char *out, size_t n)
{
    if (f->type == FIELD_REF && v && v[0]) {
        name_of(db, f->ref, v, out, n);
        if (out[0])
            return;
    }
    field_value_text(f, v, full, out, n);
}

/* The JSON value at $.column of json, as text (NULL when absent), through get. */
static const char *json_at(sqlite3_stmt *get, const char *json, const char *column)
{
    char path[48];
    snprintf(path, sizeof path, "$.%s", column);
    sqlite3_reset(get);
    sqlite3_bind_text(get, 1, json, -1, SQLITE_STATIC);
    sqlite3_bind_text(get, 2, path, -1, SQLITE_TRANSIENT);
    return sqlite3_step(get) == SQLITE_ROW ? (const char *)sqlite3_column_text(get, 0) : NULL;
}

/* The entry's record name: its name column, or for a link (membership,
 * attendance, activity) the names of the records it joins. */
static void entry_name(sqlite3 *db, sqlite3_stmt *get, const record_kind *k, const char *json, char *out,
                       size_t n)
{
    out[0] = '\0';
    if (k->name_column) {
        const char *v = json_at(get, json, k->name_column);
        snprintf(out, n, "%s", v ? v : "");
        return;
    }
    size_t len = 0;
    for (const field_def *f = k->fields; f->column && len < n; f++) {
        const char *v = f->type == FIELD_REF ? json_at(get, json, f->column) : NULL;
        if (!v)
            continue;
        char id[40], part[600];
        snprintf(id, sizeof id, "%s", v); /* the next json_at reuses the statement */
        value_text(db, f, id, 1, part, sizeof part);
        len += (size_t)snprintf(out + len, n - len, "%s%s", len ? ", " : "", part);
    }
}

/* Fills the changed fields of en from the old and new JSON of its row. */
static void entry_changes(sqlite3 *db, sqlite3_stmt *get2, const record_kind *k, const char *old_json,
                          const char *new_json, int full, audit_entry *en)
{
    int added = strcmp(en->action, "insert") == 0;
    int assumed = strcmp(en->action, "assume_start") == 0; /* says only which date */
    for (const field_def *f = k->fields; f->column && en->n_changes < AUDIT_MAX_CHANGES; f++) {
        if ((f->flags & FIELD_HIDDEN) || (assumed && strcmp(f->column, "date_from") != 0))
            continue;
        /* A new record's commune and deletion mark say nothing the heading does not. */
        if (added && (strcmp(f->column, "unit_scheme") == 0 || strcmp(f->column, "unit_code") == 0 ||
                      strcmp(f->column, "deleted") == 0))
            continue;
        char path[48];
        snprintf(path, sizeof path, "$.%s", f->column);
        sqlite3_reset(get2);
        sqlite3_bind_text(get2, 1, old_json, -1, SQLITE_STATIC);
        sqlite3_bind_text(get2, 2, new_json, -1, SQLITE_STATIC);
        sqlite3_bind_text(get2, 3, path, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(get2) != SQLITE_ROW)
            continue;
        const char *o = (const char *)sqlite3_column_text(get2, 0);
        const char *v = (const char *)sqlite3_column_text(get2, 1);
        if ((o ? o : "")[0] == '\0' && (v ? v : "")[0] == '\0')
            continue;
        if (o && v && strcmp(o, v) == 0)
            continue;
        audit_change *c = &en->changes[en->n_changes++];
        snprintf(c->column, sizeof c->column, "%s", f->column);
        snprintf(c->label, sizeof c->label, "%s", field_def_label(f));
        value_text(db, f, o, full, c->old_text, sizeof c->old_text);
        value_text(db, f, v, full, c->new_text, sizeof c->new_text);
    }
}

static const char *col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

long audit_read(sqlite3 *db, const audit_query *q, audit_entry_fn fn, void *arg, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, ENTRY_SQL, e);
    sqlite3_stmt *get = st ? db_prepare(db, "SELECT json_extract(?1, ?2)", e) : NULL;
    sqlite3_stmt *get2 = get ? db_prepare(db, "SELECT json_extract(?1, ?3), json_extract(?2, ?3)", e) : NULL;
    long n = -1;
    if (get2) {
        if (q->record)
            sqlite3_bind_text(st, 1, q->record, -1, SQLITE_STATIC);
        if (q->since)
            sqlite3_bind_text(st, 2, q->since, -1, SQLITE_STATIC);
        if (q->office)
            sqlite3_bind_text(st, 3, q->office, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, q->newest_first);
        sqlite3_bind_int(st, 5, q->limit);
        audit_entry *en = xmalloc(sizeof *en);
        int rc;
        n = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            memset(en, 0, sizeof *en);
            en->id = sqlite3_column_int64(st, 0);
            const char *at = col(st, 1);
            char iso[11], day[11];
            snprintf(iso, sizeof iso, "%.10s", at);
            date_to_display(iso, day);
            snprintf(en->at, sizeof en->at, "%s %.5s", day, strlen(at) > 11 ? at + 11 : "");
            snprintf(en->os_user, sizeof en->os_user, "%s", col(st, 2));
            snprintf(en->office, sizeof en->office, "%s", col(st, 3));
            snprintf(en->table, sizeof en->table, "%s", col(st, 4));
            snprintf(en->uuid, sizeof en->uuid, "%s", col(st, 5));
            snprintf(en->action, sizeof en->action, "%s", col(st, 6));
            snprintf(en->action_text, sizeof en->action_text, "%s", action_text(en->action));
            const char *old_json = (const char *)sqlite3_column_text(st, 7);
            const char *new_json = (const char *)sqlite3_column_text(st, 8);
            const record_kind *k = record_kind_of(en->table);
            if (k) {
                snprintf(en->kind, sizeof en->kind, "%s", _(k->label));
                entry_name(db, get, k, new_json ? new_json : old_json, en->name, sizeof en->name);
                entry_changes(db, get2, k, old_json, new_json, q->full, en);
            } else {
                snprintf(en->kind, sizeof en->kind, "%s", en->table);
            }
            n++;
            if (fn(en, arg) != 0)
                break;
        }
        free(en);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            n = db_fail(db, e, _("reading the audit log"));
    }
    sqlite3_finalize(get2);
    sqlite3_finalize(get);
    sqlite3_finalize(st);
    return n;
}
