/* package-owner.c — who owns a travelling record, and whether a package may
 * write it: every record belongs to one commune (its own unit, or that of the
 * team, session or member it hangs on), and a package writes only records of
 * its own office (a district's or province's package: of the communes under it). */
#include "package-internal.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A column that points to a record of another travelling table. */
typedef struct {
    const char *column;
    const char *parent;
} owner_link;

/* How a table's rows find their commune. */
typedef struct {
    const char *table;
    int has_unit;          /* unit_scheme, unit_code columns */
    owner_link links[2];   /* NULL column: none */
} owner_rule;

static const owner_rule RULES[] = {
    {"area", 1, {{NULL, NULL}, {NULL, NULL}}},
    {"team", 1, {{"area_uuid", "area"}, {NULL, NULL}}},
    {"member", 1, {{NULL, NULL}, {NULL, NULL}}},
    {"membership", 0, {{"team_uuid", "team"}, {"member_uuid", "member"}}},
    {"training_session", 1, {{NULL, NULL}, {NULL, NULL}}},
    {"attendance", 0, {{"session_uuid", "training_session"}, {"member_uuid", "member"}}},
    {"activity", 0, {{"team_uuid", "team"}, {NULL, NULL}}},
};

struct owner_check {
    merge_ctx *x;
    const owner_rule *rule;
    sqlite3_stmt *inc;       /* unit_scheme, unit_code, link 0, link 1 of the package's row */
    sqlite3_stmt *stored;    /* the same of this file's row */
    sqlite3_stmt *parent[2]; /* unit_scheme, unit_code of a parent in this file */
};

int unit_in_scope(merge_ctx *x, const char *scheme, const char *code)
{
    const package_manifest *m = x->m;
    if (!scheme || !code || strcmp(scheme, m->source_scheme) != 0)
        return 0;
    if (strcmp(code, m->source_code) == 0)
        return 1;
    if (strcmp(m->source_level, "commune") == 0)
        return 0;
    if (strcmp(m->source_level, "national") == 0)
        return 1;
    /* Below a district or province: decided by this office's unit list when it knows the unit. */
    sqlite3_reset(x->unit);
    sqlite3_bind_text(x->unit, 1, scheme, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(x->unit, 2, code, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(x->unit) != SQLITE_ROW)
        return 1;
    const char *up = (const char *)sqlite3_column_text(x->unit,
                                                       strcmp(m->source_level, "province") == 0 ? 0 : 1);
    return up && strcmp(up, m->source_code) == 0;
}

/* "Name (code)" of a unit, or the code alone when this file's list lacks it. */
static void unit_label(merge_ctx *x, const char *scheme, const char *code, char *out, size_t n)
{
    const char *name = NULL;
    sqlite3_reset(x->unit_name);
    sqlite3_bind_text(x->unit_name, 1, scheme ? scheme : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(x->unit_name, 2, code ? code : "", -1, SQLITE_TRANSIENT);
    if (sqlite3_step(x->unit_name) == SQLITE_ROW)
        name = (const char *)sqlite3_column_text(x->unit_name, 0);
    if (name && *name)
        snprintf(out, n, "%s (%s)", name, code);
    else
        snprintf(out, n, "%s", code && *code ? code : "?");
    sqlite3_reset(x->unit_name);
}

/* A readable name of what a parent table holds. */
static const char *parent_kind(const char *table)
{
    if (strcmp(table, "area") == 0)
        return _("village or group");
    if (strcmp(table, "team") == 0)
        return _("team");
    if (strcmp(table, "member") == 0)
        return _("member");
    return _("training session");
}

static const owner_rule *rule_of(const char *table)
{
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++)
        if (strcmp(RULES[i].table, table) == 0)
            return &RULES[i];
    return NULL;
}

void owner_check_free(owner_check *o)
{
    if (!o)
        return;
    sqlite3_finalize(o->inc);
    sqlite3_finalize(o->stored);
    sqlite3_finalize(o->parent[0]);
    sqlite3_finalize(o->parent[1]);
    free(o);
}

/* SELECT unit_scheme, unit_code, link 0, link 1 FROM schema.table WHERE uuid = ?1 */
static sqlite3_stmt *row_stmt(merge_ctx *x, const owner_rule *r, const char *schema, cdtt_err *e)
{
    char *sql = sqlite3_mprintf("SELECT %s, %s, %s FROM %s.\"%s\" WHERE uuid = ?1",
                                r->has_unit ? "unit_scheme, unit_code" : "NULL, NULL",
                                r->links[0].column ? r->links[0].column : "NULL",
                                r->links[1].column ? r->links[1].column : "NULL", schema, r->table);
    sqlite3_stmt *st = sql ? db_prepare(x->db, sql, e) : NULL;
    sqlite3_free(sql);
    return st;
}

owner_check *owner_check_new(merge_ctx *x, const char *table, cdtt_err *e)
{
    const owner_rule *r = rule_of(table);
    if (!r) {
        err_set(e, _("cannot merge the package"));
        return NULL;
    }
    owner_check *o = xcalloc(1, sizeof *o);
    o->x = x;
    o->rule = r;
    o->inc = row_stmt(x, r, "pkg", e);
    o->stored = o->inc ? row_stmt(x, r, "main", e) : NULL;
    int ok = o->stored != NULL;
    for (int i = 0; ok && i < 2 && r->links[i].column; i++) {
        char *sql = sqlite3_mprintf("SELECT unit_scheme, unit_code FROM main.\"%s\" WHERE uuid = ?1",
                                    r->links[i].parent);
        o->parent[i] = sql ? db_prepare(x->db, sql, e) : NULL;
        sqlite3_free(sql);
        ok = o->parent[i] != NULL;
    }
    if (!ok) {
        owner_check_free(o);
        return NULL;
    }
    return o;
}

/* The commune a record hangs on, as read so far. */
typedef struct {
    char scheme[16], code[16];
    int set;
} owner_unit;

/* Copies text column col (NULL: "") into out. */
static void col_text(sqlite3_stmt *st, int col, char *out, size_t n)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    snprintf(out, n, "%s", t ? (const char *)t : "");
}

/* Reads the unit of parent i (link value v) into u. Returns 1 found, 0 missing. */
static int parent_unit(owner_check *o, int i, const char *v, owner_unit *u)
{
    sqlite3_stmt *st = o->parent[i];
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, v, -1, SQLITE_TRANSIENT);
    int found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        col_text(st, 0, u->scheme, sizeof u->scheme);
        col_text(st, 1, u->code, sizeof u->code);
        u->set = 1;
    }
    sqlite3_reset(st);
    return found;
}

/* Checks the package's row (already stepped in o->inc). Returns 1 ok, 0 with reason. */
static int incoming_ok(owner_check *o, char *reason, size_t n)
{
    merge_ctx *x = o->x;
    const owner_rule *r = o->rule;
    owner_unit owner = {0};
    char a[600], b[600];
    if (r->has_unit) {
        col_text(o->inc, 0, owner.scheme, sizeof owner.scheme);
        col_text(o->inc, 1, owner.code, sizeof owner.code);
        owner.set = 1;
        if (!unit_in_scope(x, owner.scheme, owner.code)) {
            unit_label(x, owner.scheme, owner.code, a, sizeof a);
            snprintf(reason, n, _("it belongs to %s, not to %s"), a, x->m->source_name);
            return 0;
        }
    }
    for (int i = 0; i < 2 && r->links[i].column; i++) {
        if (sqlite3_column_type(o->inc, 2 + i) == SQLITE_NULL)
            continue;
        char v[64];
        col_text(o->inc, 2 + i, v, sizeof v);
        owner_unit u = {0};
        if (!parent_unit(o, i, v, &u)) {
            snprintf(reason, n, _("it refers to a %s that neither this file nor the package holds"),
                     parent_kind(r->links[i].parent));
            return 0;
        }
        if (!unit_in_scope(x, u.scheme, u.code)) {
            unit_label(x, u.scheme, u.code, a, sizeof a);
            snprintf(reason, n, _("it belongs to a %s of %s"), parent_kind(r->links[i].parent), a);
            return 0;
        }
        if (owner.set && (strcmp(owner.scheme, u.scheme) != 0 || strcmp(owner.code, u.code) != 0)) {
            unit_label(x, owner.scheme, owner.code, a, sizeof a);
            unit_label(x, u.scheme, u.code, b, sizeof b);
            snprintf(reason, n, _("it ties records of two communes together: %s and %s"), a, b);
            return 0;
        }
        owner = u;
    }
    return 1;
}

/* Writes the refusal of a change to a record of unit u into reason; returns 0. */
static int takeover(owner_check *o, const owner_unit *u, char *reason, size_t n)
{
    char a[600];
    unit_label(o->x, u->scheme, u->code, a, sizeof a);
    snprintf(reason, n, _("it would change a record of %s"), a);
    return 0;
}

/* Checks this file's row (stepped in o->stored): it, and the team, session or
 * member it hangs on here, must belong under the package's office too. Returns
 * 1 ok, 0 with reason. */
static int stored_ok(owner_check *o, char *reason, size_t n)
{
    const owner_rule *r = o->rule;
    owner_unit u = {0};
    if (r->has_unit) {
        col_text(o->stored, 0, u.scheme, sizeof u.scheme);
        col_text(o->stored, 1, u.code, sizeof u.code);
        if (!unit_in_scope(o->x, u.scheme, u.code))
            return takeover(o, &u, reason, n);
    }
    for (int i = 0; i < 2 && r->links[i].column; i++) {
        if (sqlite3_column_type(o->stored, 2 + i) == SQLITE_NULL)
            continue;
        char v[64];
        col_text(o->stored, 2 + i, v, sizeof v);
        if (parent_unit(o, i, v, &u) && !unit_in_scope(o->x, u.scheme, u.code))
            return takeover(o, &u, reason, n);
    }
    return 1;
}

int owner_row_ok(owner_check *o, const char *uuid, char *reason, size_t n, cdtt_err *e)
{
    sqlite3_reset(o->inc);
    sqlite3_bind_text(o->inc, 1, uuid, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(o->inc) != SQLITE_ROW) {
        sqlite3_reset(o->inc);
        return db_fail(o->x->db, e, _("cannot read the package"));
    }
    int ok = incoming_ok(o, reason, n);
    sqlite3_reset(o->inc);
    if (!ok)
        return 0;
    sqlite3_reset(o->stored);
    sqlite3_bind_text(o->stored, 1, uuid, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(o->stored) == SQLITE_ROW)
        ok = stored_ok(o, reason, n);
    sqlite3_reset(o->stored);
    return ok;
}
